// The query syntax as users read it, in /help and the README (tests check they agree).

export const QUERY_SYNTAX: ReadonlyArray<readonly [syntax: string, meaning: string]> = [
  ['linear attention', 'free text, ranked by relevance; papers matching more words rank first'],
  ['"linear attention"', 'an exact phrase'],
  ['-mamba  or  NOT mamba', 'exclude papers with a word'],
  ['mamba OR transformer', 'either word'],
  ['year:2024  year:2020..2023  year:>=2022  since:2022  before:2020', 'years'],
  ['venue:NeurIPS  (in:)', 'venue, any case; NIPS means NeurIPS'],
  ['author:"Gao Huang"  au:huang', 'author by full name or surname'],
  ['title:mamba  abs:"policy gradient"', 'a word or phrase in the title or the abstract only'],
  ['has:code', 'papers with a code link'],
  ['sort:newest  sort:oldest  sort:relevance', 'order (relevance for text, newest otherwise)'],
];
