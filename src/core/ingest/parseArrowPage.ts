// Parses one Arrow research-search "author name cluster" page (the text a browser copy of the
// page gives) into Paper records. Layout, after a header naming the cluster and how many papers
// it claims:
//
//   NeurIPS Conference 2025 Conference Paper     <- venue line: venue, kind, year, type
//   Beyond the 80/20 Rule: ...                   <- title
//     • Shenzhi Wang                             <- up to 8 authors, "Gao Huang 0001" style
//   Reinforcement Learning with ...              <- abstract (may be missing)
//
// Damage a page can have and still be read (a missing abstract, a count that does not match)
// becomes a warning; a page whose structure we would have to guess at throws an IngestError
// naming the line, because a guessed paper is worse than no paper.
import { basename } from 'node:path';
import { IngestError } from '../errors.js';
import { foldName, type Author, type Paper } from '../paper.js';
import { extractCodeUrls } from './codeLinks.js';
import { IngestWarningCode, type IngestWarning } from './ingestWarning.js';
import { mergePapers } from './mergePapers.js';
import { paperId } from './paperId.js';
import { repairText } from './repairText.js';

export interface ParsedArrowPage {
  /** The author name the page groups papers by, e.g. "Shiji Song". */
  cluster: string;
  /** "28 papers" in the header; the page may list fewer. */
  claimedPaperCount?: number;
  /** "2 author rows" in the header. */
  claimedAuthorRows?: number;
  papers: Paper[];
  warnings: IngestWarning[];
}

/** Arrow cuts author lists after this many names. */
export const ARROW_MAX_SHOWN_AUTHORS = 8;
export const MIN_PAPER_YEAR = 1900;
export const MAX_PAPER_YEAR = 2100;
/** Longer than any real title: a line this long after a venue line is an abstract. */
const MAX_TITLE_LENGTH = 400;
/** Venue lines are short; a long line ending in "Conference Paper" is prose. */
const MAX_VENUE_LINE_LENGTH = 200;
/** The header must start within this many non-blank lines, or this is not an Arrow page. */
const HEADER_SEARCH_LINES = 10;

const VENUE_KINDS = 'Conference|Journal|Workshop|Symposium|Preprint|Book|Magazine';
const VENUE_LINE = new RegExp(
  String.raw`^(?<venue>\S(?:.*\S)?) (?<kind>${VENUE_KINDS}) (?<year>\d{4}) (?<type>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})$`,
  'u',
);
/** Something meant as a venue line whose year is unreadable ("NeurIPS Conference 20x5 Conference Paper"). */
const NEAR_VENUE_LINE = new RegExp(String.raw`^\S.* (?:${VENUE_KINDS}) (?:\S+ )?(?:${VENUE_KINDS}) (?:Paper|Article)$`, 'u');
const AUTHOR_BULLET = /^\s*[•·]\s*(?<entry>.*)$/u;
const AUTHOR_WITH_DISAMBIGUATOR = /^(?<name>.*\S)\s+(?<number>\d{4})$/u;
const CLUSTER_HEADER = /^author name cluster$/i;
const CLAIMED_PAPERS = /^(?<count>\d[\d,]*) papers?$/i;
const CLAIMED_AUTHOR_ROWS = /^(?<count>\d[\d,]*) author rows?$/i;

interface Line {
  /** One-based line number in the file. */
  number: number;
  text: string;
}

interface VenueLine {
  venue: string;
  venueKind: string;
  year: number;
  type: string;
}

export function parseArrowPage(text: string, file: string): ParsedArrowPage {
  const lines = splitLines(text);
  const warnings: IngestWarning[] = [];
  const header = parseHeader(lines, file);
  const sourceFile = basename(file);

  const venueIndexes: number[] = [];
  for (let index = header.bodyStart; index < lines.length; index += 1) {
    const line = lines[index];
    if (line !== undefined && readVenueLine(line, file) !== undefined) venueIndexes.push(index);
  }

  const papers: Paper[] = [];
  const firstLineOfId = new Map<string, number>();
  venueIndexes.forEach((start, position) => {
    const end = venueIndexes[position + 1] ?? lines.length;
    const paper = parsePaperBlock(lines.slice(start, end), { file, sourceFile, cluster: header.cluster, warnings });
    const earlier = firstLineOfId.get(paper.id);
    if (earlier !== undefined) {
      warnings.push({
        file,
        line: lines[start]?.number,
        code: IngestWarningCode.DuplicatePaper,
        message: `"${paper.title}" (${paper.year}) is listed again; it was first listed at line ${earlier}. Kept once.`,
      });
    } else {
      firstLineOfId.set(paper.id, lines[start]?.number ?? 0);
    }
    papers.push(paper);
  });

  if (papers.length === 0) {
    warnings.push({ file, code: IngestWarningCode.NoPapers, message: `The page for "${header.cluster}" lists no papers.` });
  }
  // The claim is about the page's listing, so a repeated entry counts as listed.
  if (header.claimedPaperCount !== undefined && header.claimedPaperCount !== papers.length) {
    warnings.push({
      file,
      line: header.claimedPaperCountLine,
      code: IngestWarningCode.PaperCountMismatch,
      message: `The page claims ${header.claimedPaperCount} papers but lists ${papers.length}; only the listed papers were read.`,
    });
  }

  const merged = mergePapers(papers);
  const result: ParsedArrowPage = { cluster: header.cluster, papers: merged.papers, warnings: [...warnings, ...merged.warnings] };
  if (header.claimedPaperCount !== undefined) result.claimedPaperCount = header.claimedPaperCount;
  if (header.claimedAuthorRows !== undefined) result.claimedAuthorRows = header.claimedAuthorRows;
  return result;
}

function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.trimEnd() }));
}

interface PageHeader {
  cluster: string;
  claimedPaperCount?: number;
  claimedPaperCountLine?: number;
  claimedAuthorRows?: number;
  /** Index into the lines where paper entries may start. */
  bodyStart: number;
}

function parseHeader(lines: Line[], file: string): PageHeader {
  const nonBlank = lines.filter((line) => line.text.trim() !== '');
  const headerLine = nonBlank.slice(0, HEADER_SEARCH_LINES).find((line) => CLUSTER_HEADER.test(line.text.trim()));
  if (headerLine === undefined) {
    throw new IngestError('not an Arrow author-cluster page: no "Author name cluster" line near the top.', {
      file,
      line: nonBlank[0]?.number ?? 1,
      hint: 'Save the Arrow research-search author page as text (it starts with "Arrow Research search" and "Author name cluster"), or pass a paperbot JSON corpus.',
    });
  }
  const clusterLine = nonBlank.find((line) => line.number > headerLine.number);
  if (clusterLine === undefined || AUTHOR_BULLET.test(clusterLine.text) || isVenueShaped(clusterLine.text)) {
    throw new IngestError('the "Author name cluster" line is not followed by the cluster name.', {
      file,
      line: clusterLine?.number ?? headerLine.number,
      hint: 'The line after "Author name cluster" should be the author name, e.g. "Shiji Song".',
    });
  }
  const header: PageHeader = { cluster: clusterLine.text.trim().normalize('NFC'), bodyStart: clusterLine.number };

  let possiblePapersLine: Line | undefined;
  for (const line of lines.slice(clusterLine.number)) {
    const trimmed = line.text.trim();
    if (readVenueLine(line, file) !== undefined) break;
    if (AUTHOR_BULLET.test(line.text)) {
      throw new IngestError('an author line comes before the first venue line.', {
        file,
        line: line.number,
        hint: 'Each paper must start with a venue line such as "NeurIPS Conference 2025 Conference Paper".',
      });
    }
    const papers = CLAIMED_PAPERS.exec(trimmed);
    const authorRows = CLAIMED_AUTHOR_ROWS.exec(trimmed);
    if (papers?.groups?.count !== undefined && header.claimedPaperCount === undefined) {
      header.claimedPaperCount = parseCount(papers.groups.count);
      header.claimedPaperCountLine = line.number;
    } else if (authorRows?.groups?.count !== undefined) {
      header.claimedAuthorRows = parseCount(authorRows.groups.count);
    } else if (/^possible papers$/i.test(trimmed)) {
      possiblePapersLine = line;
    } else if (possiblePapersLine !== undefined && /^\d[\d,]*$/.test(trimmed) && header.claimedPaperCount === undefined) {
      // Some copies drop the "28 papers" line and keep only the count under "Possible papers".
      header.claimedPaperCount = parseCount(trimmed);
      header.claimedPaperCountLine = line.number;
    }
  }
  return header;
}

function parseCount(digits: string): number {
  return Number.parseInt(digits.replace(/,/g, ''), 10);
}

/** Reads a venue line, or returns undefined for any other line; throws for a broken venue line. */
function readVenueLine(line: Line, file: string): VenueLine | undefined {
  const text = line.text.trim();
  if (text.length > MAX_VENUE_LINE_LENGTH) return undefined;
  const match = VENUE_LINE.exec(text);
  if (match?.groups === undefined) {
    if (NEAR_VENUE_LINE.test(text)) {
      throw new IngestError(`venue line has no readable year: "${text}".`, {
        file,
        line: line.number,
        hint: 'A venue line reads "<venue> <kind> <year> <type>", e.g. "IEEE TPAMI Journal 2023 Journal Article".',
      });
    }
    return undefined;
  }
  const { venue = '', kind = '', year = '', type = '' } = match.groups;
  const yearNumber = Number.parseInt(year, 10);
  if (yearNumber < MIN_PAPER_YEAR || yearNumber > MAX_PAPER_YEAR) {
    throw new IngestError(`year ${year} is out of range (${MIN_PAPER_YEAR}-${MAX_PAPER_YEAR}) in "${text}".`, {
      file,
      line: line.number,
      hint: 'Check the venue line; the page may be damaged.',
    });
  }
  return { venue, venueKind: kind, year: yearNumber, type };
}

function isVenueShaped(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= MAX_VENUE_LINE_LENGTH && (VENUE_LINE.test(trimmed) || NEAR_VENUE_LINE.test(trimmed));
}

interface BlockContext {
  file: string;
  sourceFile: string;
  cluster: string;
  warnings: IngestWarning[];
}

/** One paper: its venue line and every line up to the next venue line. */
function parsePaperBlock(block: Line[], context: BlockContext): Paper {
  const { file } = context;
  const [venueLine, ...rest] = block;
  if (venueLine === undefined) throw new Error('parsePaperBlock needs at least the venue line');
  const venue = readVenueLine(venueLine, file);
  if (venue === undefined) throw new Error('parsePaperBlock must start at a venue line');
  const body = rest.filter((line) => line.text.trim() !== '');

  const titleLine = body[0];
  if (titleLine === undefined || AUTHOR_BULLET.test(titleLine.text)) {
    throw new IngestError('venue line with no title after it.', {
      file,
      line: venueLine.number,
      hint: 'The line after a venue line must be the paper title.',
    });
  }
  const title = repairText(titleLine.text);
  if (title.length > MAX_TITLE_LENGTH) {
    throw new IngestError(`the title is ${title.length} characters long; it looks like an abstract, so the title line is probably missing.`, {
      file,
      line: titleLine.number,
      hint: 'Each paper needs a venue line, then a title line, then the authors and abstract.',
    });
  }

  const authors: Author[] = [];
  const abstractLines: string[] = [];
  for (const line of body.slice(1)) {
    const bullet = AUTHOR_BULLET.exec(line.text);
    if (bullet === null) {
      abstractLines.push(line.text.trim());
      continue;
    }
    if (abstractLines.length > 0) {
      throw new IngestError('an author line comes after the abstract.', {
        file,
        line: line.number,
        hint: 'Authors are listed between the title and the abstract; a venue line may be missing above this line.',
      });
    }
    authors.push(parseAuthor(bullet.groups?.entry ?? '', { file, line: line.number }));
  }

  const abstract = repairText(abstractLines.join(' '));
  const paper: Paper = {
    id: paperId(venue.year, title),
    title,
    venue: venue.venue,
    venueKind: venue.venueKind,
    year: venue.year,
    type: venue.type,
    authors,
    authorsTruncated: authors.length >= ARROW_MAX_SHOWN_AUTHORS,
    // The cluster page lists only papers whose full author list matched the cluster name.
    clusterAuthors: [context.cluster],
    abstract,
    codeUrls: extractCodeUrls(abstract),
    sources: [{ file: context.sourceFile, line: venueLine.number, cluster: context.cluster }],
  };
  warnAboutGaps(paper, venueLine.number, context);
  return paper;
}

function parseAuthor(entry: string, where: { file: string; line: number }): Author {
  const text = entry.trim().replace(/\s+/g, ' ').normalize('NFC');
  const numbered = AUTHOR_WITH_DISAMBIGUATOR.exec(text);
  const name = numbered?.groups?.name ?? text;
  if (name === '' || /^\d+$/.test(name)) {
    throw new IngestError(`author line has no name: "${entry.trim()}".`, {
      ...where,
      hint: 'Author lines read "  • Name" or "  • Name 0001".',
    });
  }
  const disambiguator = numbered?.groups?.number;
  return disambiguator === undefined ? { name } : { name, disambiguator };
}

function warnAboutGaps(paper: Paper, line: number, context: BlockContext): void {
  const { file, warnings, cluster } = context;
  if (paper.abstract === '') {
    warnings.push({ file, line, code: IngestWarningCode.MissingAbstract, message: `"${paper.title}" has no abstract.` });
  }
  if (paper.authors.length === 0) {
    warnings.push({
      file,
      line,
      code: IngestWarningCode.MissingAuthors,
      message: `"${paper.title}" lists no authors; only the cluster author ${cluster} is known.`,
    });
  } else if (!paper.authorsTruncated && !paper.authors.some((author) => foldName(author.name) === foldName(cluster))) {
    warnings.push({
      file,
      line,
      code: IngestWarningCode.ClusterAuthorNotShown,
      message: `"${paper.title}" lists ${paper.authors.length} authors, none of them ${cluster}, though the list is not cut short.`,
    });
  }
}
