// How a paper looks in a reply, shared by every command so /papers, /paper, /random and digests
// agree: the title linked to its code, a venue-year-authors line, and the abstract or a first line.
import type { Paper } from '../paper.js';
import { allAuthorNames } from '../paper.js';
import type { ReplyCard } from './neutralReply.js';

/** "NeurIPS 2024 · Yulin Wang, Gao Huang, Shiji Song". */
export function paperSubtitle(paper: Paper, maxAuthors = 4): string {
  return `${paper.venue} ${paper.year} · ${formatAuthors(paper, maxAuthors)}`;
}

/** Names with "et al." past the limit, and a note when the source cut the list short. */
export function formatAuthors(paper: Paper, maxAuthors = Number.POSITIVE_INFINITY): string {
  const names = allAuthorNames(paper);
  if (names.length === 0) return 'authors unknown';
  const shown = names.slice(0, maxAuthors);
  const cut = names.length > shown.length || paper.authorsTruncated;
  return `${shown.join(', ')}${cut ? ', et al.' : ''}`;
}

export function paperSummaryCard(paper: Paper, rank?: number): ReplyCard {
  return {
    title: rank === undefined ? paper.title : `${rank}. ${paper.title}`,
    url: paper.codeUrls[0],
    subtitle: paperSubtitle(paper),
    body: firstSentences(paper.abstract, 220),
    footer: `id: ${paper.id}`,
  };
}

export function paperFullCard(paper: Paper): ReplyCard {
  const authorNames = allAuthorNames(paper);
  const fields = [
    { name: 'Venue', value: `${paper.venue} ${paper.year} (${paper.type})`, inline: true },
    {
      name: paper.authorsTruncated ? 'Authors (the source shows the first 8)' : 'Authors',
      value: authorNames.length === 0 ? 'unknown' : authorNames.join(', '),
    },
  ];
  if (paper.codeUrls.length > 0) fields.push({ name: 'Code', value: paper.codeUrls.join('\n'), inline: false });
  return {
    title: paper.title,
    url: paper.codeUrls[0],
    subtitle: paperSubtitle(paper, 3),
    body: paper.abstract === '' ? 'The source page has no abstract for this paper.' : paper.abstract,
    fields,
    footer: `id: ${paper.id}`,
  };
}

/** Whole sentences up to about maxLength characters, never cutting a word. */
export function firstSentences(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  // Sentences are matched one at a time and only as far as the limit: matching the whole abstract
  // (and backtracking over "e.g." and "3.5") was the largest cost of a /papers reply.
  const sentencePattern = /[^.!?]+[.!?]+(\s|$)/g;
  let result = '';
  for (let match = sentencePattern.exec(text); match !== null; match = sentencePattern.exec(text)) {
    if (result.length + match[0].length > maxLength) break;
    result += match[0];
  }
  if (result.trim() !== '') return result.trim();
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd()}…`;
}
