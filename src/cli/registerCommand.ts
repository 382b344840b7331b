// `paperbot register`: puts the slash command definitions generated from commands/ to Discord
// (globally, or to one guild with DISCORD_GUILD_ID, where changes show at once) and prints what
// changed against what Discord had. `--dry-run` prints the changes without putting anything.
// @see https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { canonicalDefinition, discordCommandDefinitions, type DiscordCommandDefinition } from '../adapters/discord/discordCommands.js';
import type { Config } from '../config.js';
import { CommandRegistry } from '../core/commands/commandRegistry.js';
import { ErrorCode, PaperbotError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { parseCommandLine } from './commandLine.js';

export interface RegistrationPlan {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** Compares by name and by the fields Discord keeps (ids, versions and defaults ignored). */
export function planRegistration(wanted: readonly DiscordCommandDefinition[], current: readonly unknown[]): RegistrationPlan {
  const currentByName = new Map(current.map((definition) => [String((definition as { name?: unknown }).name), definition]));
  const plan: RegistrationPlan = { added: [], updated: [], removed: [], unchanged: [] };
  for (const definition of wanted) {
    const existing = currentByName.get(definition.name);
    if (existing === undefined) plan.added.push(definition.name);
    else if (canonicalDefinition(existing) === canonicalDefinition(definition)) plan.unchanged.push(definition.name);
    else plan.updated.push(definition.name);
  }
  const wantedNames = new Set(wanted.map((definition) => definition.name));
  for (const name of currentByName.keys()) if (!wantedNames.has(name)) plan.removed.push(name);
  return plan;
}

export async function runRegisterCommand(args: string[], config: Config, logger: Logger, io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const { values } = parseCommandLine({ args, options: { 'dry-run': { type: 'boolean' } } }, 'paperbot register [--dry-run]');
  const { token, applicationId, guildId } = config.discord;
  if (token === undefined) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, 'DISCORD_TOKEN is missing: registering commands needs the bot token.', {
      hint: 'Set DISCORD_TOKEN (Developer Portal > your app > Bot > Reset Token).',
    });
  }
  if (applicationId === undefined) {
    throw new PaperbotError(ErrorCode.ConfigInvalid, 'DISCORD_APPLICATION_ID is missing: Discord needs it to know whose commands these are.', {
      hint: 'Set DISCORD_APPLICATION_ID (Developer Portal > your app > General Information > Application ID).',
    });
  }
  const print = (text: string): void => void io.stdout.write(`${text}\n`);
  const definitions = discordCommandDefinitions((await CommandRegistry.load()).all());
  const rest = new REST(config.discord.apiUrl === undefined ? {} : { api: config.discord.apiUrl.replace(/\/+$/, '') }).setToken(token);
  const route = guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  const where = guildId === undefined ? 'globally' : `in guild ${guildId}`;

  try {
    const current = (await rest.get(route)) as unknown[];
    const plan = planRegistration(definitions, current);
    if (values['dry-run'] !== true) {
      await rest.put(route, { body: definitions });
      logger.info('discord commands registered', { where, ...plan });
    }
    print(`${values['dry-run'] === true ? 'Would register' : 'Registered'} ${definitions.length} commands ${where} for application ${applicationId}.`);
    for (const name of plan.added) print(`  + /${name} (added)`);
    for (const name of plan.updated) print(`  ~ /${name} (updated)`);
    for (const name of plan.removed) print(`  - /${name} (removed)`);
    if (plan.unchanged.length > 0) print(`  unchanged: ${plan.unchanged.map((name) => `/${name}`).join(', ')}`);
    if (plan.added.length + plan.updated.length + plan.removed.length === 0) print('  Nothing changed.');
    else if (guildId === undefined) print('Global commands can take a few minutes to show in every server; set DISCORD_GUILD_ID to try changes in one server at once.');
    return 0;
  } catch (error) {
    throw explainRegistrationError(error, applicationId, guildId);
  }
}

function explainRegistrationError(error: unknown, applicationId: string, guildId: string | undefined): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (error.status === 401) {
    return new PaperbotError(ErrorCode.ConfigInvalid, 'DISCORD_TOKEN was rejected by Discord (401 Unauthorized).', {
      hint: 'Copy the bot token again from the Developer Portal (your app > Bot > Reset Token) and set DISCORD_TOKEN.',
      cause: error,
    });
  }
  if (error.status === 403 || error.status === 404) {
    const variable = guildId === undefined ? 'DISCORD_APPLICATION_ID' : 'DISCORD_GUILD_ID';
    return new PaperbotError(ErrorCode.ConfigInvalid, `Discord refused the commands of application ${applicationId}${guildId === undefined ? '' : ` in guild ${guildId}`}: ${error.message}`, {
      hint: `Check ${variable}: the application must be this token's, and the bot must be in the guild with the applications.commands scope.`,
      cause: error,
    });
  }
  return new PaperbotError(ErrorCode.Internal, `Discord refused the command definitions (${error.status}): ${error.message}`, { cause: error });
}
