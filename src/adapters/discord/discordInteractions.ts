// HTTP interactions mode: POST /discord/interactions on the shared HTTP server. Every request is
// checked with Ed25519 over X-Signature-Timestamp + the raw body before anything else runs; PING
// gets {"type":1}; commands, autocomplete and buttons go to the same handler as the gateway, with
// the first answer in the HTTP response and deferred edits and follow-ups through the REST API.
// Needs no gateway connection, so any number of instances can run behind a load balancer.
// @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { InteractionResponseType, InteractionType, PermissionFlagsBits, Routes, type REST } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../core/logger.js';
import { sendJson, type RouteHandler } from '../../server/httpServer.js';
import type { AutocompleteChoice } from './autocomplete.js';
import type { DiscordInteractionHandler, DiscordInteractionRequest, InteractionActor, InteractionResponder } from './discordInteractionHandler.js';
import { NO_MENTIONS, type DiscordMessage } from './renderDiscordReply.js';

export const DISCORD_INTERACTIONS_ROUTE = 'POST /discord/interactions';
/** A signed request older (or newer) than this is refused: a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;
/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Discord's public key (64 hex characters) as a key object, made once at start-up. */
export function ed25519PublicKey(publicKeyHex: string): KeyObject {
  const raw = Buffer.from(publicKeyHex, 'hex');
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes (64 hex characters).');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * True only for a fresh request whose signature covers exactly these bytes. The Ed25519 check runs
 * on libuv's thread pool (node's verify with a callback): it is ~0.13 ms of CPU, 40% of a whole
 * request, and off the main thread it runs on the other core while the next request is parsed.
 */
export async function verifyDiscordSignature(key: KeyObject, headers: IncomingHttpHeaders, rawBody: Buffer, nowMs = Date.now()): Promise<boolean> {
  const signature = headers['x-signature-ed25519'];
  const timestamp = headers['x-signature-timestamp'];
  if (typeof signature !== 'string' || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  return new Promise((resolve, reject) => {
    verify(null, signed, key, Buffer.from(signature, 'hex'), (error, valid) => (error === null ? resolve(valid) : reject(error)));
  });
}

export interface InteractionsRouteOptions {
  publicKey: string;
  handler: DiscordInteractionHandler;
  /** REST client for webhook edits and follow-ups (no bot token needed: the interaction token is the credential). */
  rest: REST;
  logger: Logger;
  /** Used when a payload lacks application_id (Discord always sends it). */
  applicationId?: string;
  now?: () => number;
  /** Called with each interaction's work so the service can wait for it on shutdown. */
  track?: (work: Promise<void>) => void;
}

export function createDiscordInteractionsRoute(options: InteractionsRouteOptions): RouteHandler {
  const key = ed25519PublicKey(options.publicKey);
  const now = options.now ?? Date.now;
  return async (request, response) => {
    if (!(await verifyDiscordSignature(key, request.headers, request.rawBody, now()))) {
      sendJson(response, 401, { error: 'invalid request signature' });
      return;
    }
    const parsed = InteractionSchema.safeParse(parseJson(request.rawBody));
    if (!parsed.success) {
      sendJson(response, 400, { error: 'not an interaction' });
      return;
    }
    const interaction = parsed.data;
    if (interaction.type === InteractionType.Ping) {
      sendJson(response, 200, { type: InteractionResponseType.Pong });
      return;
    }
    const incoming = requestFromPayload(interaction);
    const applicationId = interaction.application_id ?? options.applicationId;
    if (incoming === undefined || applicationId === undefined || interaction.token === undefined) {
      sendJson(response, 200, {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: 'paperbot does not handle this kind of interaction.', flags: 64, allowed_mentions: NO_MENTIONS },
      });
      return;
    }
    const responder = new HttpInteractionResponder(response, options.rest, applicationId, interaction.token);
    const work = options.handler.handle(incoming, responder);
    options.track?.(work);
    await work;
    if (!response.headersSent) {
      options.logger.error('discord interaction got no answer', { interaction: interaction.id });
      sendJson(response, 500, { error: 'no answer' });
    }
  };
}

const OptionSchema = z.object({
  name: z.string(),
  type: z.number(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});

const UserSchema = z.object({ id: z.string(), username: z.string().optional(), global_name: z.string().nullish() });

/** The parts of an interaction payload the bot uses; Discord sends many more. */
const InteractionSchema = z.object({
  id: z.string(),
  type: z.number(),
  application_id: z.string().optional(),
  token: z.string().optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string() }).partial().optional(),
  user: UserSchema.optional(),
  member: z.object({ user: UserSchema.optional(), permissions: z.string().optional() }).optional(),
  data: z
    .object({
      name: z.string().optional(),
      type: z.number().optional(),
      options: z.array(OptionSchema).optional(),
      custom_id: z.string().optional(),
      component_type: z.number().optional(),
    })
    .optional(),
});
type InteractionPayload = z.infer<typeof InteractionSchema>;

/** @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object */
export function requestFromPayload(interaction: InteractionPayload): DiscordInteractionRequest | undefined {
  const actor = actorFromPayload(interaction);
  const data = interaction.data;
  if (actor === undefined || data === undefined) return undefined;
  const options = (data.options ?? []).filter((option) => option.value !== undefined);
  if (interaction.type === InteractionType.ApplicationCommand && data.name !== undefined && (data.type ?? 1) === 1) {
    return { kind: 'command', id: interaction.id, commandName: data.name, options: Object.fromEntries(options.map((option) => [option.name, option.value as string | number | boolean])), actor };
  }
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete && data.name !== undefined) {
    const focused = options.find((option) => option.focused === true);
    if (focused === undefined) return undefined;
    return { kind: 'autocomplete', id: interaction.id, commandName: data.name, focused: { name: focused.name, value: String(focused.value) }, actor };
  }
  if (interaction.type === InteractionType.MessageComponent && data.custom_id !== undefined && data.component_type === 2) {
    return { kind: 'button', id: interaction.id, customId: data.custom_id, actor };
  }
  return undefined;
}

function actorFromPayload(interaction: InteractionPayload): InteractionActor | undefined {
  const user = interaction.member?.user ?? interaction.user;
  if (user === undefined) return undefined;
  return {
    userId: user.id,
    userName: user.global_name ?? user.username,
    canManageChannel: interaction.guild_id === undefined ? true : canManageChannel(interaction.member?.permissions),
    guildId: interaction.guild_id,
    channelId: interaction.channel?.id ?? interaction.channel_id,
  };
}

/** The member's permissions in this channel (Discord applies overwrites) include Manage Channels. */
export function canManageChannel(permissions: string | undefined): boolean {
  if (permissions === undefined || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & (PermissionFlagsBits.ManageChannels | PermissionFlagsBits.Administrator)) !== 0n;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Answers through the HTTP response first, then the webhook. Files cannot ride in the JSON
 * response, so a reply with an image is deferred and the image is sent with a multipart edit.
 */
class HttpInteractionResponder implements InteractionResponder {
  constructor(
    private readonly response: ServerResponse,
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly token: string,
  ) {}

  async reply(message: DiscordMessage): Promise<void> {
    if (message.files.length > 0) {
      await this.deferReply(message.flags !== undefined);
      await this.editOriginal(message);
      return;
    }
    this.answer({ type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(message) });
  }

  async update(message: DiscordMessage): Promise<void> {
    if (message.files.length > 0) {
      await this.deferUpdate();
      await this.editOriginal(message);
      return;
    }
    this.answer({ type: InteractionResponseType.UpdateMessage, data: messageBody(message, { keepFlags: false }) });
  }

  async deferReply(ephemeral: boolean): Promise<void> {
    this.answer({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: ephemeral ? 64 : 0 } });
  }

  async deferUpdate(): Promise<void> {
    this.answer({ type: InteractionResponseType.DeferredMessageUpdate });
  }

  async autocomplete(choices: AutocompleteChoice[]): Promise<void> {
    this.answer({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }

  async editOriginal(message: DiscordMessage): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(this.applicationId, this.token, '@original'), {
      body: messageBody(message, { keepFlags: false }),
      files: restFiles(message),
      auth: false,
    });
  }

  async deleteOriginal(): Promise<void> {
    await this.rest.delete(Routes.webhookMessage(this.applicationId, this.token, '@original'), { auth: false });
  }

  async followUp(message: DiscordMessage): Promise<void> {
    await this.rest.post(Routes.webhook(this.applicationId, this.token), { body: messageBody(message), files: restFiles(message), auth: false });
  }

  private answer(body: unknown): void {
    if (this.response.headersSent) throw new Error('This interaction was already answered.');
    sendJson(this.response, 200, body);
  }
}

/** The JSON part of a message; edits cannot change flags (a message stays ephemeral or public). */
export function messageBody(message: DiscordMessage, options: { keepFlags?: boolean } = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: message.allowed_mentions,
    // Naming the attachments replaces the old ones on an edit (an empty list removes them).
    attachments: message.attachments,
  };
  if ((options.keepFlags ?? true) && message.flags !== undefined) body.flags = message.flags;
  return body;
}

function restFiles(message: DiscordMessage): { name: string; data: Buffer; contentType: string }[] | undefined {
  if (message.files.length === 0) return undefined;
  return message.files.map((file) => ({ name: file.name, data: Buffer.from(file.data), contentType: file.contentType }));
}
