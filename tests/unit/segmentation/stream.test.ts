import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  normalizeNewlines,
  segmentDocument,
  segmentDocumentStream,
  segmentInWindows,
  type DraftSegment,
  type SegmentedDocument,
} from '../../../src/segmentation/document';
import { randomText, seededRandom } from './random-text';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../../db/samples/ukraine-talks-paris-2025-04-18.txt'), 'utf8');

/** Runs a stream to its end, as the import does: segments from next(), `leading` from the final step. */
function collect(stream: Generator<DraftSegment, string, undefined>): SegmentedDocument {
  const segments: DraftSegment[] = [];
  for (;;) {
    const step = stream.next();
    if (step.done) return { leading: step.value, segments };
    segments.push(step.value);
  }
}

function rebuilt(document: SegmentedDocument): string {
  return document.leading + document.segments.map((segment) => segment.text + segment.separator).join('');
}

/** The sample's prose paragraphs run together into one paragraph of about `length` characters. */
function oneLongParagraph(length: number): string {
  const prose = SAMPLE.split(/\n\s*\n/).filter((paragraph) => /[.?!]”?$/.test(paragraph.trim()));
  const parts: string[] = [];
  let total = 0;
  for (let k = 0; total < length; k++) {
    const paragraph = prose[k % prose.length]!.trim();
    parts.push(paragraph);
    total += paragraph.length + 1;
  }
  return parts.join(' ');
}

describe('segmentDocumentStream', () => {
  it('when the sample is streamed, then it gives exactly what segmentDocument gives', () => {
    for (const language of ['en', 'fr', 'xx']) {
      expect(collect(segmentDocumentStream(SAMPLE, { language }))).toEqual(segmentDocument(SAMPLE, { language }));
    }
  });

  it('when random texts are streamed, then each gives exactly what segmentDocument gives', () => {
    const random = seededRandom(5150);
    for (let round = 0; round < 200; round++) {
      const input = randomText(random, 1 + Math.floor(random() * 120));
      expect(collect(segmentDocumentStream(input))).toEqual(segmentDocument(input));
    }
  });

  it('when the sample is read in small windows, then the segments are the same as read whole', () => {
    const whole = segmentDocument(SAMPLE);
    for (const window of [512, 1000, 4096]) {
      expect(collect(segmentInWindows(SAMPLE, {}, window))).toEqual(whole);
    }
  });

  it('when a paragraph is many windows long, then small windows give the same sentences and paragraph', () => {
    const paragraph = oneLongParagraph(60_000);
    const whole = segmentDocument(paragraph);
    const windowed = collect(segmentInWindows(paragraph, {}, 2048));
    expect(windowed).toEqual(whole);
    expect(new Set(windowed.segments.map((segment) => segment.paragraph))).toEqual(new Set([0]));
    expect(windowed.segments.length).toBeGreaterThan(300);
  });

  it('when random texts with CRLF and CR are read in tiny windows, then the round trip is exact and segments are trimmed', () => {
    const random = seededRandom(77);
    for (let round = 0; round < 200; round++) {
      const input = randomText(random, 40 + Math.floor(random() * 400));
      const document = collect(segmentInWindows(input, {}, 64 + Math.floor(random() * 400)));
      expect(rebuilt(document)).toBe(normalizeNewlines(input));
      for (const segment of document.segments) {
        expect(segment.text).not.toBe('');
        expect(segment.text.trim()).toBe(segment.text);
      }
    }
  });

  it('when one sentence is 200 KB long, then it stays one segment', () => {
    const input = 'Intro here.\n\n' + 'word '.repeat(40_000) + 'end.';
    const document = segmentDocument(input);
    expect(document.segments.map((segment) => segment.text.length)).toEqual([11, 200_004]);
  });

  it('when one sentence is longer than the largest window, then it is cut at spaces into segments of at most 256 KB', () => {
    const input = 'word '.repeat(200_000) + 'end.';
    const document = segmentDocument(input);
    expect(rebuilt(document)).toBe(input);
    expect(document.segments.length).toBeGreaterThan(3);
    expect(Math.max(...document.segments.map((segment) => segment.text.length))).toBeLessThanOrEqual(16 * 16_384);
    expect(document.segments.every((segment) => segment.text.startsWith('word') && !segment.text.endsWith(' '))).toBe(true);
  });

  describe('bounded steps', () => {
    /**
     * Streams `input`, timing every next(); the import calls next() in such a
     * loop. The sample is streamed first so that the engine's compilation of
     * the code (once per process) is not counted as a step. Of five runs the
     * fastest is kept: a step that does work in proportion to the document is
     * slow in every run, while a pause of the machine (another test file, the
     * garbage collector) hits one run only.
     */
    function measure(input: string): { segments: number; slowest: number; total: number } {
      collect(segmentDocumentStream(SAMPLE));
      const runs = Array.from({ length: 5 }, () => {
        const stream = segmentDocumentStream(input);
        let segments = 0;
        let slowest = 0;
        const started = performance.now();
        for (;;) {
          const before = performance.now();
          const step = stream.next();
          slowest = Math.max(slowest, performance.now() - before);
          if (step.done) break;
          segments++;
        }
        return { segments, slowest, total: performance.now() - started };
      });
      return runs.reduce((best, run) => (run.slowest < best.slowest ? run : best));
    }

    function report(name: string, input: string, result: ReturnType<typeof measure>): void {
      const perSecond = Math.round(result.segments / (result.total / 1000));
      console.log(
        `Stream, ${name} (${(input.length / 1e6).toFixed(1)} MB): ${result.segments} segments in ${Math.round(result.total)} ms ` +
          `(${perSecond} segments/s), slowest next() ${result.slowest.toFixed(2)} ms`,
      );
    }

    it('when a 5 MB article is one paragraph, then no next() takes more than 20 ms', () => {
      const input = oneLongParagraph(5_000_000);
      const result = measure(input);
      report('one paragraph', input, result);
      expect(result.segments).toBeGreaterThan(20_000);
      expect(result.slowest).toBeLessThan(20);
      expect(result.total).toBeLessThan(15_000);
    });

    it('when a 5 MB article has many paragraphs and CRLF line ends, then no next() takes more than 20 ms', () => {
      const copies = Math.ceil(5_000_000 / SAMPLE.length);
      const input = Array.from({ length: copies }, () => SAMPLE)
        .join('\r\n\r\n')
        .replace(/(?<!\r)\n/g, '\r\n');
      const result = measure(input);
      report('many paragraphs', input, result);
      expect(result.segments).toBeGreaterThan(20_000);
      expect(result.slowest).toBeLessThan(20);
      expect(result.total).toBeLessThan(15_000);
    });
  });
});
