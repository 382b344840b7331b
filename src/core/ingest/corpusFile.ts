// Reads and writes the project's own corpus file (data/papers.json, CorpusFileSchema). Reads
// validate every field and name the bad one; writes go to a temporary file that is renamed over
// the target, so a crash or a bad paper never leaves a half-written corpus behind.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { ErrorCode, IngestError } from '../errors.js';
import { CORPUS_FORMAT, CorpusFileSchema, type CorpusFile, type Paper } from '../paper.js';

/** How many schema problems one error message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 5;

export interface SerializeOptions {
  /** Stamp for `generatedAt`; pass a fixed value to make the output reproducible. */
  generatedAt?: Date | string;
}

export async function readCorpusFile(path: string): Promise<CorpusFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IngestError(`cannot read the corpus file (${describeIoError(error)}).`, {
      file: path,
      code: ErrorCode.IngestIo,
      hint: 'Check the path; build a corpus with the ingest command if there is none yet.',
      cause: error,
    });
  }
  return parseCorpusText(text, path);
}

/** Validates corpus JSON text that is already in memory; `file` names it in errors. */
export function parseCorpusText(text: string, file: string): CorpusFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = lineOfJsonError(text, error);
    throw new IngestError(`the corpus file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, {
      file,
      ...(line === undefined ? {} : { line }),
      code: ErrorCode.CorpusInvalid,
      hint: 'Restore it from version control or rebuild it from data/sources/.',
      cause: error,
    });
  }
  const parsed = CorpusFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new IngestError(`the corpus file does not match the ${CORPUS_FORMAT} format: ${describeIssues(parsed.error.issues)}.`, {
      file,
      code: ErrorCode.CorpusInvalid,
      hint: 'Fix the named field, or rebuild the corpus from data/sources/.',
      cause: parsed.error,
    });
  }
  const duplicate = findDuplicateId(parsed.data.papers);
  if (duplicate !== undefined) {
    throw new IngestError(`papers[${duplicate.index}].id: "${duplicate.id}" is used by papers[${duplicate.firstIndex}] too.`, {
      file,
      code: ErrorCode.CorpusInvalid,
      hint: 'Paper ids must be unique; rebuild the corpus from data/sources/.',
    });
  }
  return parsed.data;
}

/** The corpus as file text: validated, two-space JSON, trailing newline (diff-friendly). */
export function serializeCorpus(papers: readonly Paper[], options: SerializeOptions = {}): string {
  const generatedAt = options.generatedAt ?? new Date();
  const candidate = {
    format: CORPUS_FORMAT,
    version: 1,
    generatedAt: typeof generatedAt === 'string' ? generatedAt : generatedAt.toISOString(),
    papers,
  };
  return `${JSON.stringify(parseCorpusText(JSON.stringify(candidate), '<corpus being written>'), null, 2)}\n`;
}

/**
 * Writes the corpus so readers see either the old file or the complete new one: the text goes to
 * a temporary file in the same directory (rename is only atomic within one filesystem), is
 * flushed to disk, then renamed over `path`.
 */
export async function writeCorpusFileAtomically(path: string, papers: readonly Paper[], options: SerializeOptions = {}): Promise<void> {
  const text = serializeCorpus(papers, options);
  await writeFileAtomically(path, text);
}

/** Shared by corpus writes and source copies: temp file in the target's directory, fsync, rename. */
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new IngestError(`cannot write the file (${describeIoError(error)}); the previous version, if any, is unchanged.`, {
      file: path,
      code: ErrorCode.IngestIo,
      hint: 'Check that the directory exists and is writable.',
      cause: error,
    });
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
  const more = issues.length - listed.length;
  return more > 0 ? `${listed.join('; ')}; and ${more} more` : listed.join('; ');
}

/** ["papers", 3, "year"] -> "papers[3].year", the way people write JSON paths. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

function findDuplicateId(papers: readonly Paper[]): { id: string; index: number; firstIndex: number } | undefined {
  const firstIndexOf = new Map<string, number>();
  for (const [index, paper] of papers.entries()) {
    const firstIndex = firstIndexOf.get(paper.id);
    if (firstIndex !== undefined) return { id: paper.id, index, firstIndex };
    firstIndexOf.set(paper.id, index);
  }
  return undefined;
}

/**
 * V8 reports "... at position 123" or "(line 4 column 7)" for most syntax errors (not for every
 * "Unexpected token"); turn either into a line, or give none.
 */
function lineOfJsonError(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch?.[1] !== undefined) return Number.parseInt(lineMatch[1], 10);
  const positionMatch = /position (\d+)/.exec(message);
  if (positionMatch?.[1] === undefined) return undefined;
  const position = Number.parseInt(positionMatch[1], 10);
  return text.slice(0, position).split('\n').length;
}

function describeIoError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
