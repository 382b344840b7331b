// The extractive summary: sentence splitting that survives abbreviations, and key sentences that
// favour what the paper does over boilerplate such as code links.
import { describe, expect, it } from 'vitest';
import { keySentences, splitSentences } from '../../../src/core/ask/summarize.js';
import { titled } from './askCorpus.js';

describe('splitSentences', () => {
  it('does not split at e.g., i.e., et al. or an initial', () => {
    expect(splitSentences('We test on images, e.g. CIFAR and ImageNet. It works (i.e. Faster). Smith et al. Found it. J. Doe agrees.')).toEqual([
      'We test on images, e.g. CIFAR and ImageNet.',
      'It works (i.e. Faster).',
      'Smith et al. Found it.',
      'J. Doe agrees.',
    ]);
  });

  it('keeps decimals and versions inside a sentence', () => {
    expect(splitSentences('Costs drop by 5.2-6.5x on v1.5 models. Memory halves.')).toEqual(['Costs drop by 5.2-6.5x on v1.5 models.', 'Memory halves.']);
  });
});

describe('keySentences', () => {
  it('never picks the code-link sentence and keeps the original order', () => {
    const paper = titled('Bridging the Divide');
    const sentences = keySentences(paper.abstract, paper.title);
    expect(sentences.length).toBe(3);
    expect(sentences.join(' ')).not.toContain('github.com');
    const positions = sentences.map((sentence) => paper.abstract.indexOf(sentence));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('favours the contribution sentence', () => {
    const paper = titled('Implicit Semantic Data Augmentation');
    expect(keySentences(paper.abstract, paper.title, { count: 1 })).toEqual([
      'In this paper, we propose a novel implicit semantic data augmentation (ISDA) approach to complement traditional augmentation techniques like flipping, translation or rotation.',
    ]);
  });

  it('handles empty and one-sentence abstracts', () => {
    expect(keySentences('', 'Title')).toEqual([]);
    expect(keySentences('Short.', 'Title')).toEqual(['Short.']);
  });
});
