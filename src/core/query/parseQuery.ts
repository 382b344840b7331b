// The query language shared by every platform: one string in, one ParsedQuery out. A small
// hand-written tokenizer and parser, so every mistake can be reported as a QueryError pointing at
// the character where it starts, with a hint the user can act on. Nothing else is ever thrown.
import { QueryError } from '../errors.js';
import { editDistance } from './editDistance.js';
import type { ParsedQuery, SortOrder, TextAlternative, TextClause, TextField, YearRange } from './queryTypes.js';

/** Chat input is bounded; a longer "query" is almost always a paste gone wrong. */
export const MAX_QUERY_LENGTH = 500;

/** Years a paper can have (the corpus schema's bounds). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest', 'relevance'];

type FieldName = 'year' | 'since' | 'before' | 'venue' | 'author' | 'title' | 'abstract' | 'has' | 'sort';

/** Every spelling of every field, lower-case. */
const FIELDS: Readonly<Record<string, FieldName>> = {
  year: 'year',
  since: 'since',
  before: 'before',
  venue: 'venue',
  in: 'venue',
  author: 'author',
  au: 'author',
  title: 'title',
  ti: 'title',
  abstract: 'abstract',
  abs: 'abstract',
  has: 'has',
  sort: 'sort',
};

const KNOWN_FIELDS_HINT = 'year, since, before, venue (in), author (au), title (ti), abstract (abs), has, sort';

const YEAR_FORMS_HINT =
  'Write year:2024, year:2020..2023, year:2020-2023, year:>=2022, year:>2022, year:<2020, year:<=2020, since:2022 or before:2020.';

const VALUE_EXAMPLES: Readonly<Record<FieldName, string>> = {
  year: 'year:2024',
  since: 'since:2022',
  before: 'before:2020',
  venue: 'venue:NeurIPS or venue:"IEEE TPAMI"',
  author: 'author:"Gao Huang" or au:huang',
  title: 'title:mamba or title:"state space"',
  abstract: 'abstract:transformer or abs:"policy gradient"',
  has: 'has:code',
  sort: 'sort:newest',
};

/**
 * Prefixes that look like `field:` but are identifiers people paste (`arXiv:2401.01234`,
 * `doi:10.1000/xyz`, `https:...`); they are searched as text instead of being rejected.
 */
const IDENTIFIER_SCHEMES = new Set(['arxiv', 'doi', 'http', 'https', 'ftp', 'mailto', 'isbn']);

/** Straight and typographic double quotes; any of them opens or closes a phrase. */
const QUOTE_CHARS = new Set(['"', '\u201C', '\u201D', '\u201E']);

function isQuote(char: string | undefined): boolean {
  return char !== undefined && QUOTE_CHARS.has(char);
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

/** `venue:`, `-title:`: a field prefix that may be directly followed by a quoted value. */
const FIELD_PREFIX = /^-?[a-z]+:$/iu;
/** `name:rest`, where the name is letters only; `pass@k`, `10:1`, `top-k:5` never match. */
const FIELD_TOKEN = /^([a-z]+):(.*)$/isu;

// ---------------------------------------------------------------------------------------------
// Tokenizer: words, phrases, and `-`/`field:` prefixes glued to a following phrase.

interface RawToken {
  /** Offset of the token's first character. */
  start: number;
  /** The unquoted part as typed: a whole word, or a prefix (`-`, `venue:`) before a phrase. */
  bare: string;
  /** The quoted part, when there is one. */
  phrase?: { text: string; start: number };
}

function tokenize(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < input.length) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    const start = i;
    if (isQuote(input[i])) {
      const phrase = readPhrase(input, i);
      tokens.push({ start, bare: '', phrase: { text: phrase.text, start } });
      i = phrase.end;
      continue;
    }
    let j = i;
    while (j < input.length && !isSpace(input[j]) && !isQuote(input[j])) j++;
    const bare = input.slice(i, j);
    if (isQuote(input[j]) && (bare === '-' || (FIELD_PREFIX.test(bare) && !IDENTIFIER_SCHEMES.has(bare.replace(/^-|:$/gu, '').toLowerCase())))) {
      const phrase = readPhrase(input, j);
      tokens.push({ start, bare, phrase: { text: phrase.text, start: j } });
      i = phrase.end;
    } else {
      // A quote inside a word (`foo"bar baz"`) starts a phrase of its own on the next turn.
      tokens.push({ start, bare });
      i = j;
    }
  }
  return tokens;
}

function readPhrase(input: string, quoteAt: number): { text: string; end: number } {
  for (let k = quoteAt + 1; k < input.length; k++) {
    if (isQuote(input[k])) return { text: input.slice(quoteAt + 1, k), end: k + 1 };
  }
  throw new QueryError('unbalanced quote', {
    position: quoteAt,
    hint: 'Close the phrase with a second quote, e.g. "linear attention", or remove the quote.',
  });
}

// ---------------------------------------------------------------------------------------------
// Tokens to operands: what each word means on its own.

type Operand =
  | { kind: 'text'; alternative: TextAlternative; negated: boolean; position: number }
  | { kind: 'venue'; value: string; negated: boolean; position: number; valuePosition: number }
  | { kind: 'author'; value: string; negated: boolean; position: number }
  | { kind: 'filter'; field: 'year' | 'since' | 'before' | 'has' | 'sort'; negated: boolean; position: number; apply: (query: ParsedQuery) => void };

type Item = { kind: 'or'; position: number } | { kind: 'not'; position: number } | Operand;

function toItem(token: RawToken): Item {
  const { bare, phrase, start } = token;
  if (phrase === undefined && bare === 'OR') return { kind: 'or', position: start };
  if (phrase === undefined && bare === 'NOT') return { kind: 'not', position: start };

  const negated = bare.startsWith('-');
  const body = negated ? bare.slice(1) : bare;
  const bodyStart = negated ? start + 1 : start;

  if (phrase !== undefined && body === '') {
    return { kind: 'text', alternative: phraseAlternative(phrase.text, phrase.start), negated, position: start };
  }
  if (body === '') {
    throw new QueryError('- must be followed directly by a word or phrase', {
      position: start,
      hint: 'Write the word right after the minus, e.g. -mamba or -"state space"; to search for a dash, put it in quotes.',
    });
  }

  const match = FIELD_TOKEN.exec(body);
  const fieldWord = match?.[1]?.toLowerCase();
  const rest = match?.[2] ?? '';
  if (match === null || fieldWord === undefined || looksLikeText(fieldWord, rest, phrase !== undefined)) {
    // "Mamba:" ends a phrase of prose; the colon is punctuation, not part of the word.
    const word = match !== null && rest === '' ? body.slice(0, -1) : body;
    return { kind: 'text', alternative: { kind: 'term', value: normalizeText(word) }, negated, position: start };
  }

  const field = FIELDS[fieldWord];
  if (field === undefined) throw unknownField(fieldWord, bodyStart);

  const valueStart = bodyStart + fieldWord.length + 1;
  const value = phrase === undefined ? { text: rest, position: valueStart, quoted: false } : { text: phrase.text, position: phrase.start, quoted: true };
  if (value.text.trim() === '') {
    throw new QueryError(`${fieldWord}: needs a value`, { position: start, hint: `For example ${VALUE_EXAMPLES[field]}.` });
  }
  return fieldOperand(field, value, negated, start);
}

/** Field-shaped words that are really text: URLs, arXiv ids, and a sentence's `Note:`. */
function looksLikeText(fieldWord: string, rest: string, quoted: boolean): boolean {
  if (rest.startsWith('//') || IDENTIFIER_SCHEMES.has(fieldWord)) return true;
  // "Mamba: linear-time ..." - a word ending in a colon is prose unless it names a real field,
  // where the empty value is a mistake worth reporting.
  return rest === '' && !quoted && FIELDS[fieldWord] === undefined;
}

function unknownField(fieldWord: string, position: number): QueryError {
  const closest = Object.keys(FIELDS)
    .map((name) => ({ name, distance: editDistance(fieldWord, name, 2) }))
    .filter(({ name, distance }) => distance <= (name.length <= 3 ? 1 : 2))
    .sort((a, b) => a.distance - b.distance)[0];
  const suggestion = closest === undefined ? '' : `Did you mean ${closest.name}:? `;
  return new QueryError(`unknown field ${fieldWord}:`, {
    position,
    hint: `${suggestion}Known fields: ${KNOWN_FIELDS_HINT}. To search for the text itself, put it in quotes.`,
  });
}

function fieldOperand(field: FieldName, value: { text: string; position: number; quoted: boolean }, negated: boolean, position: number): Operand {
  const text = collapseSpaces(value.text);
  switch (field) {
    case 'title':
    case 'abstract': {
      const alternative = value.quoted ? phraseAlternative(value.text, value.position) : { kind: 'term' as const, value: normalizeText(text) };
      return { kind: 'text', alternative: { ...alternative, field }, negated, position };
    }
    case 'venue':
      return { kind: 'venue', value: text, negated, position, valuePosition: value.position };
    case 'author':
      return { kind: 'author', value: text, negated, position };
    case 'year':
    case 'since':
    case 'before': {
      const range = parseYears(field, text, value.position);
      return { kind: 'filter', field, negated, position, apply: (query) => query.filters.years.push(range) };
    }
    case 'has': {
      if (text.toLowerCase() !== 'code') {
        throw new QueryError(`has:${text} is not supported`, { position: value.position, hint: 'has: supports: code (has:code finds papers with a code link).' });
      }
      return { kind: 'filter', field, negated, position, apply: (query) => { query.filters.hasCode = true; } };
    }
    case 'sort': {
      const order = SORT_ORDERS.find((candidate) => candidate === text.toLowerCase());
      if (order === undefined) {
        throw new QueryError(`unknown sort order ${text}; use newest, oldest or relevance`, {
          position: value.position,
          hint: 'Sort orders: sort:newest, sort:oldest, sort:relevance.',
        });
      }
      return {
        kind: 'filter',
        field,
        negated,
        position,
        apply: (query) => {
          if (query.sort !== undefined && query.sort !== order) {
            throw new QueryError(`sort given twice (${query.sort} and ${order})`, { position, hint: 'Keep one sort: newest, oldest or relevance.' });
          }
          query.sort = order;
        },
      };
    }
  }
}

function phraseAlternative(text: string, quotePosition: number): TextAlternative {
  const value = normalizeText(collapseSpaces(text));
  if (value === '') {
    throw new QueryError('empty quotes', { position: quotePosition, hint: 'Put the words to search for between the quotes, e.g. "linear attention".' });
  }
  return { kind: 'phrase', value };
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Text clause values are lower-case (see TextAlternative); NFC so "é" typed two ways is one word. */
function normalizeText(text: string): string {
  return text.toLowerCase().normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Years.

const YEAR_MESSAGE = 'year must be a year like 2024 or a range like 2020..2023';

function parseYears(field: 'year' | 'since' | 'before', text: string, position: number): YearRange {
  if (field !== 'year') {
    if (!/^\d{4}$/.test(text)) {
      const example = field === 'since' ? 'since:2022 means 2022 and later' : 'before:2020 means 2019 and earlier';
      throw new QueryError(`${field} must be a year like ${field === 'since' ? 2022 : 2020}`, { position, hint: `${example}. ${YEAR_FORMS_HINT}` });
    }
    const year = checkedYear(text, position);
    return field === 'since' ? { min: year } : { max: year - 1 };
  }

  const single = /^(\d{4})$/.exec(text);
  if (single?.[1] !== undefined) {
    const year = checkedYear(single[1], position);
    return { min: year, max: year };
  }
  const range = /^(\d{4})(?:\.\.|-|\u2013|\u2014)(\d{4})$/u.exec(text);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const min = checkedYear(range[1], position);
    const max = checkedYear(range[2], position);
    if (min > max) {
      throw new QueryError(`year range ${min}..${max} is reversed`, { position, hint: `Write the earlier year first: year:${max}..${min}.` });
    }
    return { min, max };
  }
  const openEnded = /^(\d{4})(?:\.\.|\+)$/.exec(text);
  if (openEnded?.[1] !== undefined) return { min: checkedYear(openEnded[1], position) };
  const openStart = /^\.\.(\d{4})$/.exec(text);
  if (openStart?.[1] !== undefined) return { max: checkedYear(openStart[1], position) };
  const comparison = /^(>=|>|<=|<|\u2265|\u2264)(\d{4})$/u.exec(text);
  if (comparison?.[1] !== undefined && comparison[2] !== undefined) {
    const year = checkedYear(comparison[2], position);
    switch (comparison[1]) {
      case '>':
        return { min: year + 1 };
      case '>=':
      case '\u2265':
        return { min: year };
      case '<':
        return { max: year - 1 };
      default:
        return { max: year };
    }
  }
  throw new QueryError(YEAR_MESSAGE, { position, hint: YEAR_FORMS_HINT });
}

function checkedYear(digits: string, position: number): number {
  const year = Number(digits);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new QueryError(`year ${digits} is out of range`, { position, hint: `Years must be between ${MIN_YEAR} and ${MAX_YEAR}.` });
  }
  return year;
}

// ---------------------------------------------------------------------------------------------
// Operands to the query: NOT, OR, and where each operand ends up.

/**
 * Parses a query string. Throws QueryError (code QUERY_INVALID) with the zero-based position of
 * the offending token or value and a hint; never throws anything else.
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = {
    input,
    clauses: [],
    filters: { years: [], venues: [], authors: [], hasCode: false },
    positions: { venues: [] },
  };
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QueryError(`query is too long (${input.length} characters; the limit is ${MAX_QUERY_LENGTH})`, {
      position: MAX_QUERY_LENGTH,
      hint: 'Shorten the query: a few words and filters like venue:NeurIPS year:2024 work best.',
    });
  }

  const items = tokenize(input).map(toItem);
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item === undefined) break;
    if (item.kind === 'or') throw orWithoutOperand(item.position);
    let first: Operand;
    if (item.kind === 'not') {
      const next = items[i + 1];
      if (next === undefined || next.kind === 'or' || next.kind === 'not' || next.negated) {
        throw new QueryError('NOT must be followed by a word or phrase', {
          position: item.position,
          hint: 'For example NOT mamba (or -mamba, but not both).',
        });
      }
      first = { ...next, negated: true };
      i += 2;
    } else {
      first = item;
      i += 1;
    }

    const group: Operand[] = [first];
    while (items[i]?.kind === 'or') {
      const or = items[i];
      const next = items[i + 1];
      if (or === undefined || next === undefined || next.kind === 'or') throw orWithoutOperand(or?.position ?? 0);
      if (next.kind === 'not' || next.negated || first.negated) {
        const at = next.kind === 'not' || next.negated ? next.position : first.position;
        throw new QueryError("OR can't join an excluded word", { position: at, hint: 'Write exclusions on their own: mamba OR transformer -vision.' });
      }
      group.push(next);
      i += 2;
    }
    addGroup(query, group);
  }
  return query;
}

function orWithoutOperand(position: number): QueryError {
  return new QueryError('OR must be between two words or phrases', { position, hint: 'For example mamba OR transformer (OR in capitals; lower-case or is a word).' });
}

function addGroup(query: ParsedQuery, group: Operand[]): void {
  const [only] = group;
  if (only !== undefined && group.length === 1) {
    addOperand(query, only);
    return;
  }
  if (group.every((operand) => operand.kind === 'venue')) {
    // A paper has one venue and venue filters are already ORed, so this is just more venues.
    for (const operand of group) addOperand(query, operand);
    return;
  }
  const alternatives: TextAlternative[] = [];
  for (const operand of group) {
    if (operand.kind !== 'text') {
      throw new QueryError('OR can only join words, phrases, title:/abstract: words, or venues', {
        position: operand.position,
        hint: 'For years use a range (year:2020..2023); filters like author: and has: always apply together.',
      });
    }
    alternatives.push(operand.alternative);
  }
  query.clauses.push({ alternatives, negated: false });
}

function addOperand(query: ParsedQuery, operand: Operand): void {
  switch (operand.kind) {
    case 'text':
      query.clauses.push({ alternatives: [operand.alternative], negated: operand.negated });
      return;
    case 'venue':
    case 'author':
      if (operand.negated) {
        // An excluded venue or author is matched as text: the search already knows those fields.
        const field: TextField = operand.kind === 'venue' ? 'venue' : 'authors';
        const clause: TextClause = { alternatives: [{ kind: 'phrase', value: normalizeText(operand.value), field }], negated: true };
        query.clauses.push(clause);
      } else if (operand.kind === 'venue') {
        query.filters.venues.push(operand.value);
        query.positions?.venues.push(operand.valuePosition);
      } else {
        query.filters.authors.push(operand.value);
      }
      return;
    case 'filter':
      if (operand.negated) {
        throw new QueryError(`${operand.field}: can't be excluded`, {
          position: operand.position,
          hint: 'Only words, phrases, title:, abstract:, author: and venue: can be excluded; for years say what you want, e.g. year:<2020.',
        });
      }
      operand.apply(query);
      return;
  }
}
