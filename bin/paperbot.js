#!/usr/bin/env node
// Entry point for `npx paperbot` and `npm start`: runs the compiled CLI from dist/.
// A plain `env node` shebang: `env -S node --flag` would pass node flags here too, but BusyBox's
// env (Alpine images) has no -S. Long-running bots get their node flags from `npm start`.
// `npm install` builds dist/ (the `prepare` script); run `npm run build` after editing src/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiledCli = new URL('../dist/src/cli/entry.js', import.meta.url);
if (!existsSync(fileURLToPath(compiledCli))) {
  process.stderr.write('paperbot is not built yet: run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
await import(compiledCli.href);
