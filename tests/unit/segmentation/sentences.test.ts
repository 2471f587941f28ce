import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/segmentation/sentences';
import { randomText, seededRandom } from './random-text';

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

describe('splitSentences', () => {
  describe('sentence ends', () => {
    it('when a period, question mark or exclamation point is followed by a capital, then the sentence ends there', () => {
      expect(sentencesOf('The talks ended. Was it a success? Nobody knows! Macron left.')).toEqual([
        'The talks ended.',
        'Was it a success?',
        'Nobody knows!',
        'Macron left.',
      ]);
    });

    it('when the text has surrounding whitespace, then the spans are trimmed offsets into the input', () => {
      expect(splitSentences('  Hello.  World.  ')).toEqual([
        { start: 2, end: 8 },
        { start: 10, end: 16 },
      ]);
    });

    it('when the text is empty or only whitespace, then there is no sentence', () => {
      expect(splitSentences('')).toEqual([]);
      expect(splitSentences(' \n\t\u00a0\n ')).toEqual([]);
    });

    it('when a lowercase word follows the terminator, then the sentence goes on', () => {
      expect(sentencesOf('She works at Yahoo! in London. It was fine? he asked.')).toEqual([
        'She works at Yahoo! in London.',
        'It was fine? he asked.',
      ]);
    });

    it('when a number starts the next sentence, then the period before it ends the sentence', () => {
      expect(sentencesOf('The vote was close. 81 percent of members took part.')).toEqual([
        'The vote was close.',
        '81 percent of members took part.',
      ]);
    });
  });

  describe('abbreviations where Intl.Segmenter splits', () => {
    it('when a title precedes a name (Mr., Dr., St., Prof.), then the sentence does not end at it', () => {
      expect(sentencesOf('Mr. Rubio met Dr. Witkoff at St. Michael’s Church. Prof. Dumoulin was not there.')).toEqual([
        'Mr. Rubio met Dr. Witkoff at St. Michael’s Church.',
        'Prof. Dumoulin was not there.',
      ]);
    });

    it('when "U.S." is followed by a name, then it stays in the sentence, and when by a sentence opener, then it ends it', () => {
      expect(sentencesOf('I work for the U.S. Government in Virginia. I live in the U.S. How about you?')).toEqual([
        'I work for the U.S. Government in Virginia.',
        'I live in the U.S.',
        'How about you?',
      ]);
    });

    it('when a name is written with initials, then the initials do not end the sentence', () => {
      expect(sentencesOf('J. R. R. Tolkien wrote it. Jonas E. Smith read it.')).toEqual([
        'J. R. R. Tolkien wrote it.',
        'Jonas E. Smith read it.',
      ]);
    });

    it('when "e.g." or "i.e." is followed by a capitalised word, then the sentence goes on', () => {
      expect(sentencesOf('Some capitals, e.g. Paris and Berlin, agreed. The rest, i.e. London, did not.')).toEqual([
        'Some capitals, e.g. Paris and Berlin, agreed.',
        'The rest, i.e. London, did not.',
      ]);
    });

    it('when an abbreviation such as "etc." or "Inc." may end a sentence, then only a sentence opener after it splits', () => {
      expect(sentencesOf('They sell oil, gas etc. The prices rose at Acme Inc. Tim Cook agreed.')).toEqual([
        'They sell oil, gas etc.',
        'The prices rose at Acme Inc. Tim Cook agreed.',
      ]);
    });

    it('when a number abbreviation precedes a number, then the sentence goes on', () => {
      expect(sentencesOf('See p. 55 and No. 10 in Vol. 3 of the report. It is long.')).toEqual([
        'See p. 55 and No. 10 in Vol. 3 of the report.',
        'It is long.',
      ]);
    });

    it('when the pronoun I ends a clause, then it ends the sentence, but a regnal number does not', () => {
      expect(sentencesOf('We make a good team, you and I. Did you see Albert I. Jones yesterday?')).toEqual([
        'We make a good team, you and I.',
        'Did you see Albert I. Jones yesterday?',
      ]);
    });
  });

  describe('numbers, addresses and ellipses', () => {
    it('when a period is a decimal point or digit separator, then the sentence goes on', () => {
      expect(sentencesOf('Prices rose 3.5 percent to $100.00 in 2024. It was 1.000.000 euros.')).toEqual([
        'Prices rose 3.5 percent to $100.00 in 2024.',
        'It was 1.000.000 euros.',
      ]);
    });

    it('when a sentence contains a URL or an e-mail address, then its periods do not split and the final period does', () => {
      expect(sentencesOf('Read https://www.dw.com/en/Europe.Back/a-72278916. Write to Jane.Doe@example.com. Thanks.')).toEqual([
        'Read https://www.dw.com/en/Europe.Back/a-72278916.',
        'Write to Jane.Doe@example.com.',
        'Thanks.',
      ]);
    });

    it('when an ellipsis stands apart inside a sentence, then the sentence goes on', () => {
      expect(sentencesOf('We have to put pressure on the killers … to end this war. He said . . . Nothing.')).toEqual([
        'We have to put pressure on the killers … to end this war.',
        'He said . . . Nothing.',
      ]);
    });

    it('when an ellipsis is attached to a word and a capital follows, then the sentence ends after it', () => {
      expect(sentencesOf('I waited... Then it rained… It stopped. I never meant that.... She left.')).toEqual([
        'I waited...',
        'Then it rained…',
        'It stopped.',
        'I never meant that....',
        'She left.',
      ]);
    });

    it('when sentences are joined without a space, then they are split between a word and a capitalised word', () => {
      expect(sentencesOf('Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.')).toEqual([
        'Hello world.',
        'Today is Tuesday.',
        'Mr. Smith bought 1,000.',
        'That is a lot.',
      ]);
    });
  });

  describe('quotes and brackets', () => {
    it('when quoted speech ends with a comma and a reporting clause, then it is one sentence', () => {
      expect(sentencesOf('“I believe that Americans see the interest of working in this format,” said journalists.')).toEqual([
        '“I believe that Americans see the interest of working in this format,” said journalists.',
      ]);
    });

    it('when a quotation holds two sentences, then the first ends inside the quote and the second takes the reporting clause', () => {
      expect(sentencesOf('“Russia uses every day to kill. We have to put pressure on the killers,” he wrote on Telegram.')).toEqual([
        '“Russia uses every day to kill.',
        'We have to put pressure on the killers,” he wrote on Telegram.',
      ]);
    });

    it('when closing quotes or brackets follow the terminator, then they belong to the sentence that ends', () => {
      expect(sentencesOf('She said “It is over.” Then she left (for good.) It rained. “Why?” He shrugged.')).toEqual([
        'She said “It is over.”',
        'Then she left (for good.)',
        'It rained.',
        '“Why?”',
        'He shrugged.',
      ]);
    });

    it('when a parenthetical sentence sits inside a sentence, then it does not split it', () => {
      expect(sentencesOf('He teaches science (He worked as an engineer.) at the University. JFK Jr.’s book sold.')).toEqual([
        'He teaches science (He worked as an engineer.) at the University.',
        'JFK Jr.’s book sold.',
      ]);
    });
  });

  describe('lines and lists', () => {
    it('when a single newline breaks a sentence, then the sentence continues across it', () => {
      expect(sentencesOf('Talks were held\nin Paris on Thursday. Rubio\nattended.')).toEqual([
        'Talks were held\nin Paris on Thursday.',
        'Rubio\nattended.',
      ]);
    });

    it('when a blank line separates text, then a sentence never continues across it', () => {
      expect(sentencesOf('A heading without punctuation\n\nA sentence follows.\n \nAnd another')).toEqual([
        'A heading without punctuation',
        'A sentence follows.',
        'And another',
      ]);
    });

    it('when a block of lines has no sentence punctuation, then each line is a sentence', () => {
      expect(sentencesOf('features\ncontact manager\nevents, activities\n')).toEqual(['features', 'contact manager', 'events, activities']);
    });

    it('when lines start with Markdown list or heading markers, then each line is a sentence with its marker', () => {
      expect(sentencesOf('## Outcome\nThe talks ended:\n- a follow-up in London\n- no ceasefire yet.\n1) Maybe.')).toEqual([
        '## Outcome',
        'The talks ended:',
        '- a follow-up in London',
        '- no ceasefire yet.',
        '1) Maybe.',
      ]);
    });

    it('when a paragraph is an inline numbered, lettered or bulleted list, then each item is a sentence', () => {
      expect(sentencesOf('1.) The first item 2.) The second item')).toEqual(['1.) The first item', '2.) The second item']);
      expect(sentencesOf('a. The first item b. The second item')).toEqual(['a. The first item', 'b. The second item']);
      expect(sentencesOf('• 9. The first item • 10. The second item')).toEqual(['• 9. The first item', '• 10. The second item']);
    });

    it('when numbers appear mid-sentence without a list start, then they do not split the sentence', () => {
      expect(sentencesOf('There are two reasons: 1) cost and 2) time.')).toEqual(['There are two reasons: 1) cost and 2) time.']);
    });
  });

  describe('languages', () => {
    const sentencesIn = (language: string | undefined, text: string) =>
      splitSentences(text, { language }).map((span) => text.slice(span.start, span.end));

    it('when no language is given, then English abbreviations apply', () => {
      expect(sentencesIn(undefined, 'We met Dr. Okafor. It rained.')).toEqual(['We met Dr. Okafor.', 'It rained.']);
    });

    it('when the tag has a region, then the rules of its primary language apply', () => {
      const text = 'Wir feiern am 3. Oktober. Dann ruhen wir, z. B. im Park.';
      expect(sentencesIn('de-CH', text)).toEqual(['Wir feiern am 3. Oktober.', 'Dann ruhen wir, z. B. im Park.']);
      expect(sentencesIn('en', text)).not.toEqual(sentencesIn('de-CH', text));
    });

    it('when the text is French, then titles, guillemets and spaced marks are read as French', () => {
      expect(sentencesIn('fr', 'M. Le Gall dit : « Nous partons. » Vraiment ? Oui.')).toEqual([
        'M. Le Gall dit : « Nous partons. »',
        'Vraiment ?',
        'Oui.',
      ]);
    });

    it('when the text is Spanish, then its titles and inverted marks are read as Spanish', () => {
      expect(sentencesIn('es', 'La Sra. Ruiz llegó. ¿Vienes? ¡Claro!')).toEqual(['La Sra. Ruiz llegó.', '¿Vienes?', '¡Claro!']);
    });

    it('when the language has no rules of its own, then no English abbreviation is assumed but neutral rules hold', () => {
      expect(sentencesIn('pl', 'To był nasz Co. Potem J. K. Nowak przyszedł (ok. 5 min.) do domu.')).toEqual([
        'To był nasz Co.',
        'Potem J. K. Nowak przyszedł (ok. 5 min.) do domu.',
      ]);
    });
  });

  describe('rules beyond word lists', () => {
    it('when a period is inside brackets that close soon, then it ends no sentence', () => {
      expect(sentencesOf('It was shown before (Proc. Natl. Acad. Sci. 98: 112). Then it was lost.')).toEqual([
        'It was shown before (Proc. Natl. Acad. Sci. 98: 112).',
        'Then it was lost.',
      ]);
    });

    it('when a footnote marker follows the full stop, then it stays with the sentence it ends', () => {
      expect(sentencesOf('The fort fell.[2][3] The city was renamed (Hale, 1979).4 Later work agreed.')).toEqual([
        'The fort fell.[2][3]',
        'The city was renamed (Hale, 1979).4',
        'Later work agreed.',
      ]);
    });

    it('when an abbreviation ends a sentence, then a following subject and verb show it', () => {
      expect(sentencesOf('He flew home to the U.S. Millions watched. The office is on Harbour Blvd. Parking is free.')).toEqual([
        'He flew home to the U.S.',
        'Millions watched.',
        'The office is on Harbour Blvd.',
        'Parking is free.',
      ]);
    });

    it('when a line stands on its own before prose, then it is a sentence, but a wrapped line is not', () => {
      expect(sentencesOf('Closing Date\nApplications must arrive by Friday, and the minister said that the\nGovernment agreed.')).toEqual([
        'Closing Date',
        'Applications must arrive by Friday, and the minister said that the\nGovernment agreed.',
      ]);
    });

    it('when list items are marked with letters or roman numerals in brackets, then each item is a sentence', () => {
      expect(sentencesOf('The rules are simple. a. be on time b. be polite')).toEqual([
        'The rules are simple.',
        'a. be on time',
        'b. be polite',
      ]);
      expect(sentencesOf('(i) Sign it. (ii) Date it.\nA) Yes B) No')).toEqual(['(i) Sign it.', '(ii) Date it.', 'A) Yes', 'B) No']);
    });
  });

  describe('invariants', () => {
    it('when random text is split, then spans are ordered, trimmed, non-empty and only whitespace lies between them', () => {
      const random = seededRandom(20250418);
      for (let round = 0; round < 500; round++) {
        const text = randomText(random, 1 + Math.floor(random() * 60));
        const spans = splitSentences(text);
        let previousEnd = 0;
        for (const span of spans) {
          const sentence = text.slice(span.start, span.end);
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(sentence).not.toBe('');
          expect(sentence.trim()).toBe(sentence);
          expect(text.slice(previousEnd, span.start).trim()).toBe('');
          previousEnd = span.end;
        }
        expect(text.slice(previousEnd).trim()).toBe('');
      }
    });
  });

  describe('speed', () => {
    function timed<T>(run: () => T): { result: T; milliseconds: number } {
      const started = performance.now();
      const result = run();
      return { result, milliseconds: performance.now() - started };
    }

    it('when a document has 10,000 sentences, then it is split in well under a second', () => {
      const sentences = [
        'Mr. Rubio met officials of the U.S. Government in Paris on Thursday.',
        'Prices rose 3.5% in 2024, e.g. for fuel, said https://www.dw.com/en/a-1.',
        '“We have to put pressure on the killers … to end this war,” he wrote.',
        'Did it work?',
        'Nobody knows...',
      ];
      const text = Array.from({ length: 10_000 }, (_, k) => sentences[k % sentences.length]).join(' ');
      const runs = Array.from({ length: 5 }, () => timed(() => splitSentences(text)));
      const fastest = Math.min(...runs.map((run) => run.milliseconds));
      console.log(`splitSentences: ${Math.round((10_000 / fastest) * 1000)} sentences/s`);
      expect(runs[0]!.result).toHaveLength(10_000);
      // Generous for a loaded 2-core machine; a quadratic slip takes far longer.
      expect(runs[0]!.milliseconds).toBeLessThan(500);
    });

    it('when 100 KB inputs are built to defeat the rules, then each is split in well under a second', () => {
      const adversarial = [
        'word, '.repeat(17_000) + 'end.', // one long sentence
        'a.Ab'.repeat(25_000), // one long token full of periods
        'x. '.repeat(33_000), // many periods, never a boundary
        'a@b '.repeat(25_000) + 'q.', // many address-like tokens
        '. '.repeat(50_000), // one long spaced ellipsis
        'line\n'.repeat(20_000), // many lines without punctuation
      ];
      for (const text of adversarial) {
        const { milliseconds } = timed(() => splitSentences(text));
        expect(milliseconds).toBeLessThan(500);
      }
    });
  });
});
