// The Slack platform service: a Bolt App over the shared HTTP server (SLACK_BOT_TOKEN +
// SLACK_SIGNING_SECRET: POST /slack/events on PORT, beside Discord and /healthz) or over Socket
// Mode (SLACK_APP_TOKEN as well: no public URL). SLACK_API_URL points the Web API elsewhere
// (tests, proxies). The token is checked with auth.test at start-up so a bad one fails loudly.
// @see https://docs.slack.dev/tools/bolt-js/getting-started
// @see https://docs.slack.dev/apis/events-api/using-socket-mode
import { App, LogLevel, SocketModeReceiver, type Logger as BoltLogger, type Receiver, type webApi } from '@slack/bolt';
import type { PlatformService } from '../../app/platformServices.js';
import type { PaperbotRuntime } from '../../app/runtime.js';
import type { Config } from '../../config.js';
import { ErrorCode, PaperbotError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { RouteHandler } from '../../server/httpServer.js';
import { slackErrorCode } from './slackDelivery.js';
import { SLACK_EVENTS_PATH } from './slackEndpoints.js';
import { registerSlackListeners } from './slackListeners.js';
import { SharedServerReceiver } from './sharedServerReceiver.js';

/**
 * Slack answers 429 with Retry-After and the client waits that long; beyond that, a chat reply
 * that is minutes late is worse than an error, so give up after a few tries.
 */
const RETRY_POLICY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 5_000, randomize: true };

/** The platform service loader: undefined when Slack is not configured. */
export async function loadSlackService(runtime: PaperbotRuntime, config: Config, logger: Logger): Promise<PlatformService | undefined> {
  if (config.slack.botToken === undefined) return undefined;
  return createSlackService(runtime, config, logger);
}

export function createSlackService(runtime: PaperbotRuntime, config: Config, logger: Logger): PlatformService {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (botToken === undefined) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, 'SLACK_BOT_TOKEN is missing.', { hint: 'Set SLACK_BOT_TOKEN (OAuth & Permissions > Bot User OAuth Token).' });
  }
  const boltLogger = toBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = { retryConfig: RETRY_POLICY, ...(apiUrl === undefined ? {} : { slackApiUrl: apiUrl }) };
  const socketMode = appToken !== undefined;

  let receiver: Receiver;
  let routes: Map<string, RouteHandler> | undefined;
  if (socketMode) {
    receiver = new SocketModeReceiver({
      appToken,
      logger: boltLogger,
      // apps.connections.open goes through this client; it must honour SLACK_API_URL too.
      installerOptions: { clientOptions: { ...(apiUrl === undefined ? {} : { slackApiUrl: apiUrl }) } },
    });
  } else {
    if (signingSecret === undefined) {
      throw new PaperbotError(ErrorCode.ConfigInvalid, 'SLACK_SIGNING_SECRET is missing.', {
        hint: 'Set SLACK_SIGNING_SECRET (Basic Information > App Credentials), or SLACK_APP_TOKEN for Socket Mode.',
      });
    }
    const shared = new SharedServerReceiver({ signingSecret, logger, boltLogger });
    receiver = shared;
    routes = new Map([[`POST ${SLACK_EVENTS_PATH}`, shared.handle]]);
  }

  const app = new App({
    token: botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    // auth.test runs in start(), where a failure can stop start-up with a clear message.
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (error) => {
    logger.error('slack app error', { error });
  });
  registerSlackListeners(app, { runtime, logger, subscriptionManagers: config.slack.subscriptionManagers });

  return {
    name: socketMode ? 'slack (socket mode)' : 'slack (http)',
    routes,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new PaperbotError(ErrorCode.ConfigInvalid, `Slack refused SLACK_BOT_TOKEN (${slackErrorCode(error)}).`, {
          hint: 'Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions after installing the app to the workspace.',
          cause: error,
        });
      }
      try {
        await app.start();
      } catch (error) {
        throw new PaperbotError(ErrorCode.ConfigInvalid, `Slack Socket Mode could not connect (${slackErrorCode(error)}).`, {
          hint: 'Check SLACK_APP_TOKEN (Basic Information > App-Level Tokens, scope connections:write) and that Socket Mode is enabled.',
          cause: error,
        });
      }
    },
    async stop() {
      await app.stop();
    },
  };
}

/** Bolt and the Web API client log through our logger (JSON lines on stderr). */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = 'slack';
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]): void => {
    logger[method](parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' '), { component: name });
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: (next) => void (name = next),
  };
}
