// Autocomplete suggestions from the bundled corpus: best match first, at most 25, every choice
// within Discord's 1-100 character limits, whatever the user typed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocompleteChoices, matchStrength } from '../../../src/adapters/discord/autocomplete.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';

describe('autocompleteChoices', () => {
  let test: TestRuntime;
  beforeAll(async () => {
    test = await startTestRuntime();
  });
  afterAll(async () => {
    await test.close();
  });
  const index = () => test.runtime.catalog.index;

  it('lists venues by paper count when nothing is typed, and the matching venue first when something is', () => {
    const all = autocompleteChoices('venue', '', index());
    const counts = all.map((choice) => Number(/\((\d+) papers?\)/.exec(choice.name)?.[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(new Set(all.map((choice) => choice.value))).toEqual(new Set(index().papers.map((doc) => doc.paper.venue)));
    expect(autocompleteChoices('venue', 'cai', index())[0]?.value).toBe('IJCAI');
  });

  it('finds authors by any part of their name, the prefix match before the inner match', () => {
    const songs = autocompleteChoices('author', 'song', index());
    expect(songs[0]?.value).toBe('Shiji Song');
    const huang = autocompleteChoices('author', 'gao h', index());
    expect(huang[0]?.value).toBe('Gao Huang');
  });

  it('suggests papers by title with their id as the value', () => {
    const choices = autocompleteChoices('paper', 'demystify mamba', index());
    expect(choices[0]?.name).toMatch(/^Demystify Mamba in Vision/);
    expect(index().getById(choices[0]?.value ?? '')?.title).toMatch(/^Demystify Mamba/);
  });

  it('ranks an exact name above a prefix above a word inside', () => {
    expect(matchStrength('neurips', 'neurips')).toBeGreaterThan(matchStrength('neurips workshop', 'neurips'));
    expect(matchStrength('gao huang', 'gao')).toBeGreaterThan(matchStrength('gao huang', 'huang'));
    expect(matchStrength('gao huang', 'huang')).toBeGreaterThan(matchStrength('gao huang', 'uan'));
    expect(matchStrength('gao huang', 'xyz')).toBe(0);
  });

  it('never returns more than 25 choices or a name or value Discord would refuse', () => {
    fc.assert(
      fc.property(fc.constantFrom('venue' as const, 'author' as const, 'paper' as const), fc.string({ maxLength: 120 }), (kind, typed) => {
        const choices = autocompleteChoices(kind, typed, index());
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThanOrEqual(1);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(choice.value.length).toBeGreaterThanOrEqual(1);
          expect(choice.value.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 200 },
    );
  });
});
