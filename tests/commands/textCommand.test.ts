// Text commands (Slack, the terminal): options out of the text, and `/papers <command> …`
// routing so a workspace can install only /papers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTextCommand, parseTextCommand } from '../../src/core/commands/textCommand.js';
import { ErrorCode, UserError } from '../../src/core/errors.js';
import { startTestRuntime, type TestRuntime } from '../helpers/testRuntime.js';

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

const parse = (line: string) => parseTextCommand(line, bot.runtime.registry);

function parseFailure(line: string): UserError {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error(`expected ${line} to fail`);
}

describe('parseTextCommand', () => {
  it('keeps query fields in the query string and takes other options out', () => {
    expect(parse('/papers year:2024 page:2 linear attention')).toEqual({ command: 'papers', options: { page: '2', query: 'year:2024 linear attention' } });
    expect(parse('/paper GridMix')).toEqual({ command: 'paper', options: { paper: 'GridMix' } });
  });

  it.each([
    ['/papers random', { command: 'random', options: {} }],
    ['/papers random venue:NeurIPS', { command: 'random', options: { query: 'venue:NeurIPS' } }],
    ['/papers Stats since:2022', { command: 'stats', options: { query: 'since:2022' } }],
    ['/papers authors Gao Huang', { command: 'authors', options: { name: 'Gao Huang' } }],
    ['/papers authors', { command: 'authors', options: {} }],
    ['/papers paper GridMix', { command: 'paper', options: { paper: 'GridMix' } }],
    ['/papers help stats', { command: 'help', options: { command: 'stats' } }],
    ['/papers help', { command: 'help', options: {} }],
  ])('routes %s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it('searches for words that are not command names', () => {
    expect(parse('/papers randomized smoothing')).toEqual({ command: 'papers', options: { query: 'randomized smoothing' } });
    expect(parse('/papers papers')).toEqual({ command: 'papers', options: { query: 'papers' } });
  });

  it('routes only from /papers', () => {
    expect(parse('/random stats')).toEqual({ command: 'random', options: { query: 'stats' } });
  });

  it('treats plain text as a search and a bare slash as help', () => {
    expect(parse('linear attention')).toEqual({ command: 'papers', options: { query: 'linear attention' } });
    expect(parse('/')).toEqual({ command: 'help', options: {} });
  });

  it('rejects an unknown command with a suggestion', () => {
    const error = parseFailure('/stat venue:NeurIPS');
    expect(error.code).toBe(ErrorCode.UnknownCommand);
    expect(error.message).toBe('There is no /stat command; did you mean /stats?');
    expect(error.hint).toMatch(/Try \/help/);
  });

  it('rejects an option given twice', () => {
    const error = parseFailure('/papers page:2 page:3 mamba');
    expect(error.code).toBe(ErrorCode.OptionConflict);
  });

  it('takes smart quotes off option values', () => {
    expect(parse('/papers page:“2” mamba')).toEqual({ command: 'papers', options: { page: '2', query: 'mamba' } });
  });

  it('routes /papers ask … to /ask', () => {
    expect(parse('/papers ask how many papers at NeurIPS?')).toEqual({ command: 'ask', options: { question: 'how many papers at NeurIPS?' } });
  });

  it('round-trips through formatTextCommand', () => {
    for (const line of ['/papers page:2 year:2024 attention', '/authors Gao Huang', '/stats venue:NeurIPS', '/unsubscribe 12', '/ask who wrote GridMix?']) {
      expect(parse(formatTextCommand(parse(line)))).toEqual(parse(line));
      expect(parse(formatTextCommand(parse(line), bot.runtime.registry))).toEqual(parse(line));
    }
  });

  it('formats a button invocation as the command a person would type', () => {
    expect(formatTextCommand({ command: 'papers', options: { query: 'author:"Gao Huang" mamba', page: 3 } })).toBe('/papers page:3 author:"Gao Huang" mamba');
    expect(formatTextCommand({ command: 'unsubscribe', options: { id: '12' } }, bot.runtime.registry)).toBe('/unsubscribe 12');
  });
});
