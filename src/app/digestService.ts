// Wires digests for a process: a poster per platform whose bot token is configured, a runner over
// the runtime's store and catalog, and (in the running bot) a scheduler that runs it every
// DIGEST_POLL_SECONDS. `paperbot digests run` uses the same runner once and exits.
import { DiscordPoster } from '../adapters/discord/discordPoster.js';
import { SlackPoster } from '../adapters/slack/slackPoster.js';
import type { Config } from '../config.js';
import type { DigestPoster } from '../core/digests/digestPoster.js';
import { DigestRunner, type DigestRunnerOptions } from '../core/digests/digestRunner.js';
import { DigestScheduler } from '../core/digests/digestScheduler.js';
import type { Logger } from '../core/logger.js';
import type { PlatformService } from './platformServices.js';
import type { PaperbotRuntime } from './runtime.js';

/** Posting needs a bot token: DISCORD_TOKEN for Discord, SLACK_BOT_TOKEN for Slack. */
export function createDigestPosters(config: Config, logger: Logger): DigestPoster[] {
  const posters: DigestPoster[] = [];
  if (config.discord.token !== undefined) posters.push(new DiscordPoster({ token: config.discord.token, apiUrl: config.discord.apiUrl, logger }));
  if (config.slack.botToken !== undefined) posters.push(new SlackPoster({ token: config.slack.botToken, apiUrl: config.slack.apiUrl, logger }));
  return posters;
}

export function createDigestRunner(
  runtime: PaperbotRuntime,
  posters: readonly DigestPoster[],
  logger: Logger,
  options: Partial<Omit<DigestRunnerOptions, 'store' | 'catalog' | 'posters' | 'logger'>> = {},
): DigestRunner {
  return new DigestRunner({ store: runtime.store, catalog: runtime.catalog, posters, logger, ...options });
}

/** The bot's own scheduler, when some platform can be posted to. */
export async function loadDigestService(runtime: PaperbotRuntime, config: Config, logger: Logger): Promise<PlatformService | undefined> {
  const posters = createDigestPosters(config, logger);
  if (posters.length === 0) return undefined;
  const scheduler = new DigestScheduler(createDigestRunner(runtime, posters, logger), { intervalMs: config.digestPollSeconds * 1000, logger });
  return {
    name: 'digests',
    start: async () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
