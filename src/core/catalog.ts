// The live corpus a running bot answers from: the store's papers and an index over them.
// An empty store is seeded once; afterwards every instance polls the store's corpus revision and
// rebuilds its index when `paperbot ingest` (from any process) changed the papers, no restart.
import type { Logger } from './logger.js';
import type { Paper } from './paper.js';
import { PaperIndex, type TextEngineFactory } from './search/paperIndex.js';
import type { PaperStore } from './store/paperStore.js';
import { prepareStore } from './store/seedStore.js';

export interface CatalogOptions {
  logger: Logger;
  /** Papers to put in an empty store (the bundled corpus). */
  loadSeed?: () => Promise<Paper[]>;
  createEngine?: TextEngineFactory;
}

export class PaperCatalog {
  private currentIndex: PaperIndex;
  private revision: number;
  private refreshing: Promise<boolean> | undefined;

  private constructor(
    readonly store: PaperStore,
    private readonly options: CatalogOptions,
    index: PaperIndex,
    revision: number,
  ) {
    this.currentIndex = index;
    this.revision = revision;
  }

  static async open(store: PaperStore, options: CatalogOptions): Promise<PaperCatalog> {
    const seeded = await prepareStore(store, options.loadSeed);
    if (seeded > 0) options.logger.info('seeded an empty store', { papers: seeded });
    const revision = await store.corpusRevision();
    const index = new PaperIndex(await store.listPapers(), options.createEngine);
    return new PaperCatalog(store, options, index, revision);
  }

  get index(): PaperIndex {
    return this.currentIndex;
  }

  /** Rebuilds the index if the store changed since the last look; true when it did. */
  async refresh(): Promise<boolean> {
    // Two overlapping polls would build the same index twice.
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    const revision = await this.store.corpusRevision();
    if (revision === this.revision) return false;
    const papers = await this.store.listPapers();
    this.currentIndex = new PaperIndex(papers, this.options.createEngine);
    this.revision = revision;
    this.options.logger.info('corpus reloaded', { papers: papers.length, revision });
    return true;
  }

  /** Polls for corpus changes until the returned function is called. */
  watch(intervalMs: number): () => void {
    const timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.options.logger.warn('corpus refresh failed', { error }));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
