// Who wrote what: author counts over a set of papers, one author's profile (papers, years,
// venues, co-authors), and fuzzy author look-up. Functions over papers, shared by /authors and
// the "did you mean" of author filters; a corpus's author table is kept per paper list. An
// author's identity is the folded name (foldName), so "Gao Huang 0001", "gao huang" and
// "Gáo Huang" are one person, and cluster authors count even when the shown list is cut.
import { allAuthorNames, foldName, type Paper } from '../paper.js';
import { editDistance } from '../query/editDistance.js';
import { buildNow, preparedPerKey, type StepwiseBuild } from '../search/inSlices.js';

export interface AuthorCount {
  /** The folded name: the author's identity. */
  key: string;
  /** The spelling most papers use, for display. */
  name: string;
  papers: number;
}

export interface VenueCount {
  venue: string;
  papers: number;
}

export interface YearCount {
  year: number;
  papers: number;
}

export interface AuthorProfile<P extends Paper = Paper> {
  author: AuthorCount;
  /** Newest first, then by title. */
  papers: P[];
  firstYear: number;
  lastYear: number;
  /** Years with at least one paper, oldest first. */
  years: YearCount[];
  /** Most papers first. */
  venues: VenueCount[];
  /** Everyone who shares a paper with the author, most shared papers first. */
  coauthors: AuthorCount[];
}

export interface AuthorMatch {
  author: AuthorCount;
  /** Other authors the text could mean, best first (e.g. the other "Huang"s). */
  alternatives: AuthorCount[];
}

/** The identity of a typed or listed name: folded, without a DBLP homonym number ("Gao Huang 0001"). */
export function authorKey(name: string): string {
  return foldName(name.replace(/\s+\d{4}\s*$/u, ''));
}

/** The distinct authors of each paper, by identity (a name listed twice counts once). */
function authorsOf(paper: Paper): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const name of allAuthorNames(paper)) {
    const key = authorKey(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, name);
  }
  return byKey;
}

/** Counts papers per author; most papers first, then alphabetically. */
export function countAuthors(papers: readonly Paper[]): AuthorCount[] {
  return buildNow(tallyAuthors(papers)).authors.sort(byCountThenName);
}

/** The `count` most frequent authors of a corpus (most papers first, then alphabetically) and how many authors it has. */
export function topAuthors(papers: readonly Paper[], count: number): { top: AuthorCount[]; authors: number } {
  const { authors } = authorTable(papers);
  // One pass keeping the best `count` in order: sorting ~100k authors by name took most of a call.
  const top: AuthorCount[] = [];
  for (const author of authors) {
    let at = top.length;
    while (at > 0 && byCountThenName(author, top[at - 1] as AuthorCount) < 0) at -= 1;
    if (at >= count) continue;
    top.splice(at, 0, author);
    if (top.length > count) top.pop();
  }
  return { top, authors: authors.length };
}

/** The author's papers, years, venues and co-authors; undefined when they wrote none of these papers. */
export function authorProfile<P extends Paper>(papers: readonly P[], name: string): AuthorProfile<P> | undefined {
  const key = authorKey(name);
  const own = (authorTable(papers).positionsByKey.get(key) ?? []).map((position) => papers[position] as P);
  const authors = countAuthors(own);
  const author = authors.find((candidate) => candidate.key === key);
  if (author === undefined) return undefined;

  const sorted = [...own].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title));
  const years = new Map<number, number>();
  const venues = new Map<string, number>();
  for (const paper of own) {
    years.set(paper.year, (years.get(paper.year) ?? 0) + 1);
    venues.set(paper.venue, (venues.get(paper.venue) ?? 0) + 1);
  }
  const yearCounts = [...years].map(([year, count]) => ({ year, papers: count })).sort((a, b) => a.year - b.year);
  return {
    author,
    papers: sorted,
    firstYear: yearCounts[0]?.year ?? 0,
    lastYear: yearCounts.at(-1)?.year ?? 0,
    years: yearCounts,
    venues: [...venues].map(([venue, count]) => ({ venue, papers: count })).sort((a, b) => b.papers - a.papers || a.venue.localeCompare(b.venue)),
    coauthors: authors.filter((candidate) => candidate.key !== key),
  };
}

/**
 * Every author of a list of papers and where each appears. Folding every name of a corpus is
 * the cost of /authors (100k papers: 0.65 s a call), so the table is kept per list: pass the same
 * array each time (PaperIndex.records) and it is built once, or ahead with prepareAuthorTable.
 */
interface AuthorTable {
  /** In no particular order. */
  authors: AuthorCount[];
  /** Author key -> positions in the list of the papers naming them, in list order. */
  positionsByKey: Map<string, number[]>;
}

const tables = preparedPerKey(tallyAuthors);

function authorTable(papers: readonly Paper[]): AuthorTable {
  return tables.get(papers);
}

/** Builds the author table of a corpus in slices, between which commands are answered (a bot does this after loading). */
export function prepareAuthorTable(papers: readonly Paper[], signal?: AbortSignal): Promise<void> {
  return tables.prepare(papers, signal);
}

/** Counts each paper's distinct authors (by key) and notes where each appears. */
function tallyAuthors(papers: readonly Paper[]): StepwiseBuild<Paper, AuthorTable> {
  const byKey = new Map<string, { positions: number[]; spellings: Map<string, number> }>();
  let position = 0;
  const step = (paper: Paper): void => {
    for (const [key, name] of authorsOf(paper)) {
      let entry = byKey.get(key);
      if (entry === undefined) {
        entry = { positions: [], spellings: new Map<string, number>() };
        byKey.set(key, entry);
      }
      entry.positions.push(position);
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    }
    position += 1;
  };
  const result = (): AuthorTable => {
    const authors: AuthorCount[] = [];
    const positionsByKey = new Map<string, number[]>();
    for (const [key, entry] of byKey) {
      authors.push({ key, name: commonestSpelling(entry.spellings), papers: entry.positions.length });
      positionsByKey.set(key, entry.positions);
    }
    return { authors, positionsByKey };
  };
  return { items: papers, step, result };
}

/**
 * The author a person means: the full name in any case or accents, a surname or given name alone
 * ("huang", the most prolific Huang wins), the names swapped ("Huang Gao"), or small typos
 * ("Shiji Sung"). Undefined when nothing is close.
 */
export function findAuthor(papers: readonly Paper[], text: string): AuthorMatch | undefined {
  const wanted = authorKey(text);
  if (wanted === '') return undefined;
  const score = nameScorer(wanted);
  const scored = authorTable(papers)
    .authors.map((author) => ({ author, score: score(author.key) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || byCountThenName(a.author, b.author));
  const best = scored[0];
  if (best === undefined) return undefined;
  // Only names as good as the best are real alternatives; a typo match is no rival to an exact one.
  const alternatives = scored.slice(1).filter((entry) => entry.score >= best.score - 10).slice(0, 5).map((entry) => entry.author);
  return { author: best.author, alternatives };
}

/** Names close enough to suggest after a miss ("did you mean"), best first. */
export function suggestAuthors(papers: readonly Paper[], text: string, limit = 3): AuthorCount[] {
  const wanted = authorKey(text);
  if (wanted === '') return [];
  const wantedWords = wanted.split(' ');
  return authorTable(papers)
    .authors.map((author) => {
      const whole = editDistance(wanted, author.key, Math.ceil(wanted.length / 2)) / Math.max(1, wanted.length);
      const words = author.key.split(' ');
      const perWord = Math.min(
        ...wantedWords.flatMap((typed) => words.map((word) => editDistance(typed, word, Math.ceil(typed.length / 2)) / Math.max(1, typed.length))),
      );
      return { author, distance: Math.min(whole, perWord) };
    })
    .filter((entry) => entry.distance <= 0.5)
    .sort((a, b) => a.distance - b.distance || byCountThenName(a.author, b.author))
    .slice(0, limit)
    .map((entry) => entry.author);
}

/**
 * How well a folded typed name names a folded author name; 0 when it does not. Made once per
 * look-up and called for every distinct author (hundreds of thousands at 100k papers), so what
 * depends on the typed name alone is prepared here and each check is tried only when a cheap
 * test on lengths allows it.
 */
export function nameScorer(wanted: string): (name: string) => number {
  const wantedWords = wanted.split(' ');
  const padded = ` ${wanted} `;
  const sortedWanted = [...wantedWords].sort().join(' ');
  const hasInitial = wantedWords.length > 1 && wantedWords.some((word) => word.length === 1);
  // A typo in the whole name: one edit for short names, more for long ones.
  const allowed = Math.max(1, Math.floor(wanted.length / 5));
  // A typo in one word typed alone ("huamg"): only for words long enough that one edit is telling.
  const oneLongWord = wantedWords.length === 1 && wanted.length >= 4;
  return (name) => {
    if (name === wanted) return 100;
    // Words in order inside the name: "huang", "gao", "gao huang" for "gao huang".
    if (name.includes(wanted) && ` ${name} `.includes(padded)) return 80;
    // The same words in another order: "Huang Gao", as some sources write Chinese names (same words, same length).
    if (name.length === wanted.length && name.split(' ').sort().join(' ') === sortedWanted) return 75;
    // Initials for given names: "G. Huang", "g huang".
    if (hasInitial) {
      const nameWords = name.split(' ');
      if (nameWords.length === wantedWords.length && wantedWords.every((word, i) => word === nameWords[i] || (word.length === 1 && nameWords[i]?.startsWith(word) === true))) return 70;
    }
    const whole = editDistance(wanted, name, allowed);
    if (whole <= allowed) return 60 - whole;
    if (oneLongWord && name.split(' ').some((word) => editDistance(wanted, word, 1) <= 1)) return 50;
    return 0;
  };
}

function commonestSpelling(spellings: ReadonlyMap<string, number>): string {
  let best: [string, number] | undefined;
  for (const entry of spellings) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0] ?? '';
}

function byCountThenName(a: AuthorCount, b: AuthorCount): number {
  return b.papers - a.papers || a.name.localeCompare(b.name);
}
