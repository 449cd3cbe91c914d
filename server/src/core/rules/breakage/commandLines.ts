/**
 * What the unit's command lines and environment show about the service: the programs it runs,
 * their arguments with `$VAR` and `${VAR}` filled in from Environment=, and the words of the
 * scripts it hands to a shell (`sh -c '...'`). Breakage rules read their evidence from here.
 */
import type { Assignment, UnitModel } from '../../model/unitModel';
import { effectiveLines, EXEC_SETTINGS, isOn } from '../pairings/effects';
import { argvOf, splitCommand } from '../values/commandWords';
import { wordTexts, wordsIn } from '../values/words';
import { forget, once } from '../pairings/unitFacts';
import { BoundedCache } from '../values/boundedCache';
import { RecentStrings } from '../../memo/recentStrings';

/** A variable set by Environment=, with the line that sets it (the last one read wins). */
export interface Variable {
  name: string;
  value: string;
  line: Assignment;
}

/** One command line of the unit, split as systemd splits it. */
export interface CommandLine {
  line: Assignment;
  /** The setting: ExecStart, ExecStartPre, ... */
  setting: string;
  /** The special prefixes: `-`, `@`, `:`, `+`, `!`, `!!`, `|` (runs in the user's shell). */
  prefix: string;
  /** The program and its arguments, variables filled in. */
  argv: readonly string[];
  /** The program's base name (`/usr/sbin/sysctl` → `sysctl`). */
  program: string;
  /**
   * The words of a shell script the line runs (`sh -c 'echo 1 > /proc/sys/x'`, a `|` command),
   * split on blanks and shell operators; empty when the line runs no shell script.
   */
  script: readonly string[];
  /** Environment= lines whose variables the line uses. */
  uses: readonly Variable[];
}

const ENVIRONMENT = {};
const COMMANDS = {};

/** The variables of Environment= as systemd reads them: the last assignment of a name wins (read once per unit). */
export function environment(model: UnitModel): ReadonlyMap<string, Variable> {
  return once(model, ENVIRONMENT, () => readEnvironment(model));
}

function readEnvironment(model: UnitModel): ReadonlyMap<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const line of effectiveLines(model, 'Environment')) {
    for (const [name, value] of assignmentsIn.get(line.entry.value, readAssignments)) variables.set(name, { name, value, line });
  }
  return variables;
}

/** The `NAME=value` words of an Environment= value, by the value's text (the same lines recur). */
const assignmentsIn = new BoundedCache<readonly (readonly [string, string])[]>(1024);

function readAssignments(value: string): [string, string][] {
  const found: [string, string][] = [];
  for (const word of wordsIn(value)) {
    const eq = word.text.indexOf('=');
    if (eq <= 0) continue;
    const name = word.text.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    found.push([name, word.text.slice(eq + 1)]);
  }
  return found;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'busybox']);

/** `$VAR` and `${VAR}` filled in from the environment; unknown variables are left as written. */
function expand(word: string, variables: ReadonlyMap<string, Variable>, uses: Set<Variable>): string {
  if (!word.includes('$')) return word;
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const variable = variables.get(braced ?? bare ?? '');
    if (!variable) return whole;
    uses.add(variable);
    return variable.value;
  });
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Splits a shell script into words and operators (`>`, `>>`, `|`, `;`, `&&`), roughly as a shell would. */
export function scriptWords(script: string): string[] {
  const spaced = script.replace(/(\d?>>?|&&|\|\||[|;&<])/g, ' $1 ');
  return wordTexts(spaced);
}

/** Every command line in force (ExecStart=, ExecStartPre=, ... of the unit and its drop-ins), split once per unit. */
export function commandLines(model: UnitModel): readonly CommandLine[] {
  return once(model, COMMANDS, () => splitCommandLines(model));
}

/**
 * Lets the model go of its command lines and environment once the breakage checks, which alone
 * read them, are done: a record for each `Exec*=` line is about a tenth of what a check of a long
 * unit keeps, and a model kept for an editor's hover lives on.
 */
export function releaseCommandLines(model: UnitModel): void {
  forget(model, COMMANDS, ENVIRONMENT);
}

/** A command line's prefix and words as written, before variables are filled in. */
interface SplitValue {
  readonly prefix: string;
  readonly words: readonly string[];
}

/** Split values by text: every version of a unit, and every fix tried on it, has the same command lines. */
const splitValues = new BoundedCache<SplitValue>(1024);

function splitValue(value: string): SplitValue {
  const split = splitCommand(value);
  return { prefix: split.prefix, words: argvOf(split).map((w) => recentWords.share(w.text)) };
}

/** Programs and their short arguments recur from line to line of a unit: kept once each. */
const recentWords = new RecentStrings();

/** The empty list every line without a script or variables shares. */
const NONE: readonly never[] = Object.freeze([]);

function splitCommandLines(model: UnitModel): readonly CommandLine[] {
  const variables = environment(model);
  const lines: CommandLine[] = [];
  for (const setting of EXEC_SETTINGS) {
    for (const line of effectiveLines(model, setting)) {
      const { prefix, words } = splitValues.get(line.entry.value, splitValue);
      // A line without variables shares its split words (a long unit has many such lines), and
      // makes no set of the variables it uses.
      const uses = words.some((w) => w.includes('$')) ? new Set<Variable>() : undefined;
      const argv = uses !== undefined ? words.map((w) => expand(w, variables, uses)) : words;
      if (argv.length === 0) continue;
      const program = recentWords.share(baseName(argv[0]));
      let script: readonly string[] = NONE;
      if (prefix.includes('|')) script = scriptWords(argv.join(' '));
      else if (SHELLS.has(program)) {
        const c = argv.indexOf('-c');
        if (c > 0 && c + 1 < argv.length) script = scriptWords(argv[c + 1]);
      }
      lines.push({ line, setting, prefix, argv, program, script, uses: uses !== undefined && uses.size > 0 ? [...uses] : NONE });
    }
  }
  return lines;
}

/**
 * Whether a command line runs inside the sandbox: not `+`, and not a control command under
 * PermissionsStartOnly= (the cgroup device filter applies to every command all the same).
 */
export function sandboxed(model: UnitModel, command: CommandLine): boolean {
  if (command.prefix.includes('+')) return false;
  return command.setting === 'ExecStart' || !isOn(model, 'PermissionsStartOnly');
}

/** Whether some ExecStart= line carries `+`: that main process runs without the sandbox, capabilities and filters. */
export function mainProcessUnsandboxed(model: UnitModel): boolean {
  return commandLines(model).some((c) => c.setting === 'ExecStart' && c.prefix.includes('+'));
}
