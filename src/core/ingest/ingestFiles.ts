// Turns a list of input files (Arrow author-cluster pages and/or paperbot JSON corpora) into one
// merged list of papers. Nothing is written here: every file is read and checked first, so a bad
// file fails the whole run before the caller touches data/papers.json.
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ErrorCode, IngestError } from '../errors.js';
import type { Paper } from '../paper.js';
import { parseCorpusText, writeFileAtomically } from './corpusFile.js';
import type { IngestWarning } from './ingestWarning.js';
import { mergePapers } from './mergePapers.js';
import { parseArrowPage } from './parseArrowPage.js';

export type IngestSourceKind = 'arrow-page' | 'corpus-json';

export interface IngestSource {
  path: string;
  kind: IngestSourceKind;
}

export interface IngestResult {
  papers: Paper[];
  warnings: IngestWarning[];
  sources: IngestSource[];
}

export interface CopiedSources {
  /** Paths written under the target directory. */
  copied: string[];
  /** Inputs not copied: JSON corpora, and pages already there byte for byte. */
  skipped: string[];
}

/** JSON corpora start with an object; Arrow pages start with the site's name. */
export function detectSourceKind(text: string): IngestSourceKind {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'corpus-json' : 'arrow-page';
}

export async function ingestFiles(paths: readonly string[]): Promise<IngestResult> {
  const papers: Paper[] = [];
  const warnings: IngestWarning[] = [];
  const sources: IngestSource[] = [];
  for (const path of paths) {
    const text = await readInput(path);
    const kind = detectSourceKind(text);
    sources.push({ path, kind });
    if (kind === 'corpus-json') {
      papers.push(...parseCorpusText(text, path).papers);
    } else {
      const page = parseArrowPage(text, path);
      papers.push(...page.papers);
      warnings.push(...page.warnings);
    }
  }
  const merged = mergePapers(papers);
  return { papers: merged.papers, warnings: [...warnings, ...merged.warnings], sources };
}

/**
 * Keeps the raw pages next to the corpus (data/sources/) so it can be rebuilt and audited.
 * A different file already stored under the same name is an error, never overwritten.
 */
export async function copySourcesInto(dir: string, paths: readonly string[]): Promise<CopiedSources> {
  const result: CopiedSources = { copied: [], skipped: [] };
  const contents = await Promise.all(paths.map(async (path) => ({ path, bytes: await readInputBytes(path) })));
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new IngestError('cannot create the sources directory.', { file: dir, code: ErrorCode.IngestIo, cause: error });
  }
  for (const { path, bytes } of contents) {
    if (detectSourceKind(bytes.toString('utf8')) === 'corpus-json') {
      result.skipped.push(path);
      continue;
    }
    const target = join(dir, basename(path));
    const existing = await readFile(target).catch(() => undefined);
    if (existing !== undefined) {
      if (existing.equals(bytes)) {
        result.skipped.push(path);
        continue;
      }
      throw new IngestError(`a different file named ${basename(path)} is already stored in ${dir}.`, {
        file: path,
        code: ErrorCode.IngestIo,
        hint: 'Rename the new page (Arrow page names are not unique across clusters) and ingest it again.',
      });
    }
    await writeFileAtomically(target, bytes);
    result.copied.push(target);
  }
  return result;
}

async function readInput(path: string): Promise<string> {
  return (await readInputBytes(path)).toString('utf8');
}

async function readInputBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new IngestError('cannot read the input file.', {
      file: path,
      code: ErrorCode.IngestIo,
      hint: 'Check the path and that the file is readable.',
      cause: error,
    });
  }
}
