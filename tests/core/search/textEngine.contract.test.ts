// One suite, every text engine: the query language must find and rank the same papers whether
// the corpus is searched by lunr (small corpora) or by the BM25 typed-array engine (large ones),
// and the BM25 engine must give the same answers after a round trip through its index file.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/syntheticCorpus.js';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { Logger } from '../../../src/core/logger.js';
import type { StoredPaper } from '../../../src/core/paper.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { resolveQuery } from '../../../src/core/query/resolveQuery.js';
import { Bm25TextEngine } from '../../../src/core/search/bm25TextEngine.js';
import { cachedTextEngineFactory } from '../../../src/core/search/engineSelection.js';
import { LunrTextEngine } from '../../../src/core/search/lunrTextEngine.js';
import { PaperIndex } from '../../../src/core/search/paperIndex.js';
import type { TextEngineFactory } from '../../../src/core/search/textEngine.js';

const ENGINES: Array<[string, TextEngineFactory]> = [
  ['lunr', (papers) => new LunrTextEngine(papers)],
  ['bm25', (papers) => Bm25TextEngine.build(papers)],
  ['bm25 loaded from its serialized index', (papers) => Bm25TextEngine.deserialize(Bm25TextEngine.build(papers).serialize())],
];

let corpus: StoredPaper[];
beforeAll(async () => {
  const file = await readCorpusFile('data/papers.json');
  corpus = file.papers.map((paper) => ({ ...paper, firstSeenAt: new Date('2026-01-01T00:00:00Z') }));
});

function searcher(index: PaperIndex): (text: string) => string[] {
  const venues = [...new Set(index.papers.map((doc) => doc.paper.venue))];
  return (text) => index.search(resolveQuery(parseQuery(text), { venues })).hits.map((hit) => hit.paper.title);
}

const BRIDGING = 'Bridging the Divide: Reconsidering Softmax and Linear Attention';
const DEMYSTIFY = 'Demystify Mamba in Vision: A Linear Attention Perspective';
const GRIDMIX = 'GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling';
const RLVR_PAPER = 'Does Reinforcement Learning Really Incentivize Reasoning Capacity in LLMs Beyond the Base Model?';

describe.each(ENGINES)('text engine contract: %s', (_name, createEngine) => {
  let search: (text: string) => string[];
  beforeAll(() => {
    search = searcher(new PaperIndex(corpus, createEngine));
  });

  it('ranks the papers about the words first', () => {
    expect(search('linear attention').slice(0, 2).sort()).toEqual([BRIDGING, DEMYSTIFY]);
    expect(search('gridmix')[0]).toBe(GRIDMIX);
  });

  it('stems: a plural or another form of the word finds the paper', () => {
    expect(search('augmentations')).toContain('Implicit Semantic Data Augmentation for Deep Networks');
    expect(search('reinforced').length).toBeGreaterThan(5);
  });

  it('tolerates light typos, and not in short words', () => {
    expect(search('atention')).toContain(BRIDGING);
    expect(search('reinforcment').length).toBeGreaterThan(5);
    // Seven letters allow one typo; "atenton" is two away from "attention".
    expect(search('atenton')).toEqual([]);
  });

  it('restricts words to a field', () => {
    const inTitle = search('title:vision');
    expect(inTitle).toHaveLength(2);
    expect(inTitle.every((title) => /vision/i.test(title))).toBe(true);
    expect(search('vision').length).toBeGreaterThan(inTitle.length);
    expect(search('venue:IJCAI entropy')).toEqual(['Soft Policy Gradient Method for Maximum Entropy Deep Reinforcement Learning']);
    // An excluded author is matched as a phrase in the authors field, never in titles or abstracts.
    expect(search('title:mamba OR title:gridmix -author:"Dongchen Han"')).toEqual([GRIDMIX]);
    expect(search('title:mamba OR title:gridmix -author:mamba').sort()).toEqual([DEMYSTIFY, GRIDMIX]);
    expect(search('abs:"linear attention"').length).toBeGreaterThanOrEqual(2);
  });

  it('matches phrases as written, stop words included', () => {
    expect(search('"linear attention"').sort()).toEqual([BRIDGING, DEMYSTIFY]);
    expect(search('"attention linear"')).toEqual([]);
    expect(search('"reinforcement learning for llm reasoning"')).toEqual([
      'Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive Effective Reinforcement Learning for LLM Reasoning',
    ]);
  });

  it('finds acronyms defined in abstracts both ways', () => {
    const byAcronym = search('RLVR');
    expect(byAcronym).toContain(RLVR_PAPER);
    expect(search('"verifiable rewards"').slice(0, 2).sort()).toEqual(byAcronym.slice(0, 2).sort());
  });

  it('excludes negated words and joins alternatives with OR', () => {
    expect(search('"linear attention" -mamba')).toEqual([BRIDGING]);
    expect(search('"linear attention" NOT mamba')).toEqual([BRIDGING]);
    expect(search('title:mamba OR title:gridmix').sort()).toEqual([DEMYSTIFY, GRIDMIX]);
  });

  it('ranks papers matching more clauses first and applies filters exactly', () => {
    const hits = search('offline reinforcement');
    expect(hits.slice(0, 3)).toEqual(expect.arrayContaining(['Boosting Offline Reinforcement Learning with Action Preference Query']));
    expect(search('reinforcement year:2019').length).toBe(3);
    expect(search('zzzzqqq')).toEqual([]);
  });
});

describe('engine selection and the persisted index', () => {
  const directory = mkdtempSync(join(tmpdir(), 'paperbot-index-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const warnings: string[] = [];
  const logger: Logger = { debug: () => {}, info: () => {}, warn: (message) => void warnings.push(message), error: () => {} };
  let large: StoredPaper[];
  beforeAll(() => {
    large = generateCorpus({ size: 1_200, shapeFrom: corpus }).map((paper) => ({ ...paper, firstSeenAt: new Date(0) }));
  });

  it('uses BM25 by default, and builds every time without a folder for index files', () => {
    expect(new PaperIndex(corpus).engineName).toBe('bm25');
    expect(new PaperIndex(corpus, cachedTextEngineFactory({ directory: undefined, logger })).engineName).toBe('bm25');
    expect(readdirSync(directory)).toEqual([]);
  });

  it('answers a large corpus the same from a fresh build, a saved index file, and lunr', () => {
    const factory = cachedTextEngineFactory({ directory, logger });
    const built = new PaperIndex(large, factory);
    const files = readdirSync(directory).filter((name) => name.endsWith('.bin'));
    expect(files).toHaveLength(1);
    const loaded = new PaperIndex(large, factory);
    const reference = new PaperIndex(large, (papers) => new LunrTextEngine(papers));
    const title = large[123]?.title ?? '';
    const words = title.split(' ').slice(0, 2).join(' ').toLowerCase();
    for (const text of [words, `"${words}"`, `${words} -zzzz`, 'year:2024']) {
      const fromBuild = searcher(built)(text);
      expect(fromBuild.length, text).toBeGreaterThan(0);
      expect(searcher(loaded)(text), text).toEqual(fromBuild);
      expect(new Set(searcher(reference)(text)), text).toEqual(new Set(fromBuild));
    }
    expect(searcher(built)(words)).toContain(title);
    expect(warnings).toEqual([]);
  });

  it('rebuilds over a damaged index file, and a changed corpus gets a new file', () => {
    const factory = cachedTextEngineFactory({ directory, logger });
    const [file] = readdirSync(directory).filter((name) => name.endsWith('.bin'));
    writeFileSync(join(directory, file ?? 'missing.bin'), 'not an index');
    const index = new PaperIndex(large, factory);
    expect(index.engineName).toBe('bm25');
    expect(warnings).toContain('ignoring an unreadable search index file');
    new PaperIndex(large.slice(1), factory);
    const files = readdirSync(directory).filter((name) => name.endsWith('.bin'));
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(file);
    expect(existsSync(join(directory, file ?? 'missing.bin'))).toBe(false);
  });
});
