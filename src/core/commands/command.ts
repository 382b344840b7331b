// What a command is. Each file in commands/ default-exports one `Command`: its name, description
// and typed options are declared once here and drive Discord option definitions, Slack and
// terminal text parsing, /help and validation (a zod schema built from the same declaration).
import { z } from 'zod';
import type { PaperCatalog } from '../catalog.js';
import type { Logger } from '../logger.js';
import type { StoredPaper } from '../paper.js';
import type { NeutralReply } from '../reply/neutralReply.js';

export type OptionValue = string | number | boolean;
export type CommandOptions = Record<string, OptionValue | undefined>;

export interface CommandOption {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
  required?: boolean;
  /** Where autocomplete suggestions come from (Discord autocomplete). */
  autocomplete?: 'venue' | 'author' | 'paper';
  choices?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** Takes the rest of a text command: in "/papers year:2024 attention" everything but known options. */
  rest?: boolean;
  /** The same setting can be written inside the query string (year:, venue:, author:, sort:). */
  queryField?: 'year' | 'venue' | 'author' | 'sort';
  /** Only buttons set it (e.g. which view of a paper); hidden from /help and Discord. */
  internal?: boolean;
}

export interface CommandUser {
  id: string;
  name?: string;
  /** The platform says this member may manage the channel (subscriptions need it). */
  canManageChannel?: boolean;
}

export interface CommandContext {
  catalog: PaperCatalog;
  logger: Logger;
  platform: 'discord' | 'slack' | 'terminal' | 'cli';
  user: CommandUser;
  /** Platform channel id; undefined in the terminal. */
  channelId?: string;
  /** Discord guild or Slack team. */
  workspaceId?: string;
  now: () => Date;
  /** Uniform in [0, 1); injected so tests and /random are reproducible. */
  random: () => number;
  /** How many papers `--json` lists at most (paging is for chat replies). */
  resultLimit: number;
  /** Every loaded command, for /help and routing. */
  commands: readonly Command[];
}

/** What a command returns: the reply, plus the structured data behind it for `--json`. */
export interface CommandOutcome {
  reply: NeutralReply;
  /** The interpreted query, as the query language writes it. */
  query?: string;
  total?: number;
  /** Matching papers in rank order, up to the context's resultLimit. */
  papers?: StoredPaper[];
  answer?: string;
  intent?: string;
}

export interface Command {
  name: string;
  description: string;
  options: readonly CommandOption[];
  /** Real invocations shown by /help and the README; tests run every one. */
  examples: readonly string[];
  /** Only members who may manage the channel can run it (subscriptions). */
  requiresChannelManager?: boolean;
  execute(context: CommandContext, options: CommandOptions): Promise<CommandOutcome>;
}

const CommandOptionSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
  description: z.string().min(1).max(100),
  type: z.enum(['string', 'integer', 'boolean']),
  required: z.boolean().optional(),
  autocomplete: z.enum(['venue', 'author', 'paper']).optional(),
  choices: z.array(z.string()).max(25).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  rest: z.boolean().optional(),
  queryField: z.enum(['year', 'venue', 'author', 'sort']).optional(),
  internal: z.boolean().optional(),
});

/** Validates a module's default export; Discord's own limits (32-char names, 100-char descriptions) apply. */
export const CommandSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
  description: z.string().min(1).max(100),
  options: z.array(CommandOptionSchema).max(25),
  examples: z.array(z.string().startsWith('/')).min(1),
  requiresChannelManager: z.boolean().optional(),
  execute: z.custom<Command['execute']>((value) => typeof value === 'function', 'execute must be a function'),
});

/** Declarations never change after loading, so each command's schema is built on its first run, not on every one. */
const schemaByCommand = new WeakMap<Command, z.ZodType<CommandOptions>>();

/** The zod schema for a command's option values, built from its declaration. */
export function optionValuesSchema(command: Command): z.ZodType<CommandOptions> {
  let schema = schemaByCommand.get(command);
  if (schema === undefined) {
    schema = buildOptionValuesSchema(command);
    schemaByCommand.set(command, schema);
  }
  return schema;
}

function buildOptionValuesSchema(command: Command): z.ZodType<CommandOptions> {
  const shape: Record<string, z.ZodType> = {};
  for (const option of command.options) {
    let schema: z.ZodType;
    if (option.type === 'string') {
      // A missing required option (`/ask` with no question) says so, not "expected string, received undefined".
      let text = z.string({ error: (issue) => (issue.input === undefined ? `${option.name} is required` : `${option.name} must be text`) }).trim();
      if (option.maxLength !== undefined) text = text.max(option.maxLength, `${option.name} is at most ${option.maxLength} characters`);
      schema = option.choices === undefined
        ? text
        : text.toLowerCase().refine((value) => option.choices?.includes(value), `${option.name} must be one of: ${option.choices.join(', ')}`);
    } else if (option.type === 'integer') {
      let number = z.coerce.number({ error: `${option.name} must be a whole number` }).int(`${option.name} must be a whole number`);
      if (option.min !== undefined) number = number.min(option.min, `${option.name} must be at least ${option.min}`);
      if (option.max !== undefined) number = number.max(option.max, `${option.name} must be at most ${option.max}`);
      schema = number;
    } else {
      schema = z.union([z.boolean(), z.enum(['true', 'false', 'yes', 'no']).transform((value) => value === 'true' || value === 'yes')]);
    }
    shape[option.name] = option.required === true ? schema : schema.optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<CommandOptions>;
}
