// `paperbot digests run [--now]`: send the digests that are due (or, with --now, every pending
// one) and exit, for deployments that schedule with cron instead of running the bot's scheduler.
// Safe to run while bots run: leases keep them from posting the same digest twice.
import type { Config } from '../config.js';
import { ErrorCode, PaperbotError, UserError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { parseCommandLine } from './commandLine.js';
import type { CliIo } from './main.js';

export async function runDigestsCommand(args: string[], config: Config, logger: Logger, io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, allowPositionals: true, options: { now: { type: 'boolean' } } }, 'paperbot digests run [--now]');
  if (positionals.length !== 1 || positionals[0] !== 'run') {
    throw new UserError(ErrorCode.InvalidOption, 'digests takes one action: run.', { hint: 'e.g. paperbot digests run, or paperbot digests run --now' });
  }
  const [{ createDigestPosters, createDigestRunner }, { PaperbotRuntime }] = await Promise.all([import('../app/digestService.js'), import('../app/runtime.js')]);
  const posters = createDigestPosters(config, logger);
  if (posters.length === 0) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, 'No platform to post digests to: DISCORD_TOKEN and SLACK_BOT_TOKEN are both unset.', {
      hint: 'Set DISCORD_TOKEN and/or SLACK_BOT_TOKEN (see .env.example).',
    });
  }
  const runtime = await PaperbotRuntime.start(config, logger);
  try {
    const report = await createDigestRunner(runtime, posters, logger).run({ force: values.now === true });
    const lines = [
      `Digests: ${report.digests} sent (${report.messages} ${report.messages === 1 ? 'message' : 'messages'}, ${report.papers} ${report.papers === 1 ? 'paper' : 'papers'}), ${report.empty} with nothing new.`,
    ];
    for (const paused of report.paused) lines.push(`Paused subscription #${paused.subscriptionId}: ${paused.reason}`);
    if (report.deferred.length > 0) lines.push(`Left for a later run: ${report.deferred.map((id) => `#${id}`).join(', ')} (see the log).`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}
