// The query language, row by row: what each piece of syntax turns into, which look-alikes stay
// plain text, and the errors (code, exact message, position, hint) for each mistake.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import type { TextClause } from '../../../src/core/query/queryTypes.js';
import { expectQueryError } from './queryErrorAssertions.js';

const term = (value: string, negated = false): TextClause => ({ alternatives: [{ kind: 'term', value }], negated });
const phrase = (value: string, negated = false): TextClause => ({ alternatives: [{ kind: 'phrase', value }], negated });

describe('parseQuery: free text', () => {
  it('makes each word a clause, lower-cased, and keeps the input', () => {
    const query = parseQuery('Linear  Attention');
    expect(query.input).toBe('Linear  Attention');
    expect(query.clauses).toEqual([term('linear'), term('attention')]);
    expect(query.filters).toEqual({ years: [], venues: [], authors: [], hasCode: false });
    expect(query.sort).toBeUndefined();
  });

  it('reads a quoted phrase as one clause, collapsing spaces', () => {
    expect(parseQuery('"Linear   Attention" rnn').clauses).toEqual([phrase('linear attention'), term('rnn')]);
  });

  it('accepts typographic quotes', () => {
    expect(parseQuery('“linear attention”').clauses).toEqual([phrase('linear attention')]);
    expect(parseQuery('„state space”').clauses).toEqual([phrase('state space')]);
  });

  it('excludes with -word, -"phrase" and NOT word', () => {
    expect(parseQuery('attention -mamba NOT rnn -"state space"').clauses).toEqual([
      term('attention'),
      term('mamba', true),
      term('rnn', true),
      phrase('state space', true),
    ]);
  });

  it('joins OR alternatives into one clause', () => {
    expect(parseQuery('mamba OR transformer').clauses).toEqual([
      { alternatives: [{ kind: 'term', value: 'mamba' }, { kind: 'term', value: 'transformer' }], negated: false },
    ]);
    expect(parseQuery('a OR "b c" OR d e').clauses).toEqual([
      { alternatives: [{ kind: 'term', value: 'a' }, { kind: 'phrase', value: 'b c' }, { kind: 'term', value: 'd' }], negated: false },
      term('e'),
    ]);
  });

  it('treats lower-case or and not as words', () => {
    expect(parseQuery('mamba or transformer not rnn').clauses).toEqual([term('mamba'), term('or'), term('transformer'), term('not'), term('rnn')]);
  });

  it('allows Unicode text', () => {
    expect(parseQuery('Über 注意力 "régularisation Ω"').clauses).toEqual([term('über'), term('注意力'), phrase('régularisation ω')]);
  });

  it('returns an empty query for blank input', () => {
    expect(parseQuery('   ').clauses).toEqual([]);
    expect(parseQuery('').filters.years).toEqual([]);
  });

  it('splits a word at a quote, so foo"bar baz" is a word and a phrase', () => {
    expect(parseQuery('foo"bar baz"').clauses).toEqual([term('foo'), phrase('bar baz')]);
  });
});

describe('parseQuery: years', () => {
  const cases: [string, { min?: number; max?: number }][] = [
    ['year:2024', { min: 2024, max: 2024 }],
    ['year:2020..2023', { min: 2020, max: 2023 }],
    ['year:2020-2023', { min: 2020, max: 2023 }],
    ['year:2020–2023', { min: 2020, max: 2023 }],
    ['year:2021..2021', { min: 2021, max: 2021 }],
    ['year:>=2022', { min: 2022 }],
    ['year:>2022', { min: 2023 }],
    ['year:<2020', { max: 2019 }],
    ['year:<=2020', { max: 2020 }],
    ['year:2022..', { min: 2022 }],
    ['year:..2020', { max: 2020 }],
    ['since:2022', { min: 2022 }],
    ['before:2020', { max: 2019 }],
    ['Year:2024', { min: 2024, max: 2024 }],
    ['SINCE:2022', { min: 2022 }],
  ];
  it.each(cases)('%s', (input, range) => {
    expect(parseQuery(input).filters.years).toEqual([range]);
  });

  it('keeps several year filters (they all apply)', () => {
    expect(parseQuery('since:2020 before:2024').filters.years).toEqual([{ min: 2020 }, { max: 2023 }]);
  });
});

describe('parseQuery: venue, author, fields, has, sort', () => {
  it('reads venue: and in:, bare or quoted, keeping case for resolution', () => {
    const query = parseQuery('venue:NeurIPS in:"IEEE  TPAMI"');
    expect(query.filters.venues).toEqual(['NeurIPS', 'IEEE TPAMI']);
    expect(query.positions?.venues).toEqual([6, 17]);
    expect(query.clauses).toEqual([]);
  });

  it('reads venue:A OR venue:B as two venues (venues are ORed anyway)', () => {
    expect(parseQuery('venue:ICML OR in:ICLR').filters.venues).toEqual(['ICML', 'ICLR']);
  });

  it('reads author: and au:', () => {
    expect(parseQuery('author:"Gao Huang" au:huang').filters.authors).toEqual(['Gao Huang', 'huang']);
  });

  it('restricts words and phrases to title and abstract', () => {
    expect(parseQuery('title:Mamba ti:ssm abstract:"Policy Gradient" abs:ppo -title:vision').clauses).toEqual([
      { alternatives: [{ kind: 'term', value: 'mamba', field: 'title' }], negated: false },
      { alternatives: [{ kind: 'term', value: 'ssm', field: 'title' }], negated: false },
      { alternatives: [{ kind: 'phrase', value: 'policy gradient', field: 'abstract' }], negated: false },
      { alternatives: [{ kind: 'term', value: 'ppo', field: 'abstract' }], negated: false },
      { alternatives: [{ kind: 'term', value: 'vision', field: 'title' }], negated: true },
    ]);
  });

  it('allows fielded words in OR', () => {
    expect(parseQuery('title:mamba OR abs:"state space"').clauses).toEqual([
      {
        alternatives: [
          { kind: 'term', value: 'mamba', field: 'title' },
          { kind: 'phrase', value: 'state space', field: 'abstract' },
        ],
        negated: false,
      },
    ]);
  });

  it('turns -author: and -venue: into excluded text clauses on those fields', () => {
    expect(parseQuery('-author:"Gao Huang" NOT venue:arXiv').clauses).toEqual([
      { alternatives: [{ kind: 'phrase', value: 'gao huang', field: 'authors' }], negated: true },
      { alternatives: [{ kind: 'phrase', value: 'arxiv', field: 'venue' }], negated: true },
    ]);
  });

  it('reads has:code in any case', () => {
    expect(parseQuery('has:code').filters.hasCode).toBe(true);
    expect(parseQuery('Has:Code').filters.hasCode).toBe(true);
    expect(parseQuery('mamba').filters.hasCode).toBe(false);
  });

  it.each(['newest', 'oldest', 'relevance'] as const)('reads sort:%s', (order) => {
    expect(parseQuery(`mamba sort:${order}`).sort).toBe(order);
    expect(parseQuery(`SORT:${order.toUpperCase()}`).sort).toBe(order);
  });

  it('accepts the same sort twice', () => {
    expect(parseQuery('sort:newest sort:newest').sort).toBe('newest');
  });

  it('parses a query using everything at once', () => {
    const query = parseQuery('venue:NeurIPS year:2019 "linear attention" -mamba au:huang has:code sort:newest');
    expect(query.filters).toEqual({ years: [{ min: 2019, max: 2019 }], venues: ['NeurIPS'], authors: ['huang'], hasCode: true });
    expect(query.clauses).toEqual([phrase('linear attention'), term('mamba', true)]);
    expect(query.sort).toBe('newest');
  });
});

describe('parseQuery: things that look like fields but are text', () => {
  it.each([
    ['pass@k', 'pass@k'],
    ['AIME\'25', 'aime\'25'],
    ['10:1', '10:1'],
    ['http://arxiv.org/abs/2401.01234', 'http://arxiv.org/abs/2401.01234'],
    ['https://github.com/state-spaces/mamba', 'https://github.com/state-spaces/mamba'],
    ['arXiv:2312.00752', 'arxiv:2312.00752'],
    ['doi:10.1109/tpami.2023.1', 'doi:10.1109/tpami.2023.1'],
    ['top-k:5', 'top-k:5'],
    ['gpt4:turbo', 'gpt4:turbo'],
    [':smile:', ':smile:'],
    ['Mamba:', 'mamba'],
  ])('%s is the word %s', (input, value) => {
    const query = parseQuery(input);
    expect(query.clauses).toEqual([term(value)]);
    expect(query.filters).toEqual({ years: [], venues: [], authors: [], hasCode: false });
  });

  it('reads a title pasted with a colon as words', () => {
    expect(parseQuery('Mamba: Linear-Time Sequence Modeling').clauses).toEqual([
      term('mamba'),
      term('linear-time'),
      term('sequence'),
      term('modeling'),
    ]);
  });

  it('keeps "foo:bar" in quotes as a phrase', () => {
    expect(parseQuery('"foo:bar"').clauses).toEqual([phrase('foo:bar')]);
  });

  it('reads arXiv:"..." as the word arxiv and a phrase', () => {
    expect(parseQuery('arXiv:"state space"').clauses).toEqual([term('arxiv'), phrase('state space')]);
  });
});

describe('parseQuery: errors', () => {
  const yearHint = /year:2020\.\.2023.*year:>=2022.*since:2022/;

  it('rejects a malformed year with the valid forms in the hint', () => {
    expectQueryError(() => parseQuery('year:20x4'), { message: 'year must be a year like 2024 or a range like 2020..2023', position: 5, hint: yearHint });
    expectQueryError(() => parseQuery('mamba Year:2024...'), { message: 'year must be a year like 2024 or a range like 2020..2023', position: 11, hint: yearHint });
    expectQueryError(() => parseQuery('year:24'), { message: 'year must be a year like 2024 or a range like 2020..2023', position: 5 });
  });

  it('rejects a reversed range, pointing at it', () => {
    expectQueryError(() => parseQuery('x year:2023..2020'), { message: 'year range 2023..2020 is reversed', position: 7, hint: /year:2020\.\.2023/ });
  });

  it('rejects years outside 1900..2100', () => {
    expectQueryError(() => parseQuery('year:1850'), { message: 'year 1850 is out of range', position: 5, hint: /1900 and 2100/ });
    expectQueryError(() => parseQuery('year:2020..2200'), { message: 'year 2200 is out of range', position: 5 });
    expectQueryError(() => parseQuery('since:1899'), { message: 'year 1899 is out of range', position: 6 });
  });

  it('rejects since: and before: that are not a single year', () => {
    expectQueryError(() => parseQuery('since:2020..2022'), { message: 'since must be a year like 2022', position: 6, hint: /2022 and later/ });
    expectQueryError(() => parseQuery('before:soon'), { message: 'before must be a year like 2020', position: 7, hint: /2019 and earlier/ });
  });

  it('names an unknown field and lists the known ones', () => {
    const error = expectQueryError(() => parseQuery('mamba foo:bar'), { message: 'unknown field foo:', position: 6 });
    expect(error.hint).toContain('year, since, before, venue (in), author (au), title (ti), abstract (abs), has, sort');
    expect(error.hint).not.toContain('Did you mean');
  });

  it('suggests the field a typo was meant to be', () => {
    expectQueryError(() => parseQuery('yaer:2024'), { message: 'unknown field yaer:', position: 0, hint: /Did you mean year:\?/ });
    expectQueryError(() => parseQuery('-venu:"x"'), { message: 'unknown field venu:', position: 1, hint: /Did you mean venue:\?/ });
  });

  it('rejects an unbalanced quote at the quote', () => {
    expectQueryError(() => parseQuery('linear "attention'), { message: 'unbalanced quote', position: 7, hint: /second quote/ });
    expectQueryError(() => parseQuery('venue:"IEEE TPAMI'), { message: 'unbalanced quote', position: 6 });
    expectQueryError(() => parseQuery('a “b'), { message: 'unbalanced quote', position: 2 });
  });

  it('rejects empty quotes', () => {
    expectQueryError(() => parseQuery('a "  "'), { message: 'empty quotes', position: 2 });
  });

  it.each([
    ['venue:', 'venue: needs a value', 0],
    ['mamba in:', 'in: needs a value', 6],
    ['author:""', 'author: needs a value', 0],
    ['title:', 'title: needs a value', 0],
    ['year:', 'year: needs a value', 0],
    ['sort:', 'sort: needs a value', 0],
  ] as const)('rejects the empty value in %s', (input, message, position) => {
    expectQueryError(() => parseQuery(input), { message, position, hint: /For example/ });
  });

  it('lists the sort orders for an unknown one', () => {
    expectQueryError(() => parseQuery('sort:best'), {
      message: 'unknown sort order best; use newest, oldest or relevance',
      position: 5,
      hint: /sort:newest, sort:oldest, sort:relevance/,
    });
  });

  it('rejects two different sorts', () => {
    expectQueryError(() => parseQuery('sort:newest sort:oldest'), { message: 'sort given twice (newest and oldest)', position: 12 });
  });

  it('lists what has: supports', () => {
    expectQueryError(() => parseQuery('has:pdf'), { message: 'has:pdf is not supported', position: 4, hint: /has: supports: code/ });
  });

  it('rejects NOT, - and OR with nothing after them, and OR at the start', () => {
    expectQueryError(() => parseQuery('mamba NOT'), { message: 'NOT must be followed by a word or phrase', position: 6 });
    expectQueryError(() => parseQuery('NOT OR x'), { message: 'NOT must be followed by a word or phrase', position: 0 });
    expectQueryError(() => parseQuery('NOT -x'), { message: 'NOT must be followed by a word or phrase', position: 0 });
    expectQueryError(() => parseQuery('mamba -'), { message: '- must be followed directly by a word or phrase', position: 6 });
    expectQueryError(() => parseQuery('- mamba'), { message: '- must be followed directly by a word or phrase', position: 0 });
    expectQueryError(() => parseQuery('mamba OR'), { message: 'OR must be between two words or phrases', position: 6 });
    expectQueryError(() => parseQuery('OR mamba'), { message: 'OR must be between two words or phrases', position: 0 });
    expectQueryError(() => parseQuery('a OR OR b'), { message: 'OR must be between two words or phrases', position: 2 });
  });

  it('rejects exclusions inside OR', () => {
    expectQueryError(() => parseQuery('a OR -b'), { message: "OR can't join an excluded word", position: 5 });
    expectQueryError(() => parseQuery('-a OR b'), { message: "OR can't join an excluded word", position: 0 });
    expectQueryError(() => parseQuery('a OR NOT b'), { message: "OR can't join an excluded word", position: 5 });
  });

  it('rejects OR between filters other than venues', () => {
    expectQueryError(() => parseQuery('year:2020 OR year:2022'), { message: 'OR can only join words, phrases, title:/abstract: words, or venues', position: 0, hint: /year:2020\.\.2023/ });
    expectQueryError(() => parseQuery('mamba OR venue:ICML'), { message: 'OR can only join words, phrases, title:/abstract: words, or venues', position: 9 });
  });

  it('rejects excluding filters that cannot be excluded', () => {
    expectQueryError(() => parseQuery('-year:2020'), { message: "year: can't be excluded", position: 0, hint: /year:<2020/ });
    expectQueryError(() => parseQuery('x NOT has:code'), { message: "has: can't be excluded", position: 6 });
    expectQueryError(() => parseQuery('-sort:newest'), { message: "sort: can't be excluded", position: 0 });
  });

  it('rejects a query longer than 500 characters, and accepts exactly 500', () => {
    const long = 'a '.repeat(250) + 'b';
    expect(long.length).toBe(501);
    expectQueryError(() => parseQuery(long), { message: 'query is too long (501 characters; the limit is 500)', position: 500, hint: /Shorten/ });
    expect(parseQuery('a'.repeat(500)).clauses).toEqual([term('a'.repeat(500))]);
  });
});
