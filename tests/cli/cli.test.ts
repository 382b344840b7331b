// The CLI as a script or a newcomer uses it: the compiled `paperbot` binary in a child process,
// its stdout/stderr and exit codes, `ask --json` (the stable scripting interface), `ingest`,
// and the terminal chat fed from a pipe. `npm test` builds dist/ before running the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve('bin/paperbot.js');
const SEED_PAGE = resolve('data/sources/000_e8e23af802ce87f1.txt');
let directory = '';

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'paperbot-cli-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function paperbot(args: string[], options: { input?: string; env?: Record<string, string> } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: resolve('.'),
    input: options.input ?? '',
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: directory,
      DATABASE_URL: join(directory, 'paperbot.sqlite'),
      DATA_DIR: join(directory, 'data'),
      ...options.env,
    },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function askJson(line: string): Record<string, unknown> {
  const result = paperbot(['ask', '--json', line]);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('paperbot ask', () => {
  it('prints the stable JSON shape for a search', () => {
    const json = askJson('/papers venue:NeurIPS year:2019');
    expect(Object.keys(json)).toEqual(['command', 'query', 'total', 'papers', 'text']);
    expect(json).toMatchObject({ command: 'papers', query: 'venue:NeurIPS year:2019', total: 2 });
    const papers = json.papers as Array<Record<string, unknown>>;
    expect(Object.keys(papers[0] ?? {})).toEqual(['id', 'title', 'year', 'venue', 'authors', 'codeUrls']);
    expect(papers.map((paper) => paper.title).sort()).toEqual([
      'Implicit Semantic Data Augmentation for Deep Networks',
      'Regularized Anderson Acceleration for Off-Policy Deep Reinforcement Learning',
    ]);
    const isda = papers.find((paper) => String(paper.title).startsWith('Implicit'));
    expect(isda?.codeUrls).toEqual(['https://github.com/blackfeather-wang/ISDA-for-Deep-Networks']);
    expect(isda?.authors).toContain('Shiji Song');
  });

  it('lists all matches up to --limit, not one page', () => {
    expect((askJson('/papers year:2024').papers as unknown[]).length).toBe(7);
    const limited = paperbot(['ask', '--json', '--limit', '3', '/papers au:song']);
    const json = JSON.parse(limited.stdout) as { total: number; papers: unknown[] };
    expect(json.total).toBe(27);
    expect(json.papers).toHaveLength(3);
  });

  it('puts the linear-attention papers first and answers in readable text without --json', () => {
    const result = paperbot(['ask', '/papers linear attention']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('7 papers match `linear attention`.');
    expect(result.stdout.indexOf('Linear Attention')).toBeLessThan(result.stdout.indexOf('2. '));
    expect(result.stdout).toContain('Interpreted as: linear attention');
  });

  it('exits 2 with the error on stderr for a user error, and the error object with --json', () => {
    const text = paperbot(['ask', '/papers year:20x4']);
    expect(text.status).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('year must be a year like 2024 or a range like 2020..2023');
    const json = paperbot(['ask', '--json', '/papers venue:NeurIPSS']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'QUERY_INVALID', message: 'no venue NeurIPSS; did you mean NeurIPS?', hint: expect.any(String) },
    });
    const unknown = paperbot(['ask', '--json', '/nope']);
    expect(unknown.status).toBe(2);
    expect((JSON.parse(unknown.stdout) as { error: { code: string } }).error.code).toBe('UNKNOWN_COMMAND');
  });

  it('names the bad variable when the configuration is wrong, without a stack trace', () => {
    const result = paperbot(['ask', '/papers'], { env: { PORT: 'eighty' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('paperbot ingest', () => {
  it('adds a new page to the store, warns about the claimed count, and keeps the raw page', () => {
    const page = readFileSync(SEED_PAGE, 'utf8').replace('Author name cluster\n\nShiji Song', 'Author name cluster\n\nGao Huang');
    const extra = `${page.trimEnd()}\n\nICML Conference 2026 Conference Paper\n\nA Brand New Paper About Linear Attention\n\n  • Ada Lovelace\n  • Gao Huang\n\nWe study linear attention again.\n`;
    const file = join(directory, 'gao-huang.txt');
    writeFileSync(file, extra);
    const result = paperbot(['ingest', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Ingested 28 papers: 1 new, 27 updated, 0 unchanged.');
    expect(result.stderr).toContain('warning:');
    expect(existsSync(join(directory, 'data', 'sources', 'gao-huang.txt'))).toBe(true);
    const json = askJson('/papers "linear attention" year:2026');
    expect(json.total).toBe(1);
    expect((askJson('/papers author:"Gao Huang"') as { total: number }).total).toBe(28);
  });

  it('leaves the search index saved, so the next start restores it instead of building it', () => {
    const page = readFileSync(SEED_PAGE, 'utf8');
    const file = join(directory, 'one-more.txt');
    writeFileSync(file, `${page.trimEnd()}\n\nICML Conference 2026 Conference Paper\n\nAn Index Saved By Ingest\n\n  • Ada Lovelace\n\nAbstract.\n`);
    expect(paperbot(['ingest', file]).status).toBe(0);
    const indexDirectory = join(directory, 'search-index');
    const saved = readdirSync(indexDirectory).filter((name) => name.startsWith('index-'));
    expect(saved).toHaveLength(1);
    const savedAt = statSync(join(indexDirectory, saved[0] ?? '')).mtimeMs;
    expect(askJson('/papers "index saved by ingest"').total).toBe(1);
    expect(readdirSync(indexDirectory).filter((name) => name.startsWith('index-'))).toEqual(saved);
    expect(statSync(join(indexDirectory, saved[0] ?? '')).mtimeMs).toBe(savedAt);
  });

  it('writes nothing when a page is broken and names the file and line', () => {
    const broken = join(directory, 'broken.txt');
    writeFileSync(broken, 'Arrow Research search\n\nAuthor name cluster\n\nSomeone\n\nNeurIPS Conference 20x5 Conference Paper\n\nTitle\n');
    const before = askJson('/papers').total;
    const result = paperbot(['ingest', SEED_PAGE, broken]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/broken\.txt:7/);
    expect(askJson('/papers').total).toBe(before);
    expect(existsSync(join(directory, 'data', 'sources', '000_e8e23af802ce87f1.txt'))).toBe(false);
  });

  it('exports a JSON corpus with --out that ingests back to the same papers', () => {
    const out = join(directory, 'corpus.json');
    const exported = paperbot(['ingest', SEED_PAGE, '--out', out]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('Wrote 27 papers');
    const corpus = JSON.parse(readFileSync(out, 'utf8')) as { format: string; papers: unknown[] };
    expect(corpus.format).toBe('paperbot-corpus');
    expect(corpus.papers).toHaveLength(27);
    const reimported = paperbot(['ingest', out]);
    expect(reimported.stdout).toContain('Ingested 27 papers: 0 new, 0 updated, 27 unchanged.');
  });
});

describe('npm start without tokens: the terminal chat', () => {
  it('answers each piped line and exits at end of input', () => {
    const result = paperbot(['start'], { input: '/papers venue:NeurIPS year:2019\nlinear attention\n/paper GridMix\n/papers year:20x4\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 papers match `venue:NeurIPS year:2019`.');
    expect(result.stdout).toContain('7 papers match `linear attention`.');
    expect(result.stdout).toContain('GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling (ICLR 2025)');
    expect(result.stdout).toContain('✖ year must be a year like 2024');
    expect(result.stderr).toBe('');
  });

  it('leaves on a bare quit or exit, as people type in any prompt, and answers nothing after it', () => {
    for (const word of ['quit', 'Exit', '/quit']) {
      const result = paperbot(['start'], { input: `/papers year:2024\n${word}\n/papers year:2019\n` });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('7 papers match `year:2024`.');
      expect(result.stdout).not.toContain('year:2019');
    }
  });

  it('presses a button when its number is typed', () => {
    const result = paperbot(['start'], { input: '/papers year:2024\n2\n' });
    expect(result.stdout).toContain('page 2 of 2');
    expect(result.stdout).toContain('6. ');
  });
});
