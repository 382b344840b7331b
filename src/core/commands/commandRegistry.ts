// Loads commands/: every module default-exports one Command, validated with CommandSchema, and
// the registry is a Map keyed by name. Adding a command is adding one file.
import { readdir } from 'node:fs/promises';
import { ErrorCode, PaperbotError, UserError } from '../errors.js';
import { closestWord } from '../text/closestWord.js';
import { CommandSchema, type Command } from './command.js';

/** commands/ next to src/ (in the checkout) or dist/commands next to dist/src (compiled). */
const DEFAULT_COMMANDS_DIR = new URL('../../../commands/', import.meta.url);

export class CommandRegistry {
  private readonly byName: Map<string, Command>;

  constructor(commands: readonly Command[]) {
    this.byName = new Map(commands.map((command) => [command.name, command]));
  }

  static async load(directory: URL = DEFAULT_COMMANDS_DIR): Promise<CommandRegistry> {
    const files = (await readdir(directory))
      .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
      .sort();
    const commands = await Promise.all(
      files.map(async (file) => {
        const module = (await import(new URL(file, directory).href)) as { default?: unknown };
        const parsed = CommandSchema.safeParse(module.default);
        if (!parsed.success) {
          throw new PaperbotError(ErrorCode.Internal, `commands/${file} does not default-export a valid command: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        }
        return module.default as Command;
      }),
    );
    return new CommandRegistry(commands);
  }

  get(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  all(): Command[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The command, or a user error that suggests the closest name. */
  require(name: string): Command {
    const command = this.get(name);
    if (command !== undefined) return command;
    const suggestion = closestWord(name.toLowerCase(), this.names());
    throw new UserError(ErrorCode.UnknownCommand, `There is no /${name} command${suggestion === undefined ? '' : `; did you mean /${suggestion}?`}`, {
      hint: `Commands: ${this.names().map((known) => `/${known}`).join(', ')}. Try /help.`,
    });
  }
}
