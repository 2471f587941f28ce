/**
 * Inline content of a bilingual file (the parts of a <source> or <target>: text
 * and inline codes) turned into Redline's form: strings where each code
 * occurrence is one Private Use Area marker, plus the list of what each marker
 * stands for (src/codes/inlineCodes.ts).
 *
 * Markers are given per segment: first to the codes of the source in order,
 * then to codes only the target has. The k-th occurrence of a code in the
 * target gets the marker of the k-th occurrence of the same code (same kind of
 * element, same id, same role) in the source. Markers skip any Private Use Area
 * character the segment's text already holds, so a marker is never ambiguous.
 */
import { CODE_MARKER_FIRST, CODE_MARKER_LAST, type InlineCode, type InlineCodeKind } from '../codes/inlineCodes';
import { InterchangeError } from './errors';

export interface CodeOccurrence {
  /** What matches the same code across source and target, e.g. "g:1" (an open and its close share it). */
  key: string;
  kind: InlineCodeKind;
  id: string;
  /** The markup as written in the file. */
  xml: string;
  /** equiv/disp text or the native code, when the file gives one. */
  title?: string;
  /** XLIFF 2.0: the id of the <data> element holding the original code, resolved into `title` later. */
  dataRef?: string;
  /** Overrides the default "<id>", "</id>", "<id/>". */
  label?: string;
}

export type ContentPart = string | CodeOccurrence;

const PRIVATE_USE = /[\ue000-\uf8ff]/;

export interface MarkedSegment {
  source: string;
  mt: string;
  codes: InlineCode[];
}

const XML_SPACE_RUN = /[ \t\r\n]+/g;
const COLLAPSIBLE = /[\t\r\n]| {2}/;

/** xml:space="default": runs of white space are one space, none at the ends. */
export function collapseSpace(text: string): string {
  const collapsed = COLLAPSIBLE.test(text) ? text.replace(XML_SPACE_RUN, ' ') : text;
  const start = collapsed.charCodeAt(0) === 0x20 ? 1 : 0;
  const end = collapsed.length > start && collapsed.charCodeAt(collapsed.length - 1) === 0x20 ? collapsed.length - 1 : collapsed.length;
  return start === 0 && end === collapsed.length ? collapsed : collapsed.slice(start, end);
}

export function partsText(parts: readonly ContentPart[]): string {
  let text = '';
  for (const part of parts) if (typeof part === 'string') text += part;
  return text;
}

export function defaultLabel(kind: InlineCodeKind, id: string): string {
  return kind === 'open' ? `<${id}>` : kind === 'close' ? `</${id}>` : `<${id}/>`;
}

export function markCodes(
  sourceParts: readonly ContentPart[],
  targetParts: readonly ContentPart[],
  preserveSpace: { source: boolean; target: boolean },
): MarkedSegment {
  // Private Use Area characters the text holds itself (rare): made only when there are some.
  let literal: Set<number> | null = null;
  for (const parts of [sourceParts, targetParts]) {
    for (const part of parts) {
      if (typeof part !== 'string' || !PRIVATE_USE.test(part)) continue;
      for (let i = 0; i < part.length; i++) {
        const code = part.charCodeAt(i);
        if (code >= CODE_MARKER_FIRST && code <= CODE_MARKER_LAST) (literal ??= new Set()).add(code);
      }
    }
  }
  const codes: InlineCode[] = [];
  const byKey = new Map<string, InlineCode>();
  let next = CODE_MARKER_FIRST;

  const markerFor = (occurrence: CodeOccurrence, fullKey: string, inTarget: boolean): string => {
    const known = byKey.get(fullKey);
    if (known) {
      if (inTarget && occurrence.xml !== known.xml) known.targetXml = occurrence.xml;
      return known.marker;
    }
    while (literal?.has(next)) next++;
    if (next > CODE_MARKER_LAST) {
      throw new InterchangeError(
        'bad_segment',
        `A segment has more inline codes than Redline can show (${CODE_MARKER_LAST - CODE_MARKER_FIRST + 1}).`,
      );
    }
    const code: InlineCode = {
      marker: String.fromCharCode(next++),
      id: occurrence.id,
      kind: occurrence.kind,
      label: occurrence.label ?? defaultLabel(occurrence.kind, occurrence.id),
      xml: occurrence.xml,
    };
    if (occurrence.title !== undefined) code.title = occurrence.title;
    codes.push(code);
    byKey.set(fullKey, code);
    return code.marker;
  };

  const render = (parts: readonly ContentPart[], preserve: boolean, inTarget: boolean): string => {
    let seen: Map<string, number> | undefined;
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      seen ??= new Map();
      const roleKey = `${part.key}|${part.kind}`;
      const occurrence = seen.get(roleKey) ?? 0;
      seen.set(roleKey, occurrence + 1);
      text += markerFor(part, `${roleKey}#${occurrence}`, inTarget);
    }
    return preserve ? text : collapseSpace(text);
  };

  const source = render(sourceParts, preserveSpace.source, false);
  const mt = render(targetParts, preserveSpace.target, true);
  return { source, mt, codes };
}
