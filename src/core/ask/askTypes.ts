// What /ask understood a question to be: an intent (what kind of answer), the query language form
// of the papers it draws on (echoed back so users can check it and reuse it with /papers), and the
// one paper or person the question is about, when it is about one.
import type { StoredPaper } from '../paper.js';
import type { ParsedQuery } from '../query/queryTypes.js';
import type { PaperMatch } from '../search/findPaper.js';

/**
 * The kinds of questions /ask answers. `search` is the fallback for a question it cannot read:
 * a ranked search over its words, and the answer says so.
 */
export const ASK_INTENTS = ['count', 'list', 'people', 'where', 'when', 'code', 'summary', 'extreme', 'search'] as const;
export type AskIntent = (typeof ASK_INTENTS)[number];

/** The finer reading within an intent, shown in the echo ("people: co-authors"). */
export type AskAspect = 'co-authors' | 'authors' | 'publications' | 'topic authors' | 'newest' | 'oldest' | 'papers with code';

/** One person as the corpus knows them: the folded name is the identity, the display name the most used spelling. */
export interface AuthorIdentity {
  name: string;
  folded: string;
}

export interface AskInterpretation {
  /** The question as asked, trimmed. */
  question: string;
  intent: AskIntent;
  aspect?: AskAspect;
  /**
   * The papers the answer draws on, in the query language. Its positive text clauses are topic
   * words that every supporting paper must contain (a ranked /papers search would also show
   * papers with only some of them).
   */
  query: ParsedQuery;
  /** Set when the question is about one paper (where, when, summary, code for, who wrote). */
  paper?: PaperMatch;
  /** Set when the question is about one person (co-authors, publications). */
  author?: AuthorIdentity;
}

export interface AskAnswer {
  intent: AskIntent;
  /** The direct answer in one sentence (a summary: the paper's key sentences). */
  answer: string;
  /** The interpreted query as the query language writes it (formatQuery). */
  query: string;
  /** "venue:NeurIPS year:>=2022 — count": how the question was understood, for the reply footer. */
  interpretedAs: string;
  /** For a count, the count; for a list, how many papers match; otherwise undefined. */
  total?: number;
  /** Supporting papers, best first. */
  papers: StoredPaper[];
}
