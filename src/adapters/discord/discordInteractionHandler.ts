// What the bot does with one Discord interaction, the same in gateway and HTTP mode: a slash
// command, an autocomplete request or a button press becomes a runtime.run call, and its neutral
// reply goes back through a responder (discord.js methods in gateway mode, the HTTP response and
// REST webhooks in HTTP mode). A command not done within 2 s is deferred, then its reply edited in.
// @see https://discord.com/developers/docs/interactions/receiving-and-responding
import type { PaperbotRuntime, InvocationSource } from '../../app/runtime.js';
import type { CommandOutcome, OptionValue } from '../../core/commands/command.js';
import { decodeButtonId, encodeButtonId, isButtonId } from '../../core/commands/buttonCodec.js';
import { errorReply } from '../../core/commands/commandRunner.js';
import { ErrorCode, isUserError, UserError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { CommandInvocation, NeutralReply } from '../../core/reply/neutralReply.js';
import { autocompleteChoices, type AutocompleteChoice } from './autocomplete.js';
import { autocompleteKind } from './discordCommands.js';
import { renderDiscordReply, type DiscordMessage } from './renderDiscordReply.js';

/** Who pressed or typed, and where. */
export interface InteractionActor {
  userId: string;
  userName?: string;
  /** The member's permissions in this channel include Manage Channels (true in a DM: it is theirs). */
  canManageChannel: boolean;
  guildId?: string;
  channelId?: string;
}

/** An interaction reduced to what the bot needs; both modes build it from Discord's payload. */
export type DiscordInteractionRequest =
  | { kind: 'command'; id: string; commandName: string; options: Record<string, OptionValue>; actor: InteractionActor }
  | { kind: 'autocomplete'; id: string; commandName: string; focused: { name: string; value: string }; actor: InteractionActor }
  | { kind: 'button'; id: string; customId: string; actor: InteractionActor };

/**
 * The ways to answer an interaction. The first call must be reply, update, a deferral or
 * autocomplete (Discord's 3-second initial response); the rest go through the webhook.
 */
export interface InteractionResponder {
  /** CHANNEL_MESSAGE_WITH_SOURCE (4). */
  reply(message: DiscordMessage): Promise<void>;
  /** UPDATE_MESSAGE (7): replace the message the button is on. */
  update(message: DiscordMessage): Promise<void>;
  /** DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE (5). */
  deferReply(ephemeral: boolean): Promise<void>;
  /** DEFERRED_UPDATE_MESSAGE (6). */
  deferUpdate(): Promise<void>;
  /** APPLICATION_COMMAND_AUTOCOMPLETE_RESULT (8). */
  autocomplete(choices: AutocompleteChoice[]): Promise<void>;
  /** PATCH /webhooks/{application}/{token}/messages/@original. */
  editOriginal(message: DiscordMessage): Promise<void>;
  /** DELETE /webhooks/{application}/{token}/messages/@original. */
  deleteOriginal(): Promise<void>;
  /** POST /webhooks/{application}/{token}. */
  followUp(message: DiscordMessage): Promise<void>;
}

export interface InteractionHandlerOptions {
  runtime: PaperbotRuntime;
  logger: Logger;
  /** Defer when a command takes longer than this (Discord allows 3 s for the first answer). */
  deferAfterMs?: number;
}

export const DEFAULT_DEFER_AFTER_MS = 2000;

/** Whether the answer replaces the message a button is on, or is a new message. */
type AnswerMode = { kind: 'reply'; ephemeral: boolean } | { kind: 'update' };

export class DiscordInteractionHandler {
  private readonly deferAfterMs: number;

  constructor(private readonly options: InteractionHandlerOptions) {
    this.deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  }

  async handle(request: DiscordInteractionRequest, responder: InteractionResponder): Promise<void> {
    const tracked = trackResponses(responder);
    try {
      switch (request.kind) {
        case 'autocomplete':
          await tracked.autocomplete(this.suggest(request));
          return;
        case 'command':
          await this.answer(this.run({ command: request.commandName, options: request.options }, request.actor), tracked, { kind: 'reply', ephemeral: false });
          return;
        case 'button':
          await this.press(request, tracked);
          return;
      }
    } catch (error) {
      await this.fail(error, request, tracked);
    }
  }

  private suggest(request: Extract<DiscordInteractionRequest, { kind: 'autocomplete' }>): AutocompleteChoice[] {
    const option = this.options.runtime.registry.get(request.commandName)?.options.find((candidate) => candidate.name === request.focused.name);
    const kind = option === undefined ? undefined : autocompleteKind(option);
    return kind === undefined ? [] : autocompleteChoices(kind, request.focused.value, this.options.runtime.catalog.index);
  }

  /**
   * Paging and "Another" re-run the command shown and replace the message in place, for everyone.
   * A different view of a paper (Cite, Similar: an internal option) is a new message only the
   * presser sees, so the shared message stays as it was; so is a subscription made from a button.
   */
  private async press(request: Extract<DiscordInteractionRequest, { kind: 'button' }>, responder: InteractionResponder): Promise<void> {
    if (!isButtonId(request.customId)) {
      throw new UserError(ErrorCode.ButtonExpired, 'This button is not one of ours or is damaged.', { hint: 'Run the command again to get fresh buttons.' });
    }
    const invocation = await decodeButtonId(request.customId, this.options.runtime.store);
    const command = this.options.runtime.registry.get(invocation.command);
    const switchesView = command?.options.some((option) => option.internal === true && invocation.options[option.name] !== undefined) ?? false;
    const mode: AnswerMode = switchesView || command?.requiresChannelManager === true ? { kind: 'reply', ephemeral: switchesView } : { kind: 'update' };
    await this.answer(this.run(invocation, request.actor), responder, mode);
  }

  private run(invocation: CommandInvocation, actor: InteractionActor): Promise<CommandOutcome> {
    const source: InvocationSource = {
      platform: 'discord',
      user: { id: actor.userId, name: actor.userName, canManageChannel: actor.canManageChannel },
      channelId: actor.channelId,
      workspaceId: actor.guildId,
    };
    return this.options.runtime.run(invocation, source);
  }

  private async answer(running: Promise<CommandOutcome>, responder: InteractionResponder, mode: AnswerMode): Promise<void> {
    const early = await settleWithin(running, this.deferAfterMs);
    if (early !== undefined) {
      const outcome = early.value;
      const message = await this.render(outcome.reply, mode);
      // An error from a button is told to the presser alone; the message keeps its content.
      if (mode.kind === 'update' && outcome.reply.errorCode === undefined) await responder.update(message);
      else await responder.reply(message);
      return;
    }
    if (mode.kind === 'update') await responder.deferUpdate();
    else await responder.deferReply(mode.ephemeral);
    const outcome = await running;
    const message = await this.render(outcome.reply, mode);
    const ephemeral = message.flags !== undefined;
    if (mode.kind === 'update') {
      if (outcome.reply.errorCode === undefined) await responder.editOriginal(message);
      else await responder.followUp(message);
    } else if (ephemeral && !mode.ephemeral) {
      // The deferral was public but the answer is private (an error): swap it for an ephemeral one.
      await responder.deleteOriginal();
      await responder.followUp(message);
    } else {
      await responder.editOriginal(message);
    }
  }

  private render(reply: NeutralReply, mode: AnswerMode): Promise<DiscordMessage> {
    const forced = mode.kind === 'reply' && mode.ephemeral ? { ...reply, ephemeral: true } : reply;
    return renderDiscordReply(forced, { encodeButton: (invocation) => encodeButtonId(invocation, this.options.runtime.store) });
  }

  /** Logs with context, and tells the user in a message only they see, however far the answer got. */
  private async fail(error: unknown, request: DiscordInteractionRequest, responder: TrackedResponder): Promise<void> {
    const context = {
      error,
      interaction: request.id,
      kind: request.kind,
      command: request.kind === 'button' ? request.customId : request.commandName,
      user: request.actor.userId,
      guild: request.actor.guildId,
      channel: request.actor.channelId,
    };
    if (isUserError(error)) this.options.logger.info('discord interaction refused', context);
    else this.options.logger.error('discord interaction failed', context);
    try {
      if (request.kind === 'autocomplete') {
        if (responder.state === 'fresh') await responder.autocomplete([]);
        return;
      }
      const message = await this.render(errorReply(error), { kind: 'reply', ephemeral: true });
      if (responder.state === 'fresh') await responder.reply(message);
      else await responder.followUp(message);
    } catch (reportError) {
      this.options.logger.warn('could not tell the user about a failed interaction', { error: reportError, interaction: request.id });
    }
  }
}

type TrackedResponder = InteractionResponder & { readonly state: 'fresh' | 'answered' };

/** Remembers whether the initial response went out, so an error knows how to reach the user. */
function trackResponses(responder: InteractionResponder): TrackedResponder {
  let state: 'fresh' | 'answered' = 'fresh';
  const initial = <A extends unknown[]>(call: (...args: A) => Promise<void>) => async (...args: A): Promise<void> => {
    await call(...args);
    state = 'answered';
  };
  return {
    get state() {
      return state;
    },
    reply: initial((message: DiscordMessage) => responder.reply(message)),
    update: initial((message: DiscordMessage) => responder.update(message)),
    deferReply: initial((ephemeral: boolean) => responder.deferReply(ephemeral)),
    deferUpdate: initial(() => responder.deferUpdate()),
    autocomplete: initial((choices: AutocompleteChoice[]) => responder.autocomplete(choices)),
    editOriginal: (message) => responder.editOriginal(message),
    deleteOriginal: () => responder.deleteOriginal(),
    followUp: (message) => responder.followUp(message),
  };
}

/** The value if the promise settles within `ms`, else undefined (the caller defers and waits). */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
