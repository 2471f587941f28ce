import { CODE_MARKER_FIRST, CODE_MARKER_LAST } from '../codes/inlineCodes';

/**
 * How Redline cuts a sentence into words: whitespace runs, single inline-code
 * markers (always one chunk of their own, see src/codes/inlineCodes.ts) and
 * runs of anything else. A word chunk has a core: the chunk without the
 * punctuation at its edges, so in “comfort, the core is comfort; punctuation
 * inside a word ("10%prices", "three-year", "Trump's") belongs to the core.
 * The word diff aligns these pieces; propagation counts words with them.
 */
export interface TextChunk {
  kind: 'space' | 'marker' | 'word';
  start: number;
  end: number;
  /** For a word: where its core starts and ends (equal when it is punctuation only). */
  coreStart: number;
  coreEnd: number;
}

/** The code markers as a range for a character class in pattern source: `[${CODE_MARKER_RANGE}]`. */
export const CODE_MARKER_RANGE = `${hex(CODE_MARKER_FIRST)}-${hex(CODE_MARKER_LAST)}`;
const CHUNKS = new RegExp(`(\\s+)|([${CODE_MARKER_RANGE}])|[^\\s${CODE_MARKER_RANGE}]+`, 'gu');
const WORD_EDGES = /^([^\p{L}\p{N}]*)(.*?)[^\p{L}\p{N}]*$/su;

function hex(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

export function textChunks(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  for (const match of text.matchAll(CHUNKS)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] !== undefined || match[2] !== undefined) {
      chunks.push({ kind: match[1] !== undefined ? 'space' : 'marker', start, end, coreStart: start, coreEnd: start });
      continue;
    }
    const edges = WORD_EDGES.exec(match[0])!;
    const coreStart = start + edges[1]!.length;
    chunks.push({ kind: 'word', start, end, coreStart, coreEnd: coreStart + edges[2]!.length });
  }
  return chunks;
}
