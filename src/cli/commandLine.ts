// Reads a subcommand's arguments with node's parseArgs. Its complaints (an unknown option, an
// option missing its value, a stray word) are the user's typos, so they become user errors with
// the subcommand's usage as the hint: one clear line and exit 2, not a logged stack trace and
// "something went wrong on our side".
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ErrorCode, UserError } from '../core/errors.js';

export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    // Node appends advice about '--' that does not fit paperbot; the first sentence names the problem.
    const problem = error.message.split(/(?<=\.)\s/)[0] ?? error.message;
    throw new UserError(ErrorCode.InvalidOption, problem, { hint: `Usage: ${usage}`, cause: error });
  }
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
