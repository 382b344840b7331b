// The shared HTTP server as a platform (or a load balancer's health check) meets it: health,
// routing, raw bodies for signature checks, and a clear 413 for oversized bodies.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { createHttpServer, listen, MAX_BODY_BYTES, sendJson, type HttpRequest } from '../../src/server/httpServer.js';

let server: Server;
let base = '';
const received: HttpRequest[] = [];

beforeAll(async () => {
  server = createHttpServer({
    logger: silentLogger,
    routes: new Map([
      ['POST /echo', async (request, response) => {
        received.push(request);
        sendJson(response, 200, { bytes: request.rawBody.length, text: request.rawBody.toString('utf8') });
      }],
      ['POST /boom', async () => {
        throw new Error('handler bug');
      }],
    ]),
    health: () => ({ papers: 27 }),
  });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('shared HTTP server', () => {
  it('answers GET /healthz with status and details', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', papers: 27 });
  });

  it('hands routes the exact raw body', async () => {
    const body = 'payload=%7B%22a%22%3A1%7D&x= spaced ';
    const response = await fetch(`${base}/echo`, { method: 'POST', body });
    expect(await response.json()).toEqual({ bytes: Buffer.byteLength(body), text: body });
    expect(received.at(-1)?.rawBody.toString('utf8')).toBe(body);
  });

  it('says 404 for unknown paths and 405 for the wrong method', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/echo`)).status).toBe(405);
  });

  it('answers 413 to a body over the limit without running the handler', async () => {
    const before = received.length;
    const response = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(response.status).toBe(413);
    expect(received.length).toBe(before);
  });

  it('answers 500 without details when a handler throws', async () => {
    const response = await fetch(`${base}/boom`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal error' });
  });
});
