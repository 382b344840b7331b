// A Bolt Receiver fed by the bot's one shared HTTP server (src/server/httpServer.ts) instead of a
// server of its own, so Slack's POST /slack/events, Discord's endpoint and GET /healthz share
// PORT. It checks Slack's request signature before anything else: a missing header, a timestamp
// more than five minutes off (past or future), or a body changed after signing gets 401 and no
// listener runs. Then it hands the parsed body to Bolt exactly as Bolt's own HTTPReceiver does.
// @see https://docs.slack.dev/authentication/verifying-requests-from-slack
// @see https://docs.slack.dev/tools/bolt-js/concepts/receiver
import type { ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPResponseAck, verifySlackRequest, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { HttpRequest, RouteHandler } from '../../server/httpServer.js';

/** Slack's replay window: requests older (or newer) than this are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SharedServerReceiverOptions {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
  /** Injected in tests of the replay window. */
  nowMilliseconds?: () => number;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks `X-Slack-Signature` (v0 HMAC-SHA256 of `v0:{timestamp}:{body}`) and
 * `X-Slack-Request-Timestamp` (within five minutes of now, either way).
 */
export function checkSlackSignature(
  headers: HttpRequest['headers'],
  rawBody: Buffer,
  signingSecret: string,
  nowMilliseconds: number = Date.now(),
): SignatureCheck {
  const signature = headers['x-slack-signature'];
  const timestampHeader = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestampHeader !== 'string') return { ok: false, reason: 'missing signature headers' };
  if (!/^\d+$/.test(timestampHeader)) return { ok: false, reason: 'timestamp is not a number' };
  const timestamp = Number(timestampHeader);
  // Bolt's own check only refuses stale timestamps; one from the future is as suspect.
  if (Math.abs(Math.floor(nowMilliseconds / 1000) - timestamp) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'timestamp outside the five-minute window' };
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody.toString('utf8'),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'signature mismatch' };
  }
}

export class SharedServerReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: SharedServerReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The shared server is started by the platform services; nothing to open here. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The route handler for POST /slack/events on the shared server. */
  readonly handle: RouteHandler = async (request, response) => {
    const { logger } = this.options;
    const body = this.parseBody(request);
    // Slack's SSL check is unsigned; answer it and do nothing else with the body.
    if (body !== undefined && body.ssl_check === '1') return end(response, 200);

    const check = checkSlackSignature(request.headers, request.rawBody, this.options.signingSecret, this.options.nowMilliseconds?.());
    if (!check.ok) {
      logger.warn('slack request refused', { reason: check.reason });
      return end(response, 401);
    }
    if (body === undefined) return end(response, 400);
    if (body.type === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(response, body);
    if (this.app === undefined) return end(response, 503);

    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: request.incoming,
      httpRequestBody: body,
      httpResponse: response,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(request.incoming),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(request.incoming),
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      logger.error('slack event failed', { error });
      if (!response.headersSent) end(response, 500);
    }
  };

  /** Slash commands and interactions are form bodies (interactions as `payload=` JSON); events are JSON. */
  private parseBody(request: HttpRequest): Record<string, unknown> | undefined {
    const text = request.rawBody.toString('utf8');
    try {
      if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        const form = Object.fromEntries(new URLSearchParams(text));
        return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
      }
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}

function end(response: ServerResponse, status: number): void {
  HTTPModuleFunctions.buildNoBodyResponse(response, status);
}
