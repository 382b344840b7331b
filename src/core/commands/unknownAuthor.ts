// When a query finds nothing because an `author:` filter names nobody in the corpus, the reply
// says so and offers the closest names, as /authors does for a typed name ("Shiji Sung" -> Shiji
// Song). The filter itself stays exact (a subscription may wait for an author's first paper), so
// this explains a miss after the search instead of refusing the query before it.
import { formatQuery } from '../query/formatQuery.js';
import type { ParsedQuery } from '../query/queryTypes.js';
import { reply, type NeutralReply, type ReplyButton } from '../reply/neutralReply.js';
import type { PaperIndex } from '../search/paperIndex.js';
import { findAuthor, suggestAuthors } from '../stats/authorStats.js';

export interface UnknownAuthor {
  /** `No author in this corpus matches "Shiji Sung". Did you mean Shiji Song?` */
  message: string;
  /** What to do next, for a footer or an error hint. */
  hint: string;
  /** The closest name and the same query with it in place of the typed one; undefined when no name is close. */
  correction?: { name: string; query: string };
}

/** The first author filter that names nobody in the corpus, with "did you mean"; undefined when every one names someone. */
export function unknownAuthorFilter(index: PaperIndex, query: ParsedQuery): UnknownAuthor | undefined {
  const typed = query.filters.authors.find((author) => !index.namesAnAuthor(author));
  if (typed === undefined) return undefined;
  const papers = index.records;
  // The names /authors would take this one for (a typo, swapped or initialled names), best first;
  // failing that, names merely close to it.
  const meant = findAuthor(papers, typed);
  const suggestions = (meant === undefined ? suggestAuthors(papers, typed) : [meant.author, ...meant.alternatives]).slice(0, 3).map((author) => author.name);
  const missing = `No author in this corpus matches "${typed}".`;
  const [closest] = suggestions;
  if (closest === undefined) {
    return { message: missing, hint: 'Try a surname alone (author:huang), or run /authors for the most frequent authors.' };
  }
  const correctedQuery = formatQuery({ ...query, filters: { ...query.filters, authors: query.filters.authors.map((author) => (author === typed ? closest : author)) } });
  return { message: `${missing} Did you mean ${orList(suggestions)}?`, hint: `Try ${correctedQuery}`, correction: { name: closest, query: correctedQuery } };
}

/** The reply for such a miss, with a button that runs `command` again with the closest name (when there is one). */
export function unknownAuthorReply(unknown: UnknownAuthor, command: string): NeutralReply {
  const { correction } = unknown;
  const buttons: ReplyButton[] = correction === undefined ? [] : [{ label: `Did you mean ${correction.name}?`, style: 'primary', invocation: { command, options: { query: correction.query } } }];
  return reply(unknown.message, { footer: unknown.hint, buttons });
}

/** "A", "A or B", "A, B or C". */
export function orList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}
