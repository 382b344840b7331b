// End to end in gateway mode: the project's start-up code (startPlatformServices) runs the real
// discord.js Client against the loopback fake Discord (DISCORD_API_URL), which dispatches
// interactions over its gateway; the tests read the interaction callbacks and webhook calls the
// bot made, as Discord would receive them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServices, type RunningServices } from '../../../src/app/platformServices.js';
import type { PaperbotRuntime } from '../../../src/app/runtime.js';
import { DiscordService } from '../../../src/adapters/discord/discordService.js';
import { ErrorCode, PaperbotError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeDiscord, FAKE_GUILD_ID, type InteractionCallback } from '../../helpers/fakeDiscord.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}
interface Row {
  components: { custom_id: string; label: string; disabled?: boolean }[];
}

const embedsOf = (data: Record<string, unknown> | undefined): Embed[] => (data?.embeds ?? []) as Embed[];
const buttonsOf = (data: Record<string, unknown> | undefined): Row['components'] => ((data?.components ?? []) as Row[]).flatMap((row) => row.components);

describe('Discord gateway mode (discord.js against a loopback Discord)', () => {
  let fake: FakeDiscord;
  let test: TestRuntime;
  let running: RunningServices;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    test = await startTestRuntime({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    running = await startPlatformServices(test.runtime, test.config, silentLogger);
    await fake.waitForReady();
  });

  afterAll(async () => {
    await running?.stop();
    await test?.close();
    await fake?.close();
  });

  it('logs in through GET /gateway/bot on DISCORD_API_URL and identifies with only the Guilds intent', () => {
    expect(running.services.map((service) => service.name)).toContain('discord');
    expect(fake.requests.some((request) => request.method === 'GET' && request.path === '/gateway/bot')).toBe(true);
    expect(fake.identifies).toEqual([{ token: fake.token, intents: 1, shard: [0, 1] }]);
  });

  it('answers /papers with one embed per paper, Prev/Next buttons and no pings', async () => {
    const expected = await test.ask('/papers year:2024');
    const sent = fake.sendCommand('papers', { year: '2024' });
    const callback = await fake.waitForCallback(sent.id);

    expect(callback.type).toBe(4);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.content).toContain(`${expected.total} papers match`);
    const titles = embedsOf(callback.data).map((embed) => embed.title);
    expect(titles).toEqual(expected.reply.cards.map((card) => card.title.replace(/([*_~`|[\]\\])/g, '\\$1')));
    expect(titles).toHaveLength(5);
    const buttons = buttonsOf(callback.data);
    expect(buttons.map((button) => button.label)).toEqual(['◀ Prev', 'Next ▶', 'Subscribe to this query']);
    expect(buttons[0]?.disabled).toBe(true);
    for (const button of buttons) expect(button.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('pages in place when Next is pressed: UPDATE_MESSAGE with the next five papers', async () => {
    const sent = fake.sendCommand('papers', { query: 'year:2019..2025' });
    const first = await fake.waitForCallback(sent.id);
    const next = buttonsOf(first.data).find((button) => button.label === 'Next ▶');
    expect(next).toBeDefined();

    const pressed = fake.pressButton(next?.custom_id ?? '');
    const update = await fake.waitForCallback(pressed.id);
    const expected = await test.ask('/papers year:2019..2025 page:2');

    expect(update.type).toBe(7);
    expect(update.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedsOf(update.data).map((embed) => embed.footer?.text)).toEqual(expected.reply.cards.map((card) => card.footer));
    expect(update.data?.content).toContain('page 2 of');
    expect(buttonsOf(update.data).find((button) => button.label === '◀ Prev')?.disabled).toBeUndefined();
    // The message on the fake now shows page 2: the same message, replaced for everyone.
    expect(String(fake.messageOf(pressed.token)?.content)).toContain('page 2 of');
  });

  it('shows the BibTeX from a Cite button as a new message only the presser sees', async () => {
    const sent = fake.sendCommand('paper', { paper: 'GridMix' });
    const shown = await fake.waitForCallback(sent.id);
    const cite = buttonsOf(shown.data).find((button) => button.label === 'Cite');
    const pressed = fake.pressButton(cite?.custom_id ?? '');
    const answer = await fake.waitForCallback(pressed.id);

    expect(answer.type).toBe(4);
    expect(answer.data?.flags).toBe(64);
    expect(embedsOf(answer.data)[0]?.description).toMatch(/^@\w+\{/m);
  });

  it('makes help and errors ephemeral, errors with the message and the hint', async () => {
    const help = await fake.waitForCallback(fake.sendCommand('help').id);
    expect(help.data?.flags).toBe(64);

    const error = await fake.waitForCallback(fake.sendCommand('paper', { paper: 'qqqq zzzz xxxx' }).id);
    expect(error.type).toBe(4);
    expect(error.data?.flags).toBe(64);
    expect(error.data?.content).toContain('No paper matches');
    expect(error.data?.content).toContain('/papers qqqq zzzz xxxx');
    expect(error.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('suggests venues, authors and papers while the user types, best first', async () => {
    const venue = await fake.waitForCallback(fake.sendAutocomplete('papers', { venue: 'neur' }, 'venue').id);
    expect(venue.type).toBe(8);
    expect((venue.data?.choices as { value: string }[])[0]?.value).toBe('NeurIPS');

    const author = await fake.waitForCallback(fake.sendAutocomplete('papers', { author: 'shiji' }, 'author').id);
    expect((author.data?.choices as { value: string }[])[0]?.value).toBe('Shiji Song');

    const paper = await fake.waitForCallback(fake.sendAutocomplete('paper', { paper: 'gridmi' }, 'paper').id);
    const choices = paper.data?.choices as { name: string; value: string }[];
    expect(choices[0]?.name).toMatch(/^GridMix/);
    expect(test.runtime.catalog.index.getById(choices[0]?.value ?? '')?.title).toMatch(/^GridMix/);

    const empty = await fake.waitForCallback(fake.sendAutocomplete('papers', { author: '' }, 'author').id);
    const all = empty.data?.choices as unknown[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
  });

  it('defers a command that is not done within 2 s, then edits the reply in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = slowDown(test.runtime, 'random', gate);
    try {
      const sent = fake.sendCommand('random', { venue: 'NeurIPS' });
      const deferral = await fake.waitForCallback(sent.id);
      expect(deferral.type).toBe(5);
      expect(deferral.data?.flags ?? 0).toBe(0);
      release();
      const edit = await fake.waitForWebhook(sent.token, 'edit');
      expect(edit.applicationId).toBe(fake.applicationId);
      expect(edit.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(String(edit.body?.content)).toContain('A random paper');
      expect(embedsOf(edit.body)).toHaveLength(1);
      expect(buttonsOf(edit.body).map((button) => button.label)).toEqual(['Another']);
    } finally {
      slow.restore();
    }
  });

  it('swaps a public deferral for an ephemeral follow-up when the slow answer is an error', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = slowDown(test.runtime, 'paper', gate);
    try {
      const sent = fake.sendCommand('paper', { paper: 'qqqq zzzz xxxx' });
      expect((await fake.waitForCallback(sent.id)).type).toBe(5);
      release();
      const followUp = await fake.waitForWebhook(sent.token, 'followup');
      expect(followUp.body?.flags).toBe(64);
      expect(String(followUp.body?.content)).toContain('No paper matches');
      expect(fake.webhookCalls.filter((call) => call.token === sent.token).map((call) => call.kind)).toEqual(['delete', 'followup']);
    } finally {
      slow.restore();
    }
  });

  it('defers a slow page turn as DEFERRED_UPDATE_MESSAGE, then edits the same message', async () => {
    const first = await fake.waitForCallback(fake.sendCommand('papers', { query: 'year:2019..2025' }).id);
    const next = buttonsOf(first.data).find((button) => button.label === 'Next ▶');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = slowDown(test.runtime, 'papers', gate);
    try {
      const pressed = fake.pressButton(next?.custom_id ?? '');
      expect((await fake.waitForCallback(pressed.id)).type).toBe(6);
      release();
      const edit = await fake.waitForWebhook(pressed.token, 'edit');
      expect(String(edit.body?.content)).toContain('page 2 of');
      expect(edit.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(edit.messageId).toBe(fake.messageOf(first.token)?.id);
    } finally {
      slow.restore();
    }
  });

  it('attaches the /stats chart as a PNG file', async () => {
    const sent = fake.sendCommand('stats', { venue: 'NeurIPS' });
    const callback = await fake.waitForCallback(sent.id);
    const answer = callback.type === 5 ? await fake.waitForWebhook(sent.token, 'edit') : callback;
    expect(answer.files).toHaveLength(1);
    expect(answer.files[0]?.contentType).toBe('image/png');
    expect(answer.files[0]?.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((bodyOf(answer).attachments as { description?: string }[])[0]?.description).toBeTruthy();
  });

  it('tells the commands whether the member may manage the channel, from the member permissions', async () => {
    const seen: (boolean | undefined)[] = [];
    const original = test.runtime.run.bind(test.runtime);
    test.runtime.run = async (invocation, source) => {
      seen.push(source.user.canManageChannel);
      return original(invocation, source);
    };
    try {
      await fake.waitForCallback(fake.sendCommand('help', {}, { canManageChannel: true }).id);
      await fake.waitForCallback(fake.sendCommand('help', {}, { canManageChannel: false }).id);
      await fake.waitForCallback(fake.sendCommand('help', {}, { permissions: String(1n << 3n) }).id);
      await fake.waitForCallback(fake.sendCommand('help', {}, { guildId: null }).id);
    } finally {
      test.runtime.run = original;
    }
    // Manage Channels, none, Administrator, and a DM (the user's own channel).
    expect(seen).toEqual([true, false, true, true]);
  });
});

describe('Discord gateway start-up', () => {
  it('turns a rejected token into one clear ConfigInvalid error', async () => {
    const fake = await FakeDiscord.start();
    const test = await startTestRuntime({ DISCORD_TOKEN: 'not-the-token', DISCORD_API_URL: fake.apiUrl });
    try {
      const failure = await startPlatformServices(test.runtime, test.config, silentLogger).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(PaperbotError);
      expect((failure as PaperbotError).code).toBe(ErrorCode.ConfigInvalid);
      expect((failure as PaperbotError).message).toMatch(/^DISCORD_TOKEN was rejected by Discord/);
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await test.close();
      await fake.close();
    }
  });

  it.each([
    ['2', 1],
    ['auto', 2],
  ])('runs discord.js sharding with DISCORD_SHARDS=%s and answers on the shard that owns the guild', async (shards, recommended) => {
    const fake = await FakeDiscord.start({ recommendedShards: recommended === 1 ? 1 : 2 });
    const test = await startTestRuntime({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: shards });
    const service = new DiscordService(test.runtime, test.config, silentLogger);
    try {
      await service.start();
      await fake.waitForReady(2);
      expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // A guild belongs to shard (id >> 22) % 2: these two guilds live on different shards.
      const otherGuild = (BigInt(FAKE_GUILD_ID) + (1n << 22n)).toString();
      const answers = await Promise.all([
        fake.waitForCallback(fake.sendCommand('help').id),
        fake.waitForCallback(fake.sendCommand('help', {}, { guildId: otherGuild }).id),
      ]);
      expect(answers.map((answer) => answer.type)).toEqual([4, 4]);
      const shardsUsed = fake.dispatches.filter((dispatch) => dispatch.event === 'INTERACTION_CREATE').map((dispatch) => dispatch.shardId);
      expect(shardsUsed.sort()).toEqual([0, 1]);
    } finally {
      await service.stop();
      await test.close();
      await fake.close();
    }
  });
});

function bodyOf(answer: InteractionCallback | { body?: Record<string, unknown> }): Record<string, unknown> {
  return ('data' in answer ? answer.data : answer.body) ?? {};
}

/** Holds one command until the test releases it: a slow command without timing in the test. */
function slowDown(runtime: PaperbotRuntime, command: string, gate: Promise<void>): { restore(): void } {
  const original = runtime.run.bind(runtime);
  runtime.run = async (invocation, source) => {
    if (invocation.command === command) await gate;
    return original(invocation, source);
  };
  return { restore: () => void (runtime.run = original) };
}
