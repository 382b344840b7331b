// Reads the parts of a question that map onto the query language: years ("since 2022", "between
// 2019 and 2021", "last year"), venues (any spelling resolveQuery knows, plus a typo), authors
// (full names, typos, reversed order), "with code", and what is left: the topic words.
// Works on folded words (foldName), so case, accents and punctuation never matter.
import { foldName } from '../paper.js';
import { editDistance } from '../query/editDistance.js';
import { MAX_YEAR, MIN_YEAR } from '../query/parseQuery.js';
import type { YearRange } from '../query/queryTypes.js';
import type { AuthorIdentity } from './askTypes.js';
import type { CorpusVocabulary } from './corpusVocabulary.js';

export interface QuestionFilters {
  years: YearRange[];
  venues: string[];
  authors: AuthorIdentity[];
  hasCode: boolean;
  /** Content words left once the question's frame and the filters are taken out. */
  topic: string[];
}

/**
 * Words that shape a question but are not its topic. Generous on purpose: a leftover word becomes
 * a topic word every supporting paper must contain, so "how many papers did the group publish"
 * must not be left asking for papers containing "group".
 */
const FRAME_WORDS = new Set(
  `a an the this that these those there here it its is are was were be been being am do does did done doing have has had having
  will would can could should shall may might must of in on at to for from by with about into onto over under than then and or nor
  not no any some all each every both either neither which what who whom whose where when why how many much more most less least
  me my mine we us our ours you your yours he him his she her hers they them their theirs i one ones
  paper papers article articles work works publication publications research study studies result results
  publish published publishing publishes write wrote written writes writing appear appeared appears come came out show shows showed
  list give get find search tell look looking know see please thanks thank kindly just also only ever yet so very really
  number count total amount about regarding concerning related relating topic topics subject subjects area field deal deals dealing
  cover covers covering discuss discusses discussing mention mentions mentioning talk talks talking focus focuses focusing
  group groups lab labs team teams author authors people person cluster corpus collection database bot dataset here
  conference conferences venue venues proceedings journal journals year years between since before after until till
  through during within last past recent recently latest newest oldest earliest first often frequently usually mostly whats
  use uses used using propose proposes proposed proposing introduce introduces introduced apply applies applied`.split(/\s+/u).filter((word) => word !== ''),
);

const CODE_WORDS = new Set(['code', 'codes', 'repo', 'repos', 'repository', 'repositories', 'github', 'implementation', 'implementations']);
const CODE_CONTEXT = new Set(['with', 'have', 'has', 'having', 'had', 'release', 'released', 'releases', 'share', 'shared', 'shares', 'provide', 'provides', 'provided', 'public', 'open', 'available', 'link', 'links', 'linked', 'include', 'includes', 'published', 'any']);

/** Everything the filters take out of a folded question, and what is left as the topic. */
export function readFilters(foldedWords: readonly string[], vocabulary: CorpusVocabulary, now: Date): QuestionFilters {
  const used = foldedWords.map(() => false);
  const years = readYears(foldedWords, used, now.getUTCFullYear());
  const venues = readVenues(foldedWords, used, vocabulary);
  const authors = readAuthors(foldedWords, used, vocabulary);
  const hasCode = readHasCode(foldedWords, used);
  const topic = foldedWords.filter((word, position) => !used[position] && isTopicWord(word));
  return { years, venues, authors, hasCode, topic };
}

export function isTopicWord(word: string): boolean {
  if (FRAME_WORDS.has(word)) return false;
  if (/^\d+$/u.test(word)) return word.length >= 2 && !isDisambiguator(word);
  return Array.from(word).length >= 2;
}

/** "0001" in "Gao Huang 0001": a four-digit homonym number, never a year. */
function isDisambiguator(word: string | undefined): boolean {
  if (word === undefined) return false;
  return /^\d{4}$/u.test(word) && !isYear(word);
}

function isYear(word: string | undefined): boolean {
  if (word === undefined || !/^\d{4}$/u.test(word)) return false;
  const year = Number(word);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function readYears(words: readonly string[], used: boolean[], currentYear: number): YearRange[] {
  const ranges: YearRange[] = [];
  const exact: number[] = [];
  const take = (...positions: number[]): void => {
    for (const position of positions) used[position] = true;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const previous = words[i - 1];
    // Relative years: "this year", "last year", "last 3 years", "past five years".
    if (word === 'year' && (previous === 'this' || previous === 'last') && !used[i]) {
      exact.push(previous === 'this' ? currentYear : currentYear - 1);
      take(i - 1, i);
      continue;
    }
    if ((word === 'years' || word === 'year') && (words[i - 2] === 'last' || words[i - 2] === 'past') && previous !== undefined) {
      const count = /^\d{1,2}$/u.test(previous) ? Number(previous) : NUMBER_WORDS[previous];
      if (count !== undefined && count > 0) {
        ranges.push({ min: currentYear - count + 1 });
        take(i - 2, i - 1, i);
        continue;
      }
    }
    if (!isYear(word) || used[i]) continue;
    const year = Number(word);
    const next = words[i + 1];
    const afterNext = words[i + 2];
    // Ranges: "between 2019 and 2021", "from 2019 to 2021", "2019-2021" (folded to "2019 2021").
    const rangeEnd = isYear(next) ? i + 1 : (next === 'to' || next === 'and' || next === 'until' || next === 'through' || next === 'till') && isYear(afterNext) ? i + 2 : undefined;
    // "2019 and 2021" alone names two years (they become one span below); after "between" it is a range.
    if (rangeEnd !== undefined && (next !== 'and' || previous === 'between')) {
      const end = Number(words[rangeEnd]);
      ranges.push({ min: Math.min(year, end), max: Math.max(year, end) });
      take(i, rangeEnd, ...(rangeEnd === i + 2 ? [i + 1] : []), ...(previous === 'between' || previous === 'from' ? [i - 1] : []));
      i = rangeEnd;
      continue;
    }
    // "from 2019" alone is that year ("papers from 2019"); "from 2019 on" is caught below.
    if (previous === 'since' || previous === 'starting' || (previous === 'from' && (next === 'on' || next === 'onwards' || next === 'onward'))) {
      ranges.push({ min: year });
      take(i - 1, i, ...(previous === 'from' ? [i + 1] : []));
    } else if (previous === 'after') {
      ranges.push({ min: year + 1 });
      take(i - 1, i);
    } else if (previous === 'before') {
      ranges.push({ max: year - 1 });
      take(i - 1, i);
    } else if (previous === 'until' || previous === 'till' || previous === 'through' || (previous === 'to' && words[i - 2] === 'up')) {
      ranges.push({ max: year });
      take(i - 1, i);
    } else if (next === 'onwards' || next === 'onward' || ((next === 'or' || next === 'and') && (afterNext === 'later' || afterNext === 'after'))) {
      ranges.push({ min: year });
      take(i, i + 1, ...(next === 'or' || next === 'and' ? [i + 2] : []));
    } else if ((next === 'or' || next === 'and') && (afterNext === 'earlier' || afterNext === 'before')) {
      ranges.push({ max: year });
      take(i, i + 1, i + 2);
    } else {
      exact.push(year);
      take(i);
    }
  }
  // Years are ANDed in a query; "in 2019 or 2020" means the span, so several exact years become one range.
  if (exact.length === 1) ranges.unshift({ min: exact[0], max: exact[0] });
  if (exact.length > 1) ranges.unshift({ min: Math.min(...exact), max: Math.max(...exact) });
  return ranges;
}

function readVenues(words: readonly string[], used: boolean[], vocabulary: CorpusVocabulary): string[] {
  const venues: string[] = [];
  const add = (venue: string): void => {
    if (!venues.includes(venue)) venues.push(venue);
  };
  for (let length = Math.min(vocabulary.longestVenueWords, words.length); length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      if (used.slice(start, start + length).some(Boolean)) continue;
      const phrase = words.slice(start, start + length).join(' ');
      // A venue the corpus lacks ("CVPR") is still a venue: the honest answer is "no papers at CVPR".
      const venue = vocabulary.venues.get(phrase) ?? vocabulary.otherVenues.get(phrase);
      if (venue === undefined) continue;
      add(venue);
      for (let k = start; k < start + length; k++) used[k] = true;
    }
  }
  // One typo in a longer venue name ("Nuerips"); short ones (ICML, ICLR) are one letter apart.
  words.forEach((word, position) => {
    if (used[position] || FRAME_WORDS.has(word) || Array.from(word).length < 5) return;
    for (const [name, venue] of vocabulary.venues) {
      if (!name.includes(' ') && Array.from(name).length >= 5 && editDistance(word, name, 1) <= 1) {
        add(venue);
        used[position] = true;
        return;
      }
    }
  });
  return venues;
}

function readAuthors(words: readonly string[], used: boolean[], vocabulary: CorpusVocabulary): AuthorIdentity[] {
  const authors: AuthorIdentity[] = [];
  for (let length = Math.min(4, words.length); length >= 2; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const span = words.slice(start, start + length);
      if (used.slice(start, start + length).some(Boolean) || span.some((word) => FRAME_WORDS.has(word) || /\d/u.test(word))) continue;
      const author = exactAuthor(span.join(' '), vocabulary) ?? closeAuthor(span.join(' '), vocabulary);
      if (author === undefined) continue;
      if (!authors.some((known) => known.folded === author.folded)) authors.push(author);
      for (let k = start; k < start + length; k++) used[k] = true;
      // "Gao Huang 0001": the homonym number belongs to the name.
      if (isDisambiguator(words[start + length])) used[start + length] = true;
    }
  }
  // "papers by Huang": one word after "by" is a name part, as `author:huang` is in the query language.
  words.forEach((word, position) => {
    if (used[position] || words[position - 1] !== 'by' || FRAME_WORDS.has(word) || isYear(word)) return;
    const matches = [...vocabulary.authors.values()].filter((author) => ` ${author.folded} `.includes(` ${word} `));
    if (matches.length === 0) return;
    const [only] = matches;
    authors.push(matches.length === 1 && only !== undefined ? only : { name: capitalize(word), folded: word });
    used[position] = true;
    used[position - 1] = true;
  });
  return authors;
}

function readHasCode(words: readonly string[], used: boolean[]): boolean {
  let hasCode = false;
  words.forEach((word, position) => {
    if (!CODE_WORDS.has(word)) return;
    const around = [words[position - 1], words[position - 2], words[position - 3], words[position + 1]];
    if (!around.some((neighbour) => neighbour !== undefined && CODE_CONTEXT.has(neighbour))) return;
    hasCode = true;
    used[position] = true;
  });
  const openSource = words.findIndex((word, position) => word === 'open' && words[position + 1] === 'source');
  if (openSource >= 0) {
    hasCode = true;
    used[openSource] = true;
    used[openSource + 1] = true;
  }
  return hasCode;
}

export type AuthorLookup =
  | { kind: 'found'; author: AuthorIdentity }
  | { kind: 'ambiguous'; candidates: AuthorIdentity[] }
  | { kind: 'missing'; suggestions: AuthorIdentity[] };

/**
 * The person a name slot means ("Shiji Song", "shiji  SONG", "Shjii Song", "Song Shiji",
 * "Gao Huang 0001", a unique surname). Ambiguous or unknown names come back as such, for a hint.
 */
export function lookUpAuthor(text: string, vocabulary: CorpusVocabulary): AuthorLookup {
  const words = foldName(text)
    .split(' ')
    .filter((word) => word !== '' && !isDisambiguator(word) && !['the', 'dr', 'prof', 'professor', 'mr', 'ms', 'mrs'].includes(word));
  // "Song's" folds to "song s".
  if (words.length > 1 && words[words.length - 1] === 's') words.pop();
  const name = words.join(' ');
  if (name === '') return { kind: 'missing', suggestions: [] };
  const found = exactAuthor(name, vocabulary) ?? closeAuthor(name, vocabulary);
  if (found !== undefined) return { kind: 'found', author: found };
  const partial = [...vocabulary.authors.values()].filter((author) => ` ${author.folded} `.includes(` ${name} `));
  const [only] = partial;
  if (partial.length === 1 && only !== undefined) return { kind: 'found', author: only };
  if (partial.length > 1) return { kind: 'ambiguous', candidates: partial.sort((a, b) => a.name.localeCompare(b.name)) };
  const allowance = Math.max(2, Math.floor(name.length / 3));
  const suggestions = [...vocabulary.authors.values()]
    .map((author) => ({ author, distance: editDistance(name, author.folded, allowance) }))
    .filter((entry) => entry.distance <= allowance)
    .sort((a, b) => a.distance - b.distance || a.author.name.localeCompare(b.author.name))
    .slice(0, 3)
    .map((entry) => entry.author);
  return { kind: 'missing', suggestions };
}

function exactAuthor(folded: string, vocabulary: CorpusVocabulary): AuthorIdentity | undefined {
  const direct = vocabulary.authors.get(folded);
  if (direct !== undefined) return direct;
  // Family name first ("Song Shiji") is common for Chinese names.
  const words = folded.split(' ');
  return words.length === 2 ? vocabulary.authors.get(`${words[1]} ${words[0]}`) : undefined;
}

/** One typo in a name of 5+ letters, two in 12+; the closest wins, and a tie is no match. */
function closeAuthor(folded: string, vocabulary: CorpusVocabulary): AuthorIdentity | undefined {
  const length = Array.from(folded).length;
  if (length < 5) return undefined;
  const allowance = length >= 12 ? 2 : 1;
  let best: { author: AuthorIdentity; distance: number; tied: boolean } | undefined;
  for (const author of vocabulary.authors.values()) {
    const distance = editDistance(folded, author.folded, allowance);
    if (distance > allowance) continue;
    if (best === undefined || distance < best.distance) best = { author, distance, tied: false };
    else if (distance === best.distance) best.tied = true;
  }
  return best === undefined || best.tied ? undefined : best.author;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
