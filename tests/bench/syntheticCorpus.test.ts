// The benchmark's synthetic corpora must be the same on every run and machine (or numbers from
// two runs would not compare) and look like the seed corpus they imitate.
import { describe, expect, it } from 'vitest';
import { generateCorpus, seededRandom } from '../../bench/syntheticCorpus.js';
import { readCorpusFile } from '../../src/core/ingest/corpusFile.js';
import { CorpusFileSchema, PaperSchema, type Paper } from '../../src/core/paper.js';

const seed = (await readCorpusFile('data/papers.json')).papers;
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const words = (text: string): number => text.split(/\s+/).length;

describe('synthetic corpus', () => {
  it('is identical for the same seed and size, different for another seed', () => {
    const first = generateCorpus({ size: 300, shapeFrom: seed });
    expect(generateCorpus({ size: 300, shapeFrom: seed })).toEqual(first);
    expect(generateCorpus({ size: 300, seed: 8, shapeFrom: seed })).not.toEqual(first);
    const stream = seededRandom(1);
    const again = seededRandom(1);
    expect([stream(), stream(), stream()]).toEqual([again(), again(), again()]);
  });

  it('writes valid papers with unique ids that a corpus file accepts', () => {
    const papers = generateCorpus({ size: 2_000, shapeFrom: seed });
    for (const paper of papers.slice(0, 200)) expect(PaperSchema.safeParse(paper).success).toBe(true);
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(papers.length);
    expect(CorpusFileSchema.safeParse({ format: 'paperbot-corpus', version: 1, generatedAt: '2026-01-01T00:00:00.000Z', papers }).success).toBe(true);
  });

  it('follows the seed: title and abstract lengths, authors per paper, venues and years', () => {
    const papers: Paper[] = generateCorpus({ size: 2_000, shapeFrom: seed });
    const near = (value: number, reference: number, tolerance: number): void => expect(Math.abs(value - reference) / reference).toBeLessThan(tolerance);
    near(mean(papers.map((paper) => words(paper.abstract))), mean(seed.map((paper) => words(paper.abstract))), 0.25);
    near(mean(papers.map((paper) => words(paper.title))), mean(seed.map((paper) => words(paper.title))), 0.35);
    near(mean(papers.map((paper) => paper.authors.length)), mean(seed.map((paper) => paper.authors.length)), 0.2);
    const seedVenues = new Set(seed.map((paper) => paper.venue));
    expect(papers.filter((paper) => seedVenues.has(paper.venue)).length / papers.length).toBeGreaterThan(0.5);
    const years = papers.map((paper) => paper.year);
    expect(Math.max(...years)).toBeLessThanOrEqual(Math.max(...seed.map((paper) => paper.year)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(Math.min(...seed.map((paper) => paper.year)) - 5);
    // Seed words are the common ones, so the benchmark's queries hit at every size.
    expect(papers.filter((paper) => /reinforcement/i.test(paper.abstract)).length).toBeGreaterThan(20);
    expect(papers.filter((paper) => paper.codeUrls.length > 0).length / papers.length).toBeGreaterThan(0.2);
  });
});
