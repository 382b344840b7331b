// "Which papers are about offline reinforcement learning?" asks for papers about all of it. The
// index ranks papers matching more of the words first but also returns papers matching only some;
// /ask keeps the ones that match every word (filters, typo tolerance and stemming as the index does).
import type { ParsedQuery } from '../query/queryTypes.js';
import type { PaperIndex, SearchResult } from '../search/paperIndex.js';

export function strictMatches(index: PaperIndex, query: ParsedQuery): SearchResult {
  const result = index.search(query);
  const required = query.clauses.filter((clause) => !clause.negated).length;
  const hits = result.hits.filter((hit) => hit.matchedClauses >= required);
  return { ...result, total: hits.length, hits };
}
