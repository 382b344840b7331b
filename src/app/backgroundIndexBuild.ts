// Rebuilding the index of a large corpus takes CPU seconds (100k papers: ~20 s), and a bot must
// acknowledge every command within three. So when `paperbot ingest` changes the papers, a running
// bot builds the new index in a worker thread (indexBuildWorker.ts), which saves it beside the
// store; the bot keeps answering from the old index and then restores the new one from the file.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IndexBuildReport, IndexBuildRequest } from './indexBuildWorker.js';

/** Builds and saves the index for the store's current papers in a worker thread; true when the file was saved. */
export function buildSavedIndexInWorker(request: IndexBuildRequest): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let saved = false;
    worker.once('message', (report: IndexBuildReport) => {
      saved = report.saved;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve(saved) : reject(new Error(`the index build thread exited with code ${code}`))));
  });
}

function startWorker(request: IndexBuildRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./indexBuildWorker.js', import.meta.url), { workerData: request });
  // Running from the TypeScript sources (tests, `npm run dev`): the thread loads tsx first.
  // tsx's API as an ES module: the "import" entry of its exports (require.resolve would give the CommonJS one).
  const require = createRequire(import.meta.url);
  const manifest = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
  const entry = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  const tsx = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), entry)).href;
  const script = new URL('./indexBuildWorker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true, workerData: request });
}
