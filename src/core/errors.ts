// One error hierarchy for the whole bot. Every error carries a stable code so callers, adapters
// and tests match on codes, never on text; user errors also carry a hint that is safe to show.

export const ErrorCode = {
  QueryInvalid: 'QUERY_INVALID',
  UnknownCommand: 'UNKNOWN_COMMAND',
  InvalidOption: 'INVALID_OPTION',
  OptionConflict: 'OPTION_CONFLICT',
  PaperNotFound: 'PAPER_NOT_FOUND',
  NoMatches: 'NO_MATCHES',
  IngestParse: 'INGEST_PARSE',
  IngestIo: 'INGEST_IO',
  CorpusInvalid: 'CORPUS_INVALID',
  ConfigInvalid: 'CONFIG_INVALID',
  StoreFailure: 'STORE_FAILURE',
  ButtonExpired: 'BUTTON_EXPIRED',
  Forbidden: 'FORBIDDEN',
  SubscriptionNotFound: 'SUBSCRIPTION_NOT_FOUND',
  DeliveryFailed: 'DELIVERY_FAILED',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class PaperbotError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }
}

/** A mistake the user can fix: its message and hint are shown to them as they are. */
export class UserError extends PaperbotError {}

/** A query that does not parse or names something the corpus does not have. */
export class QueryError extends UserError {
  /** Zero-based character offset in the query string where the problem starts. */
  readonly position: number;

  constructor(message: string, options: { position: number; hint: string }) {
    super(ErrorCode.QueryInvalid, message, { hint: options.hint });
    this.position = options.position;
  }
}

/** A source page or corpus file that cannot be read; names the file and the line. */
export class IngestError extends UserError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(message: string, options: { file: string; line?: number; hint?: string; code?: ErrorCode; cause?: unknown }) {
    const where = options.line === undefined ? options.file : `${options.file}:${options.line}`;
    super(options.code ?? ErrorCode.IngestParse, `${where}: ${message}`, { hint: options.hint, cause: options.cause });
    this.file = options.file;
    this.line = options.line;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The shape of an error in `--json` output and logs. */
export function describeError(error: unknown): { code: ErrorCode; message: string; hint?: string } {
  if (error instanceof PaperbotError) {
    return error.hint === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, hint: error.hint };
  }
  return { code: ErrorCode.Internal, message: 'Something went wrong on our side.', hint: 'Try again; if it keeps happening, tell the bot operator.' };
}
