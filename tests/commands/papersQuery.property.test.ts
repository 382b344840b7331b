// Properties of the query language end to end, through /papers on the real runtime: no input
// crashes it (text command parsing, options, venue resolution, search, reply); every failure is a
// typed user error with a message and a hint; and the echoed query finds the same papers again,
// which is what the Prev/Next buttons rely on.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOptions, CommandOutcome } from '../../src/core/commands/command.js';
import { parseTextCommand } from '../../src/core/commands/textCommand.js';
import { ErrorCode, UserError } from '../../src/core/errors.js';
import { startTestRuntime, TERMINAL_SOURCE, type TestRuntime } from '../helpers/testRuntime.js';

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal));

/** Pieces of the language, the corpus and its look-alikes, glued in random orders. */
const syntaxSoup = fc
  .array(
    fc.constantFrom(
      'year:', 'since:', 'before:', 'venue:', 'in:', 'author:', 'au:', 'title:', 'ti:', 'abs:', 'has:', 'sort:', 'page:', 'foo:',
      'code', 'newest', 'oldest', '2019', '2024', '1899', '2101', '..', '-', '>=', '<', '"', '“', '”', '„', 'OR', 'NOT',
      ' ', ' ', ' ', 'NeurIPS', 'nips', 'neurps', 'IEEE TPAMI', 'Gao Huang', 'huang', 'mamba', 'linear attention', 'ISDA',
      'random', 'stats', 'authors', 'help', 'paper', '/', '\u0000', '\u202E', '😀', '注意', 'İ', '&', '<b>', '%', '\\',
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(syntaxSoup, fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 700 }));

/** A failure must be a user error: a known code, a message, a hint, shown only to the asker. */
function expectUserFailure(outcome: CommandOutcome): void {
  expect(KNOWN_CODES.has(outcome.reply.errorCode ?? '')).toBe(true);
  expect(outcome.reply.text.trim().length).toBeGreaterThan(0);
  expect(outcome.reply.footer?.trim().length ?? 0).toBeGreaterThan(0);
  expect(outcome.reply.ephemeral).toBe(true);
}

function expectSearchAnswer(outcome: CommandOutcome): void {
  expect(outcome.total).toBeGreaterThanOrEqual(0);
  expect(outcome.papers?.length ?? 0).toBeLessThanOrEqual(outcome.total ?? 0);
  expect(typeof outcome.query).toBe('string');
}

/** Runs a typed line as Slack and the terminal do; parsing the line may itself be a user error. */
async function runLine(line: string): Promise<CommandOutcome | UserError> {
  let invocation;
  try {
    invocation = parseTextCommand(line, bot.runtime.registry);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  return bot.runtime.run(invocation, TERMINAL_SOURCE);
}

describe('/papers over any input', () => {
  it('answers or fails with a typed user error, never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const outcome = await bot.runtime.run({ command: 'papers', options: { query: text } }, TERMINAL_SOURCE);
        if (outcome.reply.errorCode === undefined) expectSearchAnswer(outcome);
        else expectUserFailure(outcome);
      }),
      { numRuns: 600 },
    );
  });

  it('does the same for typed text lines, including /papers <command> routing', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('/papers ', '/papers random ', '/papers authors ', '/papers help ', '/random ', ''), async (text, prefix) => {
        const result = await runLine(`${prefix}${text}`);
        if (result instanceof UserError) {
          expect(KNOWN_CODES.has(result.code)).toBe(true);
          expect(result.message.length).toBeGreaterThan(0);
          expect(result.hint?.trim().length ?? 0).toBeGreaterThan(0);
        } else if (result.reply.errorCode !== undefined) {
          expectUserFailure(result);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('handles any mix of separate option fields and query text', async () => {
    const field = fc.option(anyText, { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ query: field, year: field, venue: field, author: field, sort: field, page: fc.option(fc.oneof(fc.integer(), anyText), { nil: undefined }) }),
        async (fields) => {
          const options: CommandOptions = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
          const outcome = await bot.runtime.run({ command: 'papers', options: options as Record<string, string | number> }, { platform: 'discord', user: { id: 'u1' } });
          if (outcome.reply.errorCode === undefined) expectSearchAnswer(outcome);
          else expectUserFailure(outcome);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds the same papers again from the query it echoes', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const first = await bot.runtime.run({ command: 'papers', options: { query: text } }, TERMINAL_SOURCE);
        if (first.reply.errorCode !== undefined) return;
        const again = await bot.runtime.run({ command: 'papers', options: { query: first.query ?? '' } }, TERMINAL_SOURCE);
        expect(again.reply.errorCode).toBeUndefined();
        expect(again.query).toBe(first.query);
        expect(again.papers?.map((paper) => paper.id)).toEqual(first.papers?.map((paper) => paper.id));
      }),
      { numRuns: 300 },
    );
  });
});

describe('/authors and /stats over any input', () => {
  it('/authors answers or fails with a typed user error', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (name) => {
        const outcome = await bot.runtime.run({ command: 'authors', options: { name } }, TERMINAL_SOURCE);
        if (outcome.reply.errorCode !== undefined) expectUserFailure(outcome);
        else expect(outcome.reply.cards.length).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('/stats answers (with a chart when something matches) or fails with a typed user error', async () => {
    await fc.assert(
      fc.asyncProperty(syntaxSoup, async (query) => {
        const outcome = await bot.runtime.run({ command: 'stats', options: { query } }, TERMINAL_SOURCE);
        if (outcome.reply.errorCode !== undefined) expectUserFailure(outcome);
        else expect(outcome.reply.images.length).toBe((outcome.total ?? 0) > 0 ? 1 : 0);
      }),
      { numRuns: 40 },
    );
  });
});
