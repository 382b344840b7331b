// /help: what each command does, with examples, and the query syntax.
import type { Command } from '../src/core/commands/command.js';
import { ErrorCode, UserError } from '../src/core/errors.js';
import { QUERY_SYNTAX } from '../src/core/query/querySyntax.js';
import { reply, type ReplyCard } from '../src/core/reply/neutralReply.js';

export default {
  name: 'help',
  description: 'What each command does, with examples and the query syntax',
  options: [{ name: 'command', description: 'A command to explain in detail', type: 'string', rest: true, maxLength: 40 }],
  examples: ['/help', '/help papers'],
  async execute(context, options) {
    const visible = context.commands.filter((command) => command.name !== 'help');
    const wanted = options.command === undefined ? undefined : String(options.command).replace(/^\//, '').toLowerCase();
    const syntaxCard: ReplyCard = {
      title: 'Query syntax',
      body: QUERY_SYNTAX.map(([syntax, meaning]) => `${syntax} — ${meaning}`).join('\n'),
    };
    if (wanted === undefined) {
      return {
        reply: reply('paperbot answers questions about research papers. Commands:', {
          ephemeral: true,
          cards: [
            {
              title: 'Commands',
              fields: visible.map((command) => ({ name: `/${command.name}`, value: `${command.description}\ne.g. ${command.examples[0] ?? ''}` })),
            },
            syntaxCard,
          ],
          footer: 'In Slack, /papers <command> … runs any command, e.g. /papers random.',
        }),
      };
    }
    const command = context.commands.find((candidate) => candidate.name === wanted);
    if (command === undefined) {
      throw new UserError(ErrorCode.UnknownCommand, `There is no /${wanted} command.`, {
        hint: `Commands: ${context.commands.map((known) => `/${known.name}`).join(', ')}.`,
      });
    }
    const optionLines = command.options
      .filter((option) => option.internal !== true)
      .map((option) => `${option.rest === true ? `<${option.name}>` : `${option.name}:`} — ${option.description}${option.required === true ? ' (required)' : ''}`);
    const cards: ReplyCard[] = [
      {
        title: `/${command.name}`,
        body: command.description,
        fields: [
          ...(optionLines.length > 0 ? [{ name: 'Options', value: optionLines.join('\n') }] : []),
          { name: 'Examples', value: command.examples.join('\n') },
        ],
      },
    ];
    if (command.options.some((option) => option.queryField !== undefined)) cards.push(syntaxCard);
    return { reply: reply(`How to use /${command.name}:`, { ephemeral: true, cards }) };
  },
} satisfies Command;
