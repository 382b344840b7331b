// Shared inputs for the ingest tests: the real Arrow page bundled in data/sources/, small
// hand-written pages, and temporary directories that are removed after each test file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_PAGE_PATH = fileURLToPath(new URL('../../../data/sources/000_e8e23af802ce87f1.txt', import.meta.url));
export const SEED_PAGE_NAME = '000_e8e23af802ce87f1.txt';

/** Builds an Arrow page the way the site lays it out: blank lines between every block. */
export function arrowPage(cluster: string, entries: readonly string[][], claimed = entries.length): string {
  const header = ['Arrow Research search', '', 'Author name cluster', '', cluster, '', 'Possible papers associated with this exact author name in Arrow.', '', `${claimed} papers`, '1 author rows', '', 'Possible papers', '', String(claimed), ''];
  return [...header, ...entries.flatMap((entry) => [...entry, ''])].join('\n');
}

export function entry(venueLine: string, title: string, authors: readonly string[], abstract?: string): string[] {
  const lines = [venueLine, '', title, ''];
  if (authors.length > 0) lines.push(...authors.map((name) => `  • ${name}`), '');
  if (abstract !== undefined) lines.push(abstract);
  return lines;
}

export async function makeTempDir(): Promise<{ dir: string; write: (name: string, content: string) => Promise<string>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-ingest-'));
  return {
    dir,
    write: async (name, content) => {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
