// parseArrowPage on the real Shiji Song page and on hand-made pages that are odd or broken.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode, IngestError } from '../../../src/core/errors.js';
import { parseArrowPage } from '../../../src/core/ingest/parseArrowPage.js';
import { paperId } from '../../../src/core/ingest/paperId.js';
import { PaperSchema, type Paper } from '../../../src/core/paper.js';
import { arrowPage, entry, SEED_PAGE_NAME, SEED_PAGE_PATH } from './fixtures.js';

const seedText = readFileSync(SEED_PAGE_PATH, 'utf8');
const seed = parseArrowPage(seedText, SEED_PAGE_PATH);

function paperTitled(papers: readonly Paper[], prefix: string): Paper {
  const paper = papers.find((candidate) => candidate.title.startsWith(prefix));
  if (paper === undefined) throw new Error(`no paper titled "${prefix}..."`);
  return paper;
}

function parseError(text: string, file = 'broken.txt'): IngestError {
  try {
    parseArrowPage(text, file);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('parseArrowPage on the real Shiji Song page', () => {
  it('reads the header and all 27 listed papers, warning that 28 were claimed', () => {
    expect(seed.cluster).toBe('Shiji Song');
    expect(seed.claimedPaperCount).toBe(28);
    expect(seed.claimedAuthorRows).toBe(2);
    expect(seed.papers).toHaveLength(27);
    expect(seed.warnings).toEqual([
      {
        file: SEED_PAGE_PATH,
        line: 9,
        code: 'PAPER_COUNT_MISMATCH',
        message: 'The page claims 28 papers but lists 27; only the listed papers were read.',
      },
    ]);
  });

  it('produces papers that satisfy the Paper schema, with unique ids', () => {
    for (const paper of seed.papers) expect(PaperSchema.parse(paper)).toEqual(paper);
    expect(new Set(seed.papers.map((paper) => paper.id)).size).toBe(27);
  });

  it('counts years and venues as the page lists them', () => {
    expect(seed.papers.filter((paper) => paper.year === 2024)).toHaveLength(7);
    expect(seed.papers.filter((paper) => paper.year === 2019 && paper.venue === 'NeurIPS').map((paper) => paper.title)).toEqual([
      'Implicit Semantic Data Augmentation for Deep Networks',
      'Regularized Anderson Acceleration for Off-Policy Deep Reinforcement Learning',
    ]);
  });

  it('reads the first paper completely', () => {
    const first = seed.papers[0];
    expect(first).toMatchObject({
      id: '2025-beyond-the-80-20-rule-high-entropy-minority-tokens-drive-3a0534e6',
      title: 'Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive Effective Reinforcement Learning for LLM Reasoning',
      venue: 'NeurIPS',
      venueKind: 'Conference',
      year: 2025,
      type: 'Conference Paper',
      authorsTruncated: true,
      clusterAuthors: ['Shiji Song'],
      codeUrls: [],
      sources: [{ file: SEED_PAGE_NAME, line: 16, cluster: 'Shiji Song' }],
    });
    expect(first?.authors.map((author) => author.name)).toEqual(['Shenzhi Wang', 'Le Yu', 'Chang Gao', 'Chujie Zheng', 'Shixuan Liu', 'Rui Lu', 'Kai Dang', 'Xiong-Hui Chen']);
  });

  it('repairs the abstracts: decimals, percent signs, LaTeX and code links', () => {
    const entropy = paperTitled(seed.papers, 'Beyond the 80/20 Rule');
    expect(entropy.abstract).toContain('boosting AIME\'25 scores by 11.04 and AIME\'24 scores by 7.71.');
    expect(entropy.abstract).toContain('(approximately 20%) of tokens');
    const passAtK = paperTitled(seed.papers, 'Does Reinforcement Learning Really Incentivize');
    expect(passAtK.abstract).toContain('using pass@k at large k values as the evaluation metric');
    expect(passAtK.abstract).toContain('at smaller values of k (e.g., k=1), base models achieve higher pass@k score when k is large.');
    expect(passAtK.abstract).toContain('current training does not elicit');
    const deer = paperTitled(seed.papers, 'DeeR-VLA');
    expect(deer.codeUrls).toEqual(['https://github.com/yueyang130/DeeR-VLA']);
    expect(deer.abstract).toContain('by 5.2-6.5x and GPU memory');
    expect(deer.abstract).toContain('has been recently verified. However');
    expect(deer.abstract).toContain('(i.e., power consumption)');
    const dynamicVit = paperTitled(seed.papers, 'Not All Images are Worth 16x16 Words');
    expect(dynamicVit.codeUrls).toEqual([
      'https://github.com/blackfeather-wang/Dynamic-Vision-Transformer',
      'https://github.com/blackfeather-wang/Dynamic-Vision-Transformer-MindSpore',
    ]);
    expect(paperTitled(seed.papers, 'Efficient Knowledge Distillation').abstract).toContain('contain more “dark knowledge” for');
    expect(seed.papers.filter((paper) => paper.codeUrls.length > 0)).toHaveLength(9);
    for (const paper of seed.papers) {
      expect(paper.abstract).not.toMatch(/\\|\$|: \/\/|\. com|\b[ie]\. [eg]\.| \. /);
    }
  });

  it('splits DBLP-style numbers off author names', () => {
    const gridMix = paperTitled(seed.papers, 'GridMix');
    expect(gridMix.id).toBe('2025-gridmix-exploring-spatial-modulation-for-neural-fields-in-pde-modeling');
    expect(gridMix.authors).toEqual([{ name: 'Honghui Wang' }, { name: 'Shiji Song' }, { name: 'Gao Huang', disambiguator: '0001' }]);
    expect(gridMix.authorsTruncated).toBe(false);
  });

  it('gives the same papers for a CRLF copy with a byte-order mark and trailing spaces', () => {
    const windowsCopy = `\uFEFF${seedText.split('\n').map((line) => `${line}  `).join('\r\n')}`;
    const parsed = parseArrowPage(windowsCopy, SEED_PAGE_PATH);
    expect(parsed.papers).toEqual(seed.papers);
    expect(parsed.warnings).toEqual(seed.warnings);
  });
});

describe('parseArrowPage on unusual but valid pages', () => {
  it('reads journal and workshop entries with multi-word venues', () => {
    const page = arrowPage('Gao Huang', [
      entry('IEEE TPAMI Journal 2023 Journal Article', 'Dynamic Neural Networks: A Survey', ['Yizeng Han', 'Gao Huang 0001'], 'A survey.'),
      entry('CVPR Workshops Workshop 2022 Workshop Paper', 'Small Things', ['Gao Huang'], 'Short.'),
    ]);
    const { papers, warnings } = parseArrowPage(page, 'gao.txt');
    expect(papers.map(({ venue, venueKind, year, type }) => ({ venue, venueKind, year, type }))).toEqual([
      { venue: 'IEEE TPAMI', venueKind: 'Journal', year: 2023, type: 'Journal Article' },
      { venue: 'CVPR Workshops', venueKind: 'Workshop', year: 2022, type: 'Workshop Paper' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps a paper with no abstract and one with no authors, with warnings', () => {
    const page = arrowPage('Shiji Song', [
      entry('AAAI Conference 2015 Conference Paper', 'Maximin Separation Probability Clustering', ['Gao Huang', 'Shiji Song']),
      entry('ICML Conference 2020 Conference Paper', 'A Paper Without Authors', [], 'It has an abstract.'),
    ]);
    const { papers, warnings } = parseArrowPage(page, 'gaps.txt');
    expect(papers.map((paper) => [paper.title, paper.abstract, paper.authors.length, paper.clusterAuthors])).toEqual([
      ['Maximin Separation Probability Clustering', '', 2, ['Shiji Song']],
      ['A Paper Without Authors', 'It has an abstract.', 0, ['Shiji Song']],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ['MISSING_ABSTRACT', 16],
      ['MISSING_AUTHORS', 24],
    ]);
  });

  it('keeps unicode names and folds accents only in the id', () => {
    const page = arrowPage('José Álvarez', [
      entry('ICCV Conference 2021 Conference Paper', 'Über Straße: Rendu à Łódź', ['José Álvarez', '张伟 0003', 'Søren Kierkegaard'], 'Résumé.'),
    ]);
    const [paper] = parseArrowPage(page, 'unicode.txt').papers;
    expect(paper?.id).toBe('2021-uber-strasse-rendu-a-lodz');
    expect(paper?.title).toBe('Über Straße: Rendu à Łódź');
    expect(paper?.authors).toEqual([{ name: 'José Álvarez' }, { name: '张伟', disambiguator: '0003' }, { name: 'Søren Kierkegaard' }]);
    expect(paper?.clusterAuthors).toEqual(['José Álvarez']);
  });

  it('warns when a short author list does not show the cluster author', () => {
    const page = arrowPage('Shiji Song', [entry('AAAI Conference 2015 Conference Paper', 'Someone Else', ['Ann Other'], 'Text.')]);
    expect(parseArrowPage(page, 'x.txt').warnings.map((warning) => warning.code)).toEqual(['CLUSTER_AUTHOR_NOT_SHOWN']);
  });

  it('lists a paper repeated on the same page once, with a warning', () => {
    const repeated = entry('AAAI Conference 2015 Conference Paper', 'Same Paper', ['Shiji Song'], 'Text.');
    const { papers, warnings } = parseArrowPage(arrowPage('Shiji Song', [repeated, repeated]), 'dup.txt');
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources.map((source) => source.line)).toEqual([16, 24]);
    expect(warnings.map((warning) => warning.code)).toEqual(['DUPLICATE_PAPER']);
  });
});

describe('paperId', () => {
  it('is the year and the title slug, cut to 80 characters with a hash for long titles', () => {
    expect(paperId(2023, 'Budgeted Training for Vision Transformer')).toBe('2023-budgeted-training-for-vision-transformer');
    const long = 'A Very Long Title About Many Things That Keeps Going On And On Past Any Reasonable Length';
    const id = paperId(2020, long);
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/^2020-a-very-long-title-about-many-things-that-keeps-going-on-and-on-[0-9a-f]{8}$/);
    expect(paperId(2020, `${long} Indeed`)).not.toBe(id);
    expect(paperId(2020, '深度学习')).toMatch(/^2020-untitled-[0-9a-f]{8}$/);
  });
});

describe('parseArrowPage on broken pages', () => {
  it('rejects a file without the cluster header', () => {
    const error = parseError('lorem ipsum\n\ndolor sit amet\n', 'garbage.txt');
    expect(error.code).toBe(ErrorCode.IngestParse);
    expect(error.file).toBe('garbage.txt');
    expect(error.line).toBe(1);
    expect(error.message).toBe('garbage.txt:1: not an Arrow author-cluster page: no "Author name cluster" line near the top.');
    expect(error.hint).toContain('Author name cluster');
  });

  it('rejects a header with no cluster name', () => {
    expect(parseError('Arrow Research search\n\nAuthor name cluster\n\n').line).toBe(3);
  });

  it('rejects a venue line with no title', () => {
    const page = arrowPage('Shiji Song', [['NeurIPS Conference 2025 Conference Paper', '', '  • Shiji Song', '', 'Abstract.']]);
    const error = parseError(page);
    expect([error.file, error.line]).toEqual(['broken.txt', 16]);
    expect(error.message).toContain('venue line with no title');
  });

  it('rejects a venue line followed directly by another venue line', () => {
    const page = arrowPage('Shiji Song', [['NeurIPS Conference 2025 Conference Paper'], entry('ICLR Conference 2024 Conference Paper', 'Real Title', ['Shiji Song'], 'Text.')]);
    expect(parseError(page).line).toBe(16);
  });

  it('rejects a venue line at the end of the file', () => {
    const page = `${arrowPage('Shiji Song', [entry('ICLR Conference 2024 Conference Paper', 'Real Title', ['Shiji Song'], 'Text.')])}\nICLR Conference 2023 Conference Paper\n`;
    expect(parseError(page).line).toBe(24);
  });

  it.each([
    ['NeurIPS Conference 1850 Conference Paper', 'year 1850 is out of range'],
    ['NeurIPS Conference 20x5 Conference Paper', 'venue line has no readable year'],
    ['NeurIPS Conference Conference Paper', 'venue line has no readable year'],
  ])('rejects the venue line %j', (venueLine, message) => {
    const page = arrowPage('Shiji Song', [entry(venueLine, 'Title', ['Shiji Song'], 'Text.')]);
    const error = parseError(page);
    expect(error.line).toBe(16);
    expect(error.message).toContain(message);
  });

  it('rejects author lines after the abstract', () => {
    const page = arrowPage('Shiji Song', [[...entry('ICLR Conference 2024 Conference Paper', 'Title', ['Shiji Song'], 'Text.'), '  • Late Author']]);
    const error = parseError(page);
    expect(error.line).toBe(23);
    expect(error.message).toContain('author line comes after the abstract');
  });

  it('rejects an abstract where the title should be', () => {
    const page = arrowPage('Shiji Song', [['ICLR Conference 2024 Conference Paper', '', 'word '.repeat(100)]]);
    expect(parseError(page).line).toBe(18);
  });

  it('rejects an empty author entry', () => {
    const page = arrowPage('Shiji Song', [['ICLR Conference 2024 Conference Paper', '', 'Title', '', '  • 0001']]);
    expect(parseError(page).line).toBe(20);
  });
});
