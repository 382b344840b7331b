// Every command's examples (the ones /help and the docs show) run through the real runtime on the
// bundled corpus: each must give a sensible, non-error reply, and a few are checked in detail.
// The same runs write docs/commands.md as a file snapshot, so the documented output is the real
// output: after changing a command, refresh it with
//   npx vitest run tests/commands/examples.test.ts -u
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvocationSource } from '../../src/app/runtime.js';
import { renderTerminalReply } from '../../src/cli/terminalRenderer.js';
import type { Command, CommandOutcome } from '../../src/core/commands/command.js';
import { parseTextCommand } from '../../src/core/commands/textCommand.js';
import { QUERY_SYNTAX } from '../../src/core/query/querySyntax.js';
import type { NeutralReply } from '../../src/core/reply/neutralReply.js';
import { startTestRuntime, type TestRuntime } from '../helpers/testRuntime.js';

/** A Slack channel manager: every command works there, subscriptions included. */
const SOURCE: InvocationSource = { platform: 'slack', user: { id: 'U-docs', canManageChannel: true }, channelId: 'C-docs', workspaceId: 'T-docs' };

/** The order of the docs; commands not listed here follow alphabetically. */
const DOC_ORDER = ['papers', 'paper', 'random', 'ask', 'authors', 'stats', 'help', 'subscribe', 'subscriptions', 'resubscribe', 'unsubscribe'];
/** Lines of output the docs show per example; chat replies are longer than a reader needs. */
const DOC_LINES = 14;

let bot: TestRuntime;
let commands: Command[];
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

function orderedCommands(all: readonly Command[]): Command[] {
  const rank = (command: Command): number => {
    const position = DOC_ORDER.indexOf(command.name);
    return position < 0 ? DOC_ORDER.length : position;
  };
  return [...all].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/**
 * Examples that name a subscription by id ("/resubscribe 12") need it to exist (and to be
 * paused, for /resubscribe): make the channel's subscriptions reach that id the way a user would.
 */
async function prepare(example: string): Promise<void> {
  const match = /^\/(resubscribe|unsubscribe) (\d+)$/.exec(example);
  if (match === null) return;
  const id = Number(match[2]);
  const store = bot.runtime.store.subscriptions;
  for (let year = 2000; (await store.getSubscription(id)) === undefined && year < 2000 + id + 5; year++) {
    const made = await bot.ask(`/subscribe year:${year}`, SOURCE);
    expect(made.reply.errorCode).toBeUndefined();
  }
  expect(await store.getSubscription(id)).toBeDefined();
  if (match[1] === 'resubscribe') await store.pauseSubscription(id, 'the bot was removed from the channel');
}

/** The terminal's rendering, with images as their alt text (their temp-file paths change every run). */
function renderForDocs(reply: NeutralReply, maxLines = DOC_LINES): string {
  const lines = renderTerminalReply({ ...reply, images: [] }, { color: false, width: 100 }).split('\n');
  // Keep the head (the answer, the first results) and the tail (interpreted query, buttons).
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines - 3), '  …', ...lines.slice(-2)] : lines;
  for (const image of reply.images) shown.push(`[image ${image.fileName}] ${image.altText}`);
  return shown.join('\n');
}

const outputs = new Map<string, string>();

/** A /stats chart kept next to the docs (drawn from the bundled corpus; PNGs are not snapshotted). */
const STATS_CHART_IMAGE = 'stats-example.png';

/** Checks a few examples in detail: the numbers and papers a user would see. */
const SPECIFIC: Record<string, (outcome: CommandOutcome) => void> = {
  '/papers year:2024': (outcome) => {
    expect(outcome.total).toBe(7);
    expect(outcome.papers?.every((paper) => paper.year === 2024)).toBe(true);
    expect(outcome.reply.cards).toHaveLength(5);
    expect(outcome.reply.buttons.map((button) => button.label)).toContain('Next ▶');
  },
  '/papers venue:NeurIPS year:2019': (outcome) => {
    expect(outcome.papers?.map((paper) => paper.title).sort()).toEqual([
      'Implicit Semantic Data Augmentation for Deep Networks',
      'Regularized Anderson Acceleration for Off-Policy Deep Reinforcement Learning',
    ]);
  },
  '/papers author:"Gao Huang" has:code sort:oldest': (outcome) => {
    expect(outcome.total).toBe(6);
    const years = outcome.papers?.map((paper) => paper.year) ?? [];
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(outcome.papers?.every((paper) => paper.codeUrls.length > 0)).toBe(true);
  },
  '/paper GridMix': (outcome) => {
    expect(outcome.reply.text).toBe('GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling (ICLR 2025)');
    expect(outcome.reply.buttons.map((button) => button.label)).toEqual(['Cite', 'Similar papers']);
  },
  '/random venue:NeurIPS': (outcome) => {
    expect(outcome.papers).toHaveLength(1);
    expect(outcome.papers?.[0]?.venue).toBe('NeurIPS');
    expect(outcome.total).toBe(14);
  },
  '/ask how many papers at NeurIPS since 2022?': (outcome) => {
    expect(outcome.total).toBe(10);
    expect(outcome.answer).toContain('10');
  },
  '/authors Gao Huang': (outcome) => {
    expect(outcome.total).toBe(17);
    expect(outcome.reply.cards[0]?.fields?.find((field) => field.name === 'Top co-authors')?.value).toMatch(/^Shiji Song \(17\)/);
  },
  '/authors Shiji Sung': (outcome) => {
    expect(outcome.reply.text).toBe('Shiji Song: 27 papers, 2015–2025.');
  },
  '/stats': (outcome) => {
    expect(outcome.total).toBe(27);
    expect(outcome.reply.images).toHaveLength(1);
    expect(outcome.reply.images[0]?.mimeType).toBe('image/png');
  },
  '/stats venue:NeurIPS': (outcome) => {
    expect(outcome.total).toBe(14);
    expect(outcome.reply.cards[0]?.fields?.find((field) => field.name === 'Per venue')?.value).toBe('NeurIPS: 14');
  },
  '/help': (outcome) => {
    const listed = outcome.reply.cards[0]?.fields?.map((field) => field.name) ?? [];
    for (const command of commands) if (command.name !== 'help') expect(listed).toContain(`/${command.name}`);
    expect(outcome.reply.cards.map((card) => card.title)).toContain('Query syntax');
  },
  '/help papers': (outcome) => {
    expect(outcome.reply.cards.map((card) => card.title)).toEqual(['/papers', 'Query syntax']);
  },
};

describe('every command example', async () => {
  // Loaded before the tests are declared, so each example is its own test.
  const { CommandRegistry } = await import('../../src/core/commands/commandRegistry.js');
  commands = orderedCommands((await CommandRegistry.load()).all());
  const examples = commands.flatMap((command) => command.examples.map((example) => ({ command: command.name, example })));

  it('covers every command', () => {
    expect(new Set(examples.map((entry) => entry.command))).toEqual(new Set(commands.map((command) => command.name)));
    expect(commands.map((command) => command.name)).toEqual(expect.arrayContaining(['papers', 'paper', 'random', 'authors', 'stats', 'help']));
  });

  it.each(examples)('$example', async ({ command, example }) => {
    expect(parseTextCommand(example, bot.runtime.registry).command).toBe(command);
    await prepare(example);
    const outcome = await bot.ask(example, SOURCE);
    expect(outcome.reply.errorCode, `${example}: ${outcome.reply.text} (${outcome.reply.footer ?? ''})`).toBeUndefined();
    expect(outcome.reply.text.trim().length).toBeGreaterThan(10);
    // /help is documentation itself: show all of it.
    const rendered = renderForDocs(outcome.reply, command === 'help' ? 200 : DOC_LINES);
    expect(rendered).not.toMatch(/undefined|NaN|\[object Object\]/);
    SPECIFIC[example]?.(outcome);
    outputs.set(example, rendered);
  });

  it('has checked every example named above in detail', () => {
    const all = new Set(examples.map((entry) => entry.example));
    for (const example of Object.keys(SPECIFIC)) expect(all.has(example), example).toBe(true);
  });

  it('shows a real /stats chart in the docs', () => {
    const png = readFileSync(new URL(`../../docs/${STATS_CHART_IMAGE}`, import.meta.url));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 800]);
  });

  it('documents every command with its real output in docs/commands.md', async () => {
    expect(outputs.size).toBe(examples.length);
    await expect(commandsMarkdown(commands, outputs)).toMatchFileSnapshot('../../docs/commands.md');
  });
});

/** "-mamba  or  NOT mamba" -> `-mamba` or `NOT mamba`; "venue:NeurIPS  (in:)" -> `venue:NeurIPS` (also `in:`). */
function syntaxCell(syntax: string): string {
  return syntax
    .split(/\s{2,}/)
    .map((part) => (part === 'or' ? 'or' : /^\((.+)\)$/.test(part) ? `(also \`${part.slice(1, -1)}\`)` : `\`${part}\``))
    .join(' ');
}

function commandsMarkdown(all: readonly Command[], output: ReadonlyMap<string, string>): string {
  const lines = [
    '# Commands',
    '',
    '<!-- Generated by tests/commands/examples.test.ts from real runs on the bundled corpus (data/papers.json).',
    '     Refresh after changing a command: npx vitest run tests/commands/examples.test.ts -u -->',
    '',
    'Every command below works the same in Discord (slash commands with typed options), in Slack and',
    'in the terminal chat (`npm start` without tokens), and from scripts with',
    '`npx paperbot ask --json "/papers year:2024"`. In Slack a workspace can install only `/papers`:',
    '`/papers random`, `/papers stats venue:NeurIPS`, `/papers authors huang` run the named command.',
    '',
    'Options that Discord shows as separate fields (`year`, `venue`, `author`, `sort`) can also be',
    'written in the query (`/papers year:2024 venue:NeurIPS attention`); both mean the same, and two',
    'different values for one setting are an error that says which to remove. Quotes, including the',
    'smart quotes phones type (“Gao Huang”), are fine in option fields.',
    '',
    'The outputs below are what the terminal shows (chat platforms show the same reply as cards and',
    'buttons); long replies are cut after a few lines.',
    '',
    '## Query syntax',
    '',
    '`/papers`, `/random`, `/stats` and `/subscribe` take the query language:',
    '',
    '| you write | it means |',
    '|---|---|',
    ...QUERY_SYNTAX.map(([syntax, meaning]) => `| ${syntaxCell(syntax)} | ${meaning} |`),
    '',
    'A mistake is answered with what went wrong and how to fix it, e.g. `venue:neurps` gives',
    '"no venue neurps; did you mean NeurIPS?".',
    '',
  ];
  for (const command of all) {
    lines.push(`## /${command.name}`, '', `${command.description}.`, '');
    const visible = command.options.filter((option) => option.internal !== true);
    if (visible.length > 0) {
      lines.push('| option | what it is |', '|---|---|');
      for (const option of visible) {
        const how = option.rest === true ? `\`${option.name}\` (the text after the command)` : `\`${option.name}:\``;
        lines.push(`| ${how} | ${option.description}${option.required === true ? ' (required)' : ''} |`);
      }
      lines.push('');
    }
    if (command.requiresChannelManager === true) lines.push('Only members who can manage the channel can run it.', '');
    if (command.name === 'stats') lines.push(`![The chart that /stats draws for the bundled corpus](${STATS_CHART_IMAGE})`, '');
    for (const example of command.examples) {
      lines.push(`### \`${example}\``, '', '```text', output.get(example) ?? '', '```', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
