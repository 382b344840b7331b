// extractCodeUrls on repaired abstracts: which links count as code, and how they are cleaned.
import { describe, expect, it } from 'vitest';
import { extractCodeUrls } from '../../../src/core/ingest/codeLinks.js';

describe('extractCodeUrls', () => {
  it('finds repository links and trims the sentence punctuation after them', () => {
    const text = 'Code is available at https://github.com/blackfeather-wang/Dynamic-Vision-Transformer and https://github.com/blackfeather-wang/Dynamic-Vision-Transformer-MindSpore.';
    expect(extractCodeUrls(text)).toEqual([
      'https://github.com/blackfeather-wang/Dynamic-Vision-Transformer',
      'https://github.com/blackfeather-wang/Dynamic-Vision-Transformer-MindSpore',
    ]);
  });

  it('accepts GitLab, Bitbucket, Hugging Face and github.io project pages', () => {
    const text = 'See https://gitlab.com/a/b, https://bitbucket.org/c/d; weights at https://huggingface.co/org/model! Demo: (https://lab.github.io/proj/).';
    expect(extractCodeUrls(text)).toEqual([
      'https://gitlab.com/a/b',
      'https://bitbucket.org/c/d',
      'https://huggingface.co/org/model',
      'https://lab.github.io/proj/',
    ]);
  });

  it('keeps a closing parenthesis that belongs to the URL', () => {
    expect(extractCodeUrls('code: https://github.com/a/b_(v2).')).toEqual(['https://github.com/a/b_(v2)']);
  });

  it('deduplicates spellings of the same repository, keeping the first', () => {
    const text = 'Code: https://github.com/LeapLabTHU/InLine. Mirror: https://github.com/leaplabthu/inline/ and https://github.com/LeapLabTHU/InLine.git';
    expect(extractCodeUrls(text)).toEqual(['https://github.com/LeapLabTHU/InLine']);
  });

  it('adds https:// to bare code-host links', () => {
    expect(extractCodeUrls('Our code: github.com/a/b.')).toEqual(['https://github.com/a/b']);
  });

  it('takes other sites only when the text introduces them as code or a project page', () => {
    expect(extractCodeUrls('The project page is https://example.org/proj.')).toEqual(['https://example.org/proj']);
    expect(extractCodeUrls('Data licensed under https://creativecommons.org/licenses/by/4.0.')).toEqual([]);
  });

  it('skips broken links that are not valid URLs', () => {
    expect(extractCodeUrls('Code at https://github and https:// nothing.')).toEqual([]);
  });
});
