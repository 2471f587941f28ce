import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../../../src/codes/inlineCodes';
import { CHECK_IDS, type CheckId, type QaInput, QA_CHECKS, runChecks } from '../../../src/qa/runChecks';

function check(text: string, extra: Partial<QaInput> = {}) {
  return runChecks({ text, mt: text, ...extra });
}

/** The findings as [check, the text they cover, fix]. */
function summary(text: string, extra: Partial<QaInput> = {}): [CheckId, string, string | undefined][] {
  return check(text, extra).map((finding) => [finding.check, text.slice(finding.start, finding.end), finding.fix]);
}

describe('QA checks: the catalogue', () => {
  it('when the catalogue is listed, then every check has a unique id, a title and a description', () => {
    expect(new Set(CHECK_IDS).size).toBe(QA_CHECKS.length);
    for (const info of QA_CHECKS) {
      expect(info.title.length).toBeGreaterThan(5);
      expect(info.description.length).toBeGreaterThan(20);
    }
  });
});

describe('QA checks: spaces and hyphens', () => {
  it('when a compound has a space before its hyphen, then the finding closes it up', () => {
    const [finding] = check('The government ended the three -year war.');
    expect(finding).toMatchObject({ check: 'space-before-hyphen', fix: '-' });
    expect(finding!.message).toBe('Space before the hyphen in "three -year": write "three-year".');
  });

  it.each([
    ['a spaced dash', 'The talks - which failed - ended.'],
    ['a minus sign', 'Temperatures fell to -5 degrees.'],
    ['a one-letter option', 'Run the tool with the -v flag.'],
    ['a suspended hyphen', 'The pre- and post-war eras differ.'],
    ['a suspended hyphen before "to"', 'The short- to medium-term outlook is poor.'],
  ])('when the text has %s, then no hyphen finding', (_, text) => {
    expect(summary(text)).toEqual([]);
  });

  it('when the hyphens may be dashes (a function word follows, or they pair up), then they are flagged without a fix', () => {
    expect(summary('The talks -which had failed- ended.')).toEqual([
      ['space-before-hyphen', ' -', undefined],
      ['space-after-hyphen', '- ', undefined],
    ]);
    expect(summary('The talks -over the budget- ended.')).toEqual([
      ['space-before-hyphen', ' -', undefined],
      ['space-after-hyphen', '- ', undefined],
    ]);
  });

  it('when a hyphen is followed by a space inside a compound, then the space is removed', () => {
    expect(summary('The three- year plan.')).toEqual([['space-after-hyphen', '- ', '-']]);
  });

  it('when spaces are doubled, leading or trailing, then each is flagged with its fix', () => {
    expect(summary(' The  talks ended. ')).toEqual([
      ['leading-trailing-space', ' ', ''],
      ['double-space', '  ', ' '],
      ['leading-trailing-space', ' ', ''],
    ]);
  });

  it('when a doubled space stands before a full stop, then only the space before the full stop is reported', () => {
    expect(summary('They arrived in Paris  .')).toEqual([['space-before-punctuation', '  .', '.']]);
  });
});

describe('QA checks: punctuation spacing', () => {
  it.each([
    ['They arrived in Paris .', ' .', '.'],
    ['Why did the talks fail ?', ' ?', '?'],
    ['The ministers of France , Germany and Italy met.', ' ,', ','],
    ['They met in Paris ,London and Rome.', ' ,', ', '],
    ['The trains stopped in Lyon .The unions left.', ' .', '. '],
  ])('when %j has a space before a mark, then it is flagged', (text, span, fix) => {
    expect(summary(text)).toEqual([['space-before-punctuation', span, fix]]);
  });

  it.each([
    ['The proposal was rejected.The talks continue.', '.'],
    ['They met in Paris,London and Rome.', ','],
    ['The vote is on May 5,2026.', ','],
    ['He said:“We will not give in.”', ':'],
    ['“We will win,”he said.', '”'],
    ['Apple must comply with the DMA.It appealed.', '.'],
  ])('when %j lacks a space after a mark, then a space is added after it', (text, mark) => {
    expect(summary(text)).toEqual([['missing-space-after-punctuation', mark, `${mark} `]]);
  });

  it.each([
    'The U.S. and the U.K. signed the deal.',
    'Inflation was 3.5% and 1,000 people lost jobs at 10:30 a.m.',
    'See https://example.org/a,b;c?q=1&x=Y.Z or write to j.doe@example.co.uk today.',
    'The file report.pdf is on example.com, e.g. in the archive.',
    'He paused . . . and then left.',
    'The .NET and Node.js teams use ASP.NET and Booking.com.',
    'The boxer, known as "The Hitman," retired.',
    'J.K. Rowling and Dr. Smith met in St. Louis.',
    'Read John 3:16, the ratio is 2:1, and it costs $3.50.',
  ])('when %j is written correctly, then no punctuation finding', (text) => {
    expect(summary(text)).toEqual([]);
  });
});

describe('QA checks: numbers in the text', () => {
  it.each([
    ['With 10%prices on all goods.', '10%prices', '10% prices'],
    ['The country gets $5billion.', '5billion', '5 billion'],
    ['The law passed in2019.', 'in2019', 'in 2019'],
    ['The COVID-19pandemic spread.', '19pandemic', '19 pandemic'],
  ])('when %j glues a number to a word, then a space is added', (text, span, fix) => {
    expect(summary(text)).toEqual([['number-glued-to-word', span, fix]]);
  });

  it('when numbers carry their usual suffixes and names, then nothing is flagged', () => {
    const text =
      'At 5pm and 10am the 2nd, 21st and 3rd teams of the 1990s, using 3D, 5G, 4x4, mp3, G7, F-35, ' +
      'COVID-19 and 24/7 kit, ran 5km at 100mph in 2 km2 for $5bn and the 49ers.';
    expect(summary(text)).toEqual([]);
  });

  it('when a percent sign or a decimal comma follows the French or German style, then both are flagged', () => {
    expect(summary('The deficit reached 3,5 % of GDP.')).toEqual([
      ['decimal-comma', '3,5', undefined],
      ['space-before-percent', ' %', '%'],
    ]);
  });

  it('when a number has a thousands comma, then it is not a decimal comma', () => {
    expect(summary('About 1,000 and 25,000,000 people.')).toEqual([]);
  });
});

describe('QA checks: doubled words', () => {
  it.each([
    ['The the talks ended.', 'The the', 'The'],
    ['It was it was a mistake.', 'It was it was', 'It was'],
  ])('when %j repeats words, then the repetition is removed', (text, span, fix) => {
    expect(summary(text)).toEqual([['doubled-word', span, fix]]);
  });

  it.each([
    'If I had had time, I would have stayed.',
    'He said that that was wrong.',
    'What it is is a failure.',
    'Bora Bora and Walla Walla are far apart.',
    'It was a long, long way.',
    'Prices went on and on and on rising.',
    'Bye bye, they said.',
  ])('when %j repeats a word grammatically, then no finding', (text) => {
    expect(summary(text)).toEqual([]);
  });
});

describe('QA checks: brackets and quotes', () => {
  it('when a bracket is never closed, then its opening is flagged', () => {
    expect(summary('The ministry (which oversees the police said nothing.')).toEqual([['unbalanced-brackets', '(', undefined]]);
  });

  it('when list markers and emoticons close nothing, then no finding', () => {
    expect(summary('Options: a) wait, b) act :) and 2) leave.')).toEqual([]);
  });

  it('when a quotation runs on from the previous sentence or into the next, then no finding', () => {
    expect(summary('We have to stop the killers … to end this war,” he wrote.')).toEqual([]);
    expect(summary('“Russia uses every day and every night to kill.')).toEqual([]);
    expect(summary('That was the plan”, an aide said.')).toEqual([]);
  });

  it('when a closing quote is glued to words on both sides, then the lost opening is flagged', () => {
    expect(summary('The couple provides for a comfort force” of troops.')).toEqual([['unbalanced-quotes', '”', undefined]]);
  });

  it('when a quotation is opened twice, then the first opening is flagged', () => {
    expect(summary('He called it “a disaster and “an insult”.')).toEqual([['unbalanced-quotes', '“', undefined]]);
  });

  it('when an edit leaves a quotation the MT closed open, then it is flagged', () => {
    const findings = runChecks({ mt: 'He called it “a disaster” on Monday.', text: 'He called it “a disaster on Monday.' });
    expect(findings.map((finding) => finding.check)).toEqual(['unbalanced-quotes']);
  });

  it('when apostrophes and inch marks stand in the text, then no quote finding', () => {
    expect(summary("Trump's rock 'n' roll of the '90s on a 55\" screen.")).toEqual([]);
  });
});

describe('QA checks: the first letter', () => {
  it('when a sentence starts in lower case, then the fix capitalises it', () => {
    const [finding] = check('“we will not give up,” she said.');
    expect(finding).toMatchObject({ check: 'lowercase-start', start: 1, end: 2, fix: 'W' });
    expect(finding!.message).toBe('The sentence starts in lower case ("we"): write "We".');
  });

  it.each(['iPhone sales fell.', 'eBay shares rose.', 'de Gaulle ruled.', 'von der Leyen spoke.', '3M paid.', '… and then it ended.'])(
    'when %j starts with a legitimate lower-case word, number or symbol, then no finding',
    (text) => {
      expect(summary(text)).toEqual([]);
    },
  );

  it('when the source starts in lower case too, then the lower-case start is accepted', () => {
    expect(summary('and the talks went on.', { source: 'und die Gespräche gingen weiter.', sourceLanguage: 'de' })).toEqual([]);
  });

  it('when the segment is a metadata line, then its lower-case start is accepted', () => {
    expect(summary('date 2025-04-18', { kind: 'meta' })).toEqual([]);
  });
});

describe('QA checks: invisible characters', () => {
  it('when a zero-width space or a replacement character is present, then both are flagged and only the first gets a fix', () => {
    expect(summary('The minister\u200b said the \uFFFDcole was shut.')).toEqual([
      ['invisible-character', '\u200b', ''],
      ['invisible-character', '\uFFFD', undefined],
    ]);
  });

  it('when inline-code markers are present, then they are not flagged as odd characters', () => {
    const codes: InlineCode[] = [
      { marker: '\uE000', id: '1', kind: 'open', label: '<1>' },
      { marker: '\uE001', id: '1', kind: 'close', label: '</1>' },
    ];
    expect(summary('This is \uE000important\uE001.', { codes })).toEqual([]);
  });
});

describe('QA checks: comparison with the MT', () => {
  it('when an edit drops the final full stop, then the fix puts it back where the MT had it', () => {
    expect(runChecks({ mt: '“It depends on them.”', text: '“It depends on Europe”' })).toEqual([
      expect.objectContaining({ check: 'final-punctuation-lost', start: 21, end: 21, fix: '.' }),
    ]);
  });

  it('when a heading loses its final mark, then nothing is flagged', () => {
    expect(runChecks({ mt: 'Trump tells Russia to move.', text: 'Trump tells Russia to move', kind: 'heading' })).toEqual([]);
  });

  it('when an edit changes a number, then the new number is flagged with the old one in the message', () => {
    const [finding] = runChecks({ mt: 'The army deployed 1,500 soldiers.', text: 'The army deployed 1,600 soldiers.' });
    expect(finding).toMatchObject({ check: 'number-changed', start: 18, end: 23 });
    expect(finding!.message).toBe('The MT has "1,500" where the edited text has "1,600": check the number.');
  });

  it('when an edit deletes a number, then the place where it stood is marked', () => {
    const text = 'The plan takes years.';
    const [finding] = runChecks({ mt: 'The plan takes 5 years.', text });
    expect(finding).toMatchObject({ check: 'number-changed', start: 15, end: 15 });
  });

  it.each([
    ['1,000 people', '1000 people'],
    ['10% more', '10 percent more'],
    ['3 days', 'three days'],
    ['$5 billion', '$5bn'],
    ['5,000,000 euros', '5 million euros'],
    ['at 10.30am', 'at 10:30 a.m.'],
    ['at 18:00', 'at 6pm'],
    ['on 04/05/1970', 'on 4 May 1970'],
    ['Three-quarters left', '75% left'],
  ])('when the MT says %j and the edit %j, then the number is the same', (mt, text) => {
    expect(runChecks({ mt: `${mt}.`, text: `${text}.` }).filter((finding) => finding.check === 'number-changed')).toEqual([]);
  });

  it('when an edit alters a URL, then the new URL is flagged; a host in other capitals is the same URL', () => {
    expect(summary('Read https://dw.com/a-7.', { mt: 'Read https://dw.com/a-8.' })).toEqual([
      ['url-changed', 'https://dw.com/a-7', undefined],
    ]);
    expect(summary('Sources: https://google.com', { mt: 'Sources: https://Google.com/' })).toEqual([]);
  });
});

describe('QA checks: comparison with the source', () => {
  it.each([
    ['de', 'Die Inflation lag bei 3,5 %.', 'Inflation stood at 3.5%.'],
    ['de', 'Der Auftrag ist 1.000.000 Euro wert.', 'The contract is worth €1 million.'],
    ['fr', 'Le sommet aura lieu le 18.04.2025 à 20h30.', 'The summit is on April 18, 2025 at 8:30 p.m.'],
    ['fr', 'Quelque 25 000 soldats.', 'Some 25,000 soldiers.'],
    ['de-CH', 'Preis: 1’234.50 Franken.', 'Price: 1,234.50 francs.'],
  ])('when a %s source number is written the English way, then no finding', (sourceLanguage, source, text) => {
    expect(summary(text, { source, sourceLanguage })).toEqual([]);
  });

  it('when an English text keeps the German thousands point, then it is read as a decimal and flagged', () => {
    expect(summary('The contract is worth 1.000 euros.', { source: 'Der Auftrag ist 1.000 Euro wert.', sourceLanguage: 'de' })).toEqual([
      ['source-number-mismatch', '1.000', undefined],
    ]);
  });

  it('when a source is given, then numbers are compared with the source and not with the MT', () => {
    const corrected = { source: 'Es kamen 15 Minister.', sourceLanguage: 'de', mt: '50 ministers came.' };
    expect(summary('15 ministers came.', corrected)).toEqual([]);
  });

  it('when the text is empty (a unit imported without a target), then no finding, though the source has numbers, a URL and codes', () => {
    const codes: InlineCode[] = [{ marker: '\uE000', id: '1', kind: 'standalone', label: '<1/>' }];
    const untranslated = { source: 'Es kamen \uE00015 Minister (presse@example.de).', sourceLanguage: 'de', mt: '', codes };
    expect(summary('', untranslated)).toEqual([]);
    expect(summary(' ', untranslated)).toEqual([]);
    // Once something is written, the checks compare it with the source again.
    expect(summary('Ministers came.', untranslated).map(([id]) => id)).toEqual(
      expect.arrayContaining(['source-number-mismatch', 'source-url-mismatch', 'inline-code-missing']),
    );
  });

  it('when the text loses a URL of the source, then it is flagged', () => {
    expect(summary('Contact: the press office', { source: 'Kontakt: presse@example.de', sourceLanguage: 'de' })).toEqual([
      ['source-url-mismatch', '', undefined],
    ]);
  });
});

describe('QA checks: inline codes', () => {
  const codes: InlineCode[] = [
    { marker: '\uE000', id: '1', kind: 'open', label: '<1>' },
    { marker: '\uE001', id: '1', kind: 'close', label: '</1>' },
    { marker: '\uE002', id: '2', kind: 'open', label: '<2>' },
    { marker: '\uE003', id: '2', kind: 'close', label: '</2>' },
    { marker: '\uE004', id: '3', kind: 'standalone', label: '<3/>' },
  ];
  const source = 'Das ist \uE000sehr \uE002wichtig\uE003\uE001 \uE004.';

  it('when the text keeps the codes in order, then no finding', () => {
    expect(summary('This is \uE000very \uE002important\uE003\uE001 \uE004.', { source, sourceLanguage: 'de', codes })).toEqual([]);
  });

  it('when a code is missing, then it is reported as missing, without a fix', () => {
    const findings = check('This is \uE000very \uE002important\uE003\uE001.', { source, sourceLanguage: 'de', codes });
    expect(findings).toEqual([expect.objectContaining({ check: 'inline-code-missing' })]);
    expect(findings[0]!.message).toContain('<3/>');
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('when codes cross or a close precedes its open, then inline-code-order is reported', () => {
    expect(summary('This is \uE000very \uE002important\uE001\uE003 \uE004.', { source, sourceLanguage: 'de', codes })).toEqual([
      ['inline-code-order', '\uE001', undefined],
    ]);
    expect(summary('This is \uE001very \uE002important\uE003\uE000 \uE004.', { source, sourceLanguage: 'de', codes })).toEqual([
      ['inline-code-order', '\uE001', undefined],
    ]);
  });

  it('when a code occurs more often than in the source, then the extra one is reported', () => {
    expect(summary('This \uE004 is \uE000very \uE002important\uE003\uE001 \uE004.', { source, sourceLanguage: 'de', codes })).toEqual([
      ['inline-code-extra', '\uE004', undefined],
    ]);
  });

  it('when the codes are given as a function, then it is called only when a code check needs them, with the same findings', () => {
    let reads = 0;
    const lazily = () => {
      reads++;
      return codes;
    };
    // The text keeps the source's codes exactly: no code check looks further.
    expect(summary('This is \uE000very \uE002important\uE003\uE001 \uE004.', { source, sourceLanguage: 'de', codes: lazily })).toEqual([]);
    expect(reads).toBe(0);
    const crossed = 'This is \uE000very \uE002important\uE001\uE003 \uE004.';
    expect(summary(crossed, { source, sourceLanguage: 'de', codes: lazily })).toEqual(
      summary(crossed, { source, sourceLanguage: 'de', codes }),
    );
    expect(reads).toBe(1);
  });

  it('when there is no source, then the codes are compared with the MT', () => {
    const mt = 'This is \uE000important\uE001.';
    expect(summary('This is important\uE001.', { mt, codes })).toEqual([['inline-code-missing', '', undefined]]);
  });
});

describe('QA checks: other target languages', () => {
  it('when the target is French, then English typography rules are not applied but neutral checks are', () => {
    expect(summary('Pourquoi ?  Parce que 3,5 % .', { targetLanguage: 'fr' })).toEqual([['double-space', '  ', ' ']]);
  });
});
