/**
 * The MT of a segment cut into pieces for display: each piece of text knows its
 * offset (so the browser can turn a selection back into MT offsets) and which
 * annotations cover it; labels follow the end of each annotated span and an
 * omission is a marker at its position. The template only escapes and prints.
 */
import type { SegmentKind } from '../segmentation/document';
import { isEvaluated, type Annotation } from './model';
import { SEVERITIES, categoryLabel, type Severity } from './mqm';

export interface AnnotationLabel {
  id: number;
  severity: Severity;
  text: string;
  /** the full description, for the tooltip */
  title: string;
}

export type MtPiece =
  | { kind: 'text'; start: number; text: string; severity: Severity | null; annotationIds: number[] }
  | { kind: 'omission'; start: number; label: AnnotationLabel }
  | { kind: 'label'; start: number; label: AnnotationLabel };

export interface AnnotatedMt {
  segmentId: number;
  /** whether the segment may be annotated at all (metadata lines may not) */
  evaluated: boolean;
  mtLength: number;
  pieces: MtPiece[];
  annotationCount: number;
}

type Spanned = Pick<Annotation, 'id' | 'start' | 'end' | 'category' | 'severity' | 'comment'>;

export function annotationLabel(annotation: Spanned, mt: string): AnnotationLabel {
  const severity = annotation.severity.charAt(0).toUpperCase() + annotation.severity.slice(1);
  const text = `${categoryLabel(annotation.category)} · ${severity}`;
  const span = annotation.start === annotation.end ? 'omission here' : `“${mt.slice(annotation.start, annotation.end)}”`;
  return {
    id: annotation.id,
    severity: annotation.severity,
    text,
    title: `${text}: ${span}${annotation.comment ? ` (${annotation.comment})` : ''}`,
  };
}

export function annotatedMt(segment: { id: number; mt: string; kind: SegmentKind }, annotations: readonly Spanned[]): AnnotatedMt {
  const { mt } = segment;
  const boundaries = new Set([0, mt.length]);
  for (const annotation of annotations) boundaries.add(annotation.start).add(annotation.end);
  const positions = [...boundaries].sort((a, b) => a - b);
  const ordered = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);

  const pieces: MtPiece[] = [];
  positions.forEach((position, index) => {
    // At each boundary: labels of the spans that end here, then omissions marked here, then the text up to the next boundary.
    for (const annotation of ordered) {
      if (annotation.end === position && annotation.start < position)
        pieces.push({ kind: 'label', start: position, label: annotationLabel(annotation, mt) });
    }
    for (const annotation of ordered) {
      if (annotation.start === position && annotation.end === position)
        pieces.push({ kind: 'omission', start: position, label: annotationLabel(annotation, mt) });
    }
    const next = positions[index + 1];
    if (next === undefined || next === position) return;
    const covering = ordered.filter(
      (annotation) => annotation.start <= position && annotation.end >= next && annotation.start < annotation.end,
    );
    pieces.push({
      kind: 'text',
      start: position,
      text: mt.slice(position, next),
      severity: covering.length === 0 ? null : mostSevere(covering.map((annotation) => annotation.severity)),
      annotationIds: covering.map((annotation) => annotation.id),
    });
  });
  return { segmentId: segment.id, evaluated: isEvaluated(segment), mtLength: mt.length, pieces, annotationCount: annotations.length };
}

function mostSevere(severities: Severity[]): Severity {
  return severities.reduce((worst, severity) => (SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(worst) ? severity : worst));
}

export interface SpanChoice {
  offset: number;
  label: string;
}

/**
 * The places a span may start and end on the page without JavaScript: before and
 * after each word, and each punctuation mark on its own, so "“comfort force”" can be
 * marked without its quotes. Returns the choices for `start` (the end of the text
 * included, for an omission at the end) and for `end`.
 */
export function spanChoices(mt: string): { starts: SpanChoice[]; ends: SpanChoice[] } {
  const starts: SpanChoice[] = [];
  const ends: SpanChoice[] = [];
  for (const match of mt.matchAll(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    const context = mt.slice(Math.max(0, start - 12), start).replace(/\s+/g, ' ');
    starts.push({ offset: start, label: `${start}: …${context}▸${match[0]}` });
    ends.push({ offset: end, label: `${end}: ${match[0]}◂${mt.slice(end, end + 12).replace(/\s+/g, ' ')}…` });
  }
  starts.push({ offset: mt.length, label: `${mt.length}: (end of the sentence)` });
  return { starts, ends };
}
