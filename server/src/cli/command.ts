import type { OptionSpec } from './args';
import type { CliIo } from './io';

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
