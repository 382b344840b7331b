// A whole PaperIndex in one file: the papers, the columns filters and sorting read, and the BM25
// index. Restoring it is how a large corpus starts in well under a second instead of reading
// every record from the store (100k papers: 215 MB of JSON, ~2 s) and hashing them to find the index.
// Papers come back lazily: ids, titles, venues and years are decoded at once (every query or
// autocomplete may need them); the other fields of a paper are parsed the first time any of them
// is read, and its abstract decoded the first time it is read, both from the file's bytes.
import type { Author, PaperSource, StoredPaper } from '../paper.js';
import { AlignedReader, bytesOf, encodeAligned } from './alignedBytes.js';
import { BM25_FORMAT_VERSION, Bm25TextEngine } from './bm25TextEngine.js';
import { PaperIndex, type PaperColumns } from './paperIndex.js';
import { PHRASE_FILTER_WORDS } from './phraseFilter.js';

/** Bumped whenever the layout below changes (the BM25 part has its own version inside). */
export const SNAPSHOT_FORMAT_VERSION = 2;
const MAGIC = 'PBINDEX\u0000';

/** The fields parsed on first use, stored as one JSON object per paper. */
interface PaperDetails {
  venueKind: string;
  type: string;
  authors: Author[];
  authorsTruncated: boolean;
  clusterAuthors: string[];
  codeUrls: string[];
  sources: PaperSource[];
  firstSeenAt: string;
}

interface SnapshotHeader {
  papers: number;
  bm25Version: number;
  /** Distinct venue spellings; papers point into it (the columns' ids group spellings that fold alike). */
  venues: string[];
  foldedVenues: string[];
  /** The acronym dictionary's entries (acronym, long form). */
  acronyms: Array<[string, string]>;
  /** Byte lengths of the text blocks and of the BM25 index, in file order. */
  idBytes: number;
  titleBytes: number;
  detailBytes: number;
  abstractBytes: number;
  engineBytes: number;
}

/** Whether an index can be saved: only the BM25 engine has a file format. */
export function canSnapshot(index: PaperIndex): boolean {
  return index.textEngine instanceof Bm25TextEngine;
}

export function encodeSnapshot(index: PaperIndex): Uint8Array {
  const engine = index.textEngine;
  if (!(engine instanceof Bm25TextEngine)) throw new Error(`a ${engine.name} index cannot be saved`);
  const papers = index.papers.map((doc) => doc.paper);
  const columns = index.columns;
  const venues: string[] = [];
  const venueNumbers = new Map<string, number>();
  const paperVenues = Uint16Array.from(papers, ({ venue }) => {
    let number = venueNumbers.get(venue);
    if (number === undefined) {
      number = venues.push(venue) - 1;
      venueNumbers.set(venue, number);
    }
    return number;
  });
  const ids = textBlock(papers.map((paper) => paper.id));
  const titles = textBlock(papers.map((paper) => paper.title));
  const details = textBlock(papers.map((paper) => JSON.stringify(detailsOf(paper))));
  const abstracts = textBlock(papers.map((paper) => paper.abstract));
  const engineBytes = engine.serialize();
  const header: SnapshotHeader = {
    papers: papers.length,
    bm25Version: BM25_FORMAT_VERSION,
    venues,
    foldedVenues: columns.foldedVenues,
    acronyms: [...columns.acronyms],
    idBytes: ids.bytes.byteLength,
    titleBytes: titles.bytes.byteLength,
    detailBytes: details.bytes.byteLength,
    abstractBytes: abstracts.bytes.byteLength,
    engineBytes: engineBytes.byteLength,
  };
  return encodeAligned(MAGIC, SNAPSHOT_FORMAT_VERSION, header, [
    ...[ids, titles, details, abstracts].flatMap((block) => [bytesOf(block.offsets), block.bytes]),
    bytesOf(columns.years),
    bytesOf(paperVenues),
    bytesOf(columns.venueIds),
    bytesOf(columns.hasCode),
    bytesOf(columns.titleRanks),
    bytesOf(columns.phraseFilter),
    engineBytes,
  ]);
}

/** The index saved by encodeSnapshot; throws if the bytes are not a complete current-format snapshot. */
export function decodeSnapshot(input: Uint8Array): PaperIndex {
  const reader = new AlignedReader<SnapshotHeader>(input, MAGIC, SNAPSHOT_FORMAT_VERSION, 'a paperbot index snapshot');
  const { header } = reader;
  if (header.bm25Version !== BM25_FORMAT_VERSION) reader.fail(`BM25 version ${header.bm25Version}`);
  const count = header.papers;
  const block = (byteLength: number): TextBlock => ({ offsets: reader.view(Uint32Array, count + 1), bytes: reader.take(byteLength) });
  const ids = block(header.idBytes);
  const titles = block(header.titleBytes);
  const details = block(header.detailBytes);
  const abstracts = block(header.abstractBytes);
  const years = reader.view(Uint16Array, count);
  const paperVenues = reader.view(Uint16Array, count);
  const columns: PaperColumns = {
    years,
    venueIds: reader.view(Uint16Array, count),
    hasCode: reader.view(Uint8Array, count),
    titleRanks: reader.view(Uint32Array, count),
    phraseFilter: reader.view(Uint32Array, count * PHRASE_FILTER_WORDS),
    foldedVenues: header.foldedVenues,
    acronyms: new Map(header.acronyms),
  };
  const engine = Bm25TextEngine.deserialize(reader.take(header.engineBytes));
  if (engine.documentCount !== count) reader.fail('the BM25 index is for another corpus');

  const storage = new LazyTexts(details, abstracts);
  const papers: StoredPaper[] = new Array<StoredPaper>(count);
  for (let ordinal = 0; ordinal < count; ordinal += 1) {
    papers[ordinal] = new SnapshotPaper(
      textAt(ids, ordinal),
      textAt(titles, ordinal),
      header.venues[paperVenues[ordinal] ?? 0] ?? '',
      years[ordinal] ?? 0,
      storage,
      ordinal,
    );
  }
  return new PaperIndex(papers, () => engine, columns);
}

interface TextBlock {
  /** Entry i is bytes[offsets[i] ..< offsets[i + 1]], UTF-8. */
  offsets: Uint32Array;
  bytes: Buffer;
}

function textBlock(texts: readonly string[]): TextBlock {
  const encoded = texts.map((text) => Buffer.from(text, 'utf8'));
  const offsets = new Uint32Array(texts.length + 1);
  let total = 0;
  encoded.forEach((bytes, i) => {
    total += bytes.byteLength;
    if (total > 0xffffffff) throw new Error('a text block of the snapshot would exceed 4 GiB');
    offsets[i + 1] = total;
  });
  return { offsets, bytes: Buffer.concat(encoded, total) };
}

function textAt(block: TextBlock, ordinal: number): string {
  return block.bytes.toString('utf8', block.offsets[ordinal], block.offsets[ordinal + 1]);
}

function detailsOf(paper: StoredPaper): PaperDetails {
  return {
    venueKind: paper.venueKind,
    type: paper.type,
    authors: paper.authors,
    authorsTruncated: paper.authorsTruncated,
    clusterAuthors: paper.clusterAuthors,
    codeUrls: paper.codeUrls,
    sources: paper.sources,
    firstSeenAt: paper.firstSeenAt.toISOString(),
  };
}

/** The snapshot's lazily read texts, shared by all its papers. */
class LazyTexts {
  constructor(
    private readonly details: TextBlock,
    private readonly abstracts: TextBlock,
  ) {}

  detailsAt(ordinal: number): PaperDetails {
    return JSON.parse(textAt(this.details, ordinal)) as PaperDetails;
  }

  abstractAt(ordinal: number): string {
    return textAt(this.abstracts, ordinal);
  }
}

/**
 * A paper restored from a snapshot. Reads like any StoredPaper (getters; JSON.stringify gives the
 * same object as the store's record); its private state is in #fields, so it has the same own
 * enumerable keys as a plain paper minus the lazily read ones.
 */
class SnapshotPaper implements StoredPaper {
  readonly #texts: LazyTexts;
  readonly #ordinal: number;
  #details: (Omit<PaperDetails, 'firstSeenAt'> & { firstSeenAt: Date }) | undefined;
  #abstract: string | undefined;

  constructor(
    readonly id: string,
    readonly title: string,
    readonly venue: string,
    readonly year: number,
    texts: LazyTexts,
    ordinal: number,
  ) {
    this.#texts = texts;
    this.#ordinal = ordinal;
  }

  #read(): Omit<PaperDetails, 'firstSeenAt'> & { firstSeenAt: Date } {
    if (this.#details === undefined) {
      const details = this.#texts.detailsAt(this.#ordinal);
      this.#details = { ...details, firstSeenAt: new Date(details.firstSeenAt) };
    }
    return this.#details;
  }

  get venueKind(): string {
    return this.#read().venueKind;
  }
  get type(): string {
    return this.#read().type;
  }
  get authors(): Author[] {
    return this.#read().authors;
  }
  get authorsTruncated(): boolean {
    return this.#read().authorsTruncated;
  }
  get clusterAuthors(): string[] {
    return this.#read().clusterAuthors;
  }
  get codeUrls(): string[] {
    return this.#read().codeUrls;
  }
  get sources(): PaperSource[] {
    return this.#read().sources;
  }
  get firstSeenAt(): Date {
    return this.#read().firstSeenAt;
  }
  get abstract(): string {
    this.#abstract ??= this.#texts.abstractAt(this.#ordinal);
    return this.#abstract;
  }

  /** The plain record, in PaperSchema's field order (what the store would have returned). */
  toJSON(): StoredPaper {
    return {
      id: this.id,
      title: this.title,
      venue: this.venue,
      venueKind: this.venueKind,
      year: this.year,
      type: this.type,
      authors: this.authors,
      authorsTruncated: this.authorsTruncated,
      clusterAuthors: this.clusterAuthors,
      abstract: this.abstract,
      codeUrls: this.codeUrls,
      sources: this.sources,
      firstSeenAt: this.firstSeenAt,
    };
  }
}
