// /authors: with no name, the most frequent authors; with a name (fuzzy: case, accents, surname
// alone, small typos), that author's papers, years active, venues and top co-authors with counts.
import type { Command } from '../src/core/commands/command.js';
import { stringOption } from '../src/core/commands/queryOptions.js';
import { ErrorCode, UserError } from '../src/core/errors.js';
import type { StoredPaper } from '../src/core/paper.js';
import { orList } from '../src/core/commands/unknownAuthor.js';
import { reply, type ReplyButton } from '../src/core/reply/neutralReply.js';
import { authorProfile, findAuthor, suggestAuthors, topAuthors, type AuthorCount } from '../src/core/stats/authorStats.js';

/** How many authors the no-name list shows; chat replies stay short. */
const TOP_AUTHORS = 10;
const TOP_COAUTHORS = 8;
/** Papers listed in the reply; the "All papers" button runs /papers for the rest. */
const LISTED_PAPERS = 8;
/** Titles are cut so the list fits a Discord embed field (1024 characters). */
const TITLE_LENGTH = 90;

export default {
  name: 'authors',
  description: 'The most frequent authors, or one author: papers, years, venues, co-authors',
  options: [{ name: 'name', description: 'Author name or surname (typos are fine)', type: 'string', rest: true, autocomplete: 'author', maxLength: 100 }],
  examples: ['/authors', '/authors Gao Huang', '/authors wang', '/authors Shiji Sung'],
  async execute(context, options) {
    const papers = context.catalog.index.records;
    const typed = stringOption(options.name);

    if (typed === undefined) {
      const { top, authors } = topAuthors(papers, TOP_AUTHORS);
      return {
        reply: reply(`The most frequent authors among ${papers.length} papers (${authors} authors in all):`, {
          cards: [{ title: 'Most frequent authors', body: top.map((author, position) => `${position + 1}. ${author.name} — ${plural(author.papers, 'paper')}`).join('\n') }],
          buttons: top.slice(0, 3).map((author): ReplyButton => ({ label: author.name, invocation: { command: 'authors', options: { name: author.name } } })),
          footer: 'Run /authors <name> for one author: papers, years, venues and co-authors.',
        }),
        total: authors,
      };
    }

    const match = findAuthor(papers, typed);
    const profile = match === undefined ? undefined : authorProfile<StoredPaper>(papers, match.author.name);
    if (match === undefined || profile === undefined) {
      const suggestions = suggestAuthors(papers, typed);
      throw new UserError(ErrorCode.NoMatches, `No author matches "${typed}".`, {
        hint: suggestions.length > 0
          ? `Did you mean ${orList(suggestions.map((author) => author.name))}?`
          : 'Try a surname alone, or run /authors for the most frequent authors.',
      });
    }

    const { author } = profile;
    const span = profile.firstYear === profile.lastYear ? `${profile.firstYear}` : `${profile.firstYear}–${profile.lastYear}`;
    const listed = profile.papers.slice(0, LISTED_PAPERS).map((paper) => `${paper.year} · ${paper.venue} · ${shorten(paper.title, TITLE_LENGTH)}`);
    if (profile.papers.length > LISTED_PAPERS) listed.push(`… and ${profile.papers.length - LISTED_PAPERS} more`);
    const coauthors = profile.coauthors.slice(0, TOP_COAUTHORS);
    const query = `author:${quoteIfSpaced(author.name)}`;
    const footer = match.alternatives.length > 0
      ? `Also matching "${typed}": ${match.alternatives.map((other) => `${other.name} (${plural(other.papers, 'paper')})`).join(', ')}.`
      : `Search their papers with /papers ${query}`;

    return {
      reply: reply(`${author.name}: ${plural(author.papers, 'paper')}, ${span}.`, {
        cards: [
          {
            title: author.name,
            subtitle: `${plural(author.papers, 'paper')} · active ${span} · ${plural(profile.venues.length, 'venue')}`,
            fields: [
              { name: 'Years active', value: profile.years.map((year) => `${year.year} (${year.papers})`).join(' · '), inline: true },
              { name: 'Venues', value: profile.venues.map((venue) => `${venue.venue} (${venue.papers})`).join(' · '), inline: true },
              { name: 'Top co-authors', value: coauthors.length === 0 ? 'none (sole author)' : coauthors.map(formatCount).join(' · ') },
              { name: 'Papers', value: listed.join('\n') },
            ],
          },
        ],
        buttons: [
          { label: 'All papers', style: 'primary', invocation: { command: 'papers', options: { query } } },
          ...coauthors.slice(0, 3).map((coauthor): ReplyButton => ({ label: coauthor.name, invocation: { command: 'authors', options: { name: coauthor.name } } })),
        ],
        footer,
      }),
      query,
      total: profile.papers.length,
      papers: profile.papers.slice(0, context.resultLimit),
    };
  },
} satisfies Command;

function formatCount(author: AuthorCount): string {
  return `${author.name} (${author.papers})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

function quoteIfSpaced(value: string): string {
  return /\s/u.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}
