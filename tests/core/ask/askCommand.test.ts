// /ask through the real command path: a runtime on a fresh SQLite file seeded with the bundled
// corpus, text commands parsed as Slack and the terminal send them, and `paperbot ask --json`.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import askCommand from '../../../commands/ask.js';
import { main } from '../../../src/cli/main.js';
import { ErrorCode } from '../../../src/core/errors.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';
import { RAW_PAPERS } from './askCorpus.js';

let test: TestRuntime;
beforeAll(async () => {
  test = await startTestRuntime();
});
afterAll(async () => {
  await test.close();
});

describe('/ask command', () => {
  it('replies with the one-sentence answer, up to 5 paper cards and the interpreted query', async () => {
    const outcome = await test.ask('/ask how many NeurIPS papers since 2022?');
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.text).toBe('There are 10 papers at NeurIPS since 2022.');
    expect(outcome.reply.footer).toBe('Interpreted as: venue:NeurIPS year:>=2022 — count');
    expect(outcome.reply.cards).toHaveLength(5);
    expect(outcome.reply.cards[0]?.title).toMatch(/^1\. /u);
    expect(outcome.reply.cards.every((card) => card.subtitle?.startsWith('NeurIPS 20'))).toBe(true);
    expect(outcome).toMatchObject({ answer: outcome.reply.text, intent: 'count', query: 'venue:NeurIPS year:>=2022', total: 10 });
    expect(outcome.papers).toHaveLength(10);
  });

  it('links the code card and names the paper for a code question', async () => {
    const outcome = await test.ask('/ask where is the code for DeeR-VLA?');
    expect(outcome.intent).toBe('code');
    expect(outcome.reply.cards).toHaveLength(1);
    expect(outcome.reply.cards[0]?.url).toBe('https://github.com/yueyang130/DeeR-VLA');
    expect(outcome.reply.footer).toBe('Interpreted as: deer vla (the paper "DeeR-VLA") — code');
  });

  it('is reachable as /papers ask … for workspaces that install only /papers', async () => {
    const outcome = await test.ask('/papers ask who works most with Shiji Song?');
    expect(outcome.intent).toBe('people');
    expect(outcome.answer).toMatch(/^Gao Huang works most with Shiji Song/u);
  });

  it('runs every example it shows in /help without an error', async () => {
    for (const example of askCommand.examples) {
      const outcome = await test.ask(example);
      expect(outcome.reply.errorCode, example).toBeUndefined();
      expect(outcome.intent, example).not.toBe('search');
      expect(outcome.papers?.length ?? 0, example).toBeGreaterThan(0);
    }
  });

  it('an empty question is a clear user error', async () => {
    const missing = await test.ask('/ask');
    expect(missing.reply).toMatchObject({ errorCode: ErrorCode.InvalidOption, text: 'question is required', ephemeral: true });
    expect(missing.reply.footer).toContain('/ask how many papers at NeurIPS since 2022?');
    const blank = await test.runtime.run({ command: 'ask', options: { question: '   ' } }, { platform: 'discord', user: { id: 'u' } });
    expect(blank.reply).toMatchObject({ errorCode: ErrorCode.InvalidOption, text: 'Ask a question about the papers.' });
    expect(blank.reply.footer).toMatch(/^Try: /u);
  });

  it('an unknown paper or person is a user error with a hint, not a crash', async () => {
    const paper = await test.ask('/ask where was the Quantum Teleportation Transformer published?');
    expect(paper.reply.errorCode).toBe(ErrorCode.PaperNotFound);
    expect(paper.reply.footer).not.toBe('');
    const person = await test.ask('/ask what has John Smith published?');
    expect(person.reply).toMatchObject({ errorCode: ErrorCode.InvalidOption, text: 'No author named "john smith" is in this corpus.' });
    const ambiguous = await test.ask('/ask who works most with Wang?');
    expect(ambiguous.reply.errorCode).toBe(ErrorCode.InvalidOption);
    expect(ambiguous.reply.text).toMatch(/^"Wang" fits \d+ people: /u);
  });

  it('caps a long question at the option limit', async () => {
    const outcome = await test.runtime.run({ command: 'ask', options: { question: 'mamba '.repeat(120) } }, { platform: 'discord', user: { id: 'u' } });
    expect(outcome.reply).toMatchObject({ errorCode: ErrorCode.InvalidOption, text: 'question is at most 500 characters' });
  });
});

describe('paperbot ask --json "/ask …"', () => {
  async function cli(line: string): Promise<{ code: number; json: Record<string, unknown> }> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let output = '';
    stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const code = await main(['ask', '--json', line], {
      stdin: new PassThrough(),
      stdout,
      stderr,
      env: { DATABASE_URL: `${test.directory}/cli.sqlite`, DATA_DIR: `${test.directory}/data` },
    });
    return { code, json: JSON.parse(output) as Record<string, unknown> };
  }

  it('prints answer, intent and the count as total', async () => {
    const { code, json } = await cli('/ask how many NeurIPS papers since 2022?');
    expect(code).toBe(0);
    expect(json).toMatchObject({ command: 'ask', query: 'venue:NeurIPS year:>=2022', total: 10, intent: 'count', answer: 'There are 10 papers at NeurIPS since 2022.' });
    const papers = json.papers as Array<{ venue: string; year: number }>;
    expect(papers).toHaveLength(RAW_PAPERS.filter((paper) => paper.venue === 'NeurIPS' && paper.year >= 2022).length);
    expect(papers.every((paper) => paper.venue === 'NeurIPS' && paper.year >= 2022)).toBe(true);
    expect(String(json.text)).toContain('Interpreted as: venue:NeurIPS year:>=2022 — count');
  });

  it('prints a typed error and exits 2 for a question it cannot use', async () => {
    const { code, json } = await cli('/ask ???');
    expect(code).toBe(2);
    expect(json).toMatchObject({ error: { code: ErrorCode.QueryInvalid } });
    expect((json.error as { hint?: string }).hint).toMatch(/^Try: /u);
  });
});
