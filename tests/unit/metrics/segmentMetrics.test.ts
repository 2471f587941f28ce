import { describe, expect, it } from 'vitest';
import { chrfStats } from '../../../src/metrics/chrf';
import { createHash } from 'node:crypto';
import { corpusScores, segmentMetrics, sentenceScores, textHash, unchangedMetrics } from '../../../src/metrics/segmentMetrics';
import { countWords } from '../../../src/metrics/whitespace';
import { terStats } from '../../../src/metrics/ter';

describe('Segment metrics', () => {
  it.each([
    'The couple provides for a “comfort force”.',
    '  Spaces\tand\nnewlines  between\u00a0words ',
    'Emoji 👍🏽 and accents: café, naïve.',
    'Short',
    'a',
    '',
  ])('when a sentence is unchanged (%j), then the counted statistics equal a full TER and chrF computation', (text) => {
    expect(unchangedMetrics(text)).toEqual({ ter: terStats(text, text), chrf: chrfStats(text, text) });
  });

  it('when a sentence is unchanged, then its scores are TER 0 and chrF 100', () => {
    expect(sentenceScores(segmentMetrics('It works.', 'It works.'))).toEqual({ ter: 0, chrf: 100 });
  });

  it('when one word of ten is replaced, then TER is 10 with one substitution', () => {
    const metrics = segmentMetrics(
      'The couple provides for a comfort force of international troops.',
      'The couple provides for a reassurance force of international troops.',
    );
    expect(metrics.ter).toEqual({ edits: 1, referenceWords: 10, insertions: 0, deletions: 0, substitutions: 1, shifts: 0 });
    expect(sentenceScores(metrics).ter).toBe(10);
  });

  it('when a sentence is emptied, then every MT word is a deletion and TER is 100 (sacrebleu: empty reference)', () => {
    const metrics = segmentMetrics('Delete these three.', '');
    expect(metrics.ter).toMatchObject({ edits: 3, referenceWords: 0, deletions: 3 });
    expect(sentenceScores(metrics)).toEqual({ ter: 100, chrf: 0 });
  });

  it('when sentences are combined, then TER is total edits over total reference words, not the mean of sentence scores', () => {
    const short = segmentMetrics('A b', 'A c'); // 1 edit / 2 words = 50
    const long = segmentMetrics('one two three four five six seven eight', 'one two three four five six seven eight'); // 0 / 8
    expect(corpusScores([short, long]).ter).toBe(10); // 1 / 10, not (50 + 0) / 2
  });

  it('when words are counted, then they are split on whitespace like TER: punctuation stays part of a word', () => {
    expect(countWords(' The “comfort force”, 10%prices  and\tthree -year war. ')).toBe(8);
    expect(countWords('')).toBe(0);
  });
});

describe('The metrics cache key of a text', () => {
  it('when a text is hashed, then the key is its SHA-1 in base64, as stored by earlier versions, and differs for another text', () => {
    const text = 'The couple provides for a reassurance force — “Trump’s tariffs”.';
    expect(textHash(text)).toBe(createHash('sha1').update(text, 'utf8').digest('base64'));
    expect(textHash(text)).not.toBe(textHash(`${text} `));
  });
});
