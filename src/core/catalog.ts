// The live corpus a running bot answers from: the store's papers and an index over them.
// An empty store is seeded once; afterwards every instance polls the store's corpus revision and
// rebuilds its index when `paperbot ingest` (from any process) changed the papers, no restart.
// An index is saved after it is built and restored, without reading the papers, by the next
// process that finds the store in the same state (savedIndex.ts).
import type { Logger } from './logger.js';
import type { Paper } from './paper.js';
import { PaperIndex, type TextEngineFactory } from './search/paperIndex.js';
import { loadSavedIndex, saveIndex, type SavedIndexOptions } from './search/savedIndex.js';
import type { PaperStore } from './store/paperStore.js';
import { prepareStore } from './store/seedStore.js';

export interface CatalogOptions {
  logger: Logger;
  /** Papers to put in an empty store (the bundled corpus). */
  loadSeed?: () => Promise<Paper[]>;
  /** Another engine than BM25 (lunr in tests and benchmarks); such an index is neither saved nor restored. */
  createEngine?: TextEngineFactory;
  /** Where built indexes are saved and looked for; undefined (an in-memory store): built on every start. */
  savedIndexDirectory?: string;
  /**
   * Builds and saves the index for the store's current papers somewhere other than this thread
   * (true when saved), so a refresh never stops the bot for the seconds a large corpus takes.
   * Without it, or if it fails, refresh builds in this thread.
   */
  buildSavedIndexElsewhere?: () => Promise<boolean>;
  /**
   * Prepares in the background what the first commands would otherwise build while someone
   * waits; run on each loaded index once `prepareAhead()` was called (a bot or chat that stays up,
   * once it answers; not a one-off `ask`).
   */
  warmUp?: (index: PaperIndex, signal: AbortSignal) => Promise<void>;
}

export class PaperCatalog {
  private currentIndex: PaperIndex;
  private revision: number;
  private refreshing: Promise<boolean> | undefined;
  private preparingAhead = false;
  /** Aborts the preparation of the index being replaced, so two never run at once. */
  private preparation: AbortController | undefined;

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
    const { index, revision } = await loadIndex(store, options);
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
    if ((await this.store.corpusRevision()) === this.revision) return false;
    const { buildSavedIndexElsewhere } = this.options;
    if (buildSavedIndexElsewhere !== undefined && savedIndexOptions(this.options) !== undefined) {
      const saved = await buildSavedIndexElsewhere().catch((error: unknown) => {
        this.options.logger.warn('building the index in the background failed; building it here', { error });
        return undefined;
      });
      if (saved === false) this.options.logger.warn('the background index build saved no file; building it here');
    }
    const { index, revision } = await loadIndex(this.store, this.options);
    this.currentIndex = index;
    this.revision = revision;
    this.options.logger.info('corpus reloaded', { papers: index.size, revision });
    this.warmUp();
    return true;
  }

  /**
   * From now on, prepare each loaded index ahead (this one at once, in the background). Called by
   * a bot once it listens and by the terminal chat once it reads: started earlier, the preparation
   * would share the start-up's turns of the event loop and delay the first answer (100k papers:
   * /healthz 0.78 -> 1.0 s).
   */
  prepareAhead(): void {
    if (this.preparingAhead) return;
    this.preparingAhead = true;
    this.warmUp();
  }

  /** Stops preparing ahead (the process is closing: a preparation still running would keep it alive for seconds). */
  stopPreparing(): void {
    this.preparingAhead = false;
    this.preparation?.abort();
  }

  private warmUp(): void {
    if (!this.preparingAhead || this.options.warmUp === undefined) return;
    this.preparation?.abort();
    const preparation = new AbortController();
    this.preparation = preparation;
    this.options.warmUp(this.currentIndex, preparation.signal).catch((error: unknown) => {
      if (!preparation.signal.aborted) this.options.logger.warn('preparing the index ahead failed', { error });
    });
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

/** The index for the store's current papers: restored from its saved file if there is one, else built (and saved). */
async function loadIndex(store: PaperStore, options: CatalogOptions): Promise<{ index: PaperIndex; revision: number }> {
  // The stamp is read before the papers; see saveIndex for why the order matters.
  const stamp = await store.corpusStamp();
  const saved = savedIndexOptions(options);
  const restored = saved === undefined ? undefined : loadSavedIndex(saved, stamp);
  if (restored !== undefined) return { index: restored, revision: stamp.revision };
  const index = new PaperIndex(await store.listPapers(), options.createEngine);
  if (saved !== undefined) saveIndex(saved, stamp, index);
  return { index, revision: stamp.revision };
}

function savedIndexOptions(options: CatalogOptions): SavedIndexOptions | undefined {
  if (options.createEngine !== undefined || options.savedIndexDirectory === undefined) return undefined;
  return { directory: options.savedIndexDirectory, logger: options.logger };
}
