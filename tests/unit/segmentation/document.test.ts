import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeNewlines, segmentDocument, type DraftSegment, type SegmentedDocument } from '../../../src/segmentation/document';
import { randomText, seededRandom } from './random-text';

const SAMPLE_PATH = path.resolve(__dirname, '../../../db/samples/ukraine-talks-paris-2025-04-18.txt');

function rebuilt(document: SegmentedDocument): string {
  return document.leading + document.segments.map((segment) => segment.text + segment.separator).join('');
}

/** Segments as [paragraph, kind, text] triples: compact whole-output comparisons. */
function triples(document: SegmentedDocument): [number, DraftSegment['kind'], string][] {
  return document.segments.map((segment) => [segment.paragraph, segment.kind, segment.text]);
}

describe('normalizeNewlines', () => {
  it('when text has CRLF and lone CR line ends, then both become LF', () => {
    expect(normalizeNewlines('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });
});

describe('segmentDocument', () => {
  describe('the sample article', () => {
    const sample = readFileSync(SAMPLE_PATH, 'utf8');
    const document = segmentDocument(sample);

    it('when the sample is segmented, then leading plus every text and separator gives back the file', () => {
      expect(rebuilt(document)).toBe(normalizeNewlines(sample));
    });

    it('when the sample is segmented, then every paragraph gets its kind', () => {
      const kindsByParagraph = new Map<number, string[]>();
      for (const segment of document.segments) {
        kindsByParagraph.set(segment.paragraph, [...(kindsByParagraph.get(segment.paragraph) ?? []), segment.kind]);
      }
      const sentence = (count: number) => Array.from({ length: count }, () => 'sentence');
      expect([...kindsByParagraph.values()]).toEqual([
        ['meta'],
        ...[1, 1, 1, 1, 2].map(sentence),
        ['heading'],
        ...[1, 1].map(sentence),
        ['heading'],
        ...[2, 1, 2, 2].map(sentence),
        ['heading'],
        ...[1, 1, 2, 1, 1].map(sentence),
        ['heading'],
        ...[1, 2].map(sentence),
        ['heading'],
        ...[1, 1, 2, 2, 2, 2].map(sentence),
        ['meta'],
        ['meta'],
      ]);
    });

    it('when the sample is segmented, then its headings and metadata are whole lines without layout', () => {
      const texts = (kind: DraftSegment['kind']) =>
        document.segments.filter((segment) => segment.kind === kind).map((segment) => segment.text);
      expect(texts('heading')).toEqual([
        'Zelenskyy: “We have to put pressure on the killers”',
        'Trump tells Russia to “move” on Ukraine',
        'Transatlantic rapprochement in cards?',
        'Europe is trying to resume headquarters at the table',
        'Russia warns Germany against the supply of missiles to Ukraine',
      ]);
      expect(texts('meta')).toEqual([
        'date 2025-04-18',
        'Published by: Davis Vanopdorp',
        'Sources 1/ https://Google.com/ 2/ https://www.dw.com/en/after-us-talks-is-europe-back-in-the-game-on-ukraine/a-72278916 The mention sources can contact us to remove/changing this article',
      ]);
      expect(document.leading).toBe(' ');
      expect(document.segments[0]!.separator).toBe(' \n\n\n\n');
      expect(document.segments.at(-1)!.separator).toBe('\n\n');
    });

    it('when a quotation holds two sentences, then the first ends inside it and the second keeps the reporting clause', () => {
      const paragraph12 = document.segments.filter((segment) => segment.paragraph === 12);
      expect(paragraph12).toEqual([
        {
          paragraph: 12,
          kind: 'sentence',
          text: '“Russia uses every day and every night to kill.',
          separator: ' ',
        },
        {
          paragraph: 12,
          kind: 'sentence',
          text: 'We have to put pressure on the killers … to end this war and guarantee lasting peace,” he wrote on Telegram.',
          separator: '\n\n',
        },
      ]);
    });

    it('when quoted speech follows a sentence or ends a paragraph, then the quote marks stay with their sentence', () => {
      const texts = (paragraph: number) =>
        document.segments.filter((segment) => segment.paragraph === paragraph).map((segment) => segment.text);
      expect(texts(4)).toEqual([
        '“I believe that Americans see the interest of working in this format,” said journalists on condition of anonymity, after a day of consecutive discussions.',
      ]);
      expect(texts(27)).toEqual([
        'An EU diplomat, speaking on condition of anonymity before the start of discussions, said it was a good first step.',
        '“It depends a lot on how they concretely involve Europeans in negotiations in the future.”',
      ]);
      expect(texts(29)).toEqual([
        '“This may mean that the United States understands that Europeans will have to be on a future agreement, which the Russians have already specified.',
        'I am not sure that we can see it as a kind of rapprochement.”',
      ]);
    });
  });

  describe('layout', () => {
    it('when the text has CRLF line ends, then segments are built from the normalised text', () => {
      const document = segmentDocument('Title here\r\n\r\nFirst sentence. Second one.\r\n');
      expect(document).toEqual({
        leading: '',
        segments: [
          { paragraph: 0, kind: 'heading', text: 'Title here', separator: '\n\n' },
          { paragraph: 1, kind: 'sentence', text: 'First sentence.', separator: ' ' },
          { paragraph: 1, kind: 'sentence', text: 'Second one.', separator: '\n' },
        ],
      });
    });

    it('when the text has no visible character, then there is no segment and all of it is leading layout', () => {
      expect(segmentDocument(' \n\t\n ')).toEqual({ leading: ' \n\t\n ', segments: [] });
      expect(segmentDocument('')).toEqual({ leading: '', segments: [] });
    });

    it('when Markdown headings are used, then the "#" markers and closing hashes are layout', () => {
      expect(segmentDocument('# Talks in Paris #\n\nText follows here.\n\n## Outcome\nIt ended.')).toEqual({
        leading: '# ',
        segments: [
          { paragraph: 0, kind: 'heading', text: 'Talks in Paris', separator: ' #\n\n' },
          { paragraph: 1, kind: 'sentence', text: 'Text follows here.', separator: '\n\n## ' },
          { paragraph: 2, kind: 'heading', text: 'Outcome', separator: '\n' },
          { paragraph: 2, kind: 'sentence', text: 'It ended.', separator: '' },
        ],
      });
    });

    it('when a paragraph is a Markdown list, then each item is split into sentences and its marker is layout', () => {
      const document = segmentDocument('Agreed:\n- A follow-up. In London.\n* no ceasefire\n  for now.\n1. Maybe\n   wrapped\n2) Later');
      expect(document.leading).toBe('');
      expect(document.segments.map((segment) => [segment.kind, segment.text, segment.separator])).toEqual([
        ['sentence', 'Agreed:', '\n- '],
        ['sentence', 'A follow-up.', ' '],
        ['sentence', 'In London.', '\n* '],
        ['sentence', 'no ceasefire\n  for now.', '\n1. '],
        ['sentence', 'Maybe\n   wrapped', '\n2) '],
        ['sentence', 'Later', ''],
      ]);
    });

    it('when a setext heading or a rule line is used, then the underline and rule are layout and do not count as paragraphs', () => {
      expect(segmentDocument('Talks in Paris\n==============\n\n---\n\nIt ended.')).toEqual({
        leading: '',
        segments: [
          { paragraph: 0, kind: 'heading', text: 'Talks in Paris', separator: '\n==============\n\n---\n\n' },
          { paragraph: 1, kind: 'sentence', text: 'It ended.', separator: '' },
        ],
      });
    });

    it('when a single newline breaks a sentence, then the sentence continues across it', () => {
      expect(triples(segmentDocument('Talks were held\nin Paris. Rubio\nattended.'))).toEqual([
        [0, 'sentence', 'Talks were held\nin Paris.'],
        [0, 'sentence', 'Rubio\nattended.'],
      ]);
    });

    it('when a paragraph is several lines without any punctuation, then each line is a segment', () => {
      expect(triples(segmentDocument('Davis Vanopdorp\nDeutsche Welle\nBonn'))).toEqual([
        [0, 'sentence', 'Davis Vanopdorp'],
        [0, 'sentence', 'Deutsche Welle'],
        [0, 'sentence', 'Bonn'],
      ]);
    });
  });

  describe('headings', () => {
    it('when a one-line paragraph is short and has no final punctuation, then it is a heading', () => {
      expect(triples(segmentDocument('Europe is trying to resume headquarters at the table\n\nText.'))).toEqual([
        [0, 'heading', 'Europe is trying to resume headquarters at the table'],
        [1, 'sentence', 'Text.'],
      ]);
    });

    it('when a one-line paragraph ends with a period, comma, semicolon, colon or ellipsis, then it is a sentence', () => {
      const text = 'The talks ended.\n\nThe talks ended,\n\nThe talks ended;\n\nThe talks ended:\n\nThe talks ended…\n\n“Stop.”';
      expect(triples(segmentDocument(text)).map(([, kind]) => kind)).toEqual(Array(6).fill('sentence'));
    });

    it('when a one-line paragraph ends in a closing quote after a word, then it is a heading', () => {
      expect(triples(segmentDocument('Zelenskyy: “We have to put pressure on the killers”'))).toEqual([
        [0, 'heading', 'Zelenskyy: “We have to put pressure on the killers”'],
      ]);
    });

    it('when a one-line question is short, then it is a heading, and when it is long, then it is a sentence', () => {
      const text = 'Transatlantic rapprochement in cards?\n\nWill the United States and Europe ever agree on what comes next for Ukraine?';
      expect(triples(segmentDocument(text)).map(([, kind]) => kind)).toEqual(['heading', 'sentence']);
    });

    it('when a one-line paragraph is longer than 12 words or starts in lowercase, then it is a sentence', () => {
      const text = 'The first months of the second term were very difficult for transatlantic relations in Europe\n\nand then nothing';
      expect(triples(segmentDocument(text)).map(([, kind]) => kind)).toEqual(['sentence', 'sentence']);
    });

    it('when a short line stands on its own in a longer paragraph, then it is a sentence of its own, not a heading', () => {
      expect(triples(segmentDocument('Short line\nAnother line follows. And more.'))).toEqual([
        [0, 'sentence', 'Short line'],
        [0, 'sentence', 'Another line follows.'],
        [0, 'sentence', 'And more.'],
      ]);
    });
  });

  describe('metadata', () => {
    it('when a paragraph is a date, in any usual format, then it is one meta segment', () => {
      const dates = [
        ' date 2025-04-18 ',
        '2025-04-18',
        'April 18, 2025',
        '18 April 2025',
        'Friday, April 18, 2025, 10:30 CET',
        'Published: 18.04.2025',
      ];
      for (const date of dates) {
        expect(triples(segmentDocument(date))).toEqual([[0, 'meta', date.trim()]]);
      }
    });

    it('when a paragraph is a byline, credit, source or update line, then it is one meta segment, URLs intact', () => {
      const lines = [
        'By Davis Vanopdorp',
        'By Jane Doe and John van der Berg, Reuters',
        'Published by: Davis Vanopdorp',
        'Source: DW. Additional reporting by AFP.',
        'Sources 1/ https://Google.com/ 2/ https://www.dw.com/en/a-72278916 The sources can contact us.',
        'Photo: Ludovic Marin/AFP. Macron and Rubio.',
        'Credit: Reuters',
        'Updated: April 18, 2025. Corrects the date.',
      ];
      for (const line of lines) {
        expect(triples(segmentDocument(line))).toEqual([[0, 'meta', line]]);
      }
    });

    it('when a sentence merely starts like metadata, then it is split as prose', () => {
      const text =
        'By the time we arrived, it was over. Sources said the talks failed. Updated figures show growth. Published by the ministry, the report was short.';
      expect(triples(segmentDocument(text))).toEqual([
        [0, 'sentence', 'By the time we arrived, it was over.'],
        [0, 'sentence', 'Sources said the talks failed.'],
        [0, 'sentence', 'Updated figures show growth.'],
        [0, 'sentence', 'Published by the ministry, the report was short.'],
      ]);
    });

    it('when a "Sources:" line heads a block, then the whole block is one meta segment', () => {
      expect(segmentDocument('Sources:\n- https://Google.com/\n- https://www.dw.com/en/a-1.')).toEqual({
        leading: '',
        segments: [
          {
            paragraph: 0,
            kind: 'meta',
            text: 'Sources:\n- https://Google.com/\n- https://www.dw.com/en/a-1.',
            separator: '',
          },
        ],
      });
    });

    it('when metadata lines start a paragraph of prose, then they form one meta segment and the prose follows', () => {
      expect(triples(segmentDocument('By Jane Doe\nApril 18, 2025\nThe talks ended. Macron left.'))).toEqual([
        [0, 'meta', 'By Jane Doe\nApril 18, 2025'],
        [0, 'sentence', 'The talks ended.'],
        [0, 'sentence', 'Macron left.'],
      ]);
    });
  });

  describe('invariants', () => {
    it('when random articles are segmented, then the round trip is exact and every segment is trimmed text', () => {
      const random = seededRandom(180425);
      for (let round = 0; round < 500; round++) {
        const input = randomText(random, 1 + Math.floor(random() * 80));
        const document = segmentDocument(input);
        expect(rebuilt(document)).toBe(normalizeNewlines(input));
        let previousParagraph = 0;
        for (const segment of document.segments) {
          expect(segment.text).not.toBe('');
          expect(segment.text.trim()).toBe(segment.text);
          // Paragraphs are numbered densely from 0 in document order.
          expect(segment.paragraph - previousParagraph).toBeGreaterThanOrEqual(0);
          expect(segment.paragraph - previousParagraph).toBeLessThanOrEqual(1);
          previousParagraph = segment.paragraph;
        }
        expect(document.segments[0]?.paragraph ?? 0).toBe(0);
        // Layout holds whitespace and Markdown markers only: no word is hidden from the editor.
        for (const layout of [document.leading, ...document.segments.map((segment) => segment.separator)]) {
          expect(layout).toMatch(/^[\s#*+\-•=_\d.)]*$/u);
        }
      }
    });
  });
});
