// Properties over many generated inputs: nothing a user types crashes the parser (it answers or
// throws a QueryError with a message, a hint and a position inside the input), and the canonical
// echo from formatQuery parses back to the same query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, QueryError } from '../../../src/core/errors.js';
import { formatQuery } from '../../../src/core/query/formatQuery.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import type { ParsedQuery } from '../../../src/core/query/queryTypes.js';

/** What makes two queries the same search: input text and positions do not count. */
function meaning(query: ParsedQuery): Pick<ParsedQuery, 'clauses' | 'filters' | 'sort'> {
  return { clauses: query.clauses, filters: query.filters, sort: query.sort };
}

function tryParse(input: string): ParsedQuery | QueryError {
  try {
    return parseQuery(input);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
}

/** Fragments of the syntax, glued in random orders: reaches far more branches than random text. */
const syntaxSoup = fc
  .array(
    fc.constantFrom(
      'year:', 'since:', 'before:', 'venue:', 'in:', 'author:', 'au:', 'title:', 'ti:', 'abstract:', 'abs:', 'has:', 'sort:', 'foo:',
      'code', 'newest', 'oldest', 'relevance', '2020', '2023', '1899', '2101', '..', '-', '–', '>', '>=', '<', '<=', '+',
      '"', '“', '”', '„', 'OR', 'NOT', 'or', ' ', ' ', ' ', '\t', ':', '//', 'http', 'arXiv', 'a', 'Mamba', 'Ü', '注意', 'K', 'İ', 'ſ', '@', "'",
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const anyInput = fc.oneof(syntaxSoup, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 600 }));

describe('parseQuery properties', () => {
  it('never throws anything but a QueryError with a message, a hint and a position in the input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = tryParse(input);
        if (result instanceof QueryError) {
          expect(result.code).toBe(ErrorCode.QueryInvalid);
          expect(result.message.length).toBeGreaterThan(0);
          expect(result.hint?.length ?? 0).toBeGreaterThan(0);
          expect(Number.isInteger(result.position)).toBe(true);
          expect(result.position).toBeGreaterThanOrEqual(0);
          expect(result.position).toBeLessThanOrEqual(input.length);
        } else {
          expect(result.input).toBe(input);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips anything that parses through formatQuery', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const parsed = tryParse(input);
        if (parsed instanceof QueryError) return;
        const echoed = formatQuery(parsed);
        const reparsed = parseQuery(echoed);
        expect(meaning(reparsed)).toEqual(meaning(parsed));
        expect(formatQuery(reparsed)).toBe(echoed);
      }),
      { numRuns: 3000 },
    );
  });
});

// ---- Generated valid queries ----------------------------------------------------------------

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüßØ注意力ωΩ@\'.+-_/#'.split(''));
/** A bare word: does not start with "-" and is not OR/NOT (those mean something else). */
const word = fc
  .string({ unit: letters, minLength: 1, maxLength: 10 })
  .filter((text) => !text.startsWith('-') && text !== 'OR' && text !== 'NOT' && !/^[a-z]+:/i.test(text));
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const quoted = words.map((text) => `"${text}"`);
const year = fc.integer({ min: 1900, max: 2100 });

const textPiece = fc.oneof(
  word,
  quoted,
  fc.tuple(fc.constantFrom('title:', 'ti:', 'abstract:', 'abs:', 'Title:'), fc.oneof(word, quoted)).map(([field, value]) => field + value),
);
const textClause = fc.oneof(
  textPiece,
  fc.array(textPiece, { minLength: 2, maxLength: 3 }).map((pieces) => pieces.join(' OR ')),
  textPiece.map((piece) => `-${piece}`),
  textPiece.map((piece) => `NOT ${piece}`),
  fc.constantFrom('-author:"Gao Huang"', '-venue:arXiv', 'NOT au:song'),
);
const yearFilter = fc.oneof(
  year.map((y) => `year:${y}`),
  fc.tuple(year, year).map(([a, b]) => `year:${Math.min(a, b)}..${Math.max(a, b)}`),
  fc.tuple(year, year).map(([a, b]) => `year:${Math.min(a, b)}-${Math.max(a, b)}`),
  fc.tuple(fc.constantFrom('>=', '>', '<', '<='), year).map(([op, y]) => `year:${op}${y}`),
  year.map((y) => `since:${y}`),
  year.map((y) => `before:${y}`),
);
const filter = fc.oneof(
  yearFilter,
  fc.tuple(fc.constantFrom('venue:', 'in:', 'Venue:'), fc.oneof(word, quoted)).map(([field, value]) => field + value),
  fc.tuple(fc.constantFrom('author:', 'au:'), fc.oneof(word, quoted)).map(([field, value]) => field + value),
  fc.constant('venue:ICML OR venue:"IEEE TPAMI"'),
  fc.constant('has:code'),
);
const validQuery = fc
  .tuple(fc.array(fc.oneof(textClause, filter), { maxLength: 8 }), fc.option(fc.constantFrom('newest', 'oldest', 'relevance')))
  .chain(([pieces, sort]) => fc.shuffledSubarray(sort === null ? pieces : [...pieces, `sort:${sort}`], { minLength: pieces.length + (sort === null ? 0 : 1) }))
  .map((pieces) => pieces.join(' '));

describe('generated valid queries', () => {
  it('parse, and format/parse round-trips to the same query', () => {
    fc.assert(
      fc.property(validQuery, (input) => {
        fc.pre(input.length <= 500);
        const parsed = parseQuery(input);
        const echoed = formatQuery(parsed);
        expect(meaning(parseQuery(echoed))).toEqual(meaning(parsed));
      }),
      { numRuns: 2000 },
    );
  });
});
