// Starts what the environment configures in one process: the Discord bot (gateway and/or HTTP
// interactions), the Slack app (HTTP or Socket Mode) and the digest scheduler, sharing one HTTP
// server on PORT with GET /healthz. `npm start` with no tokens never gets here (terminal chat).
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { createHttpServer, listen, type RouteHandler } from '../server/httpServer.js';
import type { PaperbotRuntime } from './runtime.js';

/** One platform or background service; it may add HTTP routes before the server starts. */
export interface PlatformService {
  readonly name: string;
  /** HTTP routes this service answers, e.g. "POST /discord/interactions". */
  readonly routes?: ReadonlyMap<string, RouteHandler>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What this process runs: everything, or (the extra processes of HTTP_WORKERS, see httpWorkers.ts)
 * only the HTTP endpoints, since a gateway connection, Socket Mode and the digest scheduler must
 * run once per bot.
 */
export type ServiceRole = 'all' | 'http-only';

/** Each entry decides from the config whether its service runs, and loads its module lazily. */
export type PlatformServiceLoader = (runtime: PaperbotRuntime, config: Config, logger: Logger, role: ServiceRole) => Promise<PlatformService | undefined>;

/** Platform adapters register here (one line each). */
export const PLATFORM_SERVICE_LOADERS: PlatformServiceLoader[] = [
  async (runtime, config, logger, role) => {
    // An HTTP-only process answers interactions with their own tokens; the gateway needs DISCORD_TOKEN and runs once.
    const discord = role === 'all' ? config.discord : { ...config.discord, token: undefined };
    if (discord.token === undefined && discord.publicKey === undefined) return undefined;
    return (await import('../adapters/discord/discordService.js')).loadDiscordService(runtime, { ...config, discord }, logger);
  },
  async (runtime, config, logger, role) => {
    if (config.slack.botToken === undefined || (role === 'http-only' && config.slack.appToken !== undefined)) return undefined;
    return (await import('../adapters/slack/slackService.js')).loadSlackService(runtime, config, logger);
  },
  async (runtime, config, logger, role) => (role === 'all' ? (await import('./digestService.js')).loadDigestService(runtime, config, logger) : undefined),
];

export interface RunningServices {
  services: PlatformService[];
  /** Present when some service needs HTTP. */
  server?: Server;
  port?: number;
  stop(): Promise<void>;
}

export function anyPlatformConfigured(config: Config): boolean {
  return config.discord.token !== undefined || config.discord.publicKey !== undefined || config.slack.botToken !== undefined;
}

export async function startPlatformServices(runtime: PaperbotRuntime, config: Config, logger: Logger, role: ServiceRole = 'all'): Promise<RunningServices> {
  const services: PlatformService[] = [];
  for (const load of PLATFORM_SERVICE_LOADERS) {
    const service = await load(runtime, config, logger, role);
    if (service !== undefined) services.push(service);
  }
  const routes = new Map<string, RouteHandler>();
  for (const service of services) for (const [route, handler] of service.routes ?? []) routes.set(route, handler);

  let server: Server | undefined;
  let port: number | undefined;
  if (routes.size > 0) {
    server = createHttpServer({ logger, routes, health: () => ({ papers: runtime.catalog.index.size, services: services.map((service) => service.name), pid: process.pid }) });
    port = await listen(server, config.port);
    logger.info('http server listening', { port, routes: [...routes.keys()] });
  }
  const started: PlatformService[] = [];
  const stop = async (): Promise<void> => {
    for (const service of started.reverse()) await service.stop().catch((error: unknown) => logger.warn('service stop failed', { service: service.name, error }));
    if (server !== undefined) await new Promise<void>((resolve) => server?.close(() => resolve()));
  };
  try {
    for (const service of services) {
      await service.start();
      started.push(service);
      logger.info('service started', { service: service.name });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { services, server, port, stop };
}
