import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors';
import {
  checkRows,
  prepareImport,
  type PreparationRequest,
  type PreparedChunk,
  type PreparedEnd,
} from '../../../src/articles/importPreparation';
import { ImportThread, type PreparedImport } from '../../../src/articles/importThread';

const qa = { sourceLanguage: null, targetLanguage: 'en', glossary: [] };

function request(text: string, chunkSize: number, overrides: Partial<PreparationRequest> = {}): PreparationRequest {
  return { input: { content: text, format: 'text' }, chunkSize, maxSegments: 1_000, maxSegmentChars: 1_000, qa, ...overrides };
}

/** n sentences, one paragraph each. */
const sentences = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} sentence ${i + 1} is here.`).join('\n\n');

async function readAll(prepared: PreparedImport): Promise<{ chunks: PreparedChunk[]; end: PreparedEnd }> {
  const chunks: PreparedChunk[] = [];
  for (;;) {
    const piece = await prepared.next();
    if (piece.type === 'end') return { chunks, end: piece.end };
    chunks.push(piece.chunk);
  }
}

describe('prepareImport', () => {
  it('when a text is read, then its chunks carry the rows to insert, their QA findings counted in the figures, and the progress', () => {
    const text = 'A three -year war.\n\nIt was the the end.\n\nA clean sentence.';
    const steps = prepareImport(request(text, 2));
    const first = steps.next();
    const second = steps.next();
    const last = steps.next();
    if (first.done || second.done || !last.done) throw new Error('expected two chunks, then the end');
    expect(first.value.rows.text).toEqual(['A three -year war.', 'It was the the end.']);
    expect(second.value.rows.text).toEqual(['A clean sentence.']);
    const [war, talks] = first.value.checked!.findings;
    const warText = first.value.rows.text[war!.index]!;
    expect(war!.index).toBe(0);
    expect(war!.findings.map((finding) => [finding.check, warText.slice(finding.start, finding.end), finding.fix])).toEqual([
      ['space-before-hyphen', ' -', '-'],
    ]);
    expect(talks!.index).toBe(1);
    expect(talks!.findings.map((finding) => finding.check)).toEqual(['doubled-word']);
    expect(first.value.rows.openFindings).toEqual([1, 1]);
    expect(second.value.checked!.findings).toEqual([]);
    expect(second.value.rows.openFindings).toEqual([0]);
    expect(first.value.checked!.figures.counters).toMatchObject({ segments: 2, newCount: 2, openFindings: 2 });
    expect(second.value.checked!.figures.counters).toMatchObject({ segments: 1, openFindings: 0 });
    expect(second.value.characters).toBe(text.length);
    expect(last.value).toMatchObject({ firstSentence: 'A three -year war.', sourceLanguage: null, targetLanguage: 'en' });
  });

  it('when a chunk is asked for without its checks, then it comes unchecked, and checkRows gives what the worker would have', () => {
    const text = 'It was the the end.\n\nA clean sentence.\n\nA three -year war.\n\nPrices rose 10%last year.';
    const checkedRead = [...prepareImport(request(text, 2))];
    const steps = prepareImport(request(text, 2));
    const first = steps.next();
    // The value given to next() decides for the chunk it reads: the second one.
    const second = steps.next(false);
    if (first.done || second.done) throw new Error('expected two chunks');
    expect(first.value.checked).not.toBeNull();
    expect(second.value.checked).toBeNull();
    expect(second.value.rows.openFindings).toEqual([0, 0]);
    const checked = checkRows(second.value.rows, qa, () => []);
    expect(checked).toEqual(checkedRead[1]!.checked);
    expect(second.value.rows.openFindings).toEqual(checkedRead[1]!.rows.openFindings);
    expect(checked.findings.map(({ index, findings }) => [index, findings.map((finding) => finding.check)])).toEqual([
      [0, ['space-before-hyphen']],
      [1, ['number-glued-to-word']],
    ]);
  });

  it('when a first chunk size is given, then the first chunk has that many segments and the others the chunk size', () => {
    const chunks = [...prepareImport(request(sentences(11, 'Short'), 4, { firstChunkSize: 2 }))];
    expect(chunks.map((chunk) => chunk.rows.text.length)).toEqual([2, 4, 4, 1]);
    expect(chunks.flatMap((chunk) => chunk.rows.text)).toEqual(Array.from({ length: 11 }, (_, i) => `Short sentence ${i + 1} is here.`));
  });

  it('when the input passes a limit, then the refusal is the AppError the user reads', () => {
    expect(() => [...prepareImport(request(sentences(5, 'Short'), 2, { maxSegments: 4 }))]).toThrow(
      expect.objectContaining({ status: 413, code: 'too_many_segments' }),
    );
    expect(() => [...prepareImport(request('x'.repeat(50), 2, { maxSegmentChars: 40 }))]).toThrow(
      expect.objectContaining({ status: 422, code: 'segment_too_long', details: { segment: 1, length: 50, limit: 40 } }),
    );
  });
});

describe('ImportThread', () => {
  const thread = new ImportThread();
  afterAll(() => thread.close());

  it('when two imports are read at once, then each gets all its chunks, in order, from the worker thread', async () => {
    const first = thread.prepare(request(sentences(25, 'First'), 4));
    const second = thread.prepare(request(sentences(10, 'Second'), 3));
    const [a, b] = await Promise.all([readAll(first), readAll(second)]);
    expect(a.chunks.map((chunk) => chunk.rows.text.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(b.chunks.map((chunk) => chunk.rows.text.length)).toEqual([3, 3, 3, 1]);
    expect(a.chunks.flatMap((chunk) => chunk.rows.text)).toEqual(Array.from({ length: 25 }, (_, i) => `First sentence ${i + 1} is here.`));
    expect(b.end.firstSentence).toBe('Second sentence 1 is here.');
  });

  it('when the importing side waits for each chunk, then the worker leaves the checks of the next ones to it; when chunks wait for it, they come checked', async () => {
    // Taken as soon as they come: the importing side waits for the worker every time.
    const eager = await readAll(thread.prepare(request(sentences(40, 'Eager'), 4)));
    expect(eager.chunks[0]!.checked).not.toBeNull();
    expect(eager.chunks.slice(2).some((chunk) => chunk.checked === null)).toBe(true);
    // Taken slowly: each chunk is ready long before it is asked for.
    const slow = thread.prepare(request(sentences(24, 'Slow'), 4));
    const chunks: PreparedChunk[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const piece = await slow.next();
      if (piece.type === 'end') break;
      chunks.push(piece.chunk);
    }
    expect(chunks).toHaveLength(6);
    expect(chunks.at(-1)!.checked).not.toBeNull();
  });

  it('when an input is refused, then next() rejects with its AppError, and the thread goes on reading other imports', async () => {
    const refused = thread.prepare({ ...request('', 10), input: { content: '<xliff version="2.0"><file', format: 'xliff' } });
    const error = await refused.next().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 422 });
    const { chunks } = await readAll(thread.prepare(request(sentences(3, 'After'), 10)));
    expect(chunks[0]!.rows.text).toHaveLength(3);
  });

  it('when an import is cancelled halfway, then the worker drops it and reads the next one', async () => {
    const dropped = thread.prepare(request(sentences(30, 'Dropped'), 2));
    await dropped.next();
    dropped.cancel();
    const { chunks } = await readAll(thread.prepare(request(sentences(2, 'Next'), 10)));
    expect(chunks.flatMap((chunk) => chunk.rows.text)).toEqual(['Next sentence 1 is here.', 'Next sentence 2 is here.']);
  });

  it('when the worker is stopped under a running import, then that import fails instead of waiting forever, and the next one starts a new worker', async () => {
    const running = thread.prepare(request(sentences(40, 'Running'), 1));
    await running.next();
    await thread.close();
    let failure: unknown;
    try {
      for (;;) if ((await running.next()).type === 'end') break;
    } catch (error) {
      failure = error;
    }
    expect(failure).toEqual(new Error('The import worker was stopped.'));
    const { chunks } = await readAll(thread.prepare(request(sentences(1, 'Again'), 10)));
    expect(chunks[0]!.rows.text[0]).toBe('Again sentence 1 is here.');
  });
});
