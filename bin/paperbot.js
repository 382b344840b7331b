#!/usr/bin/env -S node --v8-pool-size=0
// Entry point for `npx paperbot` and `npm start`: runs the compiled CLI from dist/.
// --v8-pool-size=0 sizes V8's background threads (JIT compiler, GC helpers) to the machine's cores
// instead of node's fixed 4: on a 2-core host, 4 of them busy at once took the main thread's core
// for whole 4 ms scheduler ticks, and a command that takes 0.1 ms took 4-8 ms (docs/benchmarks.md).
// `npm start` passes the same flag; keep the two alike (tests/cli/nodeFlags.test.ts).
// `npm install` builds dist/ (the `prepare` script); run `npm run build` after editing src/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiledCli = new URL('../dist/src/cli/entry.js', import.meta.url);
if (!existsSync(fileURLToPath(compiledCli))) {
  process.stderr.write('paperbot is not built yet: run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
await import(compiledCli.href);
