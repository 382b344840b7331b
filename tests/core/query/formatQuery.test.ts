// The "interpreted as" echo: canonical field names, filters before text, sort last, and the
// spellings that must survive a round trip (strict year bounds at the edges, quoted values).
import { describe, expect, it } from 'vitest';
import { formatQuery } from '../../../src/core/query/formatQuery.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { emptyQuery } from '../../../src/core/query/queryTypes.js';

const echo = (input: string): string => formatQuery(parseQuery(input));

describe('formatQuery', () => {
  it('puts filters first, then text, then the sort', () => {
    expect(echo('"Linear Attention" -mamba sort:newest in:NeurIPS Year:2019')).toBe('venue:NeurIPS year:2019 "linear attention" -mamba sort:newest');
  });

  it('spells every field the long way', () => {
    expect(echo('au:huang ti:mamba abs:"policy gradient" NOT ti:vision has:CODE')).toBe(
      'author:huang has:code title:mamba abstract:"policy gradient" -title:vision',
    );
  });

  it('quotes venue and author values with spaces only', () => {
    expect(echo('venue:"IEEE TPAMI" venue:"ICLR" author:"Gao  Huang"')).toBe('venue:"IEEE TPAMI" venue:ICLR author:"Gao Huang"');
  });

  it('keeps quotes on a value that would otherwise read as a URL', () => {
    // Found by the round-trip property test (seed -1675504067): `venue://a` parses as text.
    expect(echo('venue:"//a"')).toBe('venue:"//a"');
    expect(parseQuery(echo('venue:"//a"')).filters.venues).toEqual(['//a']);
  });

  it('writes years as single years, ranges and bounds', () => {
    expect(echo('year:2020-2023 year:2024 since:2022 before:2020 year:>2022 year:<2020')).toBe(
      'year:2020..2023 year:2024 year:>=2022 year:<=2019 year:>=2023 year:<=2019',
    );
  });

  it('uses strict bounds where the inclusive year would be out of range', () => {
    expect(echo('year:>2100')).toBe('year:>2100');
    expect(echo('year:<1900')).toBe('year:<1900');
    expect(echo('before:1900')).toBe('year:<1900');
  });

  it('keeps OR groups and excluded authors and venues', () => {
    expect(echo('mamba OR "state space" -au:"Gao Huang" NOT venue:arXiv')).toBe('mamba OR "state space" -author:"gao huang" -venue:"arxiv"');
  });

  it('writes venue OR venue as two venues', () => {
    expect(echo('venue:ICML OR venue:ICLR')).toBe('venue:ICML venue:ICLR');
  });

  it('writes a negated OR clause (only built by hand) as separate exclusions', () => {
    const query = emptyQuery();
    query.clauses.push({ alternatives: [{ kind: 'term', value: 'a' }, { kind: 'phrase', value: 'b c' }], negated: true });
    expect(formatQuery(query)).toBe('-a -"b c"');
  });

  it('is empty for an empty query', () => {
    expect(formatQuery(emptyQuery())).toBe('');
  });
});
