// /stats: papers per year and per venue for the papers matching a query, as a PNG bar chart plus
// a short text table (the table is what the terminal, screen readers and --json read).
import type { Command } from '../src/core/commands/command.js';
import { queryFromOptions } from '../src/core/commands/queryOptions.js';
import { QUERY_OPTIONS } from '../src/core/commands/sharedOptions.js';
import { unknownAuthorFilter, unknownAuthorReply } from '../src/core/commands/unknownAuthor.js';
import { formatQuery } from '../src/core/query/formatQuery.js';
import { reply } from '../src/core/reply/neutralReply.js';
import { topVenues, venueCounts, yearCounts } from '../src/core/stats/paperCounts.js';

/** Venues the chart shows before summing the rest into "Other"; rows stay readable. */
const CHART_VENUES = 8;
/** Venues the text table lists; chat fields are short (Discord: 1024 characters). */
const TABLE_VENUES = 15;

export default {
  name: 'stats',
  description: 'Papers per year and per venue for a query, as a bar chart and a table',
  options: QUERY_OPTIONS,
  examples: ['/stats', '/stats venue:NeurIPS', '/stats reinforcement learning since:2020', '/stats author:"Gao Huang"'],
  async execute(context, options) {
    const { index } = context.catalog;
    const query = queryFromOptions(options, index);
    const interpreted = formatQuery(query);
    // Counted from the index's columns: every match, no order, no paper record read.
    const { total, perYear, perVenue } = index.countMatches(query);
    const footer = `Interpreted as: ${interpreted === '' ? '(everything)' : interpreted}`;
    if (total === 0) {
      const unknown = unknownAuthorFilter(index, query);
      return {
        reply: unknown === undefined
          ? reply(`No papers match \`${interpreted}\`, so there is nothing to count.`, {
            footer: 'Try fewer words or a wider year range; /help stats shows examples.',
          })
          : unknownAuthorReply(unknown, 'stats'),
        query: interpreted,
        total: 0,
        papers: [],
      };
    }

    const years = yearCounts(perYear);
    const venues = venueCounts(perVenue);
    const busiest = [...years].sort((a, b) => b.papers - a.papers || b.year - a.year)[0];
    const topVenue = venues[0];
    const first = years[0]?.year;
    const last = years.at(-1)?.year;
    const span = first === last ? `${first}` : `${first}–${last}`;
    const summary = `${total} ${total === 1 ? 'paper' : 'papers'}${interpreted === '' ? '' : ` match \`${interpreted}\``}, ${span}` +
      `${busiest === undefined || years.length === 1 ? '' : `; most in ${busiest.year} (${busiest.papers})`}` +
      `${topVenue === undefined ? '' : venues.length === 1 ? `; all at ${topVenue.venue}` : `; top venue ${topVenue.venue} (${topVenue.papers})`}.`;

    // Loaded on first use: resvg is a native module other commands never need.
    const { renderPapersChart } = await import('../src/core/chart/papersChart.js');
    const image = await renderPapersChart({
      title: interpreted === '' ? `All ${total} papers` : `${total} ${total === 1 ? 'paper' : 'papers'} matching ${interpreted}`,
      subtitle: `${span} · ${venues.length} ${venues.length === 1 ? 'venue' : 'venues'}`,
      years,
      venues: topVenues(venues, CHART_VENUES),
    });

    return {
      reply: reply(summary, {
        images: [image],
        cards: [
          {
            title: 'Papers per year and venue',
            fields: [
              { name: 'Per year', value: years.map((entry) => `${entry.year}: ${entry.papers}`).join('\n'), inline: true },
              { name: 'Per venue', value: topVenues(venues, TABLE_VENUES).map((entry) => `${entry.venue}: ${entry.papers}`).join('\n'), inline: true },
            ],
          },
        ],
        footer,
      }),
      query: interpreted,
      total,
      papers: index.search(query, { limit: context.resultLimit }).hits.map((hit) => hit.paper),
    };
  },
} satisfies Command;
