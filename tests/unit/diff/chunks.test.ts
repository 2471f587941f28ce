import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../src/diff/chunks';

const pieces = (text: string) =>
  textChunks(text).map((chunk) =>
    chunk.kind === 'word' ? [text.slice(chunk.start, chunk.end), text.slice(chunk.coreStart, chunk.coreEnd)] : [chunk.kind],
  );

describe('textChunks', () => {
  it('when words carry punctuation, then the core drops it at the edges and keeps it inside', () => {
    expect(pieces('a “comfort force”, 10%prices')).toEqual([
      ['a', 'a'],
      ['space'],
      ['“comfort', 'comfort'],
      ['space'],
      ['force”,', 'force'],
      ['space'],
      ['10%prices', '10%prices'],
    ]);
  });

  it('when a code marker is glued to words, then it is a chunk of its own between them', () => {
    expect(pieces('post\uE000conflict')).toEqual([['post', 'post'], ['marker'], ['conflict', 'conflict']]);
  });

  it('when a chunk is punctuation only, then its core is empty', () => {
    expect(pieces('war .')).toEqual([['war', 'war'], ['space'], ['.', '']]);
  });
});
