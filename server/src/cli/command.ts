import { UsageError, type OptionSpec } from './args';
import { errorLine, type CliIo } from './io';

/** Exit codes shared by every command. */
export const EXIT = {
  /** Nothing of error severity was found. */
  ok: 0,
  /** At least one diagnostic of error severity. */
  problems: 1,
  /** A usage mistake, or a path that could not be read. */
  failure: 2,
} as const;

/** A `unitguard` subcommand. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis after `unitguard NAME`, e.g. `[OPTIONS] PATH...`. */
  synopsis: string;
  /** Free text after the option list in `--help`. */
  details: string;
  options: readonly OptionSpec[];
  /** Runs with the arguments after the command name; returns the exit code. */
  run(argv: readonly string[], io: CliIo): number;
}

/** Runs a command with the arguments after its name; a usage mistake is said with a pointer to its help. */
export function runCommand(command: Command, argv: readonly string[], io: CliIo): number {
  try {
    return command.run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message, io, command);
    throw error;
  }
}

export function usageError(message: string, io: CliIo, command?: Command): number {
  const hint = command ? `unitguard ${command.name} --help` : 'unitguard --help';
  io.stderr(errorLine(message) + `Try '${hint}' for more information.\n`);
  return EXIT.failure;
}
