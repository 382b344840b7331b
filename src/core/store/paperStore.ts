// The store interface: where papers (and, later, subscriptions and button state) live.
// SQLite is the default implementation; PostgreSQL implements the same interface for several
// bot instances sharing one database. Everything above the store speaks only this interface.
import type { Paper, StoredPaper } from '../paper.js';
import type { SubscriptionStore } from './subscriptionStore.js';

export interface UpsertSummary {
  /** Ids of papers the store had never seen. */
  added: string[];
  /** Ids of papers whose record changed (new source, longer author list, ...). */
  updated: string[];
  unchanged: number;
}

/**
 * One state of one store's papers. Equal stamps mean the same papers, so a search index saved
 * under a stamp can be loaded instead of reading and indexing every paper again.
 */
export interface CorpusStamp {
  /** Random id made when the store's schema was created. */
  storeId: string;
  revision: number;
  paperCount: number;
}

export interface PaperStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending schema migrations; safe to call on every start. */
  migrate(): Promise<void>;
  countPapers(): Promise<number>;
  listPapers(): Promise<StoredPaper[]>;
  getPapers(ids: string[]): Promise<StoredPaper[]>;
  /**
   * Inserts new papers and replaces changed ones in one transaction; a paper keeps the
   * firstSeenAt of its first insertion. The caller merges new data with the stored record.
   */
  upsertPapers(papers: Paper[], now?: Date): Promise<UpsertSummary>;
  /** A number that grows whenever the papers change; cheap enough to poll every few seconds. */
  corpusRevision(): Promise<number>;
  /** The revision with the store's identity and paper count, read together; see CorpusStamp. */
  corpusStamp(): Promise<CorpusStamp>;
  /** Short-key storage for button state that does not fit in a custom id. */
  putButtonState(key: string, state: string, now?: Date): Promise<void>;
  getButtonState(key: string): Promise<string | undefined>;
  /** Channel subscriptions, the delivery ledger and digest leases, in the same database. */
  readonly subscriptions: SubscriptionStore;
  close(): Promise<void>;
}
