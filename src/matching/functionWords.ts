/**
 * English function words: the ones that carry grammar rather than meaning.
 * A propagated fix needs meaning around it to be specific ("comfort force", not
 * "a comfort"), so these do not count as context, although a fix may cross them.
 * Lower case; compared with a word's core in lower case.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // articles and determiners
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'no', 'all', 'both',
  'either', 'neither', 'such', 'other', 'another', 'much', 'many', 'more', 'most', 'few', 'less', 'own',
  // pronouns and possessives
  'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him', 'his', 'she',
  'her', 'hers', 'it', 'its', 'they', 'them', 'their', 'theirs', 'who', 'whom', 'whose', 'which', 'what',
  'itself', 'himself', 'herself', 'themselves', 'ourselves', 'one',
  // prepositions
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'about', 'into', 'onto', 'over',
  'under', 'after', 'before', 'between', 'among', 'through', 'during', 'against', 'within', 'upon', 'off',
  'out', 'up', 'down', 'across', 'around', 'towards', 'toward', 'since', 'until', 'via', 'per', 'than', 'like',
  // conjunctions and connectives
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'as', 'because', 'while', 'when', 'where', 'whether',
  'although', 'though', 'unless', 'then', 'also', 'not', 'only', 'even', 'just', 'very', 'too', 'there', 'here',
  // auxiliaries and modals
  'be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', 'have', 'has', 'had', 'having', 'do', 'does',
  'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  // clitics the word cutter leaves whole
  "it's", "that's", "there's", "he's", "she's", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
  "weren't", "won't", "can't", "it’s", "don’t", "doesn’t", "didn’t", "isn’t", "won’t", "can’t",
]);
