// /random: one random abstract among the papers matching a query, with an "Another" button.
import type { Command } from '../src/core/commands/command.js';
import { queryFromOptions } from '../src/core/commands/queryOptions.js';
import { QUERY_OPTIONS } from '../src/core/commands/sharedOptions.js';
import { unknownAuthorFilter } from '../src/core/commands/unknownAuthor.js';
import { ErrorCode, UserError } from '../src/core/errors.js';
import { formatQuery } from '../src/core/query/formatQuery.js';
import { reply } from '../src/core/reply/neutralReply.js';
import { paperFullCard } from '../src/core/reply/paperCards.js';

export default {
  name: 'random',
  description: 'A random paper abstract, optionally among papers matching a query',
  options: QUERY_OPTIONS,
  examples: ['/random', '/random venue:NeurIPS', '/random reinforcement learning since:2022'],
  async execute(context, options) {
    const { index } = context.catalog;
    const query = queryFromOptions(options, index);
    const interpreted = formatQuery(query);
    // Any match will do, so the matches are not ranked (the pick is as random either way).
    const { hits, total } = index.search(query, { ranked: false });
    const pick = hits[Math.min(hits.length - 1, Math.floor(context.random() * hits.length))];
    if (pick === undefined) {
      const unknown = unknownAuthorFilter(index, query);
      if (unknown !== undefined) throw new UserError(ErrorCode.NoMatches, unknown.message, { hint: unknown.hint });
      throw new UserError(ErrorCode.NoMatches, `No papers match \`${interpreted}\`, so there is nothing to pick from.`, {
        hint: 'Widen the query, or run /random with no query for any paper.',
      });
    }
    return {
      reply: reply(`A random paper${interpreted === '' ? '' : ` matching \`${interpreted}\``} (1 of ${total}):`, {
        cards: [paperFullCard(pick.paper)],
        buttons: [{ label: 'Another', style: 'primary', invocation: { command: 'random', options: { query: interpreted } } }],
      }),
      query: interpreted,
      total,
      papers: [pick.paper],
    };
  },
} satisfies Command;
