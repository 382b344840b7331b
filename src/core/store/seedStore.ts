// An empty store starts from the bundled corpus (PAPERS_PATH), whichever command touches it
// first: the bot, `paperbot ask` or `paperbot ingest`.
import type { Paper } from '../paper.js';
import type { PaperStore } from './paperStore.js';

/** Migrates, then seeds the store if it has no papers; returns how many papers were seeded. */
export async function prepareStore(store: PaperStore, loadSeed?: () => Promise<Paper[]>): Promise<number> {
  await store.migrate();
  if (loadSeed === undefined || (await store.countPapers()) > 0) return 0;
  const summary = await store.upsertPapers(await loadSeed());
  return summary.added.length;
}
