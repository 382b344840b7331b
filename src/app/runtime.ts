// Wires the core together for one process: config -> store -> catalog (index) -> commands.
// Every entry point (terminal chat, `paperbot ask`, the Discord and Slack adapters) starts here,
// so they all answer from the same corpus in the same way.
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { prepareCorpusVocabulary } from '../core/ask/corpusVocabulary.js';
import type { Command, CommandContext, CommandOutcome, CommandUser } from '../core/commands/command.js';
import { CommandRegistry } from '../core/commands/commandRegistry.js';
import { runCommand } from '../core/commands/commandRunner.js';
import { PaperCatalog } from '../core/catalog.js';
import { readCorpusFile } from '../core/ingest/corpusFile.js';
import type { Logger } from '../core/logger.js';
import type { CommandInvocation } from '../core/reply/neutralReply.js';
import { prepareTitleKeys } from '../core/search/findPaper.js';
import { SLICE_MS } from '../core/search/inSlices.js';
import type { PaperIndex, TextEngineFactory } from '../core/search/paperIndex.js';
import { prepareAuthorTable } from '../core/stats/authorStats.js';
import type { PaperStore } from '../core/store/paperStore.js';
import { buildSavedIndexInWorker } from './backgroundIndexBuild.js';
import { openStore } from './openStore.js';

export interface RuntimeOptions {
  random?: () => number;
  now?: () => Date;
  resultLimit?: number;
  /** Default: BM25, with the index saved next to the store and restored on the next start (see savedIndex.ts). */
  createEngine?: TextEngineFactory;
}

export interface InvocationSource {
  platform: CommandContext['platform'];
  user: CommandUser;
  channelId?: string;
  workspaceId?: string;
}

export class PaperbotRuntime {
  private constructor(
    readonly config: Config,
    readonly logger: Logger,
    readonly store: PaperStore,
    readonly catalog: PaperCatalog,
    readonly registry: CommandRegistry,
    private readonly options: RuntimeOptions,
  ) {}

  static async start(config: Config, logger: Logger, options: RuntimeOptions = {}): Promise<PaperbotRuntime> {
    const store = await openStore(config.databaseUrl);
    const indexDirectory = searchIndexDirectory(config.databaseUrl);
    try {
      const [catalog, registry] = await Promise.all([
        PaperCatalog.open(store, {
          logger,
          loadSeed: async () => (await readCorpusFile(config.papersPath)).papers,
          createEngine: options.createEngine,
          savedIndexDirectory: indexDirectory,
          warmUp: prepareIndexAhead,
          buildSavedIndexElsewhere: indexDirectory === undefined ? undefined : () => buildSavedIndexInWorker({ databaseUrl: config.databaseUrl, directory: indexDirectory }),
        }),
        CommandRegistry.load(),
      ]);
      return new PaperbotRuntime(config, logger, store, catalog, registry, options);
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  get commands(): readonly Command[] {
    return this.registry.all();
  }

  context(source: InvocationSource): CommandContext {
    return {
      catalog: this.catalog,
      logger: this.logger,
      platform: source.platform,
      user: source.user,
      channelId: source.channelId,
      workspaceId: source.workspaceId,
      now: this.options.now ?? (() => new Date()),
      random: this.options.random ?? Math.random,
      resultLimit: this.options.resultLimit ?? 50,
      commands: this.registry.all(),
    };
  }

  run(invocation: CommandInvocation, source: InvocationSource): Promise<CommandOutcome> {
    return runCommand(invocation, this.context(source), this.registry);
  }

  async close(): Promise<void> {
    this.catalog.stopPreparing();
    await this.store.close();
  }
}

/**
 * What the first author filter, `/ask`, `/paper` and `/authors` would otherwise compute while
 * someone waits: every paper's authors (read lazily from a saved index), the names `/ask`
 * recognises, the folded titles `/paper` compares and the author table `/authors` counts
 * (100k papers: ~0.8, 0.3, 0.4 and 0.6 s), each in slices of a few milliseconds so that commands
 * arriving meanwhile wait that long, not the whole pass.
 */
async function prepareIndexAhead(index: PaperIndex, signal: AbortSignal): Promise<void> {
  await index.warmUp(SLICE_MS, signal);
  await prepareCorpusVocabulary(index, signal);
  await prepareTitleKeys(index, signal);
  await prepareAuthorTable(index.records, signal);
}

/** Where the prebuilt search index lives: beside the SQLite file, var/ for PostgreSQL, nowhere for an in-memory store. */
export function searchIndexDirectory(databaseUrl: string): string | undefined {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return join('var', 'search-index');
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/i, '');
  return path === ':memory:' ? undefined : join(dirname(path), 'search-index');
}
