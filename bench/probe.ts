// One benchmark measurement in a fresh process (so memory and start-up are this run's alone):
// start the real runtime on DATABASE_URL with one text engine, note when it is ready and its RSS,
// then run the fixed query mix through the command layer and the index, and print one JSON line.
// Run by bench/run.ts; by hand: DATABASE_URL=... node dist/bench/probe.js --engine bm25 --mix mix.json
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PaperbotRuntime, searchIndexDirectory } from '../src/app/runtime.js';
import { loadConfig } from '../src/config.js';
import { parseTextCommand } from '../src/core/commands/textCommand.js';
import { silentLogger } from '../src/core/logger.js';
import { parseQuery } from '../src/core/query/parseQuery.js';
import { Bm25TextEngine } from '../src/core/search/bm25TextEngine.js';
import { LunrTextEngine } from '../src/core/search/lunrTextEngine.js';
import { savedIndexFile } from '../src/core/search/savedIndex.js';
import type { TextEngine, TextEngineFactory } from '../src/core/search/textEngine.js';
import { MiniSearchTextEngine } from './miniSearchTextEngine.js';
import { percentile, type MixEntry } from './queryMix.js';

export interface ProbeResult {
  engine: string;
  papers: number;
  /** Milliseconds from process start (node's time origin) to a runtime ready to answer. */
  readyMs: number;
  /** Building the engine; for engine "auto", starting the runtime (restoring the saved index when there is one). */
  engineBuildMs: number;
  listPapersMs: number;
  rssMb: number;
  heapMb: number;
  serializedMb?: number;
  /** Per query category, through runtime.run (parse, search, reply): p50 and p99 in ms. */
  commands: Record<string, { p50: number; p99: number; count: number }>;
  /** Free-text and filter queries straight on PaperIndex.search. */
  search: { p50: number; p99: number; count: number };
}

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'auto' }, mix: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
const mix = JSON.parse(readFileSync(values.mix ?? '', 'utf8')) as MixEntry[];
const rounds = Number(values.rounds);

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
let built: TextEngine | undefined;
let engineBuildMs = 0;
/** "auto" is what `paperbot start` uses: BM25, restored from the saved index when there is one. */
const engines: Record<string, TextEngineFactory | undefined> = {
  auto: undefined,
  lunr: (papers) => new LunrTextEngine(papers),
  bm25: (papers) => Bm25TextEngine.build(papers),
  minisearch: (papers) => new MiniSearchTextEngine(papers),
};
const engineName = values.engine ?? 'auto';
if (!(engineName in engines)) throw new Error(`unknown engine ${engineName}: one of ${Object.keys(engines).join(', ')}`);
const chosen = engines[engineName];
const timed: TextEngineFactory | undefined =
  chosen &&
  ((papers) => {
    const started = performance.now();
    built = chosen(papers);
    engineBuildMs = performance.now() - started;
    return built;
  });

const startStarted = performance.now();
const runtime = await PaperbotRuntime.start(config, silentLogger, { createEngine: timed });
const readyMs = performance.now();
if (timed === undefined) {
  engineBuildMs = readyMs - startStarted;
  built = runtime.catalog.index.textEngine;
}
const memory = process.memoryUsage();

const listStarted = performance.now();
await runtime.store.listPapers();
const listPapersMs = performance.now() - listStarted;

const source = { platform: 'cli' as const, user: { id: 'bench', canManageChannel: true }, channelId: 'bench' };
const byCategory = new Map<string, number[]>();
const searchTimes: number[] = [];
for (let round = 0; round <= rounds; round += 1) {
  for (const entry of mix) {
    // Commands not installed in this checkout (e.g. /ask before it lands) are left out of the mix.
    const command = entry.line.slice(1).split(' ')[0] ?? '';
    if (!runtime.registry.has(command)) continue;
    const started = performance.now();
    await runtime.run(parseTextCommand(entry.line, runtime.registry), source);
    const elapsed = performance.now() - started;
    if (round === 0) continue; // the first round warms the JIT and the lazy caches
    const times = byCategory.get(entry.category) ?? [];
    times.push(elapsed);
    byCategory.set(entry.category, times);
    if (entry.search !== undefined) {
      const query = parseQuery(entry.search);
      const searchStarted = performance.now();
      runtime.catalog.index.search(query);
      searchTimes.push(performance.now() - searchStarted);
    }
  }
}

const commands: ProbeResult['commands'] = {};
for (const [category, times] of byCategory) commands[category] = { p50: percentile(times, 50), p99: percentile(times, 99), count: times.length };
const result: ProbeResult = {
  engine: timed === undefined ? `${runtime.catalog.index.engineName}, restored` : runtime.catalog.index.engineName,
  papers: runtime.catalog.index.size,
  readyMs,
  engineBuildMs,
  listPapersMs,
  rssMb: memory.rss / 2 ** 20,
  heapMb: memory.heapUsed / 2 ** 20,
  serializedMb: timed === undefined ? await savedIndexSize(config.databaseUrl) : serializedSize(built),
  commands,
  search: { p50: percentile(searchTimes, 50), p99: percentile(searchTimes, 99), count: searchTimes.length },
};
await runtime.close();
process.stdout.write(`${JSON.stringify(result)}\n`);

/** The saved index file (papers, columns and BM25) that "auto" restored: the one for the store's current stamp. */
async function savedIndexSize(databaseUrl: string): Promise<number | undefined> {
  const directory = searchIndexDirectory(databaseUrl);
  if (directory === undefined) return undefined;
  const file = savedIndexFile(directory, await runtime.store.corpusStamp());
  return existsSync(file) ? statSync(file).size / 2 ** 20 : undefined;
}

function serializedSize(engine: TextEngine | undefined): number | undefined {
  if (engine instanceof Bm25TextEngine) return engine.serialize().byteLength / 2 ** 20;
  if (engine instanceof LunrTextEngine) return Buffer.byteLength(JSON.stringify((engine as unknown as { index: unknown }).index)) / 2 ** 20;
  if (engine instanceof MiniSearchTextEngine) return Buffer.byteLength(JSON.stringify(engine.index)) / 2 ** 20;
  return undefined;
}
