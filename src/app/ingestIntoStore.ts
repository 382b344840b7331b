// `paperbot ingest`: parse pages and corpora, merge them with what the store already holds, and
// write everything in one transaction. Parsing finishes before anything is written, so a broken
// page leaves the store (and data/sources/) exactly as they were.
import { copySourcesInto, ingestFiles } from '../core/ingest/ingestFiles.js';
import type { IngestWarning } from '../core/ingest/ingestWarning.js';
import { mergePapers } from '../core/ingest/mergePapers.js';
import type { Paper } from '../core/paper.js';
import type { PaperStore, UpsertSummary } from '../core/store/paperStore.js';
import { prepareStore } from '../core/store/seedStore.js';

export interface IngestReport extends UpsertSummary {
  parsed: number;
  warnings: IngestWarning[];
  copiedSources: string[];
}

export interface IngestOptions {
  /** Where raw pages are kept (data/sources/). */
  sourcesDir?: string;
  /** The bundled corpus, put in an empty store before the new pages. */
  loadSeed?: () => Promise<Paper[]>;
  now?: Date;
  /** Called as each step starts ("parsing 3 files", "writing 12000 papers"), for a progress line on a terminal. */
  onProgress?: (step: string) => void;
}

export async function ingestIntoStore(store: PaperStore, paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const progress = options.onProgress ?? (() => {});
  progress(`parsing ${paths.length} ${paths.length === 1 ? 'file' : 'files'}`);
  const result = await ingestFiles(paths);
  await prepareStore(store, options.loadSeed);
  progress(`merging ${result.papers.length} papers with the store`);
  const existing = new Map((await store.getPapers(result.papers.map((paper) => paper.id))).map((paper) => [paper.id, paper]));
  const toWrite: Paper[] = result.papers.map((paper) => {
    const stored = existing.get(paper.id);
    if (stored === undefined) return paper;
    const { firstSeenAt: _firstSeenAt, ...storedPaper } = stored;
    return mergePapers([storedPaper, paper]).papers[0] ?? paper;
  });
  const pages = result.sources.filter((source) => source.kind === 'arrow-page').map((source) => source.path);
  const copied = options.sourcesDir === undefined || pages.length === 0 ? { copied: [] } : await copySourcesInto(options.sourcesDir, pages);
  progress(`writing ${toWrite.length} papers in one transaction`);
  const summary = await store.upsertPapers(toWrite, options.now);
  return { ...summary, parsed: result.papers.length, warnings: result.warnings, copiedSources: copied.copied };
}
