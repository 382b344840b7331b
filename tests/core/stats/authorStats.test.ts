// Author counts, profiles and fuzzy look-up on the bundled corpus (and small hand-made papers for
// the identity rules): the numbers /authors and /ask show.
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { Paper } from '../../../src/core/paper.js';
import fc from 'fast-check';
import { editDistance } from '../../../src/core/query/editDistance.js';
import { authorKey, authorProfile, countAuthors, findAuthor, nameScorer, prepareAuthorTable, suggestAuthors, topAuthors } from '../../../src/core/stats/authorStats.js';

let corpus: Paper[];
beforeAll(async () => {
  corpus = (await readCorpusFile('data/papers.json')).papers;
});

function paper(id: string, authors: string[], extra: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    venue: 'NeurIPS',
    venueKind: 'Conference',
    year: 2024,
    type: 'Conference Paper',
    authors: authors.map((name) => ({ name })),
    authorsTruncated: false,
    clusterAuthors: [],
    abstract: '',
    codeUrls: [],
    sources: [{ file: 'test.txt' }],
    ...extra,
  };
}

describe('countAuthors', () => {
  it('ranks the bundled corpus: the cluster author on every paper, then Gao Huang', () => {
    const top = countAuthors(corpus).slice(0, 3);
    expect(top).toEqual([
      { key: 'shiji song', name: 'Shiji Song', papers: 27 },
      { key: 'gao huang', name: 'Gao Huang', papers: 17 },
      { key: 'yulin wang', name: 'Yulin Wang', papers: 5 },
    ]);
  });

  it('counts a cluster author missing from a cut author list', () => {
    const cut = corpus.find((entry) => entry.title.startsWith('Beyond the 80/20 Rule'));
    expect(cut?.authors.map((author) => author.name)).not.toContain('Shiji Song');
    expect(countAuthors(cut === undefined ? [] : [cut]).map((author) => author.name)).toContain('Shiji Song');
  });

  it('treats case, accents and homonym numbers as one author (first spelling wins a tie), and a name twice on a paper once', () => {
    const papers = [
      paper('a', ['Gao Huang', 'José Núñez']),
      paper('b', ['gao huang', 'Jose Nunez', 'Jose Nunez']),
      paper('c', ['Gao Huang 0001']),
    ];
    expect(countAuthors(papers)).toEqual([
      { key: 'gao huang', name: 'Gao Huang', papers: 3 },
      { key: 'jose nunez', name: 'José Núñez', papers: 2 },
    ]);
    expect(authorKey('Gao Huang 0001')).toBe('gao huang');
  });
});

describe('topAuthors', () => {
  it('gives the head of the full ranking and the number of authors, for any count', () => {
    const ranking = countAuthors(corpus);
    for (const count of [0, 1, 3, 10, ranking.length, ranking.length + 5]) {
      expect(topAuthors(corpus, count)).toEqual({ top: ranking.slice(0, count), authors: ranking.length });
    }
  });

  it('breaks ties by name, as the full ranking does', () => {
    const papers = [paper('a', ['Zoe Li', 'Ann Li']), paper('b', ['Bob Li'])];
    expect(topAuthors(papers, 2).top.map((author) => author.name)).toEqual(['Ann Li', 'Bob Li']);
  });
});

describe('the author table kept per paper list', () => {
  it('answers the same when prepared ahead in slices as when built on first use', async () => {
    const prepared = [...corpus];
    await prepareAuthorTable(prepared);
    const fresh = [...corpus];
    expect(topAuthors(prepared, 5)).toEqual(topAuthors(fresh, 5));
    expect(authorProfile(prepared, 'Gao Huang')).toEqual(authorProfile(fresh, 'Gao Huang'));
    expect(findAuthor(prepared, 'huang')).toEqual(findAuthor(fresh, 'huang'));
  });

  it('never answers for one list from another list\'s table', () => {
    const gaoHuang = corpus.filter((entry) => entry.authors.some((author) => author.name === 'Gao Huang'));
    const others = corpus.filter((entry) => !gaoHuang.includes(entry));
    expect(authorProfile(corpus, 'Gao Huang')?.papers).toHaveLength(17);
    expect(authorProfile(others, 'Gao Huang')).toBeUndefined();
    expect(findAuthor(others, 'Gao Huang')?.author.name).not.toBe('Gao Huang');
  });
});

describe('authorProfile', () => {
  it("gives Gao Huang's papers, years, venues and co-authors", () => {
    const profile = authorProfile(corpus, 'Gao Huang');
    expect(profile?.papers).toHaveLength(17);
    expect(profile?.papers[0]?.year).toBe(2025);
    expect(profile?.papers.at(-1)?.year).toBe(2015);
    expect([profile?.firstYear, profile?.lastYear]).toEqual([2015, 2025]);
    expect(profile?.years).toContainEqual({ year: 2023, papers: 4 });
    expect(profile?.years.reduce((sum, year) => sum + year.papers, 0)).toBe(17);
    expect(profile?.venues.slice(0, 2)).toEqual([
      { venue: 'NeurIPS', papers: 10 },
      { venue: 'ICLR', papers: 3 },
    ]);
    expect(profile?.coauthors.slice(0, 2)).toEqual([
      { key: 'shiji song', name: 'Shiji Song', papers: 17 },
      { key: 'yulin wang', name: 'Yulin Wang', papers: 5 },
    ]);
    expect(profile?.coauthors.map((author) => author.key)).not.toContain('gao huang');
  });

  it('is undefined for someone who wrote none of the papers', () => {
    expect(authorProfile(corpus, 'Ada Lovelace')).toBeUndefined();
  });
});

describe('findAuthor', () => {
  it.each([
    ['Gao Huang', 'Gao Huang'],
    ['GAO HUANG', 'Gao Huang'],
    ['Gáo Hüang', 'Gao Huang'],
    ['Gao Huang 0001', 'Gao Huang'],
    ['Huang Gao', 'Gao Huang'],
    ['G. Huang', 'Gao Huang'],
    ['huang', 'Gao Huang'],
    ['song', 'Shiji Song'],
    ['Shiji Sung', 'Shiji Song'],
    ['Yulin Wnag', 'Yulin Wang'],
    ['Xuran Pan', 'Xuran Pan'],
  ])('%s means %s', (typed, expected) => {
    expect(findAuthor(corpus, typed)?.author.name).toBe(expected);
  });

  it('lists the other authors a surname could mean', () => {
    const match = findAuthor(corpus, 'huang');
    expect(match?.alternatives.map((author) => author.name)).toEqual(['Rui Huang', 'Zeyi Huang']);
  });

  it('has no rivals for an exact full name', () => {
    expect(findAuthor(corpus, 'Rui Huang')?.alternatives).toEqual([]);
  });

  it('finds nothing for a stranger or an empty name', () => {
    expect(findAuthor(corpus, 'Ada Lovelace')).toBeUndefined();
    expect(findAuthor(corpus, '  ')).toBeUndefined();
  });
});

describe('suggestAuthors', () => {
  it('suggests the close names a look-up missed', () => {
    expect(findAuthor(corpus, 'Xurna Pna')).toBeUndefined();
    expect(suggestAuthors(corpus, 'Xurna Pna').map((author) => author.name)[0]).toBe('Xuran Pan');
  });

  it('suggests nothing for a name far from every author', () => {
    expect(suggestAuthors(corpus, 'zzzzqqqq')).toEqual([]);
  });
});

describe('nameScorer', () => {
  it('scores every name as the plain rules say (its shortcuts change no answer)', () => {
    // Folded names: a few letters so that typos, initials and swapped words happen often.
    const word = fc.string({ unit: fc.constantFrom('a', 'g', 'h', 'u', 'n'), minLength: 1, maxLength: 5 });
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(name, name, (typed, candidate) => {
        expect(nameScorer(typed)(candidate)).toBe(plainNameScore(candidate, typed));
      }),
      { numRuns: 5000 },
    );
  });
});

/** The rules of nameScorer written plainly, one after the other: the reference. */
function plainNameScore(name: string, wanted: string): number {
  if (name === wanted) return 100;
  const nameWords = name.split(' ');
  const wantedWords = wanted.split(' ');
  if (` ${name} `.includes(` ${wanted} `)) return 80;
  if (wantedWords.length === nameWords.length && [...wantedWords].sort().join(' ') === [...nameWords].sort().join(' ')) return 75;
  if (wantedWords.length === nameWords.length && wantedWords.length > 1 && wantedWords.every((typed, i) => typed === nameWords[i] || (typed.length === 1 && nameWords[i]?.startsWith(typed) === true))) return 70;
  const allowed = Math.max(1, Math.floor(wanted.length / 5));
  const whole = editDistance(wanted, name, allowed);
  if (whole <= allowed) return 60 - whole;
  if (wantedWords.length === 1 && wanted.length >= 4 && Math.min(...nameWords.map((each) => editDistance(wanted, each, 1))) <= 1) return 50;
  return 0;
}
