// A tiny structured logger that library code receives by injection (STYLE: no console in the core).
// Lines are JSON on stderr so that stdout stays clean for replies and `--json` output.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createJsonLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const emit = (lineLevel: Exclude<LogLevel, 'silent'>, message: string, context?: LogContext): void => {
    if (LEVEL_RANK[lineLevel] < LEVEL_RANK[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...serializeContext(context) })}\n`);
  };
  return {
    debug: (message, context) => emit('debug', message, context),
    info: (message, context) => emit('info', message, context),
    warn: (message, context) => emit('warn', message, context),
    error: (message, context) => emit('error', message, context),
  };
}

export const silentLogger: Logger = createJsonLogger('silent');

/** Errors do not survive JSON.stringify; keep their code, message and stack. */
function serializeContext(context: LogContext | undefined): LogContext {
  if (context === undefined) return {};
  const result: LogContext = {};
  for (const [key, value] of Object.entries(context)) {
    result[key] = value instanceof Error
      ? { name: value.name, message: value.message, code: (value as { code?: unknown }).code, stack: value.stack }
      : value;
  }
  return result;
}
