// Button state survives a restart: short invocations live in the id itself, long ones in the
// store under a short key. Two runtimes on one SQLite file stand for the bot before and after a
// restart. Expired and forged ids are user errors (BUTTON_EXPIRED), never crashes.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonId, encodeButtonId, isButtonId, MAX_BUTTON_ID_LENGTH } from '../../src/core/commands/buttonCodec.js';
import { ErrorCode, UserError } from '../../src/core/errors.js';
import type { CommandInvocation } from '../../src/core/reply/neutralReply.js';
import { startTestRuntime, TERMINAL_SOURCE, type TestRuntime } from '../helpers/testRuntime.js';

let directory: string;
let databaseUrl: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'paperbot-buttons-'));
  databaseUrl = join(directory, 'shared.sqlite');
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Runs `use` on a runtime over the shared database file, then shuts it down: one "process". */
async function withRuntime<T>(use: (bot: TestRuntime) => Promise<T>): Promise<T> {
  const bot = await startTestRuntime({ DATABASE_URL: databaseUrl });
  try {
    return await use(bot);
  } finally {
    await bot.close();
  }
}

async function expectExpired(id: string, bot: TestRuntime): Promise<void> {
  const error = await decodeButtonId(id, bot.runtime.store).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(ErrorCode.ButtonExpired);
  expect((error as UserError).hint).toBe('Run the command again to get fresh buttons.');
}

/** Matches 26 of the 27 bundled papers, and is far too long for a 100-character custom id. */
const LONG_QUERY = 'learning OR attention OR transformer OR vision OR reinforcement OR robot OR network -xylophone -zeppelin sort:oldest';

describe('button ids across a restart', () => {
  it('keeps a short invocation in the id itself', async () => {
    const invocation: CommandInvocation = { command: 'papers', options: { query: 'year:2024', page: 2 } };
    const id = await withRuntime((bot) => encodeButtonId(invocation, bot.runtime.store));
    expect(id).toBe('pb1:papers?query=year%3A2024&page=n%7E2');
    expect(isButtonId(id)).toBe(true);
    expect(await withRuntime((bot) => decodeButtonId(id, bot.runtime.store))).toEqual(invocation);
  });

  it('stores a long invocation under a short key and finds it after a restart', async () => {
    const invocation: CommandInvocation = { command: 'papers', options: { query: LONG_QUERY, page: 2 } };
    const id = await withRuntime((bot) => encodeButtonId(invocation, bot.runtime.store));
    expect(id.startsWith('pb1#')).toBe(true);
    expect(id.length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);

    const { decoded, outcome } = await withRuntime(async (bot) => {
      const decodedAfterRestart = await decodeButtonId(id, bot.runtime.store);
      return { decoded: decodedAfterRestart, outcome: await bot.runtime.run(decodedAfterRestart, TERMINAL_SOURCE) };
    });
    expect(decoded).toEqual(invocation);
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.footer).toContain('page 2 of');
  });

  it('gives the same button the same id every time', async () => {
    const invocation: CommandInvocation = { command: 'papers', options: { query: LONG_QUERY, page: 3 } };
    const first = await withRuntime((bot) => encodeButtonId(invocation, bot.runtime.store));
    const second = await withRuntime((bot) => encodeButtonId(invocation, bot.runtime.store));
    expect(second).toBe(first);
  });

  it("presses a real reply's Next button after a restart", async () => {
    const next = await withRuntime(async (bot) => {
      const outcome = await bot.ask(`/papers ${LONG_QUERY}`);
      expect(outcome.total).toBe(26);
      const button = outcome.reply.buttons.find((candidate) => candidate.label.startsWith('Next'));
      expect(button).toBeDefined();
      return { id: await encodeButtonId(button?.invocation ?? { command: 'help', options: {} }, bot.runtime.store), firstPage: outcome.papers?.slice(0, 5).map((paper) => paper.id) };
    });
    expect(next.id.startsWith('pb1#')).toBe(true);
    const secondPage = await withRuntime(async (bot) => bot.runtime.run(await decodeButtonId(next.id, bot.runtime.store), TERMINAL_SOURCE));
    expect(secondPage.reply.footer).toMatch(/page 2 of \d+/);
    const shown = secondPage.reply.cards.map((card) => card.title);
    expect(shown.length).toBeGreaterThan(0);
    expect(secondPage.papers?.slice(5, 5 + shown.length).map((paper, position) => `${position + 6}. ${paper.title}`)).toEqual(shown);
    expect(next.firstPage).not.toContain(secondPage.papers?.[5]?.id);
  });

  it('round-trips typed values, including strings that look like type tags', async () => {
    const invocation: CommandInvocation = { command: 'paper', options: { paper: 'n~1 & b~true = "x"?', page: 10, flag: false, pi: 3.5 } };
    const decoded = await withRuntime(async (bot) => decodeButtonId(await encodeButtonId(invocation, bot.runtime.store), bot.runtime.store));
    expect(decoded).toEqual(invocation);
  });
});

describe('expired and forged ids', () => {
  it.each([
    ['a stored key nobody stored', 'pb1#AAAAAAAAAAAAAAAAAAAAAA'],
    ['an empty stored key', 'pb1#'],
    ['an id with no command', 'pb1:'],
    ['an id with only options', 'pb1:?query=x'],
    ['an id from somewhere else', 'button_1234'],
    ['an empty id', ''],
  ])('%s is BUTTON_EXPIRED', async (_label, id) => {
    await withRuntime((bot) => expectExpired(id, bot));
  });
});

describe('property: any invocation survives encode and decode', () => {
  it('fits in a Discord custom id and decodes to itself', async () => {
    await withRuntime(async (bot) => {
      const value = fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((number) => !Object.is(number, -0)));
      const invocation = fc.record({
        command: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
        options: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), value, { maxKeys: 4 }),
      });
      await fc.assert(
        fc.asyncProperty(invocation, async (original) => {
          const id = await encodeButtonId(original, bot.runtime.store);
          expect(id.length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
          expect(isButtonId(id)).toBe(true);
          expect(await decodeButtonId(id, bot.runtime.store)).toEqual(original);
        }),
        { numRuns: 200 },
      );
    });
  });
});
