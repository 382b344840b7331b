// ingestFiles and copySourcesInto with real files: pages and corpora mixed, and failures that stop the run.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, IngestError } from '../../../src/core/errors.js';
import { serializeCorpus } from '../../../src/core/ingest/corpusFile.js';
import { copySourcesInto, ingestFiles } from '../../../src/core/ingest/ingestFiles.js';
import { arrowPage, entry, makeTempDir, SEED_PAGE_PATH } from './fixtures.js';

const seedText = await readFile(SEED_PAGE_PATH, 'utf8');

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await temp.cleanup();
});

const huangPage = arrowPage('Gao Huang', [
  entry('AAAI Conference 2015 Conference Paper', 'Maximin Separation Probability Clustering', ['Gao Huang', 'Jianwen Zhang', 'Shiji Song', 'Zheng Chen'], ''),
  entry('IEEE TPAMI Journal 2023 Journal Article', 'Dynamic Neural Networks: A Survey', ['Yizeng Han', 'Gao Huang 0001'], 'A survey.'),
]);

describe('ingestFiles', () => {
  it('reads the seed page and reports where each paper came from', async () => {
    const path = await temp.write('000_e8e23af802ce87f1.txt', seedText);
    const result = await ingestFiles([path]);
    expect(result.papers).toHaveLength(27);
    expect(result.sources).toEqual([{ path, kind: 'arrow-page' }]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['PAPER_COUNT_MISMATCH']);
    expect(result.papers[0]?.sources[0]?.file).toBe('000_e8e23af802ce87f1.txt');
  });

  it('merges a JSON corpus with a page that overlaps it', async () => {
    const seedRun = await ingestFiles([await temp.write('seed.txt', seedText)]);
    const corpusPath = await temp.write('papers.json', serializeCorpus(seedRun.papers, { generatedAt: '2026-01-01T00:00:00.000Z' }));
    const pagePath = await temp.write('huang.txt', huangPage);
    const result = await ingestFiles([corpusPath, pagePath]);
    expect(result.sources.map((source) => source.kind)).toEqual(['corpus-json', 'arrow-page']);
    expect(result.papers).toHaveLength(28);
    const maximin = result.papers.find((paper) => paper.title === 'Maximin Separation Probability Clustering');
    expect(maximin?.clusterAuthors).toEqual(['Shiji Song', 'Gao Huang']);
    expect(maximin?.abstract.startsWith('This paper proposes a new approach for discriminative clustering.')).toBe(true);
    expect(maximin?.sources.map((source) => source.file)).toEqual(['seed.txt', 'huang.txt']);
    expect(result.papers.at(-1)?.venue).toBe('IEEE TPAMI');
  });

  it('fails the whole run on one broken file, naming it', async () => {
    const good = await temp.write('good.txt', huangPage);
    const bad = await temp.write('bad.txt', 'this is not a page');
    const error = await ingestFiles([good, bad]).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).file).toBe(bad);
    expect((error as IngestError).line).toBe(1);
  });

  it('fails on a missing file with an I/O error', async () => {
    const error = await ingestFiles([join(temp.dir, 'missing.txt')]).then(() => undefined, (caught: unknown) => caught);
    expect((error as IngestError).code).toBe(ErrorCode.IngestIo);
  });
});

describe('copySourcesInto', () => {
  it('copies pages, skips corpora and identical copies, and refuses to overwrite a different page', async () => {
    const page = await temp.write('000_e8e23af802ce87f1.txt', seedText);
    const corpus = await temp.write('papers.json', serializeCorpus([], { generatedAt: '2026-01-01T00:00:00.000Z' }));
    const target = join(temp.dir, 'data', 'sources');

    expect(await copySourcesInto(target, [page, corpus])).toEqual({ copied: [join(target, '000_e8e23af802ce87f1.txt')], skipped: [corpus] });
    expect(await readFile(join(target, '000_e8e23af802ce87f1.txt'), 'utf8')).toBe(seedText);

    expect(await copySourcesInto(target, [page])).toEqual({ copied: [], skipped: [page] });

    await temp.write('000_e8e23af802ce87f1.txt', huangPage);
    await expect(copySourcesInto(target, [page])).rejects.toThrow(/a different file named 000_e8e23af802ce87f1\.txt/);
    expect(await readFile(join(target, '000_e8e23af802ce87f1.txt'), 'utf8')).toBe(seedText);
    expect(await readdir(target)).toEqual(['000_e8e23af802ce87f1.txt']);
  });
});
