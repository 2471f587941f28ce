/**
 * Splits an upload into the chunks the incremental readers take, so that each
 * `write(chunk)` is a bounded piece of work (8K by default): the app feeds one
 * chunk per turn of the event loop. 8K of XLIFF takes a few milliseconds to
 * read. Text is never cut inside a surrogate pair.
 */
export const DEFAULT_CHUNK_SIZE = 1 << 13;

export function chunksOf(input: Uint8Array, size?: number): Generator<Uint8Array>;
export function chunksOf(input: string, size?: number): Generator<string>;
export function* chunksOf(input: Uint8Array | string, size = DEFAULT_CHUNK_SIZE): Generator<Uint8Array | string> {
  if (typeof input !== 'string') {
    for (let start = 0; start < input.length; start += size) yield input.subarray(start, start + size);
    return;
  }
  let start = 0;
  while (start < input.length) {
    let end = Math.min(start + size, input.length);
    const last = input.charCodeAt(end - 1);
    if (end < input.length && last >= 0xd800 && last <= 0xdbff && end - 1 > start) end--;
    yield input.slice(start, end);
    start = end;
  }
}
