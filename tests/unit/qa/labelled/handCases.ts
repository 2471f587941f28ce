/**
 * Hand-written cases in the style of machine translation into English (from
 * French, German, Spanish, Italian news), written for this test set: faults
 * with their expected findings, and edited or source-aware sentences that
 * must stay clean. Spans are given by a piece of text the finding must touch.
 */
import type { InlineCode } from '../../../../src/codes/inlineCodes';
import type { GlossaryTerm } from '../../../../src/qa/runChecks';
import { clean, edit, type LabelledCase, mtFault, withSource } from './types';

const MT_TYPOGRAPHY: LabelledCase[] = [
  // Space before a hyphen (the most frequent fault of the sample article's MT engine)
  mtFault('The government announced a ten -year plan to modernize the railways.', ['space-before-hyphen', 'ten -year']),
  mtFault('It was a large -scale operation involving 3,000 police officers.', ['space-before-hyphen', 'large -scale']),
  mtFault('The company signed a 10 -day contract with the city.', ['space-before-hyphen', '10 -day']),
  mtFault('A 30 -year-old man was arrested on Sunday.', ['space-before-hyphen', '30 -year-old']),
  mtFault('The anti -corruption agency opened an investigation.', ['space-before-hyphen', 'anti -corruption']),
  mtFault('The well -known writer died at the age of 87.', ['space-before-hyphen', 'well -known']),
  mtFault('Pro -Russian separatists took control of the town.', ['space-before-hyphen', 'Pro -Russian']),
  mtFault('The non -EU citizens will need a visa.', ['space-before-hyphen', 'non -EU']),
  mtFault('The so -called "coalition of the willing" met in London.', ['space-before-hyphen', 'so -called']),
  mtFault('The post -war order is being questioned.', ['space-before-hyphen', 'post -war']),
  mtFault('Send your questions by e -mail to the editorial team.', ['space-before-hyphen', 'e -mail']),
  mtFault('The long -term consequences are not yet known.', ['space-before-hyphen', 'long -term']),
  mtFault('The cease -fire was broken within hours.', ['space-before-hyphen', 'cease -fire']),
  mtFault(
    'A two -day summit opened in Brussels, followed by a three -month review.',
    ['space-before-hyphen', 'two -day'],
    ['space-before-hyphen', 'three -month'],
  ),
  mtFault('The Franco -German engine is stalling, according to diplomats.', ['space-before-hyphen', 'Franco -German']),
  mtFault('The high -speed line will open in 2030.', ['space-before-hyphen', 'high -speed']),
  mtFault(
    'The talks -which had lasted all night -ended at dawn.',
    ['space-before-hyphen', 'talks -which'],
    ['space-before-hyphen', 'night -ended'],
  ),
  mtFault('The score was 2 -1 at half-time.', ['space-before-hyphen', '2 -1']),
  mtFault('The three- year war has devastated the east of the country.', ['space-after-hyphen', 'three- year']),
  mtFault('The long- term effects are unclear.', ['space-after-hyphen', 'long- term']),
  mtFault('The inter- governmental conference ended on Friday.', ['space-after-hyphen', 'inter- governmental']),

  // Numbers glued to words
  mtFault('The bursts of the trade war, with 10%prices on almost all goods, shocked Europe.', ['number-glued-to-word', '10%prices']),
  mtFault('The country will receive $5billion in aid.', ['number-glued-to-word', '$5billion']),
  mtFault('About 20million people live in the region.', ['number-glued-to-word', '20million']),
  mtFault('In 2020was the worst year for tourism.', ['number-glued-to-word', '2020was']),
  mtFault('The law was adopted in2019 after a long debate.', ['number-glued-to-word', 'in2019']),
  mtFault('Emissions must fall by 55% by2030.', ['number-glued-to-word', 'by2030']),
  mtFault('More than 1,000people took part in the march.', ['number-glued-to-word', '1,000people']),
  mtFault('Prices have risen 3times faster than wages.', ['number-glued-to-word', '3times']),
  mtFault('A tax of 5%on imports will apply from May.', ['number-glued-to-word', '5%on']),
  mtFault('The army deployed 300soldiers to the border.', ['number-glued-to-word', '300soldiers']),
  mtFault('The COVID-19pandemic hit the sector hard.', ['number-glued-to-word', '19pandemic']),
  mtFault('The budget reaches 2.5billion euros.', ['number-glued-to-word', '2.5billion']),

  // Spaces
  mtFault('The minister  said the plan was ready.', ['double-space', 'minister  said']),
  mtFault('The talks ended on Friday.   A new round is planned.', ['double-space', 'Friday.   A']),
  mtFault(' The meeting was postponed.', ['leading-trailing-space', 'The']),
  mtFault('The meeting was postponed. ', ['leading-trailing-space', 'postponed.']),
  mtFault('The ministers arrived in Paris .', ['space-before-punctuation', 'Paris .']),
  mtFault('Why did the talks fail ?', ['space-before-punctuation', 'fail ?']),
  mtFault('The message was clear : no more delays.', ['space-before-punctuation', 'clear :']),
  mtFault('Attention , the road is closed !', ['space-before-punctuation', 'Attention ,'], ['space-before-punctuation', 'closed !']),
  mtFault('The ministers of France , Germany and Italy met.', ['space-before-punctuation', 'France ,']),
  mtFault('The decision was taken ; it cannot be changed.', ['space-before-punctuation', 'taken ;']),
  mtFault('Zelenskyy said : “We need more air defense.”', ['space-before-punctuation', 'said :']),
  mtFault('The deal was signed in Paris ,London and Berlin.', ['space-before-punctuation', 'Paris ,London']),
  mtFault('The proposal was rejected.The talks will continue next week.', ['missing-space-after-punctuation', 'rejected.The']),
  mtFault('The talks took place in Paris,London and Rome.', ['missing-space-after-punctuation', 'Paris,London']),
  mtFault('The vote is scheduled for May 5,2026.', ['missing-space-after-punctuation', '5,2026']),
  mtFault('He said:“We will not give in.”', ['missing-space-after-punctuation', 'said:“We']),
  mtFault('“We will win,”he said.', ['missing-space-after-punctuation', ',”he']),
  mtFault('Is this the end?Nobody knows.', ['missing-space-after-punctuation', 'end?Nobody']),
  mtFault('The inflation rate reached 10 % in October.', ['space-before-percent', '10 %']),
  mtFault('Growth slowed to 0,8% in the second quarter.', ['decimal-comma', '0,8%']),
  mtFault('The deficit reached 3,5 % of GDP.', ['decimal-comma', '3,5'], ['space-before-percent', '3,5 %']),

  // Doubled words
  mtFault('The the government has not yet responded.', ['doubled-word', 'The the']),
  mtFault('He said that the the talks were useful.', ['doubled-word', 'the the']),
  mtFault('The president went to to Brussels on Tuesday.', ['doubled-word', 'to to']),
  mtFault('It is is a difficult moment for Europe.', ['doubled-word', 'is is']),
  mtFault('One of of the soldiers was injured.', ['doubled-word', 'of of']),
  mtFault('They will will meet again in June.', ['doubled-word', 'will will']),
  mtFault('The leaders discussed a a new plan.', ['doubled-word', 'a a']),

  // Brackets and quotes
  mtFault('The ministry (which oversees the police said the report was false.', ['unbalanced-brackets', '(']),
  mtFault('The ministry which oversees the police) said the report was false.', ['unbalanced-brackets', ')']),
  mtFault('The agency [part of the ministry said nothing.', ['unbalanced-brackets', '[']),
  mtFault('The couple provides for a comfort force” of international troops.', ['unbalanced-quotes', '”']),
  mtFault('The minister called it “a disaster and “an insult”.', ['unbalanced-quotes', '“a']),
  mtFault('She described the talks as “positive” and constructive”.', ['unbalanced-quotes', 'constructive”']),
  mtFault(
    'The so-called "reassurance force" would be "led by Britain and France.',
    // The last " opens a quotation that may run into the next sentence: not flagged.
  ),

  // Lower-case starts
  mtFault('the talks ended without agreement.', ['lowercase-start', 'the']),
  mtFault('“we will not give up,” she said.', ['lowercase-start', 'we']),
  mtFault('according to the ministry, 12 people were injured.', ['lowercase-start', 'according']),
  mtFault('in the past few weeks, the trade war has escalated.', ['lowercase-start', 'in']),
  mtFault('(reuters) the central bank left rates unchanged.', ['lowercase-start', 'reuters']),

  // Invisible characters
  mtFault('The minister\u200b said the plan was ready.', ['invisible-character', 'minister\u200b']),
  mtFault('The agree\u00adment was signed on Monday.', ['invisible-character', 'agree\u00adment']),
  mtFault('The ministry said the \uFFFDcole was closed.', ['invisible-character', '\uFFFDcole']),
  mtFault('\uFEFFThe talks will resume on Monday.', ['invisible-character', '\uFEFFThe']),
];

const MT_CLEAN: LabelledCase[] = [
  // Negative numbers, spaced dashes, ranges, suspended hyphens
  clean('Temperatures dropped to -12 degrees overnight.', 'hand'),
  clean('The index fell to -0.3% in March.', 'hand'),
  clean('The season runs 2024 - 2025, with a break in December.', 'hand'),
  clean('The talks - if they happen at all - will be held in Geneva.', 'hand'),
  clean('The first- and second-round votes were close.', 'hand'),
  clean('Long- and short-range missiles were fired.', 'hand'),
  // Units, ordinals, names with digits
  clean('The 3rd Armoured Division crossed the river at 4am.', 'hand'),
  clean('The 10km race starts at 9am; the 5km at 10am.', 'hand'),
  clean('The B-52 bombers flew over the Baltic.', 'hand'),
  clean('The MH17 crash killed 298 people in 2014.', 'hand'),
  clean('Funds of $2.3bn and €1.1bn were pledged.', 'hand'),
  clean('The car does 0-60mph in 3.1 seconds.', 'hand'),
  clean('The M4 motorway was closed between junctions 14 and 15.', 'hand'),
  clean('The 1970s and 1980s were decades of change.', 'hand'),
  // Abbreviations, initials, domains
  clean('The U.S. Senate confirmed her on Thursday.', 'hand'),
  clean("J.R.R. Tolkien's books have sold millions of copies.", 'hand'),
  clean('The case was heard by Justice A.B. Jones.', 'hand'),
  clean('Visit Booking.com or Amazon.de for details.', 'hand'),
  clean('The Node.js project released version 22.', 'hand'),
  clean("The company's ASP.NET framework is widely used.", 'hand'),
  clean('Reports are at https://example.org/a,b;c?q=1&x=Y.Z and nowhere else.', 'hand'),
  clean('Contact j.doe@example.co.uk for accreditation.', 'hand'),
  clean('The file report_v2.final.docx was leaked.', 'hand'),
  clean('He holds a Ph.D. from Oxford.', 'hand'),
  clean('The event starts at 6 p.m. The doors open an hour earlier.', 'hand'),
  // Quotes and apostrophes
  clean("It was the rock 'n' roll era of the '50s and '60s.", 'hand'),
  clean("The Smiths' album topped the charts.", 'hand'),
  clean('“This is a start,” he said. “But it is not enough.”', 'hand'),
  clean('The TV was a 55" model, the report said.', 'hand'),
  clean('“We have to put pressure on the killers … to end this war,” he wrote.', 'hand'),
  // Doubled words that are fine
  clean('If I had had more time, I would have stayed.', 'hand'),
  clean('He said that that was not the plan.', 'hand'),
  clean('The band Duran Duran played in Birmingham.', 'hand'),
  clean('Sirhan Sirhan was denied parole again.', 'hand'),
  clean('Bye bye, said the children.', 'hand'),
  // Lower-case starts that are fine
  clean('iPhone shipments fell 10% in China.', 'hand'),
  clean('eBay shares rose after the results.', 'hand'),
  clean('de Gaulle founded the Fifth Republic in 1958.', 'hand'),
  clean('mRNA vaccines were developed in record time.', 'hand'),
  clean('3M agreed to pay $6 billion to settle the claims.', 'hand'),
  clean('… and then the lights went out.', 'hand'),
  // Brackets that are fine
  clean('The options are a) to wait, b) to act now.', 'hand'),
  clean('The plan has three parts: 1) a ceasefire, 2) talks, 3) elections.', 'hand'),
  clean('The page https://en.wikipedia.org/wiki/Paris_(disambiguation) lists them.', 'hand'),
  // Headings and metadata lines
  { origin: 'hand', text: 'Europe is trying to get back to the table', kind: 'heading', expected: [] },
  { origin: 'hand', text: 'date 2025-04-18', kind: 'meta', expected: [] },
  { origin: 'hand', text: 'Published by: Davis Vanopdorp', kind: 'meta', expected: [] },
];

const EDITS: LabelledCase[] = [
  // Final punctuation lost
  edit('The talks ended without agreement.', 'The talks ended without an agreement', ['final-punctuation-lost', 'agreement']),
  edit('Why did the talks fail?', 'Why did the negotiations fail', ['final-punctuation-lost', 'fail']),
  edit('“We will win,” he said.', '“We will win,” he said', ['final-punctuation-lost', 'said']),
  edit('“It depends on the Europeans.”', '“It depends on the Europeans”', ['final-punctuation-lost', 'Europeans']),
  edit('The result was clear.', 'The outcome was clear!'),
  edit('The result was clear.', 'The result was clear:'),
  {
    origin: 'hand',
    mt: 'Trump tells Russia to move on Ukraine.',
    text: 'Trump tells Russia to move on Ukraine',
    kind: 'heading',
    expected: [],
  },
  // Numbers changed or kept in another format
  edit('The army deployed 1,500 soldiers.', 'The army deployed 1,600 soldiers.', ['number-changed', '1,600']),
  edit('Inflation reached 5% in March.', 'Inflation reached a record in March.', ['number-changed', 'a record']),
  edit('The plan costs $3 billion and takes 5 years.', 'The plan costs $3 billion and takes years.', ['number-changed', 'years']),
  edit('The vote is on 12 May.', 'The vote is on 21 May.', ['number-changed', '21']),
  edit('About 2.5 million people fled.', 'About 25 million people fled.', ['number-changed', '25']),
  edit('The meeting starts at 10:30.', 'The meeting starts at 11:30.', ['number-changed', '11:30']),
  edit('The army deployed 1,500 soldiers.', 'The army deployed 1500 soldiers.'),
  edit('Inflation reached 5% in March.', 'Inflation reached 5 percent in March.'),
  edit('Inflation reached 10 per cent in March.', 'Inflation reached 10% in March.'),
  edit('The talks lasted 3 days.', 'The talks lasted three days.'),
  edit('The deal is worth $5 billion.', 'The deal is worth $5bn.'),
  edit('The deal is worth 5,000,000 euros.', 'The deal is worth 5 million euros.'),
  edit('The meeting starts at 10.30am.', 'The meeting starts at 10:30 a.m.'),
  edit('The rate is 3,5%.', 'The rate is 3.5%.'),
  edit('The deal was worth 1.000.000 euros.', 'The deal was worth 1,000,000 euros.'),
  edit('The bursts of the trade war, with 10%prices, shocked Europe.', 'The trade war, with 10% tariffs, shocked Europe.'),
  edit('The war began in February 2022.', 'The war began in February of 2022.'),
  edit('It was the 2nd round.', 'It was the second round.'),
  edit('The three -year war continues.', 'The three-year war continues.'),
  edit('He was born on 04/05/1970.', 'He was born on 4 May 1970.'),
  // URLs and e-mails
  edit('Read more at https://www.dw.com/en/ukraine/a-72278916.', 'Read more at https://www.dw.com/en/ukraine/a-7227891.', [
    'url-changed',
    'https://www.dw.com/en/ukraine/a-7227891',
  ]),
  edit('Write to press@example.com for details.', 'Write to the press office for details.', ['url-changed', 'the press office']),
  edit('Contact info@example.org.', 'Contact info@exampel.org.', ['url-changed', 'info@exampel.org']),
  edit('Sources: https://Google.com/', 'Sources: https://google.com'),
  edit('See www.example.com, the official site.', 'See www.example.com (the official site).'),
  // Quotes lost in editing
  edit('He called the plan “a disaster” on Monday.', 'He called the plan “a disaster on Monday.', ['unbalanced-quotes', '“a']),
  edit('He called the plan a disaster on Monday.', 'He called the plan a “disaster on Monday.', ['unbalanced-quotes', '“disaster']),
  edit('“We will win,” he said.', 'We will win,” he said.', ['unbalanced-quotes', '”']),
  // Edits that introduce typography faults
  edit('The minister said the plan was ready.', 'The minister said  the plan was ready.', ['double-space', 'said  the']),
  edit('The ministers met in Paris.', 'The ministers met in Paris .', ['space-before-punctuation', 'Paris .']),
  edit('The leaders discussed a new plan.', 'the leaders discussed a new plan.', ['lowercase-start', 'the']),
  edit('The government has not yet responded.', 'The government has has not yet responded.', ['doubled-word', 'has has']),
];

const COMFORT: GlossaryTerm = { id: 'g1', term: 'comfort force', preferred: 'reassurance force', matchCase: false, wholeWord: true };
const PRICES: GlossaryTerm = { id: 'g2', term: "Trump's prices", preferred: "Trump's tariffs", matchCase: false, wholeWord: true };
const KIEV: GlossaryTerm = { id: 'g3', term: 'Kiev', preferred: 'Kyiv', matchCase: true, wholeWord: true };
const FORCE: GlossaryTerm = { id: 'g4', term: 'force', preferred: 'task force', matchCase: false, wholeWord: true };
const US: GlossaryTerm = { id: 'g5', term: 'US', preferred: 'U.S.', matchCase: true, wholeWord: true };
const GLOSSARY = [COMFORT, PRICES, KIEV, US];

function glossaryCase(mt: string, text: string, ...expected: [import('../../../../src/qa/runChecks').CheckId, string][]): LabelledCase {
  return { ...edit(mt, text, ...expected), glossary: GLOSSARY };
}

const GLOSSARY_CASES: LabelledCase[] = [
  glossaryCase('The couple provides for a “comfort force” of troops.', 'The couple provides for a “comfort force” of troops.', [
    'glossary-term',
    'comfort force',
  ]),
  glossaryCase('Comfort force troops would stay.', 'Comfort force troops would stay.', ['glossary-term', 'Comfort force']),
  glossaryCase('The COMFORT FORCE plan', 'The COMFORT FORCE plan', ['glossary-term', 'COMFORT FORCE']),
  // The glossary fix also removes the doubled space, so that is not reported separately.
  glossaryCase('The comfort  force would deploy.', 'The comfort  force would deploy.', ['glossary-term', 'comfort  force']),
  glossaryCase("Allies criticised Trump's prices.", 'Allies criticised Trump’s prices.', ['glossary-term', 'Trump’s prices']),
  glossaryCase('The mayor of Kiev spoke.', 'The mayor of Kiev spoke.', ['glossary-term', 'Kiev']),
  glossaryCase('The mayor of Kiev spoke.', 'The mayor of Kyiv spoke.'),
  glossaryCase('The Kievan Rus was a state.', 'The Kievan Rus was a state.'),
  glossaryCase('The couple provides for a “comfort force”.', 'The couple provides for a “reassurance force”.'),
  glossaryCase('The couple provides for a “comfort force”.', 'The couple provides for a peacekeeping mission.', [
    'glossary-term-rewritten',
    'peacekeeping mission',
  ]),
  glossaryCase(
    "Allies criticised Trump's prices.",
    'Allies criticised the new US duties.',
    ['glossary-term-rewritten', 'the new US duties'],
    ['glossary-term', 'US'],
  ),
  glossaryCase('They discussed the comfort forces.', 'They discussed the comfort forces.'),
  glossaryCase('Nobody here uses the word.', 'Nobody here uses the word.'),
  { ...edit('The task force met.', 'The task force met.'), glossary: [FORCE] },
  { ...edit('The force met.', 'The force met.', ['glossary-term', 'force']), glossary: [FORCE] },
  { ...edit('The workforce grew.', 'The workforce grew.'), glossary: [FORCE] },
];

const SOURCE_CASES: LabelledCase[] = [
  withSource('Die Inflation lag bei 3,5 %.', 'de', 'Inflation stood at 3.5%.'),
  withSource('Die Inflation lag bei 3,5 %.', 'de', 'Inflation stood at 35%.', ['source-number-mismatch', '35']),
  withSource('Der Auftrag ist 1.000.000 Euro wert.', 'de', 'The contract is worth 1,000,000 euros.'),
  withSource('Der Auftrag ist 1.000.000 Euro wert.', 'de', 'The contract is worth €1 million.'),
  withSource('Der Auftrag ist 1.000 Euro wert.', 'de', 'The contract is worth 1.000 euros.', ['source-number-mismatch', '1.000']),
  withSource('Le sommet aura lieu le 18.04.2025 à 20h30.', 'fr', 'The summit will take place on April 18, 2025 at 8:30 p.m.'),
  withSource('Le sommet aura lieu le 18.04.2025 à 20h30.', 'fr', 'The summit will take place on April 18, 2025 at 20:30.'),
  withSource('Le sommet aura lieu le 18.04.2025 à 20h30.', 'fr', 'The summit will take place on April 19, 2025 at 8:30 p.m.', [
    'source-number-mismatch',
    '19',
  ]),
  withSource('Quelque 25 000 soldats ont été déployés.', 'fr', 'Some 25,000 soldiers were deployed.'),
  withSource('Quelque 25 000 soldats ont été déployés.', 'fr', 'Some soldiers were deployed.', ['source-number-mismatch', 'Some']),
  withSource('La economía creció un 2,1 % en 2024.', 'es', 'The economy grew 2.1% in 2024.'),
  withSource('La economía creció un 2,1 % en 2024.', 'es', 'The economy grew 2.1% in 2023.', ['source-number-mismatch', '2023']),
  withSource('Il bilancio è di 2,5 miliardi di euro.', 'it', 'The budget is 2.5 billion euros.'),
  withSource('Il bilancio è di 2,5 miliardi di euro.', 'it', 'The budget is €2.5bn.'),
  withSource('Il bilancio è di 2,5 miliardi di euro.', 'it', 'The budget is 2,500,000,000 euros.'),
  withSource('Die Gespräche dauerten drei Tage.', 'de', 'The talks lasted three days.'),
  withSource('Es kamen 3 Minister.', 'de', 'Three ministers came.'),
  withSource('Mehr unter https://www.dw.com/de/a-123.', 'de', 'More at https://www.dw.com/de/a-123.'),
  withSource('Mehr unter https://www.dw.com/de/a-123.', 'de', 'More at https://www.dw.com/en/a-123.', [
    'source-url-mismatch',
    'https://www.dw.com/en/a-123',
  ]),
  withSource('Kontakt: presse@example.de', 'de', 'Contact: the press office', ['source-url-mismatch', 'Contact']),
  withSource('Le G7 se réunit à Rome.', 'fr', 'The G7 meets in Rome.'),
  withSource('Le G7 se réunit à Rome.', 'fr', 'The Group of Seven meets in Rome.'),
  withSource('Der Covid-19-Impfstoff wurde 2020 zugelassen.', 'de', 'The COVID-19 vaccine was approved in 2020.'),
  withSource('Il est né le 5 mai 1970.', 'fr', 'He was born on May 5, 1970.'),
  withSource('Prezzo: 1.234,56 euro.', 'it', 'Price: €1,234.56.'),
  withSource('Preis: 1’234.50 Franken.', 'de-CH', 'Price: 1,234.50 francs.'),
  withSource('El 70 % de los votantes apoyó la medida.', 'es', 'Seventy percent of voters backed the measure.'),
];

// Inline codes: <b>…</b> as open/close markers, a standalone image, a link.
const B_OPEN = '\uE000';
const B_CLOSE = '\uE001';
const IMAGE = '\uE002';
const LINK_OPEN = '\uE003';
const LINK_CLOSE = '\uE004';
const CODES: InlineCode[] = [
  { marker: B_OPEN, id: '1', kind: 'open', label: '<1>' },
  { marker: B_CLOSE, id: '1', kind: 'close', label: '</1>' },
  { marker: IMAGE, id: '2', kind: 'standalone', label: '<2/>' },
  { marker: LINK_OPEN, id: '3', kind: 'open', label: '<3>' },
  { marker: LINK_CLOSE, id: '3', kind: 'close', label: '</3>' },
];

function codeCase(source: string, text: string, ...expected: [import('../../../../src/qa/runChecks').CheckId, string][]): LabelledCase {
  return { ...withSource(source, 'de', text, ...expected), codes: CODES };
}

const CODE_CASES: LabelledCase[] = [
  codeCase(`Das ist ${B_OPEN}wichtig${B_CLOSE}.`, `This is ${B_OPEN}important${B_CLOSE}.`),
  codeCase(`Das ist ${B_OPEN}wichtig${B_CLOSE}.`, `This is ${B_OPEN}important.`, ['inline-code-missing', 'important.']),
  codeCase(`Das ist ${B_OPEN}wichtig${B_CLOSE}.`, `This is ${B_CLOSE}important${B_OPEN}.`, ['inline-code-order', B_CLOSE]),
  codeCase(`Siehe ${IMAGE} hier.`, `See ${IMAGE} here ${IMAGE}.`, ['inline-code-extra', `here ${IMAGE}`]),
  codeCase(`${LINK_OPEN}Mehr ${B_OPEN}lesen${B_CLOSE}${LINK_CLOSE}`, `${LINK_OPEN}Read ${B_OPEN}more${LINK_CLOSE}${B_CLOSE}`, [
    'inline-code-order',
    `${LINK_CLOSE}`,
  ]),
  codeCase(`${LINK_OPEN}Mehr ${B_OPEN}lesen${B_CLOSE}${LINK_CLOSE}`, `${LINK_OPEN}Read ${B_OPEN}more${B_CLOSE}${LINK_CLOSE}`),
  codeCase(`Der ${B_OPEN}Plan${B_CLOSE} kostet ${IMAGE} 3 Mio.`, `The ${B_OPEN}plan${B_CLOSE} costs ${IMAGE} 3m.`),
  codeCase(`Der ${B_OPEN}Plan${B_CLOSE} kostet ${IMAGE} 3 Mio.`, `The ${B_OPEN}plan${B_CLOSE} costs 3m.`, ['inline-code-missing', '3m.']),
  codeCase(`${B_OPEN}Achtung${B_CLOSE}: die Straße ist gesperrt.`, `${B_OPEN}Warning${B_CLOSE}: the road is closed.`),
  codeCase(`${B_OPEN}Achtung${B_CLOSE}: die Straße ist gesperrt.`, `${B_OPEN}warning${B_CLOSE}: the road is closed.`, [
    'lowercase-start',
    'warning',
  ]),
];

export const HAND_CASES: readonly LabelledCase[] = [
  ...MT_TYPOGRAPHY,
  ...MT_CLEAN,
  ...EDITS,
  ...GLOSSARY_CASES,
  ...SOURCE_CASES,
  ...CODE_CASES,
];
