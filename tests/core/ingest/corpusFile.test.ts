// The corpus file: round trips, errors that name the bad field, and writes that never half-happen.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, IngestError } from '../../../src/core/errors.js';
import { readCorpusFile, serializeCorpus, writeCorpusFileAtomically } from '../../../src/core/ingest/corpusFile.js';
import { parseArrowPage } from '../../../src/core/ingest/parseArrowPage.js';
import type { Paper } from '../../../src/core/paper.js';
import { makeTempDir, SEED_PAGE_PATH } from './fixtures.js';

const seedPapers = parseArrowPage(await readFile(SEED_PAGE_PATH, 'utf8'), SEED_PAGE_PATH).papers;
const fixedTime = '2026-12-04T00:00:00.000Z';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await temp.cleanup();
});

async function readError(path: string): Promise<IngestError> {
  try {
    await readCorpusFile(path);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('corpus file', () => {
  it('reads back exactly the papers it wrote', async () => {
    const path = join(temp.dir, 'papers.json');
    await writeCorpusFileAtomically(path, seedPapers, { generatedAt: fixedTime });
    const corpus = await readCorpusFile(path);
    expect(corpus.format).toBe('paperbot-corpus');
    expect(corpus.version).toBe(1);
    expect(corpus.generatedAt).toBe(fixedTime);
    expect(corpus.papers).toEqual(seedPapers);
  });

  it('serialises reproducibly for a fixed timestamp', () => {
    const text = serializeCorpus(seedPapers, { generatedAt: new Date(fixedTime) });
    expect(serializeCorpus(seedPapers, { generatedAt: fixedTime })).toBe(text);
    expect(text.startsWith('{\n  "format": "paperbot-corpus",\n  "version": 1,\n  "generatedAt": "2026-12-04T00:00:00.000Z",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('matches the bundled data/papers.json', async () => {
    const bundled = await readFile(new URL('../../../data/papers.json', import.meta.url), 'utf8');
    expect(serializeCorpus(seedPapers, { generatedAt: fixedTime })).toBe(bundled);
  });

  it('names the JSON path of a bad field', async () => {
    const corpus = JSON.parse(serializeCorpus(seedPapers.slice(0, 3), { generatedAt: fixedTime })) as { papers: Array<Record<string, unknown>> };
    const second = corpus.papers[1];
    if (second === undefined) throw new Error('fixture too short');
    second.year = 'twenty';
    const path = await temp.write('bad.json', JSON.stringify(corpus));
    const error = await readError(path);
    expect(error.code).toBe(ErrorCode.CorpusInvalid);
    expect(error.file).toBe(path);
    expect(error.message).toMatch(/^.*bad\.json: the corpus file does not match the paperbot-corpus format: papers\[1\]\.year: /);
  });

  it('names nested fields and duplicate ids', async () => {
    const corpus = JSON.parse(serializeCorpus(seedPapers.slice(0, 2), { generatedAt: fixedTime })) as { papers: Paper[] };
    const [first, second] = corpus.papers;
    if (first === undefined || second === undefined) throw new Error('fixture too short');
    (first.authors[2] as { disambiguator?: string }).disambiguator = '12';
    expect((await readError(await temp.write('nested.json', JSON.stringify(corpus)))).message).toContain('papers[0].authors[2].disambiguator');
    delete (first.authors[2] as { disambiguator?: string }).disambiguator;
    second.id = first.id;
    expect((await readError(await temp.write('dupe.json', JSON.stringify(corpus)))).message).toContain('papers[1].id: "2025-beyond-the-80-20-rule');
  });

  // The missing comma is at the start of line 3; V8 reports its position, which becomes the line.
  it('reports broken JSON with its line, and a missing file as an I/O error', async () => {
    const broken = await readError(await temp.write('broken.json', '{\n  "format": "paperbot-corpus"\n  "papers": []\n}'));
    expect(broken.code).toBe(ErrorCode.CorpusInvalid);
    expect(broken.line).toBe(3);
    const missing = await readError(join(temp.dir, 'nope.json'));
    expect(missing.code).toBe(ErrorCode.IngestIo);
    expect(missing.message).toContain('ENOENT');
  });

  it('leaves the old file untouched when the new papers are invalid', async () => {
    const path = await temp.write('papers.json', 'old contents');
    const broken = [{ ...seedPapers[0], codeUrls: ['not a url'] }] as Paper[];
    await expect(writeCorpusFileAtomically(path, broken)).rejects.toThrow(/papers\[0\]\.codeUrls\[0\]/);
    expect(await readFile(path, 'utf8')).toBe('old contents');
    expect(await readdir(temp.dir)).toEqual(['papers.json']);
  });

  it('leaves nothing behind when the final rename fails', async () => {
    const target = join(temp.dir, 'occupied');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'kept');
    const error = await writeCorpusFileAtomically(target, seedPapers).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(ErrorCode.IngestIo);
    expect(await readdir(temp.dir)).toEqual(['occupied']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
