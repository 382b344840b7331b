// mergePapers: two cluster pages that share a paper produce it once, with both clusters.
import { describe, expect, it } from 'vitest';
import { mergePapers } from '../../../src/core/ingest/mergePapers.js';
import { parseArrowPage } from '../../../src/core/ingest/parseArrowPage.js';
import { arrowPage, entry } from './fixtures.js';

const sharedVenue = 'NeurIPS Conference 2024 Conference Paper';
const sharedTitle = 'DeeR-VLA: Dynamic Inference of Multimodal Large Language Models for Efficient Robot Execution';

const songPage = parseArrowPage(
  arrowPage('Shiji Song', [
    entry(sharedVenue, sharedTitle, ['Yang Yue', 'Yulin Wang', 'Shiji Song'], ''),
    entry('AAAI Conference 2015 Conference Paper', 'Maximin Separation Probability Clustering', ['Gao Huang', 'Shiji Song'], 'Clustering.'),
  ]),
  'song.txt',
);
const huangPage = parseArrowPage(
  arrowPage('Gao Huang', [
    entry('ICLR Conference 2021 Conference Paper', 'Revisiting Locally Supervised Learning', ['Gao Huang 0001'], 'InfoPro.'),
    // Same paper, title spelled with different case and punctuation, longer author list and an abstract.
    entry(sharedVenue, 'DEER-VLA - Dynamic Inference of Multimodal Large Language Models for Efficient Robot Execution', ['Yang Yue', 'Yulin Wang', 'Bingyi Kang', 'Shiji Song', 'Gao Huang'], 'Code at https: //github. com/yueyang130/DeeR-VLA.'),
  ]),
  'huang.txt',
);

describe('mergePapers', () => {
  const { papers, warnings } = mergePapers([...songPage.papers, ...huangPage.papers]);

  it('lists a paper that appears on two pages once, under the first id', () => {
    expect(papers.map((paper) => paper.id)).toEqual([
      '2024-deer-vla-dynamic-inference-of-multimodal-large-language-models-0bf43aad',
      '2015-maximin-separation-probability-clustering',
      '2021-revisiting-locally-supervised-learning',
    ]);
    expect(warnings).toEqual([]);
  });

  it('combines what each page knew about the shared paper', () => {
    const deer = papers[0];
    expect(deer?.title).toBe(sharedTitle);
    expect(deer?.authors.map((author) => author.name)).toEqual(['Yang Yue', 'Yulin Wang', 'Bingyi Kang', 'Shiji Song', 'Gao Huang']);
    expect(deer?.clusterAuthors).toEqual(['Shiji Song', 'Gao Huang']);
    expect(deer?.abstract).toBe('Code at https://github.com/yueyang130/DeeR-VLA.');
    expect(deer?.codeUrls).toEqual(['https://github.com/yueyang130/DeeR-VLA']);
    expect(deer?.sources).toEqual([
      { file: 'song.txt', line: 16, cluster: 'Shiji Song' },
      { file: 'huang.txt', line: 24, cluster: 'Gao Huang' },
    ]);
  });

  it('is stable when a page is merged with itself', () => {
    const again = mergePapers([...papers, ...papers]);
    expect(again.papers).toEqual(papers);
  });

  it('does not merge papers with the same title in different years', () => {
    const [paper] = songPage.papers;
    if (paper === undefined) throw new Error('fixture has no paper');
    const later = { ...paper, year: 2025, id: 'later' };
    expect(mergePapers([paper, later]).papers).toHaveLength(2);
  });

  it('warns when the same paper has a different venue on another page', () => {
    const [paper] = songPage.papers;
    if (paper === undefined) throw new Error('fixture has no paper');
    const elsewhere = { ...paper, venue: 'ICML', sources: [{ file: 'other.txt', line: 7 }] };
    const merged = mergePapers([paper, elsewhere]);
    expect(merged.papers.map((merge) => merge.venue)).toEqual(['NeurIPS']);
    expect(merged.warnings).toEqual([
      { file: 'other.txt', line: 7, code: 'CONFLICTING_PAPER_DETAILS', message: `"${sharedTitle}" (2024) differs between sources (venue "NeurIPS" vs "ICML"); kept the first.` },
    ]);
  });
});
