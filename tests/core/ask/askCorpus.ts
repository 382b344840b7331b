// The bundled corpus for /ask tests: a real PaperIndex over data/papers.json, plus the raw papers so
// tests compute expected numbers straight from the data instead of trusting the code under test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerQuestion } from '../../../src/core/ask/answerQuestion.js';
import type { AskAnswer, AskInterpretation } from '../../../src/core/ask/askTypes.js';
import { interpretQuestion } from '../../../src/core/ask/interpretQuestion.js';
import { CorpusFileSchema, type Paper, type StoredPaper } from '../../../src/core/paper.js';
import { PaperIndex } from '../../../src/core/search/paperIndex.js';

export const RAW_PAPERS: Paper[] = CorpusFileSchema.parse(JSON.parse(readFileSync(resolve('data/papers.json'), 'utf8'))).papers;

const stored: StoredPaper[] = RAW_PAPERS.map((paper) => ({ ...paper, firstSeenAt: new Date('2026-01-01T00:00:00Z') }));
export const CORPUS_INDEX = new PaperIndex(stored);

/** The clock the tests pretend it is: "last year" is 2025. */
export const NOW = new Date('2026-12-04T12:00:00Z');

export function ask(question: string): { interpretation: AskInterpretation; answer: AskAnswer } {
  const interpretation = interpretQuestion(question, CORPUS_INDEX, { now: NOW });
  return { interpretation, answer: answerQuestion(interpretation, CORPUS_INDEX) };
}

export function titled(prefix: string): Paper {
  const matches = RAW_PAPERS.filter((paper) => paper.title.startsWith(prefix));
  const [paper] = matches;
  if (paper === undefined || matches.length !== 1) throw new Error(`test corpus: ${matches.length} papers start with "${prefix}"`);
  return paper;
}

/** Every name on a paper, identity by case/accent-insensitive name, written independently of src. */
export function peopleOn(paper: Paper): string[] {
  const fold = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const names = new Map<string, string>();
  for (const name of [...paper.authors.map((author) => author.name), ...paper.clusterAuthors]) if (!names.has(fold(name))) names.set(fold(name), name);
  return [...names.keys()];
}

export function ids(papers: readonly Paper[]): string[] {
  return papers.map((paper) => paper.id);
}
