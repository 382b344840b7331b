// Runs one command invocation for any platform: validates the options against the command's
// declaration, checks access, executes, and turns every failure into a reply. User errors are
// shown as they are (ephemeral, with a hint); programming errors are logged, never shown raw.
import { describeError, ErrorCode, isUserError, UserError } from '../errors.js';
import { reply, type CommandInvocation, type NeutralReply } from '../reply/neutralReply.js';
import { optionValuesSchema, type CommandContext, type CommandOutcome } from './command.js';
import type { CommandRegistry } from './commandRegistry.js';

export async function runCommand(invocation: CommandInvocation, context: CommandContext, registry: CommandRegistry): Promise<CommandOutcome> {
  try {
    const command = registry.require(invocation.command);
    const parsed = optionValuesSchema(command).safeParse(invocation.options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const unknown = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
      throw new UserError(
        ErrorCode.InvalidOption,
        unknown === undefined ? (issue?.message ?? 'An option is invalid.') : `/${command.name} has no option ${unknown}.`,
        { hint: `Usage: ${command.examples.join('  or  ')}` },
      );
    }
    if (command.requiresChannelManager === true && context.user.canManageChannel !== true) {
      throw new UserError(ErrorCode.Forbidden, `Only members who can manage this channel can use /${command.name}.`, {
        hint: 'Ask a channel manager or an admin to do it for you.',
      });
    }
    return await command.execute(context, parsed.data);
  } catch (error) {
    if (!isUserError(error)) context.logger.error('command failed', { error, invocation, platform: context.platform, user: context.user.id });
    return { reply: errorReply(error) };
  }
}

export function errorReply(error: unknown): NeutralReply {
  const described = describeError(error);
  return reply(described.message, {
    ephemeral: true,
    footer: described.hint,
    errorCode: described.code,
  });
}

export function isErrorOutcome(outcome: CommandOutcome): boolean {
  return outcome.reply.errorCode !== undefined;
}
