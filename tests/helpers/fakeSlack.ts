// A small Slack-compatible server on loopback for tests: the Web API (what @slack/web-api's
// WebClient calls when `slackApiUrl` points here), response_url endpoints, the file upload URL of
// files.getUploadURLExternal, and a Socket Mode WebSocket. It records every call so tests can
// assert what reached Slack, and can be told to fail calls the way Slack does.
//
// Usage:
//   const slack = await startFakeSlack();                 // botToken 'xoxb-test-token'
//   const config = loadConfig({ SLACK_BOT_TOKEN: slack.botToken, SLACK_API_URL: slack.apiUrl, ... });
//   const responseUrl = slack.newResponseUrl();           // put it in a slash command / block action
//   ... send the request ...
//   const [reply] = await slack.waitForResponses(responseUrl);   // JSON posted to response_url
//   await slack.waitForCalls('chat.postMessage');          // Web API calls, params decoded
//   slack.failNext('chat.postMessage', { error: 'channel_not_found' });
//   slack.failNext('chat.postMessage', { ratelimited: { retryAfterSeconds: 1 } });  // HTTP 429 + Retry-After
//   slack.setUser('U1', { is_admin: true });  slack.setChannel('C1', { creator: 'U2' });
//   await slack.close();
//
// Web API methods: auth.test, chat.postMessage, chat.postEphemeral, chat.update, chat.delete,
// files.getUploadURLExternal (+ POST to the returned upload_url), files.completeUploadExternal,
// users.info, conversations.info, apps.connections.open (Socket Mode, needs the app token).
// Other methods answer { ok: false, error: 'unknown_method' }. A wrong bot token gets invalid_auth.
//
// Socket Mode: `await slack.waitForSocketConnection()` after the app starts, then
// `await slack.sendSocketEnvelope('slash_commands', payload)` returns the app's acknowledgement.
//
// Waiting never uses timers: `waitFor(check)` re-runs `check` whenever something is recorded and
// resolves with its first non-undefined result (the test runner's timeout bounds a hang).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** Marks a response_url post that carries a slash command's ack answer (see postSigned in slackTestBot.ts). */
export const ACK_ANSWER_HEADER = 'x-fake-slack-ack-answer';

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

/** One Web API call as the server saw it: form or JSON body decoded, JSON-valued fields parsed. */
export interface FakeSlackCall {
  method: string;
  params: Record<string, unknown>;
  /** The bearer token it carried (header or `token` param). */
  token?: string;
}

export interface FakeResponsePost {
  /** The response_url that was posted to. */
  url: string;
  body: Record<string, unknown>;
  /** The message came in the slash command's acknowledgement, not through the response_url. */
  inAck?: boolean;
}

export interface FakeUpload {
  fileId: string;
  filename: string;
  /** Length declared to files.getUploadURLExternal. */
  length: number;
  altText?: string;
  /** The file bytes posted to the upload URL (the multipart file part when multipart). */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  completed: boolean;
  channelId?: string;
  title?: string;
  initialComment?: string;
}

export type FakeSlackFailure =
  /** `{ ok: false, error }` with HTTP 200, as Slack reports platform errors. */
  | { error: string }
  /** HTTP 429 with Retry-After (seconds), as Slack rate-limits. */
  | { ratelimited: { retryAfterSeconds: number } }
  /** A bare HTTP status (e.g. 500), as an outage looks. */
  | { httpStatus: number };

export interface FakeSlackUser {
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface FakeSlackChannel {
  name?: string;
  creator?: string;
  is_private?: boolean;
}

export interface FakeSocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSlack {
  /** Base URL of the server, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  /** The Web API base for SLACK_API_URL / clientOptions.slackApiUrl (ends with /api/). */
  readonly apiUrl: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  /** Every Web API call in arrival order (uploads to the upload URL are in `uploads`). */
  readonly calls: readonly FakeSlackCall[];
  readonly responses: readonly FakeResponsePost[];
  readonly uploads: readonly FakeUpload[];
  callsTo(method: string): FakeSlackCall[];
  /** A fresh response_url hosted by this server. */
  newResponseUrl(): string;
  responsesTo(url: string): Record<string, unknown>[];
  /** The next `times` calls of `method` (or the upload URL, method 'upload') fail like this. */
  failNext(method: string, failure: FakeSlackFailure, times?: number): void;
  setUser(id: string, user: FakeSlackUser): void;
  setChannel(id: string, channel: FakeSlackChannel): void;
  waitFor<T>(check: () => T | undefined): Promise<T>;
  waitForCalls(method: string, count?: number): Promise<FakeSlackCall[]>;
  waitForResponses(url: string, count?: number): Promise<Record<string, unknown>[]>;
  waitForSocketConnection(): Promise<void>;
  /** Sends a Socket Mode envelope and resolves with the app's ack for it. */
  sendSocketEnvelope(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<FakeSocketAck>;
  /** Everything shown for a response_url, with how it came. */
  responsePosts(url: string): FakeResponsePost[];
  /** What Slack does with the HTTP answer to a slash command it posted: a message in it is shown as a response. */
  recordAckAnswer(responseUrl: string, message: Record<string, unknown> | undefined): void;
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? 'xoxb-test-token';
  const appToken = options.appToken ?? 'xapp-test-token';
  const teamId = options.teamId ?? 'T0TEST';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';

  const calls: FakeSlackCall[] = [];
  const responses: FakeResponsePost[] = [];
  const uploads: FakeUpload[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  const users = new Map<string, FakeSlackUser>();
  const channels = new Map<string, FakeSlackChannel>();
  const waiters = new Set<() => void>();
  const sockets = new Set<WebSocket>();
  const pendingAcks = new Map<string, (ack: FakeSocketAck) => void>();
  let messageCounter = 0;

  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };

  /**
   * A slash command acknowledged with a message: Slack shows it just as if it had been posted to
   * the command's response_url, so it is recorded as such (waitForResponses sees both paths).
   * @see https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
   */
  const recordAckAnswer = (responseUrl: unknown, message: Record<string, unknown> | undefined): void => {
    if (typeof responseUrl !== 'string' || message === undefined || Object.keys(message).length === 0) return;
    responses.push({ url: responseUrl, body: message, inAck: true });
    notify();
  };

  const takeFailure = (method: string): FakeSlackFailure | undefined => {
    const queue = failures.get(method);
    const failure = queue?.shift();
    if (queue !== undefined && queue.length === 0) failures.delete(method);
    return failure;
  };

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: String(error) });
    });
  });
  const socketServer = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (!(request.url ?? '').startsWith('/socket')) {
      socket.destroy();
      return;
    }
    socketServer.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        notify();
      });
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as FakeSocketAck;
        pendingAcks.get(message.envelope_id)?.(message);
        pendingAcks.delete(message.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' }, debug_info: { host: 'fake-slack' } }));
      notify();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const raw = await readBody(request);
    if (path.startsWith('/response/')) {
      const failure = takeFailure('response_url');
      if (failure !== undefined) return sendFailure(response, failure);
      const inAck = request.headers[ACK_ANSWER_HEADER] === '1';
      responses.push({ url: `${baseUrl}${path}`, body: JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>, ...(inAck ? { inAck } : {}) });
      notify();
      return sendJson(response, 200, { ok: true });
    }
    if (path.startsWith('/upload/')) {
      const failure = takeFailure('upload');
      if (failure !== undefined) return sendFailure(response, failure);
      const upload = uploads.find((candidate) => candidate.fileId === path.slice('/upload/'.length));
      if (upload === undefined) return sendJson(response, 404, { ok: false, error: 'no such upload' });
      upload.bytes = fileBytes(raw, request.headers['content-type']);
      notify();
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`OK - ${upload.bytes.length}`);
      return;
    }
    if (!path.startsWith('/api/')) return sendJson(response, 404, { ok: false, error: 'not_found' });

    const method = path.slice('/api/'.length);
    const params = decodeParams(raw, request.headers['content-type']);
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length) : typeof params.token === 'string' ? params.token : undefined;
    calls.push({ method, params, token });
    notify();
    const failure = takeFailure(method);
    if (failure !== undefined) return sendFailure(response, failure);
    const expectedToken = method === 'apps.connections.open' ? appToken : botToken;
    if (token !== expectedToken) return sendJson(response, 200, { ok: false, error: token === undefined ? 'not_authed' : 'invalid_auth' });
    sendJson(response, 200, answer(method, params));
    // Answers change recorded state (uploads complete); let waiters look again.
    notify();
  }

  function answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'paperbot', team_id: teamId, user_id: botUserId, bot_id: botId };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const channel = String(params.channel ?? '');
        if (channel === '') return { ok: false, error: 'channel_not_found' };
        messageCounter += 1;
        const ts = method === 'chat.update' ? String(params.ts ?? '') : `1700000000.${String(messageCounter).padStart(6, '0')}`;
        return method === 'chat.postEphemeral'
          ? { ok: true, message_ts: ts }
          : { ok: true, channel, ts, message: { type: 'message', text: params.text, blocks: params.blocks, user: botUserId, bot_id: botId, ts } };
      }
      case 'chat.delete':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'files.getUploadURLExternal': {
        const fileId = `F${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
        uploads.push({
          fileId,
          filename: String(params.filename ?? ''),
          length: Number(params.length ?? 0),
          altText: typeof params.alt_text === 'string' ? params.alt_text : undefined,
          completed: false,
        });
        return { ok: true, upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(params.files) ? params.files : []) as { id?: string; title?: string }[];
        const done = [];
        for (const file of files) {
          const upload = uploads.find((candidate) => candidate.fileId === file.id);
          if (upload === undefined || upload.bytes === undefined) return { ok: false, error: 'file_not_found' };
          upload.completed = true;
          upload.title = file.title;
          upload.channelId = typeof params.channel_id === 'string' ? params.channel_id : undefined;
          upload.initialComment = typeof params.initial_comment === 'string' ? params.initial_comment : undefined;
          done.push({ id: upload.fileId, name: upload.filename, title: file.title ?? upload.filename });
        }
        return { ok: true, files: done };
      }
      case 'users.info': {
        const id = String(params.user ?? '');
        const user = users.get(id);
        if (user === undefined) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, team_id: teamId, name: user.name ?? id, is_admin: false, is_owner: false, is_primary_owner: false, ...user } };
      }
      case 'conversations.info': {
        const id = String(params.channel ?? '');
        const channel = channels.get(id);
        if (channel === undefined) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id, name: channel.name ?? id, is_private: channel.is_private ?? false, creator: channel.creator ?? 'U0NOBODY' } };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${baseUrl.replace(/^http/, 'ws')}/socket?ticket=${randomUUID()}` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T>(check: () => T | undefined): Promise<T> =>
    new Promise<T>((resolve) => {
      const attempt = (): void => {
        const result = check();
        if (result === undefined) return;
        waiters.delete(attempt);
        resolve(result);
      };
      waiters.add(attempt);
      attempt();
    });

  const callsTo = (method: string): FakeSlackCall[] => calls.filter((call) => call.method === method);
  const responsesTo = (url: string): Record<string, unknown>[] => responses.filter((post) => post.url === url).map((post) => post.body);

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    botToken,
    appToken,
    teamId,
    botUserId,
    calls,
    responses,
    uploads,
    callsTo,
    newResponseUrl: () => `${baseUrl}/response/${randomUUID()}`,
    responsesTo,
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    setUser: (id, user) => void users.set(id, user),
    setChannel: (id, channel) => void channels.set(id, channel),
    waitFor,
    waitForCalls: (method, count = 1) => waitFor(() => (callsTo(method).length >= count ? callsTo(method) : undefined)),
    responsePosts: (url) => responses.filter((post) => post.url === url),
    waitForResponses: (url, count = 1) => waitFor(() => (responsesTo(url).length >= count ? responsesTo(url) : undefined)),
    waitForSocketConnection: () => waitFor(() => ([...sockets].some((socket) => socket.readyState === socket.OPEN) ? true : undefined)).then(() => undefined),
    recordAckAnswer,
    sendSocketEnvelope(type, payload) {
      const socket = [...sockets][0];
      if (socket === undefined) return Promise.reject(new Error('no Socket Mode client is connected'));
      const envelopeId = randomUUID();
      const acked = new Promise<FakeSocketAck>((resolve) => pendingAcks.set(envelopeId, resolve));
      socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      return acked.then((ack) => {
        recordAckAnswer(type === 'slash_commands' ? payload.response_url : undefined, ack.payload);
        return ack;
      });
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      socketServer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function sendFailure(response: ServerResponse, failure: FakeSlackFailure): void {
  if ('error' in failure) return sendJson(response, 200, { ok: false, error: failure.error });
  if ('ratelimited' in failure) {
    const text = JSON.stringify({ ok: false, error: 'ratelimited' });
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(failure.ratelimited.retryAfterSeconds) });
    response.end(text);
    return;
  }
  response.writeHead(failure.httpStatus, { 'content-type': 'text/plain' });
  response.end('fake outage');
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** WebClient sends form bodies with objects as JSON strings; parse those back into values. */
function decodeParams(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (text === '') return {};
  if (contentType?.includes('application/json') === true) return JSON.parse(text) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    params[name] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return params;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The file part of a multipart/form-data body, or the raw body when it is not multipart. */
function fileBytes(raw: Buffer, contentType: string | undefined): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return raw;
  const delimiter = Buffer.from(`--${marker}`);
  const start = raw.indexOf(delimiter);
  if (start < 0) return raw;
  const headerEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(Buffer.from(`\r\n--${marker}`), headerEnd);
  return headerEnd < 0 || end < 0 ? raw : raw.subarray(headerEnd + 4, end);
}
