/**
 * Two plain-text files, the source and its machine translation, into
 * segments. Both are split into paragraphs (blank lines) and sentences by the
 * project's segmenter; paragraphs pair in order, and inside a paragraph
 * sentences pair one to one when both sides have as many. When the counts
 * differ (MT merges or splits sentences), each MT sentence is shown beside the
 * whole source paragraph (`sourceScope: 'paragraph'`) rather than beside a
 * guessed sentence; `unalignedParagraphs` says how often that happened.
 * Different paragraph counts cannot be paired safely and are refused.
 *
 * The MT file's layout is kept: segments carry its kinds (sentence, heading,
 * meta) and separators, so the article exports as the MT file was laid out.
 */
import { segmentDocument, type DraftSegment, type SegmentedDocument, type SegmentKind } from '../segmentation/document';
import { InterchangeError } from './errors';
import { decodeBytes } from './textEncoding';
import type { ImportedSegment } from './types';

export interface ParallelSegment extends ImportedSegment {
  source: string;
  kind: SegmentKind;
  /** 'segment': `source` is this sentence's source; 'paragraph': the whole source paragraph. */
  sourceScope: 'segment' | 'paragraph';
}

export interface ParallelTextImport {
  /** Layout before the first MT segment (as segmentDocument's `leading`). */
  leading: string;
  segments: ParallelSegment[];
  /** Paragraphs whose sentences could not be paired one to one. */
  unalignedParagraphs: number;
}

export interface ParallelTextOptions {
  /** BCP 47 tags, handed to the segmenter. */
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** The segmenter, given the language once its options take one; kept in this one function. */
const segmentInLanguage: (text: string, options: { language: string }) => SegmentedDocument = segmentDocument;

function segmentText(text: string, language: string | undefined): SegmentedDocument {
  return language ? segmentInLanguage(text, { language }) : segmentDocument(text);
}

function byParagraph(segments: readonly DraftSegment[]): DraftSegment[][] {
  const paragraphs: DraftSegment[][] = [];
  for (const segment of segments) (paragraphs[segment.paragraph] ??= []).push(segment);
  return paragraphs;
}

function paragraphText(segments: readonly DraftSegment[]): string {
  return segments.map((segment, index) => (index < segments.length - 1 ? segment.text + segment.separator : segment.text)).join('');
}

function asText(input: Uint8Array | string): string {
  return typeof input === 'string' ? input : decodeBytes(input, 'text').text;
}

export function readParallelText(
  sourceInput: Uint8Array | string,
  mtInput: Uint8Array | string,
  options: ParallelTextOptions = {},
): ParallelTextImport {
  const sourceDocument = segmentText(asText(sourceInput), options.sourceLanguage);
  const mtDocument = segmentText(asText(mtInput), options.targetLanguage);
  const sourceParagraphs = byParagraph(sourceDocument.segments);
  const mtParagraphs = byParagraph(mtDocument.segments);
  if (mtParagraphs.length === 0) {
    throw new InterchangeError('empty_input', 'The machine translation file holds no text.');
  }
  if (sourceParagraphs.length !== mtParagraphs.length) {
    throw new InterchangeError(
      'paragraph_mismatch',
      `The source has ${sourceParagraphs.length} paragraphs and the machine translation ${mtParagraphs.length}, so they cannot be paired. ` +
        'Paragraphs are separated by blank lines: make both files break paragraphs at the same places.',
    );
  }
  const segments: ParallelSegment[] = [];
  let unalignedParagraphs = 0;
  mtParagraphs.forEach((mtSentences, paragraph) => {
    const sourceSentences = sourceParagraphs[paragraph]!;
    const aligned = sourceSentences.length === mtSentences.length;
    if (!aligned) unalignedParagraphs++;
    const wholeSource = aligned ? '' : paragraphText(sourceSentences);
    mtSentences.forEach((mt, index) => {
      segments.push({
        source: aligned ? sourceSentences[index]!.text : wholeSource,
        mt: mt.text,
        codes: [],
        paragraph,
        separator: mt.separator,
        kind: mt.kind,
        sourceScope: aligned ? 'segment' : 'paragraph',
      });
    });
  });
  return { leading: mtDocument.leading, segments, unalignedParagraphs };
}
