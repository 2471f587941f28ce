import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../../src/interchange/chunks';

describe('chunksOf', () => {
  it('when text is cut into chunks, then no chunk ends inside a surrogate pair and they join to the text', () => {
    const text = 'ab😀cd😀';
    const chunks = [...chunksOf(text, 3)];
    expect(chunks).toEqual(['ab', '😀c', 'd😀']);
    expect(chunks.join('')).toBe(text);
  });

  it('when bytes are cut into chunks, then each is at most the size and they join to the bytes', () => {
    const bytes = Buffer.from('0123456789');
    const chunks = [...chunksOf(bytes, 4)];
    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 2]);
    expect(Buffer.concat(chunks)).toEqual(bytes);
  });
});
