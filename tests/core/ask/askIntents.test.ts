// Every /ask intent on the bundled corpus, with the example questions from issue 3: the intent it
// reads, the query it echoes, the papers it cites and the numbers it gives. Expected numbers are
// computed here from data/papers.json, not taken from the code under test.
import { describe, expect, it } from 'vitest';
import { ask, ids, peopleOn, RAW_PAPERS, titled } from './askCorpus.js';

const byNewest = <T extends { year: number }>(papers: T[]): T[] => [...papers].sort((a, b) => b.year - a.year);

describe('count', () => {
  it('how many papers at NeurIPS since 2022', () => {
    const expected = RAW_PAPERS.filter((paper) => paper.venue === 'NeurIPS' && paper.year >= 2022);
    expect(expected.length).toBe(10);
    const { interpretation, answer } = ask('how many papers at NeurIPS since 2022?');
    expect(interpretation.intent).toBe('count');
    expect(answer.query).toBe('venue:NeurIPS year:>=2022');
    expect(answer.interpretedAs).toBe('venue:NeurIPS year:>=2022 — count');
    expect(answer.total).toBe(expected.length);
    expect(answer.answer).toBe('There are 10 papers at NeurIPS since 2022.');
    expect(ids(answer.papers).sort()).toEqual(ids(expected).sort());
  });

  it('how many papers did they publish in 2019 ("they" is the whole corpus)', () => {
    const expected = RAW_PAPERS.filter((paper) => paper.year === 2019);
    const { answer } = ask('how many papers did they publish in 2019?');
    expect(answer.intent).toBe('count');
    expect(answer.query).toBe('year:2019');
    expect(answer.total).toBe(expected.length);
    expect(answer.total).toBe(4);
    expect(answer.answer).toBe('There are 4 papers in 2019.');
  });

  it('reads venue aliases, typos, ranges and authors in a count', () => {
    expect(ask('How many NIPS papers between 2019 and 2021?').answer).toMatchObject({
      query: 'venue:NeurIPS year:2019..2021',
      total: RAW_PAPERS.filter((paper) => paper.venue === 'NeurIPS' && paper.year >= 2019 && paper.year <= 2021).length,
    });
    expect(ask('how many papers at Nuerips?').answer.total).toBe(RAW_PAPERS.filter((paper) => paper.venue === 'NeurIPS').length);
    const yulin = RAW_PAPERS.filter((paper) => peopleOn(paper).includes('yulin wang') && paper.venue === 'NeurIPS');
    expect(ask('how many NeurIPS papers has Yulin Wang published?').answer).toMatchObject({ query: 'venue:NeurIPS author:"Yulin Wang"', total: yulin.length });
    expect(ask('how many papers have code?').answer.total).toBe(RAW_PAPERS.filter((paper) => paper.codeUrls.length > 0).length);
    expect(ask('papers from 2019').answer).toMatchObject({ query: 'year:2019', total: 4 });
    expect(ask('how many papers from 2022 on?').answer).toMatchObject({ query: 'year:>=2022', total: RAW_PAPERS.filter((paper) => paper.year >= 2022).length });
    expect(ask('what did Gao Huang publish in 2023?').answer.answer).toMatch(/^Gao Huang has 4 papers in 2023 here: /u);
    // Relative to the injected clock (2026): "last year" is 2025.
    expect(ask('how many papers came out last year?').answer).toMatchObject({ query: 'year:2025', total: RAW_PAPERS.filter((paper) => paper.year === 2025).length });
  });

  it('answers zero honestly for a venue the corpus does not have', () => {
    const { answer } = ask('how many papers at CVPR?');
    expect(answer).toMatchObject({ intent: 'count', query: 'venue:CVPR', total: 0, papers: [] });
    expect(answer.answer).toBe('There are no papers at CVPR.');
  });
});

describe('list / topic', () => {
  it('which papers are about offline reinforcement learning: every paper with all of those words', () => {
    const { answer } = ask('which papers are about offline reinforcement learning?');
    expect(answer.intent).toBe('list');
    expect(answer.query).toBe('offline reinforcement learning');
    expect(answer.papers.map((paper) => paper.title).sort()).toEqual([
      'Boosting Offline Reinforcement Learning with Action Preference Query',
      'Train Once, Get a Family: State-Adaptive Balances for Offline-to-Online Reinforcement Learning',
      'Understanding, Predicting and Better Resolving Q-Value Divergence in Offline-RL',
    ]);
    expect(answer.total).toBe(3);
    expect(answer.answer).toMatch(/^3 papers about offline reinforcement learning: "Boosting Offline Reinforcement Learning/u);
  });

  it('papers on mamba', () => {
    const { answer } = ask('papers on mamba');
    expect(answer).toMatchObject({ intent: 'list', query: 'mamba', total: 1 });
    expect(ids(answer.papers)).toEqual([titled('Demystify Mamba in Vision').id]);
  });

  it('finds acronyms both ways (RLVR, ViT) and spells a defined acronym out', () => {
    const rlvr = ask('papers about RLVR').answer;
    expect(rlvr.papers.map((paper) => paper.year)).toEqual([2025, 2025]);
    expect(rlvr.answer).toContain('RLVR (reinforcement learning with verifiable rewards)');
    expect(ask('what is RLVR?').answer).toMatchObject({ intent: 'list', total: 2 });
    const vit = ask('which papers use ViT?').answer;
    expect(ids(vit.papers)).toContain(titled('Not All Images are Worth 16x16 Words').id);
  });

  it('says when no paper has all the words, and shows the closest', () => {
    const { answer } = ask('papers about mamba reinforcement');
    expect(answer.total).toBe(0);
    expect(answer.answer).toMatch(/^No paper about mamba reinforcement is in this corpus; the closest, matching some of the words: /u);
    expect(answer.papers.length).toBeGreaterThan(0);
  });
});

describe('people', () => {
  it('who works most with Shiji Song: Gao Huang, with the true co-author counts', () => {
    const songPapers = RAW_PAPERS.filter((paper) => peopleOn(paper).includes('shiji song'));
    const counts = new Map<string, number>();
    for (const paper of songPapers) for (const person of peopleOn(paper)) if (person !== 'shiji song') counts.set(person, (counts.get(person) ?? 0) + 1);
    const ranking = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranking[0]).toEqual(['gao huang', 17]);
    expect(ranking[1]).toEqual(['yulin wang', 5]);

    const { interpretation, answer } = ask('who works most with Shiji Song?');
    expect(interpretation).toMatchObject({ intent: 'people', aspect: 'co-authors', author: { name: 'Shiji Song' } });
    expect(answer.query).toBe('author:"Shiji Song"');
    expect(answer.answer).toMatch(/^Gao Huang works most with Shiji Song: 17 of Shiji Song's 27 papers, then Yulin Wang \(5\), /u);
    expect(answer.answer).toContain('Cheng Wu (4)');
    // The supporting papers are the ones they share ("Gao Huang 0001" is Gao Huang), newest first.
    const shared = songPapers.filter((paper) => peopleOn(paper).includes('gao huang'));
    expect(ids(answer.papers).sort()).toEqual(ids(shared).sort());
    expect(answer.papers.map((paper) => paper.year)).toEqual(byNewest(answer.papers).map((paper) => paper.year));
  });

  it('reads the name loosely: case, spacing, a typo, family name first, a homonym number', () => {
    for (const question of ['who works most with shiji  SONG?', 'who works most with Shjii Song?', 'who works most with Song Shiji?', "Shiji Song's co-authors"]) {
      expect(ask(question).answer.answer, question).toMatch(/^Gao Huang works most with Shiji Song: 17 /u);
    }
    expect(ask('who collaborates with Gao Huang 0001 most often?').answer.answer).toMatch(/^Shiji Song works most with Gao Huang: 17 of Gao Huang's 17 papers/u);
  });

  it('who wrote the DeeR-VLA paper', () => {
    const deer = titled('DeeR-VLA');
    const { interpretation, answer } = ask('who wrote the DeeR-VLA paper?');
    expect(interpretation).toMatchObject({ intent: 'people', aspect: 'authors' });
    expect(ids(answer.papers)).toEqual([deer.id]);
    expect(answer.interpretedAs).toBe('deer vla (the paper "DeeR-VLA") — people: authors');
    expect(answer.answer).toBe(
      `"${deer.title}" (NeurIPS 2024) is by Yang Yue, Yulin Wang, Bingyi Kang, Yizeng Han, Shenzhi Wang, Shiji Song, Jiashi Feng, Gao Huang and others (the source lists only the first authors).`,
    );
  });

  it('what has Yulin Wang published (also with an accent and a year)', () => {
    const expected = byNewest(RAW_PAPERS.filter((paper) => peopleOn(paper).includes('yulin wang')));
    expect(expected).toHaveLength(5);
    const { interpretation, answer } = ask('what has Yulin Wang published?');
    expect(interpretation).toMatchObject({ intent: 'people', aspect: 'publications' });
    expect(answer.query).toBe('author:"Yulin Wang" sort:newest');
    expect(answer.total).toBe(5);
    expect(ids(answer.papers)).toEqual(ids(expected));
    expect(answer.answer).toMatch(/^Yulin Wang has 5 papers here \(2019–2024\): "DeeR-VLA" \(NeurIPS 2024\), /u);
    const since = ask('what has Yulín Wang published since 2021?').answer;
    expect(since.total).toBe(expected.filter((paper) => paper.year >= 2021).length);
  });

  it('names the authors of the papers on a topic', () => {
    const { answer } = ask('who wrote about column generation?');
    expect(answer.answer).toContain('Haofeng Yuan, Lichang Fang and Shiji Song');
  });
});

describe('where / when', () => {
  it('where was Glance and Focus published (and with a typo)', () => {
    const glance = titled('Glance and Focus');
    for (const question of ['where was Glance and Focus published?', 'where was glance and focs published?', 'Which conference was Glance and Focus published in?']) {
      const { answer } = ask(question);
      expect(answer.intent, question).toBe('where');
      expect(ids(answer.papers)).toEqual([glance.id]);
      expect(answer.answer).toBe(`"${glance.title}" was published at NeurIPS 2020 (conference paper).`);
    }
  });

  it('when did the ISDA paper come out: the acronym finds the paper', () => {
    const isda = titled('Implicit Semantic Data Augmentation');
    const { answer } = ask('when did the ISDA paper come out?');
    expect(answer.intent).toBe('when');
    expect(answer.query).toBe('isda');
    expect(ids(answer.papers)).toEqual([isda.id]);
    expect(answer.answer).toBe('"Implicit Semantic Data Augmentation for Deep Networks" came out in 2019, at NeurIPS.');
    expect(ask('what year was GridMix published?').answer.answer).toMatch(/came out in 2025, at ICLR\.$/u);
  });
});

describe('code', () => {
  it('where is the code for DeeR-VLA', () => {
    const { answer } = ask('where is the code for DeeR-VLA?');
    expect(answer.intent).toBe('code');
    expect(answer.answer).toBe('The code for "DeeR-VLA" is at https://github.com/yueyang130/DeeR-VLA.');
    expect(answer.papers[0]?.codeUrls).toEqual(['https://github.com/yueyang130/DeeR-VLA']);
  });

  it('a paper without code says so', () => {
    expect(ask('does GridMix have code?').answer.answer).toBe('"GridMix" (ICLR 2025) gives no code link in its abstract.');
  });

  it('which papers have code: all nine, newest first', () => {
    const expected = RAW_PAPERS.filter((paper) => paper.codeUrls.length > 0);
    expect(expected).toHaveLength(9);
    const { interpretation, answer } = ask('which papers have code?');
    expect(interpretation).toMatchObject({ intent: 'code', aspect: 'papers with code' });
    expect(answer.query).toBe('has:code');
    expect(answer.total).toBe(9);
    expect(ids(answer.papers).sort()).toEqual(ids(expected).sort());
    expect(answer.answer).toMatch(/^9 papers have code: "Bridging the Divide" \(https:\/\/github\.com\/LeapLabTHU\/InLine\), /u);
  });
});

describe('summary', () => {
  it('what is the GridMix paper about: key sentences of its abstract', () => {
    const gridmix = titled('GridMix');
    const { answer } = ask('what is the GridMix paper about?');
    expect(answer.intent).toBe('summary');
    expect(ids(answer.papers)).toEqual([gridmix.id]);
    expect(answer.answer.startsWith('"GridMix" (ICLR 2025) in brief: ')).toBe(true);
    const summary = answer.answer.slice('"GridMix" (ICLR 2025) in brief: '.length);
    expect(summary).toContain('we propose GridMix, a novel approach that models spatial modulation as a mixture of grid-based representations.');
    // Extractive: whole sentences of the abstract, fewer than all of them.
    expect(summary.length).toBeLessThan(gridmix.abstract.length / 2);
    for (const sentence of summary.split(/(?<=\.)\s+/u)) expect(gridmix.abstract).toContain(sentence);
  });

  it('summarize with other phrasings and an acronym', () => {
    expect(ask('summarize DeeR-VLA').answer.answer).toContain('we propose a DynamicEarly-Exit for Robotic MLLM (DeeR) framework');
    expect(ask('what does ISDA stand for?').answer.answer).toContain('we propose a novel implicit semantic data augmentation (ISDA) approach');
  });
});

describe('extremes', () => {
  it('what is the newest paper: every paper of the newest year', () => {
    const newestYear = Math.max(...RAW_PAPERS.map((paper) => paper.year));
    const expected = RAW_PAPERS.filter((paper) => paper.year === newestYear);
    const { answer } = ask('what is the newest paper?');
    expect(answer).toMatchObject({ intent: 'extreme', query: 'sort:newest', total: expected.length });
    expect(ids(answer.papers).sort()).toEqual(ids(expected).sort());
    expect(answer.answer).toMatch(/^The newest papers are from 2025: .*"GridMix" \(ICLR\)\.$/u);
  });

  it('the oldest paper about SVMs', () => {
    const svm = titled('A Reduction of the Elastic Net to Support Vector Machines');
    const { answer } = ask('the oldest paper about SVMs');
    expect(answer).toMatchObject({ intent: 'extreme', query: 'svms sort:oldest', total: 1 });
    expect(ids(answer.papers)).toEqual([svm.id]);
    expect(answer.answer).toBe(`The oldest paper about svms is "${svm.title}" (AAAI 2015).`);
  });

  it('the newest paper at a venue or by a person', () => {
    expect(ids(ask('what is the latest ICLR paper?').answer.papers)).toEqual([titled('GridMix').id]);
    expect(ids(ask('most recent paper by Yulin Wang').answer.papers)).toEqual([titled('DeeR-VLA').id]);
  });
});

describe('fallback search', () => {
  it('ranks a search for a question it cannot read, and says so', () => {
    const { answer } = ask('mamba linear attention');
    expect(answer.intent).toBe('search');
    expect(answer.answer).toMatch(/^I could not tell what kind of question that is, so I searched for "mamba linear attention": \d+ papers match, best "Demystify Mamba in Vision"/u);
    expect(answer.papers[0]?.id).toBe(titled('Demystify Mamba in Vision').id);
  });
});
