// Discord application command definitions, generated from the declarations in commands/: one
// slash command per Command, its options typed, with choices, bounds and autocomplete flags.
// Options only buttons use (internal) stay hidden; subscription commands are limited to members
// who can manage channels by default.
// @see https://discord.com/developers/docs/interactions/application-commands#application-command-object
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandOption } from '../../core/commands/command.js';

export type DiscordCommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord allows descriptions and choice names of 1 to 100 characters. */
const MAX_TEXT = 100;
/** Discord's largest max_length for string options. */
const MAX_STRING_LENGTH = 6000;

export function discordCommandDefinitions(commands: readonly Command[]): DiscordCommandDefinition[] {
  return [...commands].sort((a, b) => a.name.localeCompare(b.name)).map(discordCommandDefinition);
}

export function discordCommandDefinition(command: Command): DiscordCommandDefinition {
  const visible = command.options.filter((option) => option.internal !== true);
  // Discord requires the required options to come before the optional ones.
  const ordered = [...visible.filter((option) => option.required === true), ...visible.filter((option) => option.required !== true)];
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description.slice(0, MAX_TEXT),
    options: ordered.map(discordOption),
    default_member_permissions: command.requiresChannelManager === true ? PermissionFlagsBits.ManageChannels.toString() : null,
  };
}

function discordOption(option: CommandOption): APIApplicationCommandBasicOption {
  const base = { name: option.name, description: option.description.slice(0, MAX_TEXT), required: option.required === true };
  switch (option.type) {
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min === undefined ? {} : { min_value: option.min }),
        ...(option.max === undefined ? {} : { max_value: option.max }),
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'string': {
      const bounds = option.maxLength === undefined ? {} : { max_length: Math.min(option.maxLength, MAX_STRING_LENGTH) };
      // Discord refuses autocomplete together with fixed choices; fixed choices win.
      if (option.choices !== undefined && option.choices.length > 0) {
        return {
          ...base,
          ...bounds,
          type: ApplicationCommandOptionType.String,
          choices: option.choices.map((choice) => ({ name: choice.slice(0, MAX_TEXT), value: choice })),
        };
      }
      return { ...base, ...bounds, type: ApplicationCommandOptionType.String, ...(autocompleteKind(option) === undefined ? {} : { autocomplete: true }) };
    }
  }
}

export type AutocompleteKind = 'venue' | 'author' | 'paper';

/** What an option suggests while the user types (/authors `name` declares `author`). */
export function autocompleteKind(option: CommandOption): AutocompleteKind | undefined {
  return option.autocomplete;
}

/**
 * The fields Discord compares when deciding if a command changed, in a canonical form, so the
 * definitions we generate and the ones Discord returns (with ids, versions, defaults) compare equal.
 */
export function canonicalDefinition(definition: unknown): string {
  const record = (definition ?? {}) as Record<string, unknown>;
  const options = Array.isArray(record.options) ? (record.options as Record<string, unknown>[]) : [];
  return JSON.stringify({
    type: record.type ?? ApplicationCommandType.ChatInput,
    name: record.name,
    description: record.description,
    default_member_permissions: record.default_member_permissions ?? null,
    options: options.map((option) => ({
      type: option.type,
      name: option.name,
      description: option.description,
      required: option.required === true,
      autocomplete: option.autocomplete === true,
      choices: Array.isArray(option.choices) ? option.choices : [],
      min_value: option.min_value ?? null,
      max_value: option.max_value ?? null,
      min_length: option.min_length ?? null,
      max_length: option.max_length ?? null,
    })),
  });
}
