/** A small, strict command-line option parser shared by the commands. */
import { appendAll, maxOf } from '../core/arrays';

export interface OptionSpec {
  /** Long name without dashes: `format` for `--format`. */
  name: string;
  /** One-letter alias without the dash: `h` for `-h`. */
  short?: string;
  /** Placeholder of the option's value in help (`FORMAT`); options without one are flags. */
  value?: string;
  /** The value may be left out (`--fix` or `--fix=review`); given, it must follow `=`. */
  optionalValue?: true;
  description: string;
}

export interface ParsedArgs {
  /** Flags map to `true`, options with a value to their last value. */
  options: Map<string, string | true>;
  positionals: string[];
}

/** A mistake on the command line: reported with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Reads `--name value`, `--name=value`, `-x value`, flags, and positionals in
 * any order. `--` ends the options; a lone `-` is a positional (stdin).
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      appendAll(positionals, argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const written = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = long ? byLong.get(written.slice(2)) : arg.length === 2 ? byShort.get(arg.slice(1)) : undefined;
    if (!spec) throw new UsageError(`unknown option '${written}'`);
    if (spec.optionalValue) {
      options.set(spec.name, eq >= 0 ? arg.slice(eq + 1) : true);
    } else if (spec.value === undefined) {
      if (eq >= 0) throw new UsageError(`option '--${spec.name}' takes no value`);
      options.set(spec.name, true);
    } else if (eq >= 0) {
      options.set(spec.name, arg.slice(eq + 1));
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`option '${written}' needs a value (${spec.value})`);
      options.set(spec.name, argv[++i]);
    }
  }
  return { options, positionals };
}

/** The option lines of a help text, aligned. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? (s.optionalValue ? `[=${s.value}]` : ` ${s.value}`) : ''}`);
  const width = maxOf(heads, (h) => h.length);
  return specs.map((s, i) => `  ${heads[i].padEnd(width)}  ${s.description}\n`).join('');
}
