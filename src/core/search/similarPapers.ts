// "Similar papers": the papers sharing the most distinctive words with this one's title and
// acronyms, ranked by the same index as any search, the paper itself left out.
import { foldName, type StoredPaper } from '../paper.js';
import { emptyQuery } from '../query/queryTypes.js';
import type { PaperIndex } from './paperIndex.js';

const COMMON_WORDS = new Set(['with', 'from', 'into', 'over', 'under', 'towards', 'toward', 'through', 'using', 'based', 'learning', 'model', 'models', 'network', 'networks', 'approach', 'method', 'via', 'for', 'the', 'and', 'deep', 'neural']);

export function similarPapers(index: PaperIndex, paper: StoredPaper, limit: number): StoredPaper[] {
  const words = [...new Set(foldName(paper.title).split(' '))].filter((word) => word.length > 3 && !COMMON_WORDS.has(word));
  if (words.length === 0) return [];
  const query = emptyQuery();
  query.clauses = words.map((word) => ({ negated: false, alternatives: [{ kind: 'term' as const, value: word }] }));
  query.sort = 'relevance';
  return index
    .search(query, { limit: limit + 1 })
    .hits.filter((hit) => hit.paper.id !== paper.id)
    .slice(0, limit)
    .map((hit) => hit.paper);
}
