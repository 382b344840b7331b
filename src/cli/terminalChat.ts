// The terminal chat that `npm start` opens when no Discord or Slack token is configured: type
// a slash command (or plain words, a search) and read the reply. With a terminal it keeps a
// history (also across runs); with piped input it answers each line and exits at end of input.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { PaperbotRuntime } from '../app/runtime.js';
import { parseTextCommand } from '../core/commands/textCommand.js';
import { errorReply } from '../core/commands/commandRunner.js';
import type { CommandInvocation, ReplyButton } from '../core/reply/neutralReply.js';
import { renderTerminalReply } from './terminalRenderer.js';

export interface TerminalChatOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  historyFile?: string;
}

/** What leaves the chat: the slash forms, and the bare words people type first in any prompt (psql takes them too). */
const LEAVE = new Set(['/quit', '/exit', 'quit', 'exit']);

const SOURCE = { platform: 'terminal', user: { id: 'terminal', name: 'you', canManageChannel: true }, channelId: 'terminal' } as const;

export async function runTerminalChat(runtime: PaperbotRuntime, options: TerminalChatOptions): Promise<void> {
  const interactive = options.input.isTTY === true && options.output.isTTY === true;
  const history = interactive && options.historyFile !== undefined ? loadHistory(options.historyFile) : [];
  const lines = createInterface({ input: options.input, output: interactive ? options.output : undefined, terminal: interactive, history, historySize: 500 });
  const write = (text: string): void => {
    options.output.write(`${text}\n`);
  };
  let buttons: ReplyButton[] = [];

  if (interactive) {
    write(`paperbot: ${runtime.catalog.index.size} papers. Type /help, a command like /papers year:2024, or just words to search. quit (or Ctrl+D) leaves.`);
    lines.setPrompt('paperbot> ');
    lines.prompt();
  }
  for await (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '') {
      if (interactive) lines.prompt();
      continue;
    }
    // A search for the word alone is still `/papers exit`.
    if (LEAVE.has(line.toLowerCase())) break;
    if (interactive && options.historyFile !== undefined) saveHistory(options.historyFile, line);
    let invocation: CommandInvocation | undefined;
    const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    try {
      invocation = pressed !== undefined && pressed.disabled !== true ? pressed.invocation : parseTextCommand(line, runtime.registry);
    } catch (error) {
      write(renderTerminalReply(errorReply(error), { color: interactive, width: terminalWidth(options.output) }));
    }
    if (invocation !== undefined) {
      await runtime.catalog.refresh();
      const outcome = await runtime.run(invocation, SOURCE);
      buttons = outcome.reply.buttons;
      write(renderTerminalReply(outcome.reply, { color: interactive, width: terminalWidth(options.output) }));
    }
    if (interactive) {
      write('');
      lines.prompt();
    }
  }
  lines.close();
}

function terminalWidth(output: Writable & { columns?: number }): number {
  return Math.max(40, Math.min(output.columns ?? 100, 120));
}

function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500);
  } catch {
    return [];
  }
}

function saveHistory(file: string, line: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${line}\n`);
  } catch {
    // History is a convenience; a read-only folder must not break the chat.
  }
}
