// /papers: search the corpus with the query language; 5 results a page with Prev/Next buttons
// and a button that subscribes the channel to the same query.
import type { Command } from '../src/core/commands/command.js';
import { queryFromOptions } from '../src/core/commands/queryOptions.js';
import { formatQuery } from '../src/core/query/formatQuery.js';
import { paperSummaryCard } from '../src/core/reply/paperCards.js';
import { reply, type ReplyButton } from '../src/core/reply/neutralReply.js';
import { QUERY_OPTIONS } from '../src/core/commands/sharedOptions.js';
import { unknownAuthorFilter, unknownAuthorReply } from '../src/core/commands/unknownAuthor.js';

export const PAGE_SIZE = 5;

export default {
  name: 'papers',
  description: 'Search papers: free text plus year:, venue:, author:, has:code, sort:',
  options: [
    ...QUERY_OPTIONS,
    { name: 'sort', description: 'Order of results', type: 'string', choices: ['relevance', 'newest', 'oldest'], queryField: 'sort' },
    { name: 'page', description: 'Page of results (5 a page)', type: 'integer', min: 1, max: 10_000 },
  ],
  examples: ['/papers year:2024', '/papers venue:NeurIPS year:2019', '/papers linear attention', '/papers author:"Gao Huang" has:code sort:oldest'],
  async execute(context, options) {
    const { index } = context.catalog;
    const query = queryFromOptions(options, index);
    const interpreted = formatQuery(query);
    const requestedPage = Number(options.page ?? 1);
    // Only the requested page and the first resultLimit papers are used: the index ranks just
    // those instead of every match (a page past the end is within `total`, so it is covered too).
    const result = index.search(query, { limit: Math.max(requestedPage * PAGE_SIZE, context.resultLimit) });
    const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const page = Math.min(requestedPage, pageCount);
    const pageHits = result.hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const footer = `Interpreted as: ${interpreted === '' ? '(everything)' : interpreted} · sorted by ${result.sort} · page ${page} of ${pageCount}`;

    if (result.total === 0) {
      const unknown = unknownAuthorFilter(index, query);
      return {
        reply: unknown === undefined
          ? reply(`No papers match ${interpreted === '' ? 'that' : `\`${interpreted}\``}.`, {
            footer: 'Try fewer words, a wider year range, or /help papers for the query syntax.',
          })
          : unknownAuthorReply(unknown, 'papers'),
        query: interpreted,
        total: 0,
        papers: [],
      };
    }
    const buttons: ReplyButton[] = [];
    if (pageCount > 1) {
      buttons.push(
        { label: '◀ Prev', invocation: { command: 'papers', options: { query: interpreted, page: page - 1 } }, disabled: page <= 1 },
        { label: 'Next ▶', invocation: { command: 'papers', options: { query: interpreted, page: page + 1 } }, disabled: page >= pageCount },
      );
    }
    // Digests go to a Discord or Slack channel; the terminal has nowhere to send them.
    if (context.platform === 'discord' || context.platform === 'slack') {
      buttons.push({ label: 'Subscribe to this query', invocation: { command: 'subscribe', options: { query: interpreted } } });
    }
    return {
      reply: reply(`${result.total} ${result.total === 1 ? 'paper matches' : 'papers match'}${interpreted === '' ? '' : ` \`${interpreted}\``}.`, {
        cards: pageHits.map((hit, position) => paperSummaryCard(hit.paper, (page - 1) * PAGE_SIZE + position + 1)),
        buttons,
        footer,
      }),
      query: interpreted,
      total: result.total,
      papers: result.hits.slice(0, context.resultLimit).map((hit) => hit.paper),
    };
  },
} satisfies Command;
