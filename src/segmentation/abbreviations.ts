/**
 * Word lists the sentence splitter consults when a period follows a word.
 * All entries are lower case and without the trailing period.
 */

/**
 * Abbreviations that stand before a name and so are never the end of a
 * sentence when a capitalised word follows ("Mr. Smith", "Mt. Fuji",
 * "St. Michael's", "e.g. Paris").
 */
export const PREPOSITIVE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'st', 'mt', 'ft',
  'gen', 'col', 'capt', 'cpt', 'lt', 'sgt', 'maj', 'cmdr', 'adm', 'brig', 'cpl', 'pvt',
  'sen', 'rep', 'gov', 'pres', 'amb', 'atty', 'supt', 'insp', 'det', 'rev', 'hon', 'fr',
  'e.g', 'i.e', 'cf', 'viz', 'vs', 'approx', 'ca',
]);

/**
 * Abbreviations that often end a sentence too ("Pitt, Briggs & Co. It closed
 * yesterday."): a boundary only when a typical sentence opener follows.
 */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'bros', 'jr', 'sr', 'etc', 'al', 'dept',
  'univ', 'assn', 'est', 'govt', 'intl', 'natl', 'ave', 'blvd', 'rd', 'sq',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/**
 * Abbreviations that introduce a number ("p. 55", "No. 5", "N°. 1026"): no
 * boundary before a digit. Before a capitalised word they are ordinary words
 * ("I said no. Then ...").
 */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'p', 'pp', 'no', 'nos', 'nr', 'n°', 'nº', '№', 'vol', 'vols', 'fig', 'figs', 'art',
  'arts', 'sec', 'secs', 'ch', 'chap', 'para', 'op', 'ed', 'eq', 'ref', 'tab', 'c', 'ca',
]);

/**
 * Capitalised words that typically open a sentence. After an abbreviation
 * that may or may not end its sentence ("U.S.", "Co.", "etc."), one of these
 * tips the balance towards a boundary ("I live in the U.S. How about you?"),
 * while a name keeps the sentence going ("the U.S. Government"). Words that
 * are also common names (Will, May, Mark, Bill) are left out on purpose.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'Some', 'Many', 'Most', 'All',
  'Any', 'Each', 'Every', 'Both', 'Neither', 'Either', 'Such', 'Several', 'Few', 'No',
  'I', 'It', 'Its', 'He', 'She', 'We', 'They', 'You', 'His', 'Her', 'Our', 'Their',
  'My', 'Your', 'One', 'There', 'Here', 'What', 'When', 'Where', 'Why', 'How', 'Who',
  'Which', 'Whose', 'But', 'And', 'Or', 'So', 'Yet', 'If', 'In', 'On', 'At', 'For',
  'As', 'After', 'Before', 'Since', 'While', 'Although', 'Though', 'Because', 'Unless',
  'Until', 'However', 'Then', 'Now', 'Also', 'Today', 'Yesterday', 'Tomorrow', 'Still',
  'Thus', 'Therefore', 'Moreover', 'Meanwhile', 'Instead', 'Later', 'Earlier', 'Only',
  'Even', 'Did', 'Do', 'Does', 'Is', 'Are', 'Was', 'Were', 'Can', 'Could', 'Would',
  'Should', 'Let', 'Please', 'Not', 'With', 'Without', 'From', 'By', 'To', 'Under',
  'Over', 'During', 'According', 'Despite', 'Last', 'Next', 'Other', 'Another',
]);
