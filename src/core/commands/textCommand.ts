// Turns a line of text ("/papers year:2024 page:2 linear attention") into a command invocation.
// Slack slash commands and the terminal both arrive as text; Discord arrives with typed options.
// `/papers <command> ...` routes to the named command so a workspace can install only /papers.
import { ErrorCode, UserError } from '../errors.js';
import type { CommandInvocation } from '../reply/neutralReply.js';
import type { Command } from './command.js';
import type { CommandRegistry } from './commandRegistry.js';

const OPTION_TOKEN = /(^|\s)([a-z][a-z0-9_-]*):("[^"]*"|[^\s"]+)(?=\s|$)/giu;

export function parseTextCommand(line: string, registry: CommandRegistry): CommandInvocation {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) {
    // Plain text in the terminal is a search.
    return invocationFor(registry.require('papers'), trimmed);
  }
  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/u.exec(trimmed) ?? [];
  let command = registry.require(name === '' ? 'help' : name);
  let text = rest;
  const [firstWord = '', remainder = ''] = splitFirstWord(text);
  if (command.name === 'papers' && firstWord !== 'papers' && registry.has(firstWord)) {
    command = registry.require(firstWord);
    text = remainder;
  }
  return invocationFor(command, text);
}

/** Names of the options that take the rest of the line, for when no registry is at hand. */
const REST_OPTION_NAMES = new Set(['query', 'question', 'paper', 'name', 'command', 'id']);

/** The text command that an invocation stands for, e.g. for echoing a button press. */
export function formatTextCommand(invocation: CommandInvocation, registry?: CommandRegistry): string {
  const parts = [`/${invocation.command}`];
  const declaredRest = registry?.get(invocation.command)?.options.find((option) => option.rest === true)?.name;
  const isRest = (name: string): boolean => (declaredRest === undefined ? REST_OPTION_NAMES.has(name) : name === declaredRest);
  let restText = '';
  for (const [name, value] of Object.entries(invocation.options)) {
    if (isRest(name)) restText = String(value);
    else parts.push(`${name}:${quoteIfNeeded(String(value))}`);
  }
  if (restText !== '') parts.push(restText);
  return parts.join(' ');
}

function invocationFor(command: Command, text: string): CommandInvocation {
  const options: CommandInvocation['options'] = {};
  // Options that are not also query fields (page:, every:, tz:) are taken out of the text;
  // query fields (year:, venue:) stay in the query string, where the query parser reads them.
  const textOptions = new Map(command.options.filter((option) => !option.rest && option.queryField === undefined && !option.internal).map((option) => [option.name, option]));
  const remaining = text.replace(OPTION_TOKEN, (whole, lead: string, rawName: string, rawValue: string) => {
    const option = textOptions.get(rawName.toLowerCase());
    if (option === undefined) return whole;
    if (options[option.name] !== undefined) {
      throw new UserError(ErrorCode.OptionConflict, `${option.name} is given twice.`, { hint: `Give ${option.name}: once.` });
    }
    // Phones type smart quotes: tz:“Europe/Berlin” is tz:Europe/Berlin.
    options[option.name] = rawValue.replace(/^["\u201C\u201D\u201E]|["\u201C\u201D\u201E]$/gu, '');
    return lead;
  }).replace(/\s+/g, ' ').trim();

  const restOption = command.options.find((option) => option.rest);
  if (remaining !== '') {
    if (restOption === undefined) {
      throw new UserError(ErrorCode.InvalidOption, `/${command.name} does not take "${remaining}".`, {
        hint: `Usage: ${command.examples[0] ?? `/${command.name}`}`,
      });
    }
    options[restOption.name] = remaining;
  }
  return { command: command.name, options };
}

function splitFirstWord(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/u.exec(text.trim());
  return match === null ? ['', ''] : [(match[1] ?? '').toLowerCase(), match[2] ?? ''];
}

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}
