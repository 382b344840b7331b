// Button state survives a restart: the invocation a button stands for is encoded in its custom
// id (Discord allows 100 characters). When it does not fit, it is kept in the store under a short
// key derived from its content, so the same button always gets the same id.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ErrorCode, UserError } from '../errors.js';
import type { CommandInvocation } from '../reply/neutralReply.js';
import type { PaperStore } from '../store/paperStore.js';

const PREFIX = 'pb1:';
const STORED_PREFIX = 'pb1#';
/** Discord's custom_id limit; Slack's action_id (255) and value (2000) are larger. */
export const MAX_BUTTON_ID_LENGTH = 100;

const InvocationSchema = z.object({
  command: z.string().min(1),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export async function encodeButtonId(invocation: CommandInvocation, store: PaperStore): Promise<string> {
  const compact = `${invocation.command}?${new URLSearchParams(
    Object.entries(invocation.options).map(([name, value]): [string, string] => [name, encodeValue(value)]),
  ).toString()}`;
  const inline = `${PREFIX}${compact}`;
  if (inline.length <= MAX_BUTTON_ID_LENGTH) return inline;
  const key = createHash('sha256').update(compact).digest('base64url').slice(0, 22);
  await store.putButtonState(key, compact);
  return `${STORED_PREFIX}${key}`;
}

export function isButtonId(id: string): boolean {
  return id.startsWith(PREFIX) || id.startsWith(STORED_PREFIX);
}

export async function decodeButtonId(id: string, store: PaperStore): Promise<CommandInvocation> {
  let compact: string | undefined;
  if (id.startsWith(PREFIX)) compact = id.slice(PREFIX.length);
  else if (id.startsWith(STORED_PREFIX)) compact = await store.getButtonState(id.slice(STORED_PREFIX.length));
  if (compact === undefined) {
    throw new UserError(ErrorCode.ButtonExpired, 'This button no longer works.', { hint: 'Run the command again to get fresh buttons.' });
  }
  const separator = compact.indexOf('?');
  const options: Record<string, string | number | boolean> = {};
  for (const [name, raw] of new URLSearchParams(separator < 0 ? '' : compact.slice(separator + 1))) {
    options[name] = decodeValue(raw);
  }
  const parsed = InvocationSchema.safeParse({ command: separator < 0 ? compact : compact.slice(0, separator), options });
  if (!parsed.success) {
    throw new UserError(ErrorCode.ButtonExpired, 'This button is not one of ours or is damaged.', { hint: 'Run the command again to get fresh buttons.' });
  }
  return parsed.data;
}

/** Numbers and booleans are tagged so they come back typed; strings that look tagged are escaped. */
function encodeValue(value: string | number | boolean): string {
  if (typeof value === 'number') return `n~${value}`;
  if (typeof value === 'boolean') return `b~${value}`;
  return /^[nbs]~/.test(value) ? `s~${value}` : value;
}

function decodeValue(raw: string): string | number | boolean {
  if (raw.startsWith('n~')) return Number(raw.slice(2));
  if (raw.startsWith('b~')) return raw.slice(2) === 'true';
  if (raw.startsWith('s~')) return raw.slice(2);
  return raw;
}
