// The node flags a long-running paperbot runs with: those of `npm start` in package.json (today
// --v8-pool-size=0, which sizes V8's background threads, JIT compiler and GC helpers, to the
// machine instead of node's fixed 4; on a 2-core host four of them busy at once took the main
// thread's core for whole 4 ms scheduler ticks: docs/benchmarks.md). The benchmark starts its bot
// servers, terminal chats and in-process probes with them, so it measures the process users run.
import { existsSync, readFileSync } from 'node:fs';

/** package.json from bench/ (tests import the sources) or from dist/bench/ (npm run bench). */
const PACKAGE_JSON = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)].find((url) => existsSync(url));

/** The flags between `node` and `bin/paperbot.js start` in package.json's start script. */
export function productionNodeFlags(packageJson: URL | string | undefined = PACKAGE_JSON): string[] {
  if (packageJson === undefined) throw new Error('package.json not found beside bench/ or dist/bench/');
  const start = (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts?: Record<string, string> }).scripts?.start ?? '';
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) bin\/paperbot\.js start$/.exec(start);
  if (match === null) throw new Error(`${String(packageJson)}: expected a start script "node [--flag…] bin/paperbot.js start", found "${start}"`);
  return (match[1] ?? '').split(' ').filter((flag) => flag !== '');
}
