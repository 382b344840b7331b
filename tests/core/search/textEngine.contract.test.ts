// One suite, every text engine: the query language must find and rank the same papers whether
// the corpus is searched by lunr or by the BM25 typed-array engine, and the BM25 engine must give
// the same answers after a round trip through its serialized form (savedIndex.test.ts covers the
// whole index saved to a file and restored).
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { StoredPaper } from '../../../src/core/paper.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { resolveQuery } from '../../../src/core/query/resolveQuery.js';
import { Bm25TextEngine } from '../../../src/core/search/bm25TextEngine.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/core/search/indexSnapshot.js';
import { LunrTextEngine } from '../../../src/core/search/lunrTextEngine.js';
import { PaperIndex } from '../../../src/core/search/paperIndex.js';
import type { TextEngineFactory } from '../../../src/core/search/textEngine.js';

const withEngine =
  (createEngine: TextEngineFactory) =>
  (papers: StoredPaper[]): PaperIndex =>
    new PaperIndex(papers, createEngine);
const ENGINES: Array<[string, (papers: StoredPaper[]) => PaperIndex]> = [
  ['lunr', withEngine((papers) => new LunrTextEngine(papers))],
  ['bm25', withEngine((papers) => Bm25TextEngine.build(papers))],
  ['bm25 loaded from its serialized index', withEngine((papers) => Bm25TextEngine.deserialize(Bm25TextEngine.build(papers).serialize()))],
  ['the whole index restored from a snapshot', (papers) => decodeSnapshot(encodeSnapshot(new PaperIndex(papers)))],
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

describe.each(ENGINES)('text engine contract: %s', (_name, createIndex) => {
  let search: (text: string) => string[];
  beforeAll(() => {
    search = searcher(createIndex(corpus));
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
