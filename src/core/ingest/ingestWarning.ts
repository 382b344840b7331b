// Problems an ingest run noticed but could carry on from (a page claiming more papers than it
// lists, a paper without an abstract). They are reported to the operator, never thrown, so one
// odd page does not block a whole corpus rebuild.

export const IngestWarningCode = {
  PaperCountMismatch: 'PAPER_COUNT_MISMATCH',
  MissingAbstract: 'MISSING_ABSTRACT',
  MissingAuthors: 'MISSING_AUTHORS',
  ClusterAuthorNotShown: 'CLUSTER_AUTHOR_NOT_SHOWN',
  DuplicatePaper: 'DUPLICATE_PAPER',
  ConflictingPaperDetails: 'CONFLICTING_PAPER_DETAILS',
  NoPapers: 'NO_PAPERS',
} as const;
export type IngestWarningCode = (typeof IngestWarningCode)[keyof typeof IngestWarningCode];

export interface IngestWarning {
  /** The file the warning is about, as the caller named it. */
  file: string;
  /** One-based line in that file, when the problem has one. */
  line?: number;
  /** Stable code (one of IngestWarningCode) so callers and tests match on codes, not text. */
  code: string;
  message: string;
}
