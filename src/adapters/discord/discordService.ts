// The Discord platform service: the discord.js gateway bot when DISCORD_TOKEN is set, the HTTP
// interactions endpoint when DISCORD_PUBLIC_KEY is set (both may run in one process). Both hand
// interactions to one DiscordInteractionHandler; this file only connects them to Discord.
//
// Sharding: DISCORD_SHARDS runs discord.js's internal sharding (the Client `shards`/`shardCount`
// options; @discordjs/ws runs every shard in this process). The ShardingManager would instead
// spawn one child process per shard group, each with its own store, index and HTTP server on the
// same PORT, which this process model cannot share; several processes are what HTTP mode is for.
// @see https://discord.js.org/docs/packages/discord.js/main/ClientOptions:Interface
import {
  Client,
  DiscordAPIError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import type { PlatformService } from '../../app/platformServices.js';
import type { PaperbotRuntime } from '../../app/runtime.js';
import type { Config } from '../../config.js';
import type { OptionValue } from '../../core/commands/command.js';
import { ErrorCode, PaperbotError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { RouteHandler } from '../../server/httpServer.js';
import { createDiscordInteractionsRoute, DISCORD_INTERACTIONS_ROUTE } from './discordInteractions.js';
import { DiscordInteractionHandler, type DiscordInteractionRequest, type InteractionActor, type InteractionResponder } from './discordInteractionHandler.js';
import type { DiscordMessage } from './renderDiscordReply.js';

export interface DiscordServiceOptions {
  /** Defer a reply when the command takes longer than this; 2000 ms by default. */
  deferAfterMs?: number;
}

/** The PLATFORM_SERVICE_LOADERS entry: a service when a Discord token or public key is set. */
export async function loadDiscordService(runtime: PaperbotRuntime, config: Config, logger: Logger, options: DiscordServiceOptions = {}): Promise<PlatformService | undefined> {
  if (config.discord.token === undefined && config.discord.publicKey === undefined) return undefined;
  return new DiscordService(runtime, config, logger, options);
}

export class DiscordService implements PlatformService {
  readonly name = 'discord';
  readonly routes: ReadonlyMap<string, RouteHandler> | undefined;
  /** The gateway client, once started with a token. */
  client: Client | undefined;
  private readonly handler: DiscordInteractionHandler;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    runtime: PaperbotRuntime,
    private readonly config: Config,
    private readonly logger: Logger,
    options: DiscordServiceOptions = {},
  ) {
    this.handler = new DiscordInteractionHandler({ runtime, logger, deferAfterMs: options.deferAfterMs });
    const { publicKey } = config.discord;
    this.routes =
      publicKey === undefined
        ? undefined
        : new Map([
            [
              DISCORD_INTERACTIONS_ROUTE,
              createDiscordInteractionsRoute({
                publicKey,
                handler: this.handler,
                rest: new REST(restOptions(config)),
                logger,
                applicationId: config.discord.applicationId,
                track: (work) => this.track(work),
              }),
            ],
          ]);
  }

  async start(): Promise<void> {
    const { token } = this.config.discord;
    if (token === undefined) return;
    const client = new Client(clientOptions(this.config));
    client.on(Events.InteractionCreate, (interaction) => this.track(this.dispatch(interaction)));
    client.once(Events.ClientReady, (ready) => {
      this.logger.info('discord gateway ready', { user: ready.user.tag, shards: ready.ws.shards.size, guilds: ready.guilds.cache.size });
    });
    client.on(Events.ShardError, (error, shardId) => this.logger.warn('discord shard error', { error, shardId }));
    client.on(Events.Warn, (message) => this.logger.warn('discord.js warning', { message }));
    this.client = client;
    try {
      await client.login(token);
    } catch (error) {
      this.client = undefined;
      await client.destroy().catch(() => undefined);
      throw tokenRejected(error) ? new PaperbotError(ErrorCode.ConfigInvalid, 'DISCORD_TOKEN was rejected by Discord (401 Unauthorized).', {
        hint: 'Copy the bot token again from the Developer Portal (your app > Bot > Reset Token) and set DISCORD_TOKEN.',
        cause: error,
      }) : error;
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.client?.destroy();
    this.client = undefined;
  }

  private track(work: Promise<void>): void {
    const settled = work.catch((error: unknown) => this.logger.error('discord interaction crashed', { error }));
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  private async dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      await this.handler.handle(commandRequest(interaction), new GatewayResponder(interaction));
    } else if (interaction.isAutocomplete()) {
      await this.handler.handle(autocompleteRequest(interaction), new GatewayResponder(interaction));
    } else if (interaction.isButton()) {
      await this.handler.handle({ kind: 'button', id: interaction.id, customId: interaction.customId, actor: actorOf(interaction) }, new GatewayResponder(interaction));
    }
  }
}

/** The REST base: DISCORD_API_URL (a proxy, or a test server) or Discord itself. */
function restOptions(config: Config): { api?: string } {
  return config.discord.apiUrl === undefined ? {} : { api: config.discord.apiUrl.replace(/\/+$/, '') };
}

/** Only the Guilds intent: slash commands, autocomplete and buttons need no message content. */
export function clientOptions(config: Config): ClientOptions {
  const { shards } = config.discord;
  return {
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(config),
    allowedMentions: { parse: [], repliedUser: false },
    ...(shards === 'auto' ? { shards: 'auto' } : shards === undefined ? {} : { shardCount: shards }),
  };
}

function tokenRejected(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return error.status === 401;
  return error instanceof Error && (error as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid;
}

function actorOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction): InteractionActor {
  return {
    userId: interaction.user.id,
    userName: interaction.user.globalName ?? interaction.user.username,
    // In a DM there is no member: the channel is the user's own.
    canManageChannel: interaction.inGuild() ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId ?? undefined,
  };
}

function commandRequest(interaction: ChatInputCommandInteraction): DiscordInteractionRequest {
  const options: Record<string, OptionValue> = {};
  for (const option of interaction.options.data) if (option.value !== undefined) options[option.name] = option.value;
  return { kind: 'command', id: interaction.id, commandName: interaction.commandName, options, actor: actorOf(interaction) };
}

function autocompleteRequest(interaction: AutocompleteInteraction): DiscordInteractionRequest {
  const focused = interaction.options.getFocused(true);
  return { kind: 'autocomplete', id: interaction.id, commandName: interaction.commandName, focused: { name: focused.name, value: String(focused.value) }, actor: actorOf(interaction) };
}

/** The discord.js interaction methods behind the mode-neutral responder. */
class GatewayResponder implements InteractionResponder {
  constructor(private readonly interaction: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction) {}

  async reply(message: DiscordMessage): Promise<void> {
    await this.repliable().reply(replyOptions(message));
  }

  async update(message: DiscordMessage): Promise<void> {
    await this.button().update(editOptions(message) as InteractionUpdateOptions);
  }

  async deferReply(ephemeral: boolean): Promise<void> {
    await this.repliable().deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }

  async deferUpdate(): Promise<void> {
    await this.button().deferUpdate();
  }

  async autocomplete(choices: { name: string; value: string }[]): Promise<void> {
    if (!this.interaction.isAutocomplete()) throw new Error('Only an autocomplete interaction takes choices.');
    await this.interaction.respond(choices);
  }

  async editOriginal(message: DiscordMessage): Promise<void> {
    await this.repliable().editReply(editOptions(message));
  }

  async deleteOriginal(): Promise<void> {
    await this.repliable().deleteReply();
  }

  async followUp(message: DiscordMessage): Promise<void> {
    await this.repliable().followUp(replyOptions(message));
  }

  private repliable(): ChatInputCommandInteraction | ButtonInteraction {
    if (this.interaction.isAutocomplete()) throw new Error('An autocomplete interaction cannot get a message.');
    return this.interaction;
  }

  private button(): ButtonInteraction {
    if (!this.interaction.isButton()) throw new Error('Only a button press can update its message.');
    return this.interaction;
  }
}

/** What a new message and an edit both carry, in discord.js's option shape. */
function messageOptions(message: DiscordMessage): InteractionReplyOptions & InteractionEditReplyOptions {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [], repliedUser: false },
    files: message.files.map((file) => ({ attachment: Buffer.from(file.data), name: file.name, description: file.description })),
  };
}

function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return message.flags === undefined ? messageOptions(message) : { ...messageOptions(message), flags: MessageFlags.Ephemeral };
}

/** Edits cannot change flags; an empty attachment list drops the files of the previous page. */
function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return { ...messageOptions(message), attachments: [] };
}
