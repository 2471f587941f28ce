/**
 * The 52 English "Golden Rules" of pragmatic_segmenter (Kevin Dias, MIT
 * licence), copied verbatim from the gem's spec
 * (github.com/diasks2/pragmatic_segmenter,
 * spec/pragmatic_segmenter/languages/english_spec.rb, context "Golden
 * Rules"); the README's "The Golden Rules" section lists the same cases.
 *
 * Where the README and the spec differ, the spec wins: #26's README input
 * shows stray backslashes, and #40 expects the newline replaced by a space
 * (the spec runs it with doc_type "pdf").
 */
export interface GoldenRule {
  number: number;
  name: string;
  input: string;
  expected: string[];
}

export const ENGLISH_GOLDEN_RULES: GoldenRule[] = [
  {
    number: 1,
    name: 'Simple period to end sentence',
    input: 'Hello World. My name is Jonas.',
    expected: ['Hello World.', 'My name is Jonas.'],
  },
  {
    number: 2,
    name: 'Question mark to end sentence',
    input: 'What is your name? My name is Jonas.',
    expected: ['What is your name?', 'My name is Jonas.'],
  },
  {
    number: 3,
    name: 'Exclamation point to end sentence',
    input: 'There it is! I found it.',
    expected: ['There it is!', 'I found it.'],
  },
  {
    number: 4,
    name: 'One letter upper case abbreviations',
    input: 'My name is Jonas E. Smith.',
    expected: ['My name is Jonas E. Smith.'],
  },
  {
    number: 5,
    name: 'One letter lower case abbreviations',
    input: 'Please turn to p. 55.',
    expected: ['Please turn to p. 55.'],
  },
  {
    number: 6,
    name: 'Two letter lower case abbreviations in the middle of a sentence',
    input: 'Were Jane and co. at the party?',
    expected: ['Were Jane and co. at the party?'],
  },
  {
    number: 7,
    name: 'Two letter upper case abbreviations in the middle of a sentence',
    input: 'They closed the deal with Pitt, Briggs & Co. at noon.',
    expected: ['They closed the deal with Pitt, Briggs & Co. at noon.'],
  },
  {
    number: 8,
    name: 'Two letter lower case abbreviations at the end of a sentence',
    input: "Let's ask Jane and co. They should know.",
    expected: ["Let's ask Jane and co.", 'They should know.'],
  },
  {
    number: 9,
    name: 'Two letter upper case abbreviations at the end of a sentence',
    input: 'They closed the deal with Pitt, Briggs & Co. It closed yesterday.',
    expected: ['They closed the deal with Pitt, Briggs & Co.', 'It closed yesterday.'],
  },
  {
    number: 10,
    name: 'Two letter (prepositive) abbreviations',
    input: 'I can see Mt. Fuji from here.',
    expected: ['I can see Mt. Fuji from here.'],
  },
  {
    number: 11,
    name: 'Two letter (prepositive & postpositive) abbreviations',
    input: "St. Michael's Church is on 5th st. near the light.",
    expected: ["St. Michael's Church is on 5th st. near the light."],
  },
  {
    number: 12,
    name: 'Possesive two letter abbreviations',
    input: "That is JFK Jr.'s book.",
    expected: ["That is JFK Jr.'s book."],
  },
  {
    number: 13,
    name: 'Multi-period abbreviations in the middle of a sentence',
    input: 'I visited the U.S.A. last year.',
    expected: ['I visited the U.S.A. last year.'],
  },
  {
    number: 14,
    name: 'Multi-period abbreviations at the end of a sentence',
    input: 'I live in the E.U. How about you?',
    expected: ['I live in the E.U.', 'How about you?'],
  },
  {
    number: 15,
    name: 'U.S. as sentence boundary',
    input: 'I live in the U.S. How about you?',
    expected: ['I live in the U.S.', 'How about you?'],
  },
  {
    number: 16,
    name: 'U.S. as non sentence boundary with next word capitalized',
    input: 'I work for the U.S. Government in Virginia.',
    expected: ['I work for the U.S. Government in Virginia.'],
  },
  {
    number: 17,
    name: 'U.S. as non sentence boundary',
    input: 'I have lived in the U.S. for 20 years.',
    expected: ['I have lived in the U.S. for 20 years.'],
  },
  {
    number: 18,
    name: 'A.M. / P.M. as non sentence boundary and sentence boundary',
    input: 'At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.',
    expected: ['At 5 a.m. Mr. Smith went to the bank.', 'He left the bank at 6 P.M.', 'Mr. Smith then went to the store.'],
  },
  {
    number: 19,
    name: 'Number as non sentence boundary',
    input: 'She has $100.00 in her bag.',
    expected: ['She has $100.00 in her bag.'],
  },
  {
    number: 20,
    name: 'Number as sentence boundary',
    input: 'She has $100.00. It is in her bag.',
    expected: ['She has $100.00.', 'It is in her bag.'],
  },
  {
    number: 21,
    name: 'Parenthetical inside sentence',
    input: 'He teaches science (He previously worked for 5 years as an engineer.) at the local University.',
    expected: ['He teaches science (He previously worked for 5 years as an engineer.) at the local University.'],
  },
  {
    number: 22,
    name: 'Email addresses',
    input: 'Her email is Jane.Doe@example.com. I sent her an email.',
    expected: ['Her email is Jane.Doe@example.com.', 'I sent her an email.'],
  },
  {
    number: 23,
    name: 'Web addresses',
    input: 'The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.',
    expected: ['The site is: https://www.example.50.com/new-site/awesome_content.html.', 'Please check it out.'],
  },
  {
    number: 24,
    name: 'Single quotations inside sentence',
    input: "She turned to him, 'This is great.' she said.",
    expected: ["She turned to him, 'This is great.' she said."],
  },
  {
    number: 25,
    name: 'Double quotations inside sentence',
    input: 'She turned to him, "This is great." she said.',
    expected: ['She turned to him, "This is great." she said.'],
  },
  {
    number: 26,
    name: 'Double quotations at the end of a sentence',
    input: 'She turned to him, "This is great." She held the book out to show him.',
    expected: ['She turned to him, "This is great."', 'She held the book out to show him.'],
  },
  {
    number: 27,
    name: 'Double punctuation (exclamation point)',
    input: 'Hello!! Long time no see.',
    expected: ['Hello!!', 'Long time no see.'],
  },
  {
    number: 28,
    name: 'Double punctuation (question mark)',
    input: 'Hello?? Who is there?',
    expected: ['Hello??', 'Who is there?'],
  },
  {
    number: 29,
    name: 'Double punctuation (exclamation point / question mark)',
    input: 'Hello!? Is that you?',
    expected: ['Hello!?', 'Is that you?'],
  },
  {
    number: 30,
    name: 'Double punctuation (question mark / exclamation point)',
    input: 'Hello?! Is that you?',
    expected: ['Hello?!', 'Is that you?'],
  },
  {
    number: 31,
    name: 'List (period followed by parens and no period to end item)',
    input: '1.) The first item 2.) The second item',
    expected: ['1.) The first item', '2.) The second item'],
  },
  {
    number: 32,
    name: 'List (period followed by parens and period to end item)',
    input: '1.) The first item. 2.) The second item.',
    expected: ['1.) The first item.', '2.) The second item.'],
  },
  {
    number: 33,
    name: 'List (parens and no period to end item)',
    input: '1) The first item 2) The second item',
    expected: ['1) The first item', '2) The second item'],
  },
  {
    number: 34,
    name: 'List (parens and period to end item)',
    input: '1) The first item. 2) The second item.',
    expected: ['1) The first item.', '2) The second item.'],
  },
  {
    number: 35,
    name: 'List (period to mark list and no period to end item)',
    input: '1. The first item 2. The second item',
    expected: ['1. The first item', '2. The second item'],
  },
  {
    number: 36,
    name: 'List (period to mark list and period to end item)',
    input: '1. The first item. 2. The second item.',
    expected: ['1. The first item.', '2. The second item.'],
  },
  {
    number: 37,
    name: 'List with bullet',
    input: '• 9. The first item • 10. The second item',
    expected: ['• 9. The first item', '• 10. The second item'],
  },
  {
    number: 38,
    name: 'List with hypthen',
    input: '⁃9. The first item ⁃10. The second item',
    expected: ['⁃9. The first item', '⁃10. The second item'],
  },
  {
    number: 39,
    name: 'Alphabetical list',
    input: 'a. The first item b. The second item c. The third list item',
    expected: ['a. The first item', 'b. The second item', 'c. The third list item'],
  },
  {
    number: 40,
    name: 'Errant newlines in the middle of sentences (PDF)',
    input: 'This is a sentence\ncut off in the middle because pdf.',
    expected: ['This is a sentence cut off in the middle because pdf.'],
  },
  {
    number: 41,
    name: 'Errant newlines in the middle of sentences',
    input: 'It was a cold \nnight in the city.',
    expected: ['It was a cold night in the city.'],
  },
  {
    number: 42,
    name: 'Lower case list separated by newline',
    input: 'features\ncontact manager\nevents, activities\n',
    expected: ['features', 'contact manager', 'events, activities'],
  },
  {
    number: 43,
    name: 'Geo Coordinates',
    input: 'You can find it at N°. 1026.253.553. That is where the treasure is.',
    expected: ['You can find it at N°. 1026.253.553.', 'That is where the treasure is.'],
  },
  {
    number: 44,
    name: 'Named entities with an exclamation point',
    input: 'She works at Yahoo! in the accounting department.',
    expected: ['She works at Yahoo! in the accounting department.'],
  },
  {
    number: 45,
    name: 'I as a sentence boundary and I as an abbreviation',
    input: 'We make a good team, you and I. Did you see Albert I. Jones yesterday?',
    expected: ['We make a good team, you and I.', 'Did you see Albert I. Jones yesterday?'],
  },
  {
    number: 46,
    name: 'Ellipsis at end of quotation',
    input: 'Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”',
    expected: ['Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”'],
  },
  {
    number: 47,
    name: 'Ellipsis with square brackets',
    input: '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
    expected: ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
  },
  {
    number: 48,
    name: 'Ellipsis as sentence boundary (standard ellipsis rules)',
    input:
      'If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.',
    expected: [
      'If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .',
      'Next sentence.',
    ],
  },
  {
    number: 49,
    name: 'Ellipsis as sentence boundary (non-standard ellipsis rules)',
    input: 'I never meant that.... She left the store.',
    expected: ['I never meant that....', 'She left the store.'],
  },
  {
    number: 50,
    name: 'Ellipsis as non sentence boundary',
    input: "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
    expected: ["I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."],
  },
  {
    number: 51,
    name: '4-dot ellipsis',
    input:
      'One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .',
    expected: [
      'One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.',
      '. . . The practice was not abandoned. . . .',
    ],
  },
  {
    number: 52,
    name: 'No whitespace in between sentences',
    input: 'Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.',
    expected: ['Hello world.', 'Today is Tuesday.', 'Mr. Smith went to the store and bought 1,000.', 'That is a lot.'],
  },
];
