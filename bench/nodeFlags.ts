// The node flags paperbot runs with, read from the bin's shebang (`npm start` repeats them, a test
// holds the two together), so every process the benchmark starts runs node the way users' do.
import { existsSync, readFileSync } from 'node:fs';

/** bin/paperbot.js from bench/ (tests import the sources) or from dist/bench/ (npm run bench). */
const BIN = [new URL('../bin/paperbot.js', import.meta.url), new URL('../../bin/paperbot.js', import.meta.url)].find((url) => existsSync(url));

/** The flags after `node` in bin/paperbot.js's `#!/usr/bin/env -S node …` line; none for a plain `#!/usr/bin/env node`. */
export function productionNodeFlags(bin: URL | string | undefined = BIN): string[] {
  if (bin === undefined) throw new Error('bin/paperbot.js not found beside bench/ or dist/bench/');
  const shebang = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env (?:-S )?node((?: --[\w-]+(?:=\S+)?)*)$/.exec(shebang);
  if (match === null) throw new Error(`${String(bin)}: expected a "#!/usr/bin/env -S node --flag…" first line, found "${shebang}"`);
  return (match[1] ?? '').split(' ').filter((flag) => flag !== '');
}
