// Separate option fields (Discord) and the same settings written in the query string mean the
// same; two different values for one setting are a clear error, never a silent pick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOptions } from '../../src/core/commands/command.js';
import { queryFromOptions } from '../../src/core/commands/queryOptions.js';
import { ErrorCode, QueryError, UserError } from '../../src/core/errors.js';
import { formatQuery } from '../../src/core/query/formatQuery.js';
import { startTestRuntime, type TestRuntime } from '../helpers/testRuntime.js';

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

function interpreted(options: CommandOptions): string {
  return formatQuery(queryFromOptions(options, bot.runtime.catalog.index));
}

function failure(options: CommandOptions): UserError {
  try {
    queryFromOptions(options, bot.runtime.catalog.index);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const userError = error as UserError;
    expect(userError.hint?.trim()).toBeTruthy();
    return userError;
  }
  throw new Error(`expected ${JSON.stringify(options)} to fail`);
}

describe('options and the query string', () => {
  it.each<[CommandOptions, string]>([
    [{ query: 'attention', year: '2024' }, 'year:2024 attention'],
    [{ query: 'attention', venue: 'nips' }, 'venue:NeurIPS attention'],
    [{ query: 'attention', author: 'Gao Huang' }, 'author:"Gao Huang" attention'],
    [{ query: 'attention', sort: 'oldest' }, 'attention sort:oldest'],
    [{ year: '2020..2023', venue: 'ICLR' }, 'venue:ICLR year:2020..2023'],
  ])('%j means %s', (options, expected) => {
    expect(interpreted(options)).toBe(expected);
  });

  it('accepts the same setting in both places', () => {
    expect(interpreted({ query: 'year:2024 attention', year: '2024' })).toBe('year:2024 attention');
    expect(interpreted({ query: 'since:2022', year: '>=2022' })).toBe('year:>=2022');
    expect(interpreted({ query: 'sort:newest', sort: 'newest' })).toBe('sort:newest');
  });

  it('compares venues once resolved: venue:nips in the query and a NeurIPS option agree', () => {
    expect(interpreted({ query: 'venue:nips', venue: 'NeurIPS' })).toBe('venue:NeurIPS');
  });

  it('compares authors without case or accents', () => {
    expect(interpreted({ query: 'author:"gao huang"', author: 'Gáo Huang' })).toMatch(/^author:"Gáo Huang"$/);
  });

  it.each<[CommandOptions, string]>([
    [{ query: 'year:2024', year: '2023' }, 'year is given twice: year:2024 in the query and 2023 in the year option.'],
    [{ query: 'venue:nips', venue: 'ICML' }, 'venue is given twice: venue:nips in the query and ICML in the venue option.'],
    [{ query: 'author:huang', author: 'Shiji Song' }, 'author is given twice: author:huang in the query and Shiji Song in the author option.'],
    [{ query: 'sort:newest', sort: 'oldest' }, 'sort is given twice: sort:newest in the query and oldest in the sort option.'],
  ])('a conflict %j is an OPTION_CONFLICT error', (options, message) => {
    const error = failure(options);
    expect(error.code).toBe(ErrorCode.OptionConflict);
    expect(error.message).toBe(message);
    expect(error.hint).toMatch(/^Keep one of them/);
  });
});

describe('option values', () => {
  it('ignores smart and straight quotes around a value', () => {
    expect(interpreted({ author: '“Gao Huang”' })).toBe('author:"Gao Huang"');
    expect(interpreted({ venue: '“NeurIPS”' })).toBe('venue:NeurIPS');
    expect(interpreted({ author: '"Gao Huang"' })).toBe('author:"Gao Huang"');
    expect(interpreted({ author: 'Gao "Huang' })).toBe('author:"Gao Huang"');
  });

  it('treats a value of only quotes as no value', () => {
    expect(interpreted({ venue: '“”', query: 'mamba' })).toBe('mamba');
  });

  it('drops a pasted field prefix', () => {
    expect(interpreted({ venue: 'venue:NeurIPS' })).toBe('venue:NeurIPS');
  });

  it('names the option in its errors, with the query language hint', () => {
    const venue = failure({ query: 'attention', venue: 'neurps' });
    expect(venue.code).toBe(ErrorCode.InvalidOption);
    expect(venue.message).toBe('The venue option: no venue neurps; did you mean NeurIPS?');
    expect(venue.hint).toBe('Write venue:NeurIPS.');
    const year = failure({ year: '2020 2021' });
    expect(year.code).toBe(ErrorCode.InvalidOption);
    expect(year.message).toMatch(/^The year option: /);
  });

  it('keeps the query text error and its position when the query itself is wrong', () => {
    const error = failure({ query: 'attention venue:nipz', venue: 'NeurIPS' });
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).position).toBe('attention venue:'.length);
  });

  it('leaves no stale venue positions behind when the venue comes from the option', () => {
    const query = queryFromOptions({ query: 'attention', venue: 'NeurIPS' }, bot.runtime.catalog.index);
    expect(query.filters.venues).toEqual(['NeurIPS']);
    expect(query.positions === undefined || query.positions.venues.length === query.filters.venues.length).toBe(true);
  });
});

describe('through the runtime', () => {
  it('shows a conflict as an ephemeral error reply with its hint', async () => {
    const outcome = await bot.runtime.run({ command: 'papers', options: { query: 'year:2024', year: '2019' } }, { platform: 'discord', user: { id: 'u1' } });
    expect(outcome.reply.errorCode).toBe('OPTION_CONFLICT');
    expect(outcome.reply.ephemeral).toBe(true);
    expect(outcome.reply.footer).toBe('Keep one of them: remove year:2024 from the query or clear the year option.');
  });

  it('gives the same papers for the options and the query string', async () => {
    const source = { platform: 'discord' as const, user: { id: 'u1' } };
    const fromOptions = await bot.runtime.run({ command: 'papers', options: { query: 'attention', venue: 'NeurIPS', year: '2024' } }, source);
    const fromText = await bot.ask('/papers venue:NeurIPS year:2024 attention');
    expect(fromOptions.total).toBe(fromText.total);
    expect(fromOptions.papers?.map((paper) => paper.id)).toEqual(fromText.papers?.map((paper) => paper.id));
  });
});
