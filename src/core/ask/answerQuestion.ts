// Answers an interpreted question from the corpus: one sentence that answers it directly, the
// papers that support it (best first), and the echo of how the question was understood.
import { allAuthorNames, foldName, type Paper, type StoredPaper } from '../paper.js';
import { formatQuery } from '../query/formatQuery.js';
import type { ParsedQuery, YearRange } from '../query/queryTypes.js';
import type { PaperIndex } from '../search/paperIndex.js';
import type { AskAnswer, AskInterpretation, AuthorIdentity } from './askTypes.js';
import { strictMatches } from './strictMatches.js';
import { keySentences } from './summarize.js';

/** Titles named in one answer sentence before "and N more"; the cards show the papers anyway. */
const TITLES_IN_ANSWER = 3;
/** People named in a co-author answer (more when tied with the last one, up to the hard cap). */
const PEOPLE_IN_ANSWER = 5;
const PEOPLE_HARD_CAP = 8;

export function answerQuestion(interpretation: AskInterpretation, index: PaperIndex): AskAnswer {
  const query = formatQuery(interpretation.query);
  const base = { intent: interpretation.intent, query, interpretedAs: interpretedAs(interpretation, query) };
  const body = answerBody(interpretation, index);
  return { ...base, ...body };
}

type AnswerBody = Pick<AskAnswer, 'answer' | 'papers'> & { total?: number };

function answerBody(interpretation: AskInterpretation, index: PaperIndex): AnswerBody {
  const { paper, author, query } = interpretation;
  switch (interpretation.intent) {
    case 'count':
      return countAnswer(index, query);
    case 'list':
      return listAnswer(index, query);
    case 'code':
      return paper === undefined ? codeListAnswer(index, query) : paperCodeAnswer(paper.paper);
    case 'where':
      return paper === undefined ? listAnswer(index, query) : whereAnswer(paper.paper);
    case 'when':
      return paper === undefined ? listAnswer(index, query) : whenAnswer(paper.paper);
    case 'summary':
      return paper === undefined ? listAnswer(index, query) : summaryAnswer(paper.paper);
    case 'extreme':
      return extremeAnswer(index, query, interpretation.aspect === 'oldest' ? 'oldest' : 'newest');
    case 'people':
      if (interpretation.aspect === 'authors' && paper !== undefined) return authorsAnswer(paper.paper);
      if (interpretation.aspect === 'co-authors' && author !== undefined) return coauthorsAnswer(index, query, author);
      if (interpretation.aspect === 'publications' && author !== undefined) return publicationsAnswer(index, query, author);
      return topicAuthorsAnswer(index, query);
    case 'search':
      return searchAnswer(index, query);
  }
}

function interpretedAs(interpretation: AskInterpretation, query: string): string {
  const subject = interpretation.paper === undefined ? '' : ` (the paper "${shortTitle(interpretation.paper.paper)}")`;
  const intent = interpretation.aspect === undefined ? interpretation.intent : `${interpretation.intent}: ${interpretation.aspect}`;
  return `${query === '' ? 'all papers' : query}${subject} — ${intent}`;
}

// ---------------------------------------------------------------------------------------------
// Collections of papers

function countAnswer(index: PaperIndex, query: ParsedQuery): AnswerBody {
  const matches = strictMatches(index, query);
  const scope = scopePhrase(index, query);
  const papers = matches.hits.map((hit) => hit.paper);
  if (matches.total === 0) return { answer: `There are no ${scope}.${closestNote(index, query)}`, total: 0, papers: [] };
  const answer = matches.total === 1 ? `There is 1 ${scopePhrase(index, query, 'paper')}.` : `There are ${matches.total} ${scope}.`;
  return { answer, total: matches.total, papers };
}

function listAnswer(index: PaperIndex, query: ParsedQuery): AnswerBody {
  const matches = strictMatches(index, query);
  if (matches.total === 0) {
    const closest = index.search({ ...query, sort: 'relevance' }).hits.map((hit) => hit.paper);
    const note = closest.length === 0 ? '' : `; the closest, matching some of the words: ${titleList(closest)}`;
    return { answer: `No ${scopePhrase(index, query, 'paper')} is in this corpus${note}.`, total: 0, papers: closest };
  }
  const papers = matches.hits.map((hit) => hit.paper);
  const noun = matches.total === 1 ? scopePhrase(index, query, 'paper') : scopePhrase(index, query);
  return { answer: `${matches.total} ${noun}: ${titleList(papers)}.`, total: matches.total, papers };
}

function codeListAnswer(index: PaperIndex, query: ParsedQuery): AnswerBody {
  const matches = strictMatches(index, query);
  const scope = scopePhrase(index, { ...query, filters: { ...query.filters, hasCode: false } });
  const papers = matches.hits.map((hit) => hit.paper);
  if (papers.length === 0) return { answer: `None of the ${scope} links its code.`, total: 0, papers: [] };
  const named = papers.slice(0, TITLES_IN_ANSWER).map((paper) => `"${shortTitle(paper)}" (${paper.codeUrls[0] ?? ''})`);
  const more = papers.length > named.length ? ` and ${papers.length - named.length} more` : '';
  const verb = papers.length === 1 ? 'has' : 'have';
  const count = papers.length === 1 ? `1 of the ${scope}` : `${papers.length} ${scope}`;
  return { answer: `${count} ${verb} code: ${more === '' ? joinList(named) : `${named.join(', ')}${more}`}.`, total: papers.length, papers };
}

function extremeAnswer(index: PaperIndex, query: ParsedQuery, which: 'newest' | 'oldest'): AnswerBody {
  const matches = strictMatches(index, { ...query, sort: which });
  const [first] = matches.hits;
  const scope = scopePhrase(index, { ...query, sort: undefined }, '');
  if (first === undefined) return { answer: `There are no ${scopePhrase(index, query)}, so no ${which} one.${closestNote(index, query)}`, total: 0, papers: [] };
  const tied = matches.hits.filter((hit) => hit.paper.year === first.paper.year).map((hit) => hit.paper);
  const [only] = tied;
  if (tied.length === 1 && only !== undefined) {
    return { answer: `The ${which} paper${scope} is "${only.title}" (${only.venue} ${only.year}).`, total: 1, papers: tied };
  }
  const named = tied.map((paper) => `"${shortTitle(paper)}" (${paper.venue})`);
  return { answer: `The ${which} papers${scope} are from ${first.paper.year}: ${joinList(named)}.`, total: tied.length, papers: tied };
}

function searchAnswer(index: PaperIndex, query: ParsedQuery): AnswerBody {
  const result = index.search(query);
  const echo = formatQuery(query);
  const papers = result.hits.map((hit) => hit.paper);
  const [best] = papers;
  if (best === undefined) {
    return { answer: `I could not tell what kind of question that is, and a search for "${echo}" finds no papers.`, total: 0, papers: [] };
  }
  const matches = result.total === 1 ? '1 paper matches' : `${result.total} papers match`;
  return { answer: `I could not tell what kind of question that is, so I searched for "${echo}": ${matches}, best "${shortTitle(best)}" (${best.venue} ${best.year}).`, total: result.total, papers };
}

// ---------------------------------------------------------------------------------------------
// One paper

function whereAnswer(paper: StoredPaper): AnswerBody {
  return { answer: `"${paper.title}" was published at ${paper.venue} ${paper.year} (${paper.type.toLowerCase()}).`, papers: [paper] };
}

function whenAnswer(paper: StoredPaper): AnswerBody {
  return { answer: `"${paper.title}" came out in ${paper.year}, at ${paper.venue}.`, papers: [paper] };
}

function paperCodeAnswer(paper: StoredPaper): AnswerBody {
  if (paper.codeUrls.length === 0) {
    return { answer: `"${shortTitle(paper)}" (${paper.venue} ${paper.year}) gives no code link in its abstract.`, papers: [paper] };
  }
  return { answer: `The code for "${shortTitle(paper)}" is at ${joinList(paper.codeUrls)}.`, papers: [paper] };
}

function summaryAnswer(paper: StoredPaper): AnswerBody {
  const sentences = keySentences(paper.abstract, paper.title);
  if (sentences.length === 0) return { answer: `The source has no abstract for "${paper.title}" (${paper.venue} ${paper.year}).`, papers: [paper] };
  return { answer: `"${shortTitle(paper)}" (${paper.venue} ${paper.year}) in brief: ${sentences.join(' ')}`, papers: [paper] };
}

function authorsAnswer(paper: StoredPaper): AnswerBody {
  const names = allAuthorNames(paper);
  if (names.length === 0) return { answer: `The source lists no authors for "${paper.title}".`, papers: [paper] };
  const list = paper.authorsTruncated ? `${names.join(', ')} and others (the source lists only the first authors)` : joinList(names);
  return { answer: `"${paper.title}" (${paper.venue} ${paper.year}) is by ${list}.`, papers: [paper] };
}

// ---------------------------------------------------------------------------------------------
// People

function coauthorsAnswer(index: PaperIndex, query: ParsedQuery, author: AuthorIdentity): AnswerBody {
  const theirs = strictMatches(index, { ...query, sort: 'newest' }).hits.map((hit) => hit.paper).filter((paper) => hasAuthor(paper, author.folded));
  const scope = scopeWithout(index, query, author);
  if (theirs.length === 0) return { answer: `${author.name} has no papers${scope} in this corpus.`, total: 0, papers: [] };
  const ranking = rankAuthors(theirs, author.folded);
  const [top, ...rest] = ranking;
  if (top === undefined) return { answer: `Nobody else is listed on ${author.name}'s ${plural(theirs.length, 'paper')}${scope}.`, papers: theirs };
  const shown = takeWithTies(rest, PEOPLE_IN_ANSWER - 1);
  const then = shown.length === 0 ? '' : `, then ${joinList(shown.map((entry) => `${entry.name} (${entry.count})`))}`;
  const shared = theirs.filter((paper) => hasAuthor(paper, top.folded));
  return {
    answer: `${top.name} works most with ${author.name}: ${top.count} of ${author.name}'s ${plural(theirs.length, 'paper')}${scope}${then}.`,
    papers: shared,
  };
}

function publicationsAnswer(index: PaperIndex, query: ParsedQuery, author: AuthorIdentity): AnswerBody {
  const papers = strictMatches(index, { ...query, sort: 'newest' }).hits.map((hit) => hit.paper).filter((paper) => hasAuthor(paper, author.folded));
  const scope = scopeWithout(index, query, author);
  if (papers.length === 0) return { answer: `${author.name} has no papers${scope} in this corpus.`, total: 0, papers: [] };
  const years = papers.map((paper) => paper.year);
  const low = Math.min(...years);
  const high = Math.max(...years);
  const span = low === high ? '' : ` (${low}–${high})`;
  return { answer: `${author.name} has ${plural(papers.length, 'paper')}${scope} here${span}: ${titleList(papers)}.`, total: papers.length, papers };
}

function topicAuthorsAnswer(index: PaperIndex, query: ParsedQuery): AnswerBody {
  const papers = strictMatches(index, query).hits.map((hit) => hit.paper);
  if (papers.length === 0) return { answer: `There are no ${scopePhrase(index, query)}, so no authors to name.`, total: 0, papers: [] };
  const [only] = papers;
  if (papers.length === 1 && only !== undefined) return { ...authorsAnswer(only), total: 1 };
  const shown = takeWithTies(rankAuthors(papers, undefined), PEOPLE_IN_ANSWER);
  const people = joinList(shown.map((entry) => `${entry.name} (${entry.count})`));
  return { answer: `The ${papers.length} ${scopePhrase(index, query)} are most often by ${people}.`, total: papers.length, papers };
}

interface AuthorCount {
  name: string;
  folded: string;
  count: number;
}

/** People on these papers by how many of them they are on; one identity per folded name. */
export function rankAuthors(papers: readonly Paper[], excludeFolded: string | undefined): AuthorCount[] {
  const counts = new Map<string, AuthorCount>();
  for (const paper of papers) {
    const seen = new Set<string>();
    for (const name of allAuthorNames(paper)) {
      const folded = foldName(name);
      if (folded === '' || folded === excludeFolded || seen.has(folded)) continue;
      seen.add(folded);
      const entry = counts.get(folded) ?? { name, folded, count: 0 };
      entry.count += 1;
      counts.set(folded, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function takeWithTies(ranking: readonly AuthorCount[], limit: number): AuthorCount[] {
  const shown = ranking.slice(0, limit);
  const last = shown[shown.length - 1];
  if (last === undefined) return shown;
  for (const entry of ranking.slice(limit, PEOPLE_HARD_CAP)) {
    if (entry.count !== last.count) break;
    shown.push(entry);
  }
  return shown;
}

function hasAuthor(paper: Paper, folded: string): boolean {
  // The names allAuthorNames gives, without building its list for every paper asked about.
  return paper.authors.some((author) => foldName(author.name) === folded) || paper.clusterAuthors.some((name) => foldName(name) === folded);
}

// ---------------------------------------------------------------------------------------------
// Words

/** "papers about mamba by Yulin Wang at NeurIPS since 2022 with code". */
function scopePhrase(index: PaperIndex, query: ParsedQuery, noun = 'papers'): string {
  const parts = noun === '' ? [] : [noun];
  const topic = query.clauses.filter((clause) => !clause.negated).flatMap((clause) => clause.alternatives.map((alternative) => alternative.value));
  if (topic.length > 0) parts.push(`about ${topic.map((word) => topicWord(index, word)).join(' ')}`);
  if (query.filters.authors.length > 0) parts.push(`by ${joinList(query.filters.authors)}`);
  if (query.filters.venues.length > 0) parts.push(`at ${query.filters.venues.join(' or ')}`);
  for (const range of query.filters.years) parts.push(yearPhrase(range));
  if (query.filters.hasCode) parts.push('with code');
  const phrase = parts.filter((part) => part !== '').join(' ');
  return noun === '' ? (phrase === '' ? '' : ` ${phrase}`) : phrase;
}

/** "rlvr" reads as "RLVR (reinforcement learning with verifiable rewards)" when the corpus defines it. */
function topicWord(index: PaperIndex, word: string): string {
  const longForm = index.acronyms.get(word);
  return longForm === undefined ? word : `${word.toUpperCase()} (${longForm})`;
}

/** The scope of a question about one person, without naming them again. */
function scopeWithout(index: PaperIndex, query: ParsedQuery, author: AuthorIdentity): string {
  const others = query.filters.authors.filter((name) => foldName(name) !== author.folded);
  const phrase = scopePhrase(index, { ...query, filters: { ...query.filters, authors: others } }, '');
  return others.length > 0 ? phrase.replace(/\bby\b/u, 'with') : phrase;
}

function yearPhrase(range: YearRange): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return min === max ? `in ${min}` : `from ${min} to ${max}`;
  if (min !== undefined) return `since ${min}`;
  if (max !== undefined) return `before ${max + 1}`;
  return '';
}

function closestNote(index: PaperIndex, query: ParsedQuery): string {
  if (query.clauses.length < 2) return '';
  const partial = index.search(query).total;
  return partial === 0 ? '' : ` (${plural(partial, 'paper')} match some of the words: try /papers ${formatQuery(query)})`;
}

/** `"A" (NeurIPS 2024), "B" (ICLR 2023) and 3 more`. */
function titleList(papers: readonly Paper[]): string {
  const named = papers.slice(0, TITLES_IN_ANSWER).map((paper) => `"${shortTitle(paper)}" (${paper.venue} ${paper.year})`);
  const more = papers.length > named.length ? ` and ${papers.length - named.length} more` : '';
  return more === '' ? joinList(named) : `${named.join(', ')}${more}`;
}

/** The name people use for a paper: the part before the colon ("GridMix"), else the title, cut at 80. */
export function shortTitle(paper: Paper): string {
  const [head = ''] = paper.title.split(/:\s/u);
  const name = head.length >= 3 && head.length < paper.title.length ? head : paper.title;
  return name.length <= 80 ? name : `${name.slice(0, 79).trimEnd()}…`;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
