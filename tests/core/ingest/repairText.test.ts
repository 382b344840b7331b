// repairText against the damage found in the real Arrow page and against sentences it must leave alone.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairText } from '../../../src/core/ingest/repairText.js';
import { SEED_PAGE_PATH } from './fixtures.js';

describe('repairText', () => {
  it.each([
    ['https: //github. com/LeapLabTHU/InLine.', 'https://github.com/LeapLabTHU/InLine.'],
    ['see https: //yueyang130. github. io/DeeR-VLA/ for videos', 'see https://yueyang130.github.io/DeeR-VLA/ for videos'],
    ['at https: //github. com/a/b and https: //github. com/a/c.', 'at https://github.com/a/b and https://github.com/a/c.'],
    ['the interaction is intended, e. g. , when the doctor', 'the interaction is intended, e.g., when the doctor'],
    ['test time, i. e. , the inference', 'test time, i.e., the inference'],
    ['settings, i. e. using only', 'settings, i.e. using only'],
    ['processors (e. g. GPUs)', 'processors (e.g. GPUs)'],
    ['cost (\\emph{i. e. }, power consumption)', 'cost (i.e., power consumption)'],
    ['boosting AIME\'25 scores by 11. 04 and AIME\'24 scores by 7. 71.', 'boosting AIME\'25 scores by 11.04 and AIME\'24 scores by 7.71.'],
    ['reductions by 5. 2-6. 5x and', 'reductions by 5.2-6.5x and'],
    ['only 20\\% of tokens', 'only 20% of tokens'],
    ['only 1$\\%$ transitions', 'only 1% transitions'],
    ['using pass@\\textit{k} at large \\textit{k} values', 'using pass@k at large k values'],
    ['smaller values of $k$ (\\eg, $k$=1), higher pass@$k$ score', 'smaller values of k (e.g., k=1), higher pass@k score'],
    ['does \\emph{not} elicit', 'does not elicit'],
    ['a \\textbf{\\emph{nested}} word', 'a nested word'],
    ['recently verified~\\cite{rt-2, rt-x}. However', 'recently verified. However'],
    ["contain more ``dark knowledge'' for", 'contain more “dark knowledge” for'],
    ['the proposed human– robot collaboration', 'the proposed human–robot collaboration'],
    ['  spaced \n out\ttext  ', 'spaced out text'],
    ['$\\alpha \\times 2^{10}$', 'α × 2^10'],
  ])('repairs %j', (damaged, repaired) => {
    expect(repairText(damaged)).toBe(repaired);
  });

  it.each([
    'Results in 2024. We then',
    'in 2024. 3D reconstruction follows',
    'See https://x.com/ for details.',
    'Code is at https://github.com/a/b. Models follow.',
    'pre- and post-training',
    'it is about ~5% faster, A. B. Smith said',
    'Paradigms—such as scaling—help.',
  ])('leaves %j alone', (sentence) => {
    expect(repairText(sentence)).toBe(sentence);
  });

  it('leaves sentences made of ordinary words and punctuation unchanged', () => {
    const word = fc.stringMatching(/^[A-Za-z]{3,9}$/);
    const separator = fc.constantFrom(' ', '. ', ', ', '; ', ': ', ' - ');
    const sentence = fc.tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 12 })).map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join('') + '.');
    fc.assert(fc.property(sentence, (text) => repairText(text) === text));
  });

  it('is idempotent on every abstract of the real page', () => {
    const abstracts = readFileSync(SEED_PAGE_PATH, 'utf8').split('\n').filter((line) => line.length > 300);
    expect(abstracts).toHaveLength(27);
    for (const abstract of abstracts) {
      const once = repairText(abstract);
      expect(repairText(once)).toBe(once);
      expect(once).not.toMatch(/\\|\$|: \/\/|\. com|\b[ie]\. [eg]\.|\d\. \d|``/);
    }
  });
});
