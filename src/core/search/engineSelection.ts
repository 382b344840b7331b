// Which text engine a corpus gets. The BM25 typed-array engine beat lunr at every size measured,
// the bundled 27 papers included (build 4x faster in a fresh process, search p99 2-3x lower;
// docs/benchmarks.md), and passes the same query and ranking suite, so it is the engine for every
// corpus; lunr stays available through `createEngine`. savedIndex.ts keeps a built index on disk.
import { Bm25TextEngine } from './bm25TextEngine.js';
import type { IndexedPaper, TextEngine } from './textEngine.js';

/** The engine for a corpus built in memory (what PaperIndex uses when given no factory). */
export function selectTextEngine(papers: readonly IndexedPaper[]): TextEngine {
  return Bm25TextEngine.build(papers);
}
