// Venue resolution against a corpus: canonical spelling, aliases, "did you mean", the venue list
// when nothing is close, and errors pointing at the venue the user typed.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { resolveQuery } from '../../../src/core/query/resolveQuery.js';
import { expectQueryError } from './queryErrorAssertions.js';

const corpus = { venues: ['NeurIPS', 'ICLR', 'ICML', 'CVPR', 'IEEE TPAMI', 'AAAI', 'IROS'] };
const venuesOf = (input: string): string[] => resolveQuery(parseQuery(input), corpus).filters.venues;

describe('resolveQuery', () => {
  it('maps venues to the corpus spelling, ignoring case', () => {
    expect(venuesOf('venue:neurips')).toEqual(['NeurIPS']);
    expect(venuesOf('venue:"ieee tpami"')).toEqual(['IEEE TPAMI']);
  });

  it.each([
    ['venue:NIPS', 'NeurIPS'],
    ['venue:"Neural Information Processing Systems"', 'NeurIPS'],
    ['in:"Computer Vision and Pattern Recognition"', 'CVPR'],
    ['venue:TPAMI', 'IEEE TPAMI'],
    ['venue:"IEEE Transactions on Pattern Analysis and Machine Intelligence"', 'IEEE TPAMI'],
    ['venue:"international conference on learning representations"', 'ICLR'],
  ])('resolves the alias in %s to %s', (input, venue) => {
    expect(venuesOf(input)).toEqual([venue]);
  });

  it('merges two spellings of one venue, keeping positions parallel', () => {
    const resolved = resolveQuery(parseQuery('venue:nips venue:NeurIPS in:iclr'), corpus);
    expect(resolved.filters.venues).toEqual(['NeurIPS', 'ICLR']);
    expect(resolved.positions?.venues).toEqual([6, 28]);
  });

  it('leaves everything else alone and does not change its input', () => {
    const parsed = parseQuery('mamba venue:nips year:2024 au:huang has:code sort:oldest');
    const resolved = resolveQuery(parsed, corpus);
    expect(parsed.filters.venues).toEqual(['nips']);
    expect(resolved.clauses).toEqual(parsed.clauses);
    expect(resolved.filters).toEqual({ years: [{ min: 2024, max: 2024 }], venues: ['NeurIPS'], authors: ['huang'], hasCode: true });
    expect(resolved.sort).toBe('oldest');
    expect(resolved.input).toBe(parsed.input);
  });

  it('maps excluded venues too, without complaining about unknown ones', () => {
    const resolved = resolveQuery(parseQuery('-venue:nips -venue:arxiv'), corpus);
    expect(resolved.clauses.map((clause) => clause.alternatives[0]?.value)).toEqual(['neurips', 'arxiv']);
  });

  it('suggests the closest venue for a typo, pointing at the venue', () => {
    expectQueryError(() => resolveQuery(parseQuery('attention venue:NeurIPSS'), corpus), {
      message: 'no venue NeurIPSS; did you mean NeurIPS?',
      position: 16,
      hint: /venue:NeurIPS/,
    });
    expectQueryError(() => resolveQuery(parseQuery('in:"IEEE TPAM"'), corpus), {
      message: 'no venue IEEE TPAM; did you mean IEEE TPAMI?',
      position: 3,
      hint: /venue:"IEEE TPAMI"/,
    });
  });

  it('suggests by prefix when the name is cut short', () => {
    expectQueryError(() => resolveQuery(parseQuery('venue:neur'), corpus), { message: 'no venue neur; did you mean NeurIPS?', position: 6 });
  });

  it('suggests a venue from an alias typo', () => {
    expectQueryError(() => resolveQuery(parseQuery('venue:NIPPS'), corpus), { message: 'no venue NIPPS; did you mean NeurIPS?', position: 6 });
  });

  it('lists the corpus venues when nothing is close', () => {
    const error = expectQueryError(() => resolveQuery(parseQuery('year:2024 venue:SIGGRAPH'), corpus), { message: 'no venue SIGGRAPH', position: 16 });
    expect(error.hint).toBe('Venues in this corpus: AAAI, CVPR, ICLR, ICML, IEEE TPAMI, IROS, NeurIPS.');
  });

  it('says so when the corpus has no venues', () => {
    expectQueryError(() => resolveQuery(parseQuery('venue:ICML'), { venues: [] }), { message: 'no venue ICML', position: 6, hint: /no venues yet/ });
  });

  it('does not resolve an alias to a venue the corpus lacks', () => {
    expectQueryError(() => resolveQuery(parseQuery('venue:ECCV'), corpus), { message: 'no venue ECCV', position: 6 });
  });

  it('falls back to position 0 for hand-built queries without positions', () => {
    const parsed = parseQuery('venue:nope');
    delete parsed.positions;
    expectQueryError(() => resolveQuery(parsed, corpus), { message: 'no venue nope', position: 0 });
  });
});
