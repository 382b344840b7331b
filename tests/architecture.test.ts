// The boundary from STYLE.md, enforced: nothing in the core or in commands/ imports a platform
// SDK, and every source file starts with a header comment saying what it is for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_SDK = /from\s+['"](discord\.js|@slack\/[a-z-]+|@discordjs\/[a-z-]+|discord-api-types[^'"]*)['"]|import\(\s*['"](discord\.js|@slack\/[a-z-]+|@discordjs\/[a-z-]+)['"]/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const coreFiles = [...sourceFiles('src/core'), ...sourceFiles('commands')];

  it('finds the core and command files it guards', () => {
    expect(coreFiles.length).toBeGreaterThan(20);
    expect(coreFiles).toContain(join('commands', 'papers.ts'));
  });

  it('keeps platform SDKs out of src/core and commands/', () => {
    const offenders = coreFiles.filter((file) => PLATFORM_SDK.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('would catch a core file importing discord.js or @slack/bolt', () => {
    expect(PLATFORM_SDK.test("import { Client } from 'discord.js';")).toBe(true);
    expect(PLATFORM_SDK.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM_SDK.test("const sdk = await import('@slack/web-api');")).toBe(true);
    expect(PLATFORM_SDK.test("import { z } from 'zod';")).toBe(false);
  });

  it('starts every source file with a header comment', () => {
    const missing = [...sourceFiles('src'), ...sourceFiles('commands')].filter((file) => !readFileSync(file, 'utf8').startsWith('//'));
    expect(missing).toEqual([]);
  });

  it('keeps console output out of library code', () => {
    const noisy = [...sourceFiles('src/core'), ...sourceFiles('commands')].filter((file) => /\bconsole\.(log|info|warn|error)\(/.test(readFileSync(file, 'utf8')));
    expect(noisy).toEqual([]);
  });
});
