// The paper record and the corpus file format (`data/papers.json`), validated with zod wherever
// papers cross a boundary (files, stores, imports).
import { z } from 'zod';

export const AuthorSchema = z.object({
  /** Display name without the numeric disambiguator: "Gao Huang". */
  name: z.string().min(1),
  /** DBLP-style homonym number shown on the source page ("0001" in "Gao Huang 0001"). */
  disambiguator: z.string().regex(/^\d{4}$/).optional(),
});
export type Author = z.infer<typeof AuthorSchema>;

export const PaperSourceSchema = z.object({
  /** File name under data/sources/ (or the original path for other inputs). */
  file: z.string().min(1),
  /** One-based line of the paper's venue line in that file. */
  line: z.number().int().positive().optional(),
  /** The author-cluster name of the page the paper came from, e.g. "Shiji Song". */
  cluster: z.string().min(1).optional(),
});
export type PaperSource = z.infer<typeof PaperSourceSchema>;

export const PaperSchema = z.object({
  /** Stable id: slug of year + title, e.g. "2025-gridmix-exploring-spatial-modulation-...". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** Short venue name as the page writes it: "NeurIPS", "ICLR", "IEEE TPAMI". */
  venue: z.string().min(1),
  /** What the venue is: "Conference", "Journal", "Workshop", ... */
  venueKind: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  /** Publication type as the page writes it: "Conference Paper", "Journal Article". */
  type: z.string().min(1),
  /** Authors in page order; may be cut short by the source (see authorsTruncated). */
  authors: z.array(AuthorSchema),
  /** True when the source may show only the first authors (Arrow shows at most 8). */
  authorsTruncated: z.boolean(),
  /**
   * People known to be authors even if the shown list is cut: an author-cluster page lists only
   * papers whose full author list matched the cluster name.
   */
  clusterAuthors: z.array(z.string().min(1)),
  abstract: z.string(),
  /** Code repositories found in the abstract (GitHub, GitLab, ...), cleaned up. */
  codeUrls: z.array(z.string().url()),
  sources: z.array(PaperSourceSchema).min(1),
});
export type Paper = z.infer<typeof PaperSchema>;

export const CORPUS_FORMAT = 'paperbot-corpus';
export const CorpusFileSchema = z.object({
  format: z.literal(CORPUS_FORMAT),
  version: z.literal(1),
  generatedAt: z.string().datetime(),
  papers: z.array(PaperSchema),
});
export type CorpusFile = z.infer<typeof CorpusFileSchema>;

/** A paper as the store holds it: with the moment the store first saw it (digests need it). */
export interface StoredPaper extends Paper {
  firstSeenAt: Date;
}

/** Every name an author is known by on a paper, shown list and cluster people alike. */
export function allAuthorNames(paper: Paper): string[] {
  const names = paper.authors.map((author) => author.name);
  // Folded once each rather than once per pair: every card of every reply comes through here.
  const known = new Set(names.map(foldName));
  for (const name of paper.clusterAuthors) {
    const folded = foldName(name);
    if (known.has(folded)) continue;
    known.add(folded);
    names.push(name);
  }
  return names;
}

/** Case-, accent- and spacing-insensitive form of a name or word, for matching. */
export function foldName(text: string): string {
  if (text.length > MAX_REMEMBERED_LENGTH) return foldUncached(text);
  let folded = foldedNames.get(text);
  if (folded === undefined) {
    folded = foldUncached(text);
    if (foldedNames.size >= MAX_REMEMBERED_NAMES) foldedNames.clear();
    foldedNames.set(text, folded);
  }
  return folded;
}

// Names and titles are folded again and again (every card, every /ask about an author checks
// each paper's names): remembering short texts took the garbage of an /ask about an author from
// ~100 KB to ~40 KB. Long texts (abstracts) are folded as they come, not kept.
const MAX_REMEMBERED_LENGTH = 200;
const MAX_REMEMBERED_NAMES = 200_000;
const foldedNames = new Map<string, string>();

function foldUncached(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
