import { wordDiff } from '../diff/wordDiff';

export interface Span {
  start: number;
  end: number;
}

/**
 * Where a span of the MT ended up in the edited text, for findings about
 * something the edit lost: a span inside unchanged text maps to the same
 * characters; a span inside a replacement maps to the replacing words; a span
 * inside a deletion maps to the point where it was deleted.
 */
export class MtToTextMap {
  private parts: ReturnType<typeof wordDiff> | null = null;

  constructor(
    private readonly mt: string,
    private readonly text: string,
  ) {}

  map(span: Span): Span {
    // The diff is computed only when a finding needs a position (rare).
    this.parts ??= wordDiff(this.mt, this.text);
    let mtOffset = 0;
    let textOffset = 0;
    for (const [index, part] of this.parts.entries()) {
      const length = part.text.length;
      if (part.kind === 'insert') {
        textOffset += length;
        continue;
      }
      if (span.start < mtOffset + length) {
        if (part.kind === 'equal') {
          const start = textOffset + (span.start - mtOffset);
          return { start, end: Math.min(textOffset + length, start + (span.end - span.start)) };
        }
        const replacement = this.parts[index + 1];
        return replacement?.kind === 'insert'
          ? { start: textOffset, end: textOffset + replacement.text.length }
          : { start: textOffset, end: textOffset };
      }
      mtOffset += length;
      if (part.kind === 'equal') textOffset += length;
    }
    return { start: this.text.length, end: this.text.length };
  }
}
