// The stable id of a paper: "<year>-<title slug>". Ids appear in bot replies, button payloads and
// stores, so the same paper must get the same id on every ingest, on every machine.
import { createHash } from 'node:crypto';

const MAX_ID_LENGTH = 80;
const HASH_LENGTH = 8;

/** Letters NFKD does not split into ASCII + accent ("ß", "ø", "ł"). */
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŋ: 'ng',
};

/** Lowercase ASCII words of a title joined with '-': the part of the id that compares titles. */
export function titleSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıŋ]/g, (letter) => LATIN_FOLDS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * "2025-gridmix-exploring-spatial-modulation-for-neural-fields-in-pde-modeling". Long titles are
 * cut at a word boundary and get a short hash of the full slug, so two long titles that share
 * their first words still get different ids; a title with no Latin letters gets the hash alone.
 */
export function paperId(year: number, title: string): string {
  const slug = titleSlug(title);
  const hash = createHash('sha256').update(`${year}\n${slug || title.normalize('NFC')}`).digest('hex').slice(0, HASH_LENGTH);
  if (slug === '') return `${year}-untitled-${hash}`;
  const full = `${year}-${slug}`;
  if (full.length <= MAX_ID_LENGTH) return full;
  const room = MAX_ID_LENGTH - HASH_LENGTH - 1;
  let cut = full.slice(0, room);
  const lastHyphen = cut.lastIndexOf('-');
  if (lastHyphen > String(year).length) cut = cut.slice(0, lastHyphen);
  return `${cut.replace(/-+$/, '')}-${hash}`;
}
