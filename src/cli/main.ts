// The `paperbot` command line: `start` (terminal chat, or the Discord/Slack bots when their tokens
// are set), `ask` (one command, optionally as JSON, for scripts), `ingest` (pages into the store).
// Modules are imported per subcommand so that `paperbot ask` starts fast.
import { loadConfig, type Config } from '../config.js';
import { describeError, ErrorCode, isUserError, PaperbotError, UserError } from '../core/errors.js';
import { createJsonLogger, type Logger } from '../core/logger.js';
import { parseCommandLine } from './commandLine.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USER_ERROR = 2;

const USAGE = `Usage: paperbot <command>

  start                          chat in the terminal (or run the Discord/Slack bots when their tokens are set)
  ask [--json] [--limit N] "/papers year:2024"
                                 answer one command and exit (exit 2 on a user error)
  ingest <file...> [--out FILE]  add Arrow pages or paperbot JSON corpora to the store (or write a JSON corpus)
  register [--dry-run]           put the slash commands to Discord (DISCORD_GUILD_ID: one guild) and show what changed
  digests run [--now]            send the digests that are due (--now: everything pending) and exit
  manifest [--url URL] [--socket-mode] [--name NAME]
                                 print the Slack app manifest (JSON) built from commands/
  help                           this text

Configuration comes from the environment (see .env.example).`;

export interface CliIo {
  stdin: NodeJS.ReadStream | (NodeJS.ReadableStream & { isTTY?: boolean });
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export async function main(argv: string[], io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [subcommand = 'start', ...rest] = argv;
  const print = (text: string): void => void io.stdout.write(`${text}\n`);
  const printError = (text: string): void => void io.stderr.write(`${text}\n`);
  let logger: Logger = createJsonLogger('warn', (line) => io.stderr.write(line));
  try {
    if (subcommand === 'help' || subcommand === '--help' || subcommand === '-h') {
      print(USAGE);
      return EXIT_OK;
    }
    const config = loadConfig(io.env);
    // Scripts and the terminal chat read stdout/stderr: only warnings unless LOG_LEVEL asks for more.
    const chatty = subcommand === 'start' && (config.discord.token !== undefined || config.discord.publicKey !== undefined || config.slack.botToken !== undefined);
    logger = createJsonLogger(chatty || io.env.LOG_LEVEL !== undefined ? config.logLevel : 'warn', (line) => io.stderr.write(line));
    switch (subcommand) {
      case 'start':
        return await start(config, logger, io);
      case 'ask':
        return await ask(rest, config, logger, io);
      case 'ingest':
        return await ingest(rest, config, logger, io);
      case 'digests':
        return await (await import('./digestsCommand.js')).runDigestsCommand(rest, config, logger, io);
      case 'manifest':
        return await (await import('./manifestCommand.js')).runManifestCommand(rest, config, io);
      case 'register':
        return await (await import('./registerCommand.js')).runRegisterCommand(rest, config, logger, io);
      default:
        printError(`Unknown command "${subcommand}".\n\n${USAGE}`);
        return EXIT_USER_ERROR;
    }
  } catch (error) {
    const described = describeError(error);
    if (!isUserError(error) && !(error instanceof PaperbotError && error.code === ErrorCode.ConfigInvalid)) {
      logger.error('paperbot failed', { error });
    }
    printError(`paperbot: ${described.message}${described.hint === undefined ? '' : `\n  ${described.hint}`}`);
    return error instanceof PaperbotError ? EXIT_USER_ERROR : EXIT_FAILURE;
  }
}

async function start(config: Config, logger: Logger, io: CliIo): Promise<number> {
  const { PaperbotRuntime } = await import('../app/runtime.js');
  const { anyPlatformConfigured, startPlatformServices } = await import('../app/platformServices.js');
  const workers = await import('../app/httpWorkers.js');
  const supervisesWorkers = anyPlatformConfigured(config) && workers.isHttpWorkersPrimary(config.httpWorkers);
  const runtime = await PaperbotRuntime.start(config, logger);
  if (supervisesWorkers) {
    // The runtime above seeded the store and saved the index; the workers restore it.
    await runtime.close();
    return workers.superviseHttpWorkers(config.httpWorkers, logger, EXIT_USER_ERROR);
  }
  if (anyPlatformConfigured(config)) {
    const stopWatching = runtime.catalog.watch(5_000);
    const running = await startPlatformServices(runtime, config, logger, workers.serviceRoleOfThisProcess()).catch(async (error: unknown) => {
      await runtime.close();
      throw error;
    });
    runtime.catalog.prepareAhead();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    stopWatching();
    await running.stop();
    await runtime.close();
    return EXIT_OK;
  }
  try {
    const { runTerminalChat } = await import('./terminalChat.js');
    runtime.catalog.prepareAhead();
    await runTerminalChat(runtime, {
      input: io.stdin as NodeJS.ReadStream,
      output: io.stdout as NodeJS.WriteStream,
      historyFile: 'var/terminal-history',
    });
    return EXIT_OK;
  } finally {
    await runtime.close();
  }
}

async function ask(args: string[], config: Config, logger: Logger, io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(
    { args, allowPositionals: true, options: { json: { type: 'boolean' }, limit: { type: 'string' } } },
    'paperbot ask [--json] [--limit N] "/papers year:2024"',
  );
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UserError(ErrorCode.InvalidOption, '--limit must be a positive whole number.', { hint: 'e.g. --limit 10' });
  const line = positionals.join(' ').trim();
  if (line === '') throw new UserError(ErrorCode.InvalidOption, 'ask needs a command to answer.', { hint: 'e.g. paperbot ask "/papers year:2024"' });

  const [{ PaperbotRuntime }, { parseTextCommand }, { errorReply }] = await Promise.all([
    import('../app/runtime.js'),
    import('../core/commands/textCommand.js'),
    import('../core/commands/commandRunner.js'),
  ]);
  const runtime = await PaperbotRuntime.start(config, logger, { resultLimit: limit });
  try {
    let outcome;
    let commandName = 'papers';
    try {
      const invocation = parseTextCommand(line, runtime.registry);
      commandName = invocation.command;
      outcome = await runtime.run(invocation, { platform: 'cli', user: { id: 'cli', canManageChannel: true }, channelId: 'cli' });
    } catch (error) {
      outcome = { reply: errorReply(error) };
    }
    const failed = outcome.reply.errorCode !== undefined;
    if (values.json === true) {
      const { outcomeToJson } = await import('./jsonOutput.js');
      io.stdout.write(`${JSON.stringify(outcomeToJson(commandName, outcome))}\n`);
    } else {
      const { renderTerminalReply } = await import('./terminalRenderer.js');
      const text = renderTerminalReply(outcome.reply, { color: false, width: 100 });
      (failed ? io.stderr : io.stdout).write(`${text}\n`);
    }
    return failed ? EXIT_USER_ERROR : EXIT_OK;
  } finally {
    await runtime.close();
  }
}

async function ingest(args: string[], config: Config, logger: Logger, io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, allowPositionals: true, options: { out: { type: 'string' } } }, 'paperbot ingest <file...> [--out FILE]');
  if (positionals.length === 0) {
    throw new UserError(ErrorCode.InvalidOption, 'ingest needs at least one file.', { hint: 'e.g. paperbot ingest page.txt other-page.txt' });
  }
  const print = (text: string): void => void io.stdout.write(`${text}\n`);
  const printWarnings = (warnings: { file: string; line?: number; message: string }[]): void => {
    for (const warning of warnings) io.stderr.write(`warning: ${warning.file}${warning.line === undefined ? '' : `:${warning.line}`}: ${warning.message}\n`);
  };
  if (values.out !== undefined) {
    const [{ ingestFiles }, { writeCorpusFileAtomically }] = await Promise.all([import('../core/ingest/ingestFiles.js'), import('../core/ingest/corpusFile.js')]);
    const result = await ingestFiles(positionals);
    printWarnings(result.warnings);
    await writeCorpusFileAtomically(values.out, result.papers);
    print(`Wrote ${result.papers.length} papers to ${values.out}.`);
    return EXIT_OK;
  }
  const [{ openStore }, { ingestIntoStore }, { readCorpusFile }, { join }] = await Promise.all([
    import('../app/openStore.js'),
    import('../app/ingestIntoStore.js'),
    import('../core/ingest/corpusFile.js'),
    import('node:path'),
  ]);
  const store = await openStore(config.databaseUrl, logger);
  // A progress line on a terminal only: a corpus of thousands of papers takes a while to parse and write.
  const started = Date.now();
  const showProgress = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const onProgress = (step: string): void => void io.stderr.write(`\r\u001b[2K[${((Date.now() - started) / 1000).toFixed(1)}s] ${step}…`);
  let changed = false;
  try {
    const report = await ingestIntoStore(store, positionals, {
      sourcesDir: join(config.dataDir, 'sources'),
      loadSeed: async () => (await readCorpusFile(config.papersPath)).papers,
      ...(showProgress ? { onProgress } : {}),
    });
    if (showProgress) io.stderr.write('\r\u001b[2K');
    printWarnings(report.warnings);
    print(`Ingested ${report.parsed} papers: ${report.added.length} new, ${report.updated.length} updated, ${report.unchanged} unchanged.`);
    if (report.copiedSources.length > 0) print(`Kept the raw pages in ${join(config.dataDir, 'sources')}.`);
    logger.debug('ingest done', { added: report.added.length });
    changed = report.added.length + report.updated.length > 0;
  } finally {
    await store.close();
  }
  if (changed) await indexAfterIngest(config, io, showProgress ? onProgress : undefined);
  return EXIT_OK;
}

/**
 * Builds and saves the search index for the new papers, so the next start restores it instead of
 * building it before it can answer (100k papers: ~25 s, against 0.6 s). A bot already running
 * builds it too, in the background; the build lock lets only one of them do the work. A failure
 * here loses nothing: the papers are stored and the next start builds the index itself.
 */
async function indexAfterIngest(config: Config, io: CliIo, onProgress: ((step: string) => void) | undefined): Promise<void> {
  const [{ searchIndexDirectory }, { buildSavedIndexInWorker }] = await Promise.all([import('../app/runtime.js'), import('../app/backgroundIndexBuild.js')]);
  const directory = searchIndexDirectory(config.databaseUrl);
  if (directory === undefined) return;
  const ticker = onProgress === undefined ? undefined : setInterval(() => onProgress('indexing the papers for search'), 200);
  onProgress?.('indexing the papers for search');
  try {
    const saved = await buildSavedIndexInWorker({ databaseUrl: config.databaseUrl, directory });
    if (!saved) io.stderr.write('warning: the search index was not saved; the next start builds it.\n');
  } catch (error) {
    io.stderr.write(`warning: indexing failed (${describeError(error).message}); the papers are stored and the next start builds the index.\n`);
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    if (onProgress !== undefined) io.stderr.write('\r\u001b[2K');
  }
}
