// Builds a digest from a subscription and its new papers, in a neutral form that each platform's
// poster renders (title, venue, year, authors, a line of abstract, code link), plus the packing
// rule every poster shares: as few messages as the platform's limits allow, in order.
import type { StoredPaper } from '../paper.js';
import { firstSentences, formatAuthors } from '../reply/paperCards.js';
import type { Subscription } from '../store/subscriptionStore.js';

/** How long the abstract line of a digest entry may be. */
export const DIGEST_ABSTRACT_LENGTH = 200;

export interface DigestEntry {
  paperId: string;
  title: string;
  venue: string;
  year: number;
  authors: string;
  /** First sentence(s) of the abstract; empty when the source had none. */
  abstractLine: string;
  codeUrl?: string;
}

export interface Digest {
  subscriptionId: number;
  query: string;
  entries: DigestEntry[];
}

/** Newest first, then by title; undefined when there is nothing new (no message at all). */
export function buildDigest(subscription: Pick<Subscription, 'id' | 'query'>, papers: readonly StoredPaper[]): Digest | undefined {
  if (papers.length === 0) return undefined;
  const sorted = [...papers].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return {
    subscriptionId: subscription.id,
    query: subscription.query,
    entries: sorted.map((paper) => {
      const entry: DigestEntry = {
        paperId: paper.id,
        title: paper.title,
        venue: paper.venue,
        year: paper.year,
        authors: formatAuthors(paper, 6),
        abstractLine: firstSentences(paper.abstract.replace(/\s+/g, ' ').trim(), DIGEST_ABSTRACT_LENGTH),
      };
      if (paper.codeUrls[0] !== undefined) entry.codeUrl = paper.codeUrls[0];
      return entry;
    }),
  };
}

/** "2 new papers" / "1 new paper". */
export function countNewPapers(count: number): string {
  return `${count} new ${count === 1 ? 'paper' : 'papers'}`;
}

export interface PackLimits {
  /** Most items in one message (Discord: 10 embeds). */
  maxItems: number;
  /** Most characters of items in one message, after the fixed part (header) is counted. */
  maxSize: number;
}

/**
 * Greedy packing in order: a message is closed only when the next item would break a limit. An
 * item that alone exceeds maxSize must already have been shortened by the caller.
 */
export function packInOrder<T>(items: readonly T[], limits: PackLimits, sizeOf: (item: T) => number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (current.length > 0 && (current.length >= limits.maxItems || size + itemSize > limits.maxSize)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Cuts text to at most `max` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
