// /paper: one paper in full, found by id or (fuzzy) title, with Cite (BibTeX) and Similar buttons.
import type { Command } from '../src/core/commands/command.js';
import { ErrorCode, UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply/neutralReply.js';
import { paperFullCard, paperSummaryCard } from '../src/core/reply/paperCards.js';
import { toBibtex } from '../src/core/reply/bibtex.js';
import { findPaper } from '../src/core/search/findPaper.js';
import { similarPapers } from '../src/core/search/similarPapers.js';

export default {
  name: 'paper',
  description: 'Show one paper in full: authors, abstract, code, citation',
  options: [
    { name: 'paper', description: 'Paper id or title (a short title like GridMix works)', type: 'string', required: true, rest: true, autocomplete: 'paper', maxLength: 300 },
    { name: 'view', description: 'What to show', type: 'string', choices: ['full', 'bibtex', 'similar'], internal: true },
  ],
  examples: ['/paper GridMix', '/paper Demystify Mamba in Vision', '/paper 2024-deer-vla'],
  async execute(context, options) {
    const wanted = String(options.paper ?? '');
    const match = findPaper(context.catalog.index, wanted);
    if (match === undefined) {
      throw new UserError(ErrorCode.PaperNotFound, `No paper matches "${wanted}".`, {
        hint: `Search with /papers ${wanted} and use the id shown under a result.`,
      });
    }
    const { paper } = match;
    if (options.view === 'bibtex') {
      const bibtex = toBibtex(paper);
      return { reply: reply(`BibTeX for "${paper.title}":`, { cards: [{ title: paper.title, body: bibtex }] }), papers: [paper], total: 1, answer: bibtex };
    }
    if (options.view === 'similar') {
      const similar = similarPapers(context.catalog.index, paper, 5);
      return {
        reply: reply(similar.length === 0 ? `No papers are similar to "${paper.title}".` : `Papers similar to "${paper.title}":`, {
          cards: similar.map((other, position) => paperSummaryCard(other, position + 1)),
        }),
        papers: similar,
        total: similar.length,
      };
    }
    const footer = match.alternatives.length > 0 ? `Not this one? Also: ${match.alternatives.map((other) => other.title).join(' · ')}` : undefined;
    return {
      reply: reply(`${paper.title} (${paper.venue} ${paper.year})`, {
        cards: [paperFullCard(paper)],
        buttons: [
          { label: 'Cite', invocation: { command: 'paper', options: { paper: paper.id, view: 'bibtex' } } },
          { label: 'Similar papers', invocation: { command: 'paper', options: { paper: paper.id, view: 'similar' } } },
        ],
        footer,
      }),
      papers: [paper],
      total: 1,
    };
  },
} satisfies Command;
