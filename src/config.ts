// The environment, validated once with zod. Every error names the variable and how to fix it,
// so a bad deployment fails with one clear line instead of a stack trace deep in an SDK.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ErrorCode, PaperbotError } from './core/errors.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A whole number in an environment variable (which is always a string). */
const integerString = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const EnvSchema = z.object({
  DATABASE_URL: optionalString,
  PAPERS_PATH: optionalString,
  DATA_DIR: optionalString,
  PORT: optionalString.pipe(integerString(0, 65535).optional()),
  PUBLIC_URL: optionalString.pipe(z.string().url('must be the https:// address where Slack and Discord reach this bot').optional()),
  LOG_LEVEL: optionalString.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.pipe(z.string().regex(/^\d{15,22}$/, 'must be the numeric application id from the Discord developer portal').optional()),
  DISCORD_PUBLIC_KEY: optionalString.pipe(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the public key from the Discord developer portal').optional()),
  DISCORD_GUILD_ID: optionalString.pipe(z.string().regex(/^\d{15,22}$/, 'must be a numeric guild (server) id').optional()),
  DISCORD_API_URL: optionalString.pipe(z.string().url().optional()),
  DISCORD_SHARDS: optionalString.pipe(z.union([z.literal('auto'), integerString(1, 10_000)], 'must be a number of shards or auto').optional()),
  SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
  SLACK_API_URL: optionalString.pipe(z.string().url().optional()),
  SLACK_SUBSCRIPTION_MANAGERS: optionalString,
  DIGEST_POLL_SECONDS: optionalString.pipe(integerString(1, 86_400).optional()),
  HTTP_WORKERS: optionalString.pipe(z.union([z.literal('auto'), integerString(1, 64)], 'must be a number of processes (1 to 64) or auto').optional()),
});

export interface Config {
  databaseUrl: string;
  papersPath: string;
  dataDir: string;
  port: number;
  /** Where the platforms reach this bot from the internet (the Slack manifest's request URLs). */
  publicUrl?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  discord: {
    token?: string;
    applicationId?: string;
    publicKey?: string;
    guildId?: string;
    apiUrl?: string;
    shards?: number | 'auto';
  };
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    /** Slack user ids allowed to manage subscriptions besides channel managers and admins. */
    subscriptionManagers: string[];
  };
  digestPollSeconds: number;
  /** Processes serving the HTTP endpoints on PORT (node:cluster); 1 runs everything in this process. */
  httpWorkers: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new PaperbotError(ErrorCode.ConfigInvalid, `${variable} ${issue?.message ?? 'is invalid'}.`, {
      hint: `Set ${variable} in your environment or .env file (see .env.example).`,
    });
  }
  const values = parsed.data;
  const config: Config = {
    databaseUrl: values.DATABASE_URL ?? 'var/paperbot.sqlite',
    papersPath: values.PAPERS_PATH ?? 'data/papers.json',
    dataDir: values.DATA_DIR ?? 'data',
    port: values.PORT ?? 3000,
    publicUrl: values.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: values.LOG_LEVEL ?? 'info',
    discord: {
      token: values.DISCORD_TOKEN,
      applicationId: values.DISCORD_APPLICATION_ID,
      publicKey: values.DISCORD_PUBLIC_KEY?.toLowerCase(),
      guildId: values.DISCORD_GUILD_ID,
      apiUrl: values.DISCORD_API_URL,
      shards: values.DISCORD_SHARDS,
    },
    slack: {
      botToken: values.SLACK_BOT_TOKEN,
      signingSecret: values.SLACK_SIGNING_SECRET,
      appToken: values.SLACK_APP_TOKEN,
      apiUrl: values.SLACK_API_URL,
      subscriptionManagers: (values.SLACK_SUBSCRIPTION_MANAGERS ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    },
    digestPollSeconds: values.DIGEST_POLL_SECONDS ?? 30,
    httpWorkers: values.HTTP_WORKERS === 'auto' ? availableParallelism() : (values.HTTP_WORKERS ?? 1),
  };
  if (config.slack.botToken !== undefined && config.slack.signingSecret === undefined && config.slack.appToken === undefined) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, 'SLACK_SIGNING_SECRET is missing: SLACK_BOT_TOKEN is set without it.', {
      hint: 'Set SLACK_SIGNING_SECRET (Basic Information > App Credentials), or SLACK_APP_TOKEN for Socket Mode.',
    });
  }
  if (config.httpWorkers > 1 && !servesHttpEndpoints(config)) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, `HTTP_WORKERS is ${config.httpWorkers}, but no HTTP endpoint is configured.`, {
      hint: 'Extra processes only serve Discord HTTP interactions (DISCORD_PUBLIC_KEY) and Slack over HTTP (SLACK_SIGNING_SECRET without SLACK_APP_TOKEN); the gateway and Socket Mode run in one process. Unset HTTP_WORKERS or configure an HTTP endpoint.',
    });
  }
  if (config.httpWorkers > 1 && /(^|:)(:memory:)$/.test(config.databaseUrl)) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, 'HTTP_WORKERS needs a database the processes can share, not :memory:.', {
      hint: 'Set DATABASE_URL to a SQLite file or a PostgreSQL URL, or unset HTTP_WORKERS.',
    });
  }
  return config;
}

/** Whether Discord or Slack reach this bot over HTTP (rather than only through the gateway or Socket Mode). */
export function servesHttpEndpoints(config: Config): boolean {
  const { slack } = config;
  return config.discord.publicKey !== undefined || (slack.botToken !== undefined && slack.signingSecret !== undefined && slack.appToken === undefined);
}
