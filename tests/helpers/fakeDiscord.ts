// A small Discord stand-in on loopback for end-to-end tests with the real discord.js: the REST
// routes the bot uses plus a gateway WebSocket. Point the bot at it with
// DISCORD_API_URL=fake.apiUrl and DISCORD_TOKEN=fake.token; discord.js then finds the gateway
// through GET /gateway/bot as it would on Discord.
//
// Usage:
//   const fake = await FakeDiscord.start();
//   ...start the bot with { DISCORD_API_URL: fake.apiUrl, DISCORD_TOKEN: fake.token }...
//   await fake.waitForReady();                       // a shard identified and got READY
//   const sent = fake.sendCommand('papers', { query: 'year:2024' });
//   const callback = await fake.waitForCallback(sent.id);  // the bot's interaction response
//   fake.pressButton(customId);                      // on the message that carries it
//   await fake.waitForWebhook(sent.token, 'edit');   // PATCH .../messages/@original after a deferral
//   await fake.waitForChannelMessages('123', 1);     // POST /channels/123/messages (digests)
//   fake.intercept((request) => request.path === '/channels/123/messages' ? discordError(404, 10003, 'Unknown Channel') : undefined);
//   await fake.close();
//
// Records: requests (every REST call), interactionCallbacks, webhookCalls (edit/followup/delete),
// channelMessages, messages (by id, as edited), identifies, dispatches, commands (registered, by
// scope). HTTP mode: build a payload with commandInteraction / autocompleteInteraction /
// buttonInteraction (it registers the token so webhook edits work), sign it and POST it yourself.
// Actors: a guild member without Manage Channels by default; pass { canManageChannel: true },
// raw { permissions } or { guildId: null } for a DM.
//
// REST (under `${apiUrl}/v10`): GET /gateway, GET /gateway/bot, GET /users/@me,
// POST /interactions/{id}/{token}/callback, GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{id|@original},
// POST /webhooks/{app}/{token}, POST /channels/{id}/messages,
// GET|PUT /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands.
// Bot routes need `Authorization: Bot <token>` (401 otherwise); webhook and callback routes use
// the interaction token. JSON and multipart bodies (payload_json + files[n]) are both recorded.
// Gateway: HELLO, IDENTIFY -> READY (a wrong token closes with 4004), HEARTBEAT -> ACK, RESUME ->
// RESUMED, and dispatches (INTERACTION_CREATE to the shard that owns the guild).
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A file sent with a multipart request. */
export interface FakeFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** The route after /api/v10, e.g. "/channels/123/messages". */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or the payload_json of a multipart body. */
  body: unknown;
  files: FakeFile[];
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An interaction response: POST /interactions/{id}/{token}/callback. */
export interface InteractionCallback {
  interactionId: string;
  token: string;
  /** 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete result. */
  type: number;
  data: Record<string, unknown> | undefined;
  files: FakeFile[];
}

/** An edit, follow-up or delete through the interaction webhook. */
export interface WebhookCall {
  kind: 'edit' | 'followup' | 'delete';
  applicationId: string;
  token: string;
  messageId: string;
  body: Record<string, unknown> | undefined;
  files: FakeFile[];
}

export interface ChannelMessage {
  channelId: string;
  id: string;
  body: Record<string, unknown>;
  files: FakeFile[];
}

/** A message as Discord returns it (enough for discord.js to build a Message). */
export type FakeMessage = Record<string, unknown> & { id: string; channel_id: string; components?: unknown[] };

export interface Identify {
  token: string;
  intents: number;
  shard: [number, number];
}

/** Who sends an interaction and where. Defaults: a member of FAKE_GUILD_ID without Manage Channels. */
export interface FakeActor {
  userId?: string;
  userName?: string;
  /** null for a DM. */
  guildId?: string | null;
  channelId?: string;
  /** Sets the member's permissions to include Manage Channels (or not). */
  canManageChannel?: boolean;
  /** Raw permission bits as a decimal string; overrides canManageChannel. */
  permissions?: string;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** The shard count GET /gateway/bot recommends (what DISCORD_SHARDS=auto uses). */
  recommendedShards?: number;
  heartbeatIntervalMs?: number;
}

export const FAKE_GUILD_ID = '1100000000000000001';
export const FAKE_CHANNEL_ID = '1100000000000000002';
export const FAKE_USER_ID = '1100000000000000003';
const VIEW_AND_SEND = (1n << 10n) | (1n << 11n);
const MANAGE_CHANNELS = 1n << 4n;

/** A Discord-style JSON error response, e.g. discordError(404, 10003, 'Unknown Channel'). */
export function discordError(status: number, code: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): FakeResponse {
  return { status, body: { message, code, ...extra }, headers };
}

interface InteractionRecord {
  payload: Record<string, unknown>;
  /** The message the interaction's response created (or the one a button is on). */
  messageId?: string;
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser = { id: '1100000000000000099', username: 'paperbot', discriminator: '0', global_name: null, avatar: null, bot: true };
  readonly requests: RecordedRequest[] = [];
  readonly interactionCallbacks: InteractionCallback[] = [];
  readonly webhookCalls: WebhookCall[] = [];
  readonly channelMessages: ChannelMessage[] = [];
  readonly identifies: Identify[] = [];
  /** Every gateway dispatch sent, with the shard it went to. */
  readonly dispatches: { event: string; shardId: number; data: unknown }[] = [];
  /** Registered application commands by scope: "global" or a guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  /** Every message the bot created or edited, by id. */
  readonly messages = new Map<string, FakeMessage>();
  heartbeatAcks = 0;

  private readonly changes = new EventEmitter();
  private readonly interceptors: ((request: RecordedRequest) => FakeResponse | undefined)[] = [];
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly sockets = new Map<number, { socket: WebSocket; sequence: number }>();
  private nextSnowflake = 1200000000000000000n;
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly server: Server,
    private readonly options: Required<Omit<FakeDiscordOptions, 'token' | 'applicationId'>>,
    token: string,
    applicationId: string,
  ) {
    this.token = token;
    this.applicationId = applicationId;
    this.changes.setMaxListeners(0);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(
      server,
      { recommendedShards: options.recommendedShards ?? 1, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250 },
      options.token ?? 'fake-bot-token',
      options.applicationId ?? '1100000000000000100',
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void fake.handleHttp(request, response));
    server.on('upgrade', (request, socket, head) => {
      if (!(request.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      fake.wss.handleUpgrade(request, socket, head, (ws) => fake.handleGateway(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  private get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `${this.origin.replace('http', 'ws')}/gateway`;
  }

  /** Answer matching requests yourself (rate limits, missing channels); returns a remover. */
  intercept(handler: (request: RecordedRequest) => FakeResponse | undefined): () => void {
    this.interceptors.push(handler);
    return () => {
      const at = this.interceptors.indexOf(handler);
      if (at >= 0) this.interceptors.splice(at, 1);
    };
  }

  /** Resolves with the first value `find` returns, re-checking after every request and gateway event. */
  waitFor<T>(find: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const found = find();
        if (found === undefined) return false;
        this.changes.off('change', listener);
        resolve(found);
        return true;
      };
      const listener = (): void => void check();
      this.changes.on('change', listener);
      check();
    });
  }

  /** Resolves once `count` shards have identified and been sent READY. */
  waitForReady(count = 1): Promise<void> {
    return this.waitFor(() => (this.sockets.size >= count && this.identifies.length >= count ? true : undefined)).then(() => undefined);
  }

  waitForCallback(interactionId: string): Promise<InteractionCallback> {
    return this.waitFor(() => this.interactionCallbacks.find((callback) => callback.interactionId === interactionId));
  }

  /** The n-th (0-based) webhook call made with this interaction's token, optionally of one kind. */
  waitForWebhook(interactionToken: string, kind?: WebhookCall['kind'], nth = 0): Promise<WebhookCall> {
    return this.waitFor(() => this.webhookCalls.filter((call) => call.token === interactionToken && (kind === undefined || call.kind === kind))[nth]);
  }

  waitForChannelMessages(channelId: string, count: number): Promise<ChannelMessage[]> {
    return this.waitFor(() => {
      const sent = this.channelMessages.filter((message) => message.channelId === channelId);
      return sent.length >= count ? sent : undefined;
    });
  }

  /** Sends a gateway dispatch to one shard. */
  dispatch(event: string, data: unknown, shardId = 0): void {
    const connection = this.sockets.get(shardId);
    if (connection === undefined) throw new Error(`Shard ${shardId} is not connected to the fake gateway.`);
    connection.sequence += 1;
    this.dispatches.push({ event, shardId, data });
    connection.socket.send(JSON.stringify({ op: 0, t: event, s: connection.sequence, d: data }));
  }

  /** Builds (without sending) a slash command interaction, e.g. for HTTP mode. */
  commandInteraction(name: string, options: Record<string, string | number | boolean> = {}, actor: FakeActor = {}): Record<string, unknown> & { id: string; token: string } {
    return this.interaction(2, { id: this.snowflake(), name, type: 1, options: commandOptions(options) }, actor);
  }

  autocompleteInteraction(name: string, options: Record<string, string | number | boolean>, focused: string, actor: FakeActor = {}): Record<string, unknown> & { id: string; token: string } {
    const data = { id: this.snowflake(), name, type: 1, options: commandOptions(options).map((option) => (option.name === focused ? { ...option, type: 3, value: String(option.value), focused: true } : option)) };
    return this.interaction(4, data, actor);
  }

  /** A button press on `message` (by default the newest message carrying this custom id). */
  buttonInteraction(customId: string, message?: FakeMessage, actor: FakeActor = {}): Record<string, unknown> & { id: string; token: string } {
    const on = message ?? this.messageWithButton(customId);
    if (on === undefined) throw new Error(`No message carries a button with custom_id ${customId}.`);
    const built = this.interaction(3, { custom_id: customId, component_type: 2 }, { channelId: on.channel_id, ...actor }, on);
    const record = this.interactions.get(built.token);
    if (record !== undefined) record.messageId = on.id;
    return built;
  }

  sendCommand(name: string, options: Record<string, string | number | boolean> = {}, actor: FakeActor = {}): { id: string; token: string } {
    return this.send(this.commandInteraction(name, options, actor));
  }

  sendAutocomplete(name: string, options: Record<string, string | number | boolean>, focused: string, actor: FakeActor = {}): { id: string; token: string } {
    return this.send(this.autocompleteInteraction(name, options, focused, actor));
  }

  pressButton(customId: string, message?: FakeMessage, actor: FakeActor = {}): { id: string; token: string } {
    return this.send(this.buttonInteraction(customId, message, actor));
  }

  /** The message the interaction's answer lives in (after a reply, deferral or update). */
  messageOf(interactionToken: string): FakeMessage | undefined {
    const id = this.interactions.get(interactionToken)?.messageId;
    return id === undefined ? undefined : this.messages.get(id);
  }

  async close(): Promise<void> {
    for (const { socket } of this.sockets.values()) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(payload: Record<string, unknown> & { id: string; token: string }): { id: string; token: string } {
    const guildId = typeof payload.guild_id === 'string' ? BigInt(payload.guild_id) : undefined;
    const shardCount = Math.max(1, this.identifies[0]?.shard[1] ?? 1);
    const shardId = guildId === undefined ? 0 : Number((guildId >> 22n) % BigInt(shardCount));
    this.dispatch('INTERACTION_CREATE', payload, shardId);
    return { id: payload.id, token: payload.token };
  }

  private interaction(type: number, data: Record<string, unknown>, actor: FakeActor, message?: FakeMessage): Record<string, unknown> & { id: string; token: string } {
    const id = this.snowflake();
    const token = `interaction-token-${id}`;
    const guildId = actor.guildId === undefined ? FAKE_GUILD_ID : actor.guildId;
    const channelId = actor.channelId ?? FAKE_CHANNEL_ID;
    const user = { id: actor.userId ?? FAKE_USER_ID, username: actor.userName ?? 'reader', discriminator: '0', global_name: actor.userName ?? 'Reader', avatar: null };
    const permissions = actor.permissions ?? String(actor.canManageChannel === true ? VIEW_AND_SEND | MANAGE_CHANNELS : VIEW_AND_SEND);
    const payload: Record<string, unknown> & { id: string; token: string } = {
      id,
      token,
      type,
      application_id: this.applicationId,
      version: 1,
      data,
      channel_id: channelId,
      channel: guildId === null ? { id: channelId, type: 1 } : { id: channelId, type: 0, guild_id: guildId, name: 'papers' },
      locale: 'en-US',
      app_permissions: String(VIEW_AND_SEND),
      entitlements: [],
      authorizing_integration_owners: guildId === null ? { '1': user.id } : { '0': guildId },
      context: guildId === null ? 1 : 0,
      attachment_size_limit: 26_214_400,
      ...(guildId === null
        ? { user }
        : { guild_id: guildId, guild_locale: 'en-US', member: { user, roles: [], permissions, joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false } }),
      ...(message === undefined ? {} : { message }),
    };
    this.interactions.set(token, { payload });
    return payload;
  }

  private messageWithButton(customId: string): FakeMessage | undefined {
    const all = [...this.messages.values()].reverse();
    return all.find((message) =>
      (message.components ?? []).some((row) => ((row as { components?: { custom_id?: string }[] }).components ?? []).some((button) => button.custom_id === customId)),
    );
  }

  private snowflake(): string {
    this.nextSnowflake += 1n;
    return this.nextSnowflake.toString();
  }

  private changed(): void {
    this.changes.emit('change');
  }

  // ---- gateway ---------------------------------------------------------------------------

  private handleGateway(socket: WebSocket): void {
    let shardId: number | undefined;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      const d = (packet.d ?? {}) as Record<string, unknown>;
      if (packet.op === 1) {
        this.heartbeatAcks += 1;
        socket.send(JSON.stringify({ op: 11 }));
      } else if (packet.op === 2) {
        if (d.token !== this.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        const shard = (d.shard as [number, number] | undefined) ?? [0, 1];
        shardId = shard[0];
        this.identifies.push({ token: String(d.token), intents: Number(d.intents), shard });
        this.sockets.set(shardId, { socket, sequence: 0 });
        this.dispatch(
          'READY',
          { v: 10, user: this.botUser, guilds: [], session_id: `session-${shardId}-${this.snowflake()}`, resume_gateway_url: this.gatewayUrl, shard, application: { id: this.applicationId, flags: 0 } },
          shardId,
        );
      } else if (packet.op === 6) {
        shardId = this.identifies.find((identify) => identify.token === d.token)?.shard[0] ?? 0;
        this.sockets.set(shardId, { socket, sequence: Number(d.seq ?? 0) });
        this.dispatch('RESUMED', {}, shardId);
      }
      this.changed();
    });
    socket.on('close', () => {
      if (shardId !== undefined && this.sockets.get(shardId)?.socket === socket) this.sockets.delete(shardId);
      this.changed();
    });
  }

  // ---- REST ------------------------------------------------------------------------------

  private async handleHttp(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', this.origin);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const { body, files } = await parseBody(raw, incoming.headers['content-type']);
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, '')),
      query: url.searchParams,
      headers: incoming.headers,
      body,
      files,
    };
    this.requests.push(request);
    let answer: FakeResponse;
    try {
      answer = this.interceptors.map((handler) => handler(request)).find((result) => result !== undefined) ?? this.route(request);
    } catch (error) {
      answer = discordError(500, 0, String(error));
    }
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, { ...(text === '' ? {} : { 'content-type': 'application/json' }), ...answer.headers });
    response.end(text);
    this.changed();
  }

  private route(request: RecordedRequest): FakeResponse {
    const { method, path } = request;
    const botAuthorized = request.headers.authorization === `Bot ${this.token}`;
    const needsBot = (): FakeResponse | undefined => (botAuthorized ? undefined : discordError(401, 0, '401: Unauthorized'));
    let match: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway') return { status: 200, body: { url: this.gatewayUrl } };
    if (method === 'GET' && path === '/gateway/bot') {
      return (
        needsBot() ?? {
          status: 200,
          body: {
            url: this.gatewayUrl,
            shards: this.options.recommendedShards,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
          },
        }
      );
    }
    if (method === 'GET' && path === '/users/@me') return needsBot() ?? { status: 200, body: this.botUser };

    if ((match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && method === 'POST') {
      return this.interactionCallback(match[1] ?? '', match[2] ?? '', request);
    }
    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      return this.webhookMessage(method, match[1] ?? '', match[2] ?? '', match[3] ?? '', request);
    }
    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) && method === 'POST') {
      const [, applicationId = '', token = ''] = match;
      const record = this.interactions.get(token);
      if (record === undefined) return discordError(404, 10015, 'Unknown Webhook');
      const message = this.createMessage(String(record.payload.channel_id), asRecord(request.body), request.files);
      this.webhookCalls.push({ kind: 'followup', applicationId, token, messageId: message.id, body: asRecord(request.body), files: request.files });
      return { status: 200, body: message };
    }
    if ((match = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      const denied = needsBot();
      if (denied !== undefined) return denied;
      const channelId = match[1] ?? '';
      const message = this.createMessage(channelId, asRecord(request.body), request.files);
      this.channelMessages.push({ channelId, id: message.id, body: asRecord(request.body) ?? {}, files: request.files });
      return { status: 200, body: message };
    }
    if ((match = path.match(/^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/))) {
      const denied = needsBot();
      if (denied !== undefined) return denied;
      if (match[1] !== this.applicationId) return discordError(403, 50001, 'Missing Access');
      const scope = match[2] ?? 'global';
      if (method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
      if (method === 'PUT') {
        const definitions = (Array.isArray(request.body) ? request.body : []) as Record<string, unknown>[];
        const stored = definitions.map((definition) => ({
          id: this.snowflake(),
          application_id: this.applicationId,
          version: this.snowflake(),
          ...(scope === 'global' ? {} : { guild_id: scope }),
          default_member_permissions: null,
          nsfw: false,
          ...definition,
        }));
        this.commands.set(scope, stored);
        return { status: 200, body: stored };
      }
    }
    return discordError(404, 0, `404: Not Found (${method} ${path})`);
  }

  private interactionCallback(interactionId: string, token: string, request: RecordedRequest): FakeResponse {
    const record = this.interactions.get(token);
    if (record === undefined || record.payload.id !== interactionId) return discordError(404, 10062, 'Unknown interaction');
    if (this.interactionCallbacks.some((callback) => callback.interactionId === interactionId)) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    const body = asRecord(request.body) ?? {};
    const type = Number(body.type);
    const data = asRecord(body.data);
    this.interactionCallbacks.push({ interactionId, token, type, data, files: request.files });
    const channelId = String(record.payload.channel_id);
    if (type === 4 || type === 5) {
      record.messageId = this.createMessage(channelId, type === 5 ? { content: '', flags: Number(data?.flags ?? 0) | 128 } : data, request.files).id;
    } else if (type === 7 && record.messageId !== undefined) {
      this.editMessage(record.messageId, data, request.files);
    }
    return { status: 204 };
  }

  private webhookMessage(method: string, applicationId: string, token: string, messageRef: string, request: RecordedRequest): FakeResponse {
    const record = this.interactions.get(token);
    if (record === undefined || applicationId !== this.applicationId) return discordError(404, 10015, 'Unknown Webhook');
    // An interaction answered in an HTTP response (HTTP mode) has an original message this fake never saw.
    if (messageRef === '@original' && record.messageId === undefined) record.messageId = this.createMessage(String(record.payload.channel_id), undefined, []).id;
    const messageId = messageRef === '@original' ? record.messageId : messageRef;
    const message = messageId === undefined ? undefined : this.messages.get(messageId);
    if (messageId === undefined || message === undefined) return discordError(404, 10008, 'Unknown Message');
    if (method === 'GET') return { status: 200, body: message };
    if (method === 'PATCH') {
      this.webhookCalls.push({ kind: 'edit', applicationId, token, messageId, body: asRecord(request.body), files: request.files });
      return { status: 200, body: this.editMessage(messageId, asRecord(request.body), request.files) };
    }
    if (method === 'DELETE') {
      this.webhookCalls.push({ kind: 'delete', applicationId, token, messageId, body: undefined, files: [] });
      this.messages.delete(messageId);
      return { status: 204 };
    }
    return discordError(405, 0, '405: Method Not Allowed');
  }

  private createMessage(channelId: string, body: Record<string, unknown> | undefined, files: FakeFile[]): FakeMessage {
    const id = this.snowflake();
    const message: FakeMessage = {
      id,
      channel_id: channelId,
      type: 0,
      author: this.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      application_id: this.applicationId,
    };
    this.messages.set(id, message);
    return this.editMessage(id, body, files);
  }

  private editMessage(id: string, body: Record<string, unknown> | undefined, files: FakeFile[]): FakeMessage {
    const message = this.messages.get(id);
    if (message === undefined) throw new Error(`Unknown message ${id}`);
    for (const field of ['content', 'embeds', 'components', 'flags']) if (body?.[field] !== undefined) (message as Record<string, unknown>)[field] = body[field];
    if (body?.attachments !== undefined || files.length > 0) {
      message.attachments = files.map((file, position) => ({
        id: this.snowflake(),
        filename: file.name,
        size: file.data.length,
        url: `${this.origin}/attachments/${id}/${position}/${file.name}`,
        proxy_url: `${this.origin}/attachments/${id}/${position}/${file.name}`,
        content_type: file.contentType,
      }));
    }
    if (message.edited_timestamp === null && body !== undefined && this.webhookCalls.some((call) => call.messageId === id)) message.edited_timestamp = new Date().toISOString();
    return message;
  }
}

function commandOptions(options: Record<string, string | number | boolean>): { name: string; type: number; value: string | number | boolean }[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3,
    value,
  }));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** JSON, or multipart with payload_json and files[n] (what @discordjs/rest sends with files). */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: FakeFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data') === true) {
    const form = await new Request('http://fake.local/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const files: FakeFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return { body: raw.toString('utf8'), files: [] };
  }
}
