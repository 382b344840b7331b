// Folds the same paper seen on several pages (or in a corpus and a page) into one record. Two
// records are the same paper when year and normalised title agree; the merged record keeps the
// first id it was seen under, so ids already in a corpus do not change when pages are added.
import { foldName, type Paper, type PaperSource } from '../paper.js';
import { IngestWarningCode, type IngestWarning } from './ingestWarning.js';
import { paperId } from './paperId.js';

export interface MergedPapers {
  papers: Paper[];
  warnings: IngestWarning[];
}

/** Same year + same title up to case, accents and punctuation. */
export function samePaperKey(paper: Pick<Paper, 'year' | 'title'>): string {
  return paperId(paper.year, paper.title);
}

export function mergePapers(papers: readonly Paper[]): MergedPapers {
  const byKey = new Map<string, Paper>();
  const warnings: IngestWarning[] = [];
  for (const paper of papers) {
    const key = samePaperKey(paper);
    const known = byKey.get(key);
    if (known === undefined) {
      byKey.set(key, copyPaper(paper));
      continue;
    }
    const conflict = describeConflict(known, paper);
    if (conflict !== undefined) {
      const source = paper.sources[0];
      warnings.push({
        file: source?.file ?? known.sources[0]?.file ?? 'unknown',
        ...(source?.line === undefined ? {} : { line: source.line }),
        code: IngestWarningCode.ConflictingPaperDetails,
        message: `"${paper.title}" (${paper.year}) ${conflict}; kept the first.`,
      });
    }
    byKey.set(key, mergeTwo(known, paper));
  }
  return { papers: [...byKey.values()], warnings };
}

function mergeTwo(first: Paper, second: Paper): Paper {
  // The longer list has more of the real authors; on a tie the first one read wins (stable).
  const authorSource = second.authors.length > first.authors.length ? second : first;
  return {
    ...first,
    authors: authorSource.authors.map((author) => ({ ...author })),
    authorsTruncated: authorSource.authorsTruncated,
    clusterAuthors: unionBy([...first.clusterAuthors, ...second.clusterAuthors], foldName),
    // A longer abstract is the less truncated copy of the same text.
    abstract: second.abstract.length > first.abstract.length ? second.abstract : first.abstract,
    codeUrls: unionBy([...first.codeUrls, ...second.codeUrls], (url) => url.replace(/\/+$/, '').toLowerCase()),
    sources: unionBy([...first.sources, ...second.sources], sourceKey).map((source) => ({ ...source })),
  };
}

function describeConflict(first: Paper, second: Paper): string | undefined {
  const differences: string[] = [];
  if (first.venue !== second.venue) differences.push(`venue "${first.venue}" vs "${second.venue}"`);
  if (first.venueKind !== second.venueKind) differences.push(`kind "${first.venueKind}" vs "${second.venueKind}"`);
  if (first.type !== second.type) differences.push(`type "${first.type}" vs "${second.type}"`);
  return differences.length === 0 ? undefined : `differs between sources (${differences.join(', ')})`;
}

function sourceKey(source: PaperSource): string {
  return `${source.file}\n${source.line ?? ''}\n${source.cluster ?? ''}`;
}

function unionBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}

function copyPaper(paper: Paper): Paper {
  return {
    ...paper,
    authors: paper.authors.map((author) => ({ ...author })),
    clusterAuthors: [...paper.clusterAuthors],
    codeUrls: [...paper.codeUrls],
    sources: paper.sources.map((source) => ({ ...source })),
  };
}
