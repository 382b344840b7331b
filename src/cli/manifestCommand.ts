// `paperbot manifest`: prints a Slack app manifest (JSON) generated from commands/, so creating the
// Slack app is pasting one document: a slash command per command (name, description, usage hint
// from its examples), the interactivity request URL, only the bot scopes the bot uses, and Socket
// Mode when SLACK_APP_TOKEN is set. Why each scope is requested goes to stderr, stdout stays JSON.
// @see https://docs.slack.dev/reference/app-manifest
import { SLACK_EVENTS_PATH } from '../adapters/slack/slackEndpoints.js';
import type { Config } from '../config.js';
import type { Command } from '../core/commands/command.js';
import { CommandRegistry } from '../core/commands/commandRegistry.js';
import { ErrorCode, UserError } from '../core/errors.js';
import { parseCommandLine } from './commandLine.js';
import type { CliIo } from './main.js';

export const PLACEHOLDER_PUBLIC_URL = 'https://YOUR-PUBLIC-HOST.example';

export interface ScopeNeed {
  scope: string;
  /** Shown to whoever installs the app: what the bot does with it. */
  why: string;
  needed(commands: readonly Command[]): boolean;
}

/** Every bot scope paperbot may ask for, and when. Nothing else is requested. */
export const SLACK_BOT_SCOPES: readonly ScopeNeed[] = [
  { scope: 'commands', why: 'receive the slash commands (/papers, /paper, …)', needed: () => true },
  { scope: 'chat:write', why: 'post subscription digests into channels (chat.postMessage)', needed: (commands) => commands.some((command) => command.name === 'subscribe') },
  { scope: 'files:write', why: 'upload charts (/stats) into the channel when an answer is shared', needed: () => true },
  {
    scope: 'users:read',
    why: 'check whether the person managing subscriptions is a workspace admin or owner (users.info)',
    needed: (commands) => commands.some((command) => command.requiresChannelManager === true),
  },
  {
    scope: 'channels:read',
    why: 'check whether that person created the public channel (conversations.info)',
    needed: (commands) => commands.some((command) => command.requiresChannelManager === true),
  },
  {
    scope: 'groups:read',
    why: 'the same check for private channels',
    needed: (commands) => commands.some((command) => command.requiresChannelManager === true),
  },
];

export interface SlackManifestOptions {
  /** Public base URL, e.g. https://paperbot.example.org; unused in Socket Mode. */
  publicUrl: string;
  socketMode: boolean;
  appName?: string;
}

export interface SlackManifest {
  _metadata: { major_version: 1; minor_version: 1 };
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: { command: string; description: string; usage_hint?: string; url?: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: true; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

export function buildSlackManifest(commands: readonly Command[], options: SlackManifestOptions): SlackManifest {
  const requestUrl = options.socketMode ? undefined : `${options.publicUrl.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}`;
  const name = options.appName ?? 'paperbot';
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: { name, description: 'Answers questions about research papers: search, abstracts, citations, charts, digests.', background_color: '#2c3e50' },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: [...commands]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((command) => {
          const usageHint = usageHintOf(command);
          return {
            command: `/${command.name}`,
            description: command.description,
            ...(usageHint === undefined ? {} : { usage_hint: usageHint }),
            ...(requestUrl === undefined ? {} : { url: requestUrl }),
            // Mentions in a query are plain words to us; unescaped text keeps them so.
            should_escape: false,
          };
        }),
    },
    oauth_config: { scopes: { bot: neededScopes(commands).map((need) => need.scope) } },
    settings: {
      interactivity: { is_enabled: true, ...(requestUrl === undefined ? {} : { request_url: requestUrl }) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

export function neededScopes(commands: readonly Command[]): ScopeNeed[] {
  return SLACK_BOT_SCOPES.filter((need) => need.needed(commands));
}

/** The arguments of the first example that has any ("/papers year:2024" -> "year:2024"). */
export function usageHintOf(command: Command): string | undefined {
  for (const example of command.examples) {
    const rest = example.replace(/^\/\S+\s*/, '').trim();
    if (rest !== '') return rest.slice(0, 1000);
  }
  return undefined;
}

export async function runManifestCommand(args: string[], config: Config, io: Pick<CliIo, 'stdout' | 'stderr'>, registry?: CommandRegistry): Promise<number> {
  const { values } = parseCommandLine(
    { args, options: { url: { type: 'string' }, 'socket-mode': { type: 'boolean' }, name: { type: 'string' } } },
    'paperbot manifest [--url URL] [--socket-mode] [--name NAME]',
  );
  if (values.url !== undefined && !/^https?:\/\/[^\s/]+/i.test(values.url)) {
    throw new UserError(ErrorCode.InvalidOption, `--url must be an http(s) address, not "${values.url}".`, { hint: 'e.g. paperbot manifest --url https://paperbot.example.org' });
  }
  const socketMode = values['socket-mode'] === true || config.slack.appToken !== undefined;
  const publicUrl = values.url ?? config.publicUrl;
  const commands = (registry ?? (await CommandRegistry.load())).all();
  const manifest = buildSlackManifest(commands, { publicUrl: publicUrl ?? PLACEHOLDER_PUBLIC_URL, socketMode, appName: values.name });
  io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  const notes = neededScopes(commands).map((need) => `  ${need.scope}: ${need.why}`);
  io.stderr.write(`Bot scopes requested:\n${notes.join('\n')}\n`);
  if (!socketMode && publicUrl === undefined) {
    io.stderr.write(`warning: no PUBLIC_URL or --url given; replace ${PLACEHOLDER_PUBLIC_URL} in the request URLs before creating the app.\n`);
  }
  return 0;
}
