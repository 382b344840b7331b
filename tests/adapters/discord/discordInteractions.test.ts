// HTTP interactions mode end to end: the project's start-up code serves POST /discord/interactions
// on the shared HTTP server; requests are signed with a test Ed25519 key as Discord signs them,
// and deferred edits and follow-ups land on the loopback fake Discord's webhook routes.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatformServices, type RunningServices } from '../../../src/app/platformServices.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeDiscord, type FakeMessage } from '../../helpers/fakeDiscord.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';

const keys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');
/** The raw 32-byte public key is the tail of its SPKI DER encoding; Discord shows it as hex. */
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

interface Signed {
  body: string;
  headers: Record<string, string>;
}

function signed(payload: unknown, options: { key?: KeyObject; timestamp?: number } = {}): Signed {
  const body = JSON.stringify(payload);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), options.key ?? keys.privateKey).toString('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } };
}

describe('Discord HTTP interactions endpoint', () => {
  let fake: FakeDiscord;
  let test: TestRuntime;
  let running: RunningServices;
  let runs: string[];

  const post = async (request: Signed): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(`http://127.0.0.1:${running.port}/discord/interactions`, { method: 'POST', headers: request.headers, body: request.body });
    const text = await response.text();
    return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
  };

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    test = await startTestRuntime({ DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_API_URL: fake.apiUrl, PORT: '0' });
    const original = test.runtime.run.bind(test.runtime);
    test.runtime.run = async (invocation, source) => {
      runs.push(invocation.command);
      return original(invocation, source);
    };
    running = await startPlatformServices(test.runtime, test.config, silentLogger);
  });

  beforeEach(() => {
    runs = [];
  });

  afterAll(async () => {
    await running?.stop();
    await test?.close();
    await fake?.close();
  });

  it('serves the endpoint next to /healthz, without a gateway connection', async () => {
    const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(health.status).toBe(200);
    expect(fake.identifies).toHaveLength(0);
    expect(fake.requests.some((request) => request.path === '/gateway/bot')).toBe(false);
  });

  it('answers PING with {"type":1}', async () => {
    const answer = await post(signed({ id: '1', type: 1, application_id: fake.applicationId, token: 'ping-token', version: 1 }));
    expect(answer).toEqual({ status: 200, json: { type: 1 } });
  });

  it('answers a slash command in the HTTP response with the Discord renderer', async () => {
    const expected = await test.ask('/papers venue:NeurIPS');
    runs = [];
    const answer = await post(signed(fake.commandInteraction('papers', { venue: 'NeurIPS' })));
    expect(answer.status).toBe(200);
    expect(answer.json.type).toBe(4);
    const data = answer.json.data as Record<string, unknown>;
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.content).toContain(`${expected.total} papers match`);
    expect((data.embeds as unknown[]).length).toBe(expected.reply.cards.length);
    expect(runs).toEqual(['papers']);
  });

  it('answers autocomplete with choices', async () => {
    const answer = await post(signed(fake.autocompleteInteraction('papers', { venue: 'icl' }, 'venue')));
    expect(answer.json.type).toBe(8);
    expect(((answer.json.data as { choices: { value: string }[] }).choices)[0]?.value).toBe('ICLR');
  });

  it('pages with a button: UPDATE_MESSAGE with the next page', async () => {
    const first = await post(signed(fake.commandInteraction('papers', { query: 'year:2019..2025' })));
    const data = first.json.data as { components: { components: { label: string; custom_id: string }[] }[] };
    const next = data.components.flatMap((row) => row.components).find((button) => button.label === 'Next ▶');
    const message: FakeMessage = { id: '1300000000000000001', channel_id: '1100000000000000002', type: 20, content: '', components: data.components, embeds: [] };
    const pressed = await post(signed(fake.buttonInteraction(next?.custom_id ?? '', message)));
    expect(pressed.json.type).toBe(7);
    expect((pressed.json.data as { content: string }).content).toContain('page 2 of');
  });

  it('defers a slow command in the HTTP response, then edits the reply through the webhook', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = test.runtime.run.bind(test.runtime);
    test.runtime.run = async (invocation, source) => {
      await gate;
      return run(invocation, source);
    };
    try {
      const interaction = fake.commandInteraction('papers', { author: 'Gao Huang' });
      const answer = await post(signed(interaction));
      expect(answer.json).toEqual({ type: 5, data: { flags: 0 } });
      release();
      const edit = await fake.waitForWebhook(interaction.token, 'edit');
      expect(edit.applicationId).toBe(fake.applicationId);
      expect(edit.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(String(edit.body?.content)).toMatch(/papers? match/);
    } finally {
      test.runtime.run = run;
    }
  });

  it('sends the /stats chart as a multipart edit after deferring', async () => {
    const interaction = fake.commandInteraction('stats', { venue: 'ICLR' });
    const answer = await post(signed(interaction));
    expect(answer.json.type).toBe(5);
    const edit = await fake.waitForWebhook(interaction.token, 'edit');
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]?.field).toBe('files[0]');
    expect(edit.files[0]?.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((edit.body?.attachments as { id: number; description: string }[])[0]).toMatchObject({ id: 0 });
  });

  describe('refuses anything that does not verify, with 401 and no handler run', () => {
    const requestCountBefore = (): number => fake.requests.length;

    it.each<[string, () => Signed]>([
      ['a signature from another key', () => signed(fake.commandInteraction('papers'), { key: otherKeys.privateKey })],
      ['a missing signature header', () => withoutHeader(signed(fake.commandInteraction('papers')), 'x-signature-ed25519')],
      ['a missing timestamp header', () => withoutHeader(signed(fake.commandInteraction('papers')), 'x-signature-timestamp')],
      ['a stale timestamp (10 minutes old)', () => signed(fake.commandInteraction('papers'), { timestamp: Math.floor(Date.now() / 1000) - 600 })],
      ['a timestamp from the future', () => signed(fake.commandInteraction('papers'), { timestamp: Math.floor(Date.now() / 1000) + 600 })],
      ['a body changed after signing', () => {
        const original = signed(fake.commandInteraction('papers', { query: 'attention' }));
        return { ...original, body: original.body.replace('attention', 'diffusion') };
      }],
      ['a timestamp changed after signing', () => {
        const original = signed(fake.commandInteraction('papers'));
        return { ...original, headers: { ...original.headers, 'x-signature-timestamp': String(Number(original.headers['x-signature-timestamp']) - 1) } };
      }],
      ['a malformed signature', () => ({ ...signed(fake.commandInteraction('papers')), headers: { ...signed(fake.commandInteraction('papers')).headers, 'x-signature-ed25519': 'zz' } })],
    ])('%s', async (_name, build) => {
      const before = requestCountBefore();
      const answer = await post(build());
      expect(answer.status).toBe(401);
      expect(runs).toEqual([]);
      expect(fake.requests.length).toBe(before);
    });

    it('a signed PING with a changed body', async () => {
      const ping = signed({ id: '1', type: 1, application_id: fake.applicationId, token: 't', version: 1 });
      const answer = await post({ ...ping, body: `${ping.body} ` });
      expect(answer.status).toBe(401);
    });
  });
});

function withoutHeader(request: Signed, name: string): Signed {
  const headers = { ...request.headers };
  delete headers[name];
  return { ...request, headers };
}
