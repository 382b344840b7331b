// `paperbot manifest`: the Slack app manifest is generated from commands/ and the environment.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildSlackManifest, PLACEHOLDER_PUBLIC_URL, runManifestCommand, type SlackManifest } from '../../src/cli/manifestCommand.js';
import { loadConfig } from '../../src/config.js';
import { CommandRegistry } from '../../src/core/commands/commandRegistry.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk.toString()), done()) }),
    text: () => chunks.join(''),
  };
}

async function manifestFor(args: string[], env: Record<string, string>): Promise<{ manifest: SlackManifest; stderr: string; code: number }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runManifestCommand(args, loadConfig(env), { stdout: stdout.stream, stderr: stderr.stream });
  return { manifest: JSON.parse(stdout.text()) as SlackManifest, stderr: stderr.text(), code };
}

describe('paperbot manifest', () => {
  it('declares one slash command per command, with its description and a usage hint from its examples', async () => {
    const registry = await CommandRegistry.load();
    const { manifest, code } = await manifestFor([], { PUBLIC_URL: 'https://bot.example.org/' });
    expect(code).toBe(0);
    const commands = manifest.features.slash_commands;
    expect(commands.map((command) => command.command).sort()).toEqual(registry.names().map((name) => `/${name}`).sort());
    const papers = commands.find((command) => command.command === '/papers');
    expect(papers).toEqual({
      command: '/papers',
      description: registry.require('papers').description,
      usage_hint: 'year:2024',
      url: 'https://bot.example.org/slack/events',
      should_escape: false,
    });
    // /help's first example has no arguments; the hint comes from the next one.
    expect(commands.find((command) => command.command === '/help')?.usage_hint).toBe('papers');
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://bot.example.org/slack/events' });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('asks only for the scopes the commands need and says why on stderr', async () => {
    const { manifest, stderr } = await manifestFor(['--url', 'https://x.example'], {});
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).toContain('commands');
    expect(scopes).toContain('files:write');
    for (const scope of scopes) expect(stderr).toMatch(new RegExp(`^  ${scope}: \\S`, 'm'));
    expect(scopes).not.toContain('channels:history');
    expect(scopes).not.toContain('chat:write.public');

    const registry = await CommandRegistry.load();
    const searchOnly = registry.all().filter((command) => command.requiresChannelManager !== true && command.name !== 'subscribe');
    const minimal = buildSlackManifest(searchOnly, { publicUrl: 'https://x.example', socketMode: false }).oauth_config.scopes.bot;
    expect(minimal).toEqual(['commands', 'files:write']);
  });

  it('enables Socket Mode and drops request URLs when SLACK_APP_TOKEN is set', async () => {
    const { manifest, stderr } = await manifestFor([], { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.features.slash_commands.every((command) => command.url === undefined)).toBe(true);
    expect(stderr).not.toMatch(/warning/);
  });

  it('uses a placeholder URL and warns when no public URL is known; --url wins over PUBLIC_URL', async () => {
    const placeholder = await manifestFor([], {});
    expect(placeholder.manifest.settings.interactivity.request_url).toBe(`${PLACEHOLDER_PUBLIC_URL}/slack/events`);
    expect(placeholder.stderr).toMatch(/warning: no PUBLIC_URL or --url given/);
    const flagged = await manifestFor(['--url', 'https://flag.example/'], { PUBLIC_URL: 'https://env.example' });
    expect(flagged.manifest.settings.interactivity.request_url).toBe('https://flag.example/slack/events');
  });

  it('refuses a --url that is not an http(s) address', async () => {
    await expect(manifestFor(['--url', 'bot.example.org'], {})).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});
