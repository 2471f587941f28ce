/**
 * A plain-text article as a monolingual XLIFF 2.0 review file: the machine
 * translation as <source>, the editor's correction as <target>, with its review
 * state; srcLang and trgLang are both the article's language.
 *
 * Shape: one <unit> per paragraph, one <segment> per sentence. The layout
 * between sentences, and after the last sentence of a paragraph (the blank
 * line, Markdown markers), is kept as <ignorable> content, and the text before
 * the first sentence as an <ignorable> at the start of the first unit. With
 * xml:space="preserve" on <file>, concatenating the sources and ignorables of
 * all units gives back the MT article exactly, and the targets and ignorables
 * the corrected one:
 *
 *   <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="en">
 *     <file id="f1" original="Title" xml:space="preserve">
 *       <unit id="p1">
 *         <segment id="s1" state="reviewed"><source>MT</source><target>Correction</target></segment>
 *         <ignorable><source> </source></ignorable>
 *         ...
 *
 * A bilingual article (one whose every segment has its own source sentence)
 * is written the same way with its source as <source> and `sourceLanguage` as
 * srcLang; then the sources and ignorables no longer give back the MT article.
 *
 * Inline codes (an article imported from a bilingual file) become <ph/>
 * placeholders showing their label, with the same id in source and target.
 * The output is produced in bounded steps like the other writers.
 */
import { stripCodeMarkers, type InlineCode } from '../codes/inlineCodes';
import { InterchangeError } from './errors';
import { escapeSegmentText } from './targetMarkup';
import type { ReviewStatus } from './types';
import { xliff20State } from './xliffWriter';
import { escapeXmlAttribute } from './xmlMarkup';

export interface ArticleSegmentForXliff {
  mt: string;
  /** The segment's source sentence: written as <source> when the article has `sourceLanguage`. */
  source?: string | null;
  /** The current correction. */
  text: string;
  status: ReviewStatus;
  paragraph: number;
  /** The layout after the segment (segmentDocument's separator). */
  separator: string;
  codes?: readonly InlineCode[];
}

export interface ArticleForXliff {
  /** BCP 47 tag of the article (both srcLang and trgLang). */
  language: string;
  /** BCP 47 tag of the sources: given, each segment's `source` is its <source> (a bilingual file). */
  sourceLanguage?: string;
  /** Written as the file's `original`. */
  title?: string;
  /** Layout before the first segment. */
  leading?: string;
  segments: readonly ArticleSegmentForXliff[];
}

const UNITS_PER_STEP = 500;

function content(text: string, codes: readonly InlineCode[] | undefined, segmentNumber: number): string {
  if (!codes || codes.length === 0) return escapeSegmentText(stripCodeMarkers(text), '2.0');
  const byMarker = new Map(codes.map((code, index) => [code.marker, { code, index }]));
  let out = '';
  let run = '';
  for (const char of text) {
    const found = byMarker.get(char);
    if (!found) {
      run += char;
      continue;
    }
    out += escapeSegmentText(run, '2.0');
    run = '';
    out += `<ph id="s${segmentNumber}c${found.index + 1}" disp="${escapeXmlAttribute(found.code.label)}"/>`;
  }
  return out + escapeSegmentText(run, '2.0');
}

function ignorable(text: string): string {
  return text === '' ? '' : `\n   <ignorable><source>${escapeSegmentText(text, '2.0')}</source></ignorable>`;
}

export function* articleXliffChunks(article: ArticleForXliff): Generator<string> {
  if (article.segments.length === 0) throw new InterchangeError('empty_input', 'The article has no segments to export.');
  const language = escapeXmlAttribute(article.language);
  const sourceLanguage = article.sourceLanguage === undefined ? language : escapeXmlAttribute(article.sourceLanguage);
  const bilingual = article.sourceLanguage !== undefined;
  const original = article.title === undefined ? '' : ` original="${escapeXmlAttribute(article.title)}"`;
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${sourceLanguage}" trgLang="${language}">\n` +
    ` <file id="f1"${original} xml:space="preserve">`;
  let leading = article.leading ?? '';
  let unitNumber = 0;
  let segmentNumber = 0;
  let index = 0;
  const segments = article.segments;
  while (index < segments.length) {
    const paragraph = segments[index]!.paragraph;
    out += `\n  <unit id="p${++unitNumber}">${ignorable(leading)}`;
    leading = '';
    for (; index < segments.length && segments[index]!.paragraph === paragraph; index++) {
      const segment = segments[index]!;
      const { state, subState } = xliff20State(segment.status);
      const subStateAttribute = subState === undefined ? '' : ` subState="${subState}"`;
      segmentNumber++;
      out +=
        `\n   <segment id="s${segmentNumber}" state="${state}"${subStateAttribute}>` +
        `<source>${content(bilingual ? (segment.source ?? '') : segment.mt, segment.codes, segmentNumber)}</source>` +
        `<target>${content(segment.text, segment.codes, segmentNumber)}</target></segment>` +
        ignorable(segment.separator);
    }
    out += '\n  </unit>';
    if (unitNumber % UNITS_PER_STEP === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}\n </file>\n</xliff>\n`;
}

export function writeArticleXliff(article: ArticleForXliff): string {
  return [...articleXliffChunks(article)].join('');
}
