#!/usr/bin/env node
// Entry point for `npx paperbot` and `npm start`: runs the compiled CLI from dist/.
// `npm install` builds dist/ (the `prepare` script); run `npm run build` after editing src/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiledCli = new URL('../dist/src/cli/entry.js', import.meta.url);
if (!existsSync(fileURLToPath(compiledCli))) {
  process.stderr.write('paperbot is not built yet: run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
await import(compiledCli.href);
