// The one HTTP server of a bot process: GET /healthz plus whatever platform endpoints are
// configured (POST /discord/interactions, POST /slack/events), all on PORT. Handlers get the raw
// body because both platforms sign the exact bytes they sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';

/** Discord and Slack bodies are small; anything larger is not from them. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
  /** The underlying request, for SDK receivers that want it. */
  incoming: IncomingMessage;
}

export type RouteHandler = (request: HttpRequest, response: ServerResponse) => Promise<void>;

export interface HttpServerOptions {
  logger: Logger;
  /** Key: "POST /discord/interactions". */
  routes: Map<string, RouteHandler>;
  health?: () => Record<string, unknown>;
}

export function createHttpServer(options: HttpServerOptions): Server {
  return createServer((incoming, response) => {
    void handle(incoming, response, options);
  });
}

async function handle(incoming: IncomingMessage, response: ServerResponse, options: HttpServerOptions): Promise<void> {
  const path = new URL(incoming.url ?? '/', 'http://localhost').pathname;
  const method = incoming.method ?? 'GET';
  try {
    if (method === 'GET' && path === '/healthz') {
      sendJson(response, 200, { status: 'ok', ...(options.health?.() ?? {}) });
      return;
    }
    const handler = options.routes.get(`${method} ${path}`);
    if (handler === undefined) {
      sendJson(response, options.routes.has(`POST ${path}`) ? 405 : 404, { error: 'not found' });
      return;
    }
    const rawBody = await readBody(incoming);
    if (rawBody === undefined) {
      response.setHeader('connection', 'close');
      sendJson(response, 413, { error: 'body too large' });
      return;
    }
    await handler({ method, path, headers: incoming.headers, rawBody, incoming }, response);
  } catch (error) {
    options.logger.error('http handler failed', { error, path });
    if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    else response.end();
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering but keep the socket: the caller still answers 413 and closes.
        chunks.length = 0;
        incoming.removeAllListeners('data');
        incoming.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

export async function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
