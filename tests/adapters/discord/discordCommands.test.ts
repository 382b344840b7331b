// Slash command definitions generated from commands/, and `paperbot register` putting them to the
// loopback fake Discord: option types, choices, bounds, autocomplete, required-first order, hidden
// internal options, channel-manager commands, and the added/updated/removed report.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommandDefinition, discordCommandDefinitions } from '../../../src/adapters/discord/discordCommands.js';
import { main } from '../../../src/cli/main.js';
import type { Command } from '../../../src/core/commands/command.js';
import { CommandRegistry } from '../../../src/core/commands/commandRegistry.js';
import { reply } from '../../../src/core/reply/neutralReply.js';
import { FakeDiscord } from '../../helpers/fakeDiscord.js';

const execute: Command['execute'] = async () => ({ reply: reply('ok') });

describe('discordCommandDefinition', () => {
  it('maps every option type with its choices, bounds and autocomplete, required options first', () => {
    const command: Command = {
      name: 'sample',
      description: 'A sample command',
      examples: ['/sample'],
      options: [
        { name: 'query', description: 'Words', type: 'string', maxLength: 500, rest: true },
        { name: 'venue', description: 'Venue', type: 'string', autocomplete: 'venue' },
        { name: 'sort', description: 'Order', type: 'string', choices: ['relevance', 'newest'] },
        { name: 'page', description: 'Page', type: 'integer', min: 1, max: 100 },
        { name: 'code', description: 'Has code', type: 'boolean' },
        { name: 'paper', description: 'Paper', type: 'string', required: true, autocomplete: 'paper' },
        { name: 'view', description: 'Internal view', type: 'string', internal: true },
      ],
      execute,
    };
    expect(discordCommandDefinition(command)).toEqual({
      type: 1,
      name: 'sample',
      description: 'A sample command',
      default_member_permissions: null,
      options: [
        { type: 3, name: 'paper', description: 'Paper', required: true, autocomplete: true },
        { type: 3, name: 'query', description: 'Words', required: false, max_length: 500 },
        { type: 3, name: 'venue', description: 'Venue', required: false, autocomplete: true },
        { type: 3, name: 'sort', description: 'Order', required: false, choices: [{ name: 'relevance', value: 'relevance' }, { name: 'newest', value: 'newest' }] },
        { type: 4, name: 'page', description: 'Page', required: false, min_value: 1, max_value: 100 },
        { type: 5, name: 'code', description: 'Has code', required: false },
      ],
    });
  });

  it('limits channel-manager commands to members with Manage Channels by default', () => {
    const definition = discordCommandDefinition({ name: 'subscribe', description: 'Subscribe', examples: ['/subscribe'], options: [], requiresChannelManager: true, execute });
    expect(definition.default_member_permissions).toBe('16');
  });

  it('generates a valid definition for every command in commands/', async () => {
    const registry = await CommandRegistry.load();
    const definitions = discordCommandDefinitions(registry.all());
    expect(definitions.map((definition) => definition.name)).toEqual(registry.names().sort());
    for (const definition of definitions) {
      const options = (definition.options ?? []) as { required?: boolean; name: string; choices?: unknown[]; autocomplete?: boolean }[];
      expect(options.length).toBeLessThanOrEqual(25);
      const firstOptional = options.findIndex((option) => option.required !== true);
      expect(options.slice(firstOptional < 0 ? options.length : firstOptional).every((option) => option.required !== true)).toBe(true);
      for (const option of options) expect(option.choices !== undefined && option.autocomplete === true).toBe(false);
    }
    const paper = definitions.find((definition) => definition.name === 'paper');
    expect(paper?.options?.map((option) => option.name)).toEqual(['paper']);
    const papers = definitions.find((definition) => definition.name === 'papers');
    expect(papers?.options?.find((option) => option.name === 'venue')).toMatchObject({ autocomplete: true });
  });
});

describe('paperbot register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const register = async (env: Record<string, string>, args: string[] = []): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const sink = (append: (text: string) => void): Writable =>
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          append(chunk.toString());
          done();
        },
      });
    const code = await main(['register', ...args], {
      stdin: process.stdin,
      stdout: sink((text) => (out += text)),
      stderr: sink((text) => (err += text)),
      env: { DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: fake.applicationId, ...env },
    });
    return { code, out, err };
  };

  it('puts the commands globally and reports them all as added, then nothing changed', async () => {
    const first = await register({ DISCORD_TOKEN: fake.token });
    expect(first.code).toBe(0);
    const registered = fake.commands.get('global') ?? [];
    const names = (await CommandRegistry.load()).names();
    expect(registered.map((command) => command.name).sort()).toEqual([...names].sort());
    for (const name of names) expect(first.out).toContain(`+ /${name} (added)`);

    const second = await register({ DISCORD_TOKEN: fake.token });
    expect(second.out).toContain('Nothing changed.');
    expect(second.out).not.toMatch(/\(added\)|\(updated\)|\(removed\)/);
  });

  it('reports updated and removed commands in one guild against what Discord has', async () => {
    const guildId = '1100000000000000555';
    const definitions = discordCommandDefinitions((await CommandRegistry.load()).all());
    fake.commands.set(guildId, [
      { ...definitions[0], id: '1', application_id: fake.applicationId, version: '1', description: 'An old description' },
      { type: 1, name: 'oldcommand', description: 'Gone', id: '2', application_id: fake.applicationId, version: '1' },
    ]);
    const result = await register({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: guildId });
    expect(result.code).toBe(0);
    expect(result.out).toContain(`in guild ${guildId}`);
    expect(result.out).toContain(`~ /${definitions[0]?.name} (updated)`);
    expect(result.out).toContain('- /oldcommand (removed)');
    expect(fake.commands.get(guildId)?.map((command) => command.name)).not.toContain('oldcommand');
  });

  it('changes nothing with --dry-run', async () => {
    const guildId = '1100000000000000777';
    const result = await register({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: guildId }, ['--dry-run']);
    expect(result.out).toMatch(/^Would register/);
    expect(fake.commands.has(guildId)).toBe(false);
  });

  it('says in one line that a rejected token was rejected, without a stack', async () => {
    const result = await register({ DISCORD_TOKEN: 'wrong-token' });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^paperbot: DISCORD_TOKEN was rejected by Discord/);
    expect(result.err).not.toContain('    at ');
  });

  it('names the missing variable', async () => {
    const result = await register({});
    expect(result.code).toBe(2);
    expect(result.err).toContain('DISCORD_TOKEN is missing');
  });
});
