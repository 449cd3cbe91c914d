/**
 * What the unit's command lines and environment show about the service: the programs it runs,
 * their arguments with `$VAR` and `${VAR}` filled in from Environment=, and the words of the
 * scripts it hands to a shell (`sh -c '...'`). Breakage rules read their evidence from here.
 */
import type { Assignment, UnitModel } from '../../model/unitModel';
import { effectiveLines, EXEC_SETTINGS, isOn } from '../pairings/effects';
import { argvOf, commandHead, splitCommand } from '../values/commandWords';
import { wordTexts, wordsIn } from '../values/words';
import { forget, once } from '../pairings/unitFacts';
import { BoundedCache } from '../values/boundedCache';
import { RecentStrings } from '../../memo/recentStrings';
import { attached } from '../../memo/attached';

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
  const memo = splitMemos.get(model);
  if (memo === undefined) return;
  // The next version takes over these splits, or the earlier ones when this version split none.
  memo.own ??= memo.earlier;
  memo.earlier = undefined;
}

/**
 * The splits of a version's command lines by their text, which the next version of the document
 * takes over (see `keepSplits`); and until its own are made, those of the version before.
 */
interface SplitMemo {
  own: Map<string, SplitValue> | undefined;
  earlier: Map<string, SplitValue> | undefined;
}

const splitMemos = attached<UnitModel, SplitMemo>('command line splits');

/**
 * For the model of an editor's document: the split of each of its command lines is kept, by the
 * line's text, for the next version's model, and those `earlier` (the last version's model) kept
 * are not made again. A keystroke in one of 200,000 different command lines then splits one line,
 * not all of them (the cache of recent values holds a thousand). What is kept is what the records
 * of the lines held while the checks ran.
 */
export function keepSplits(model: UnitModel, earlier: UnitModel | undefined): void {
  if (splitMemos.get(model) !== undefined) return;
  const before = earlier === undefined ? undefined : splitMemos.get(earlier);
  splitMemos.set(model, { own: undefined, earlier: before?.own ?? before?.earlier });
}

/**
 * A command line's prefix and words as written, before variables are filled in; and, of a line
 * without variables, what its record takes from those alone (its program and script), once read.
 */
interface SplitValue {
  readonly prefix: string;
  readonly words: readonly string[];
  readonly usesVariables: boolean;
  /** Of a line without variables, once read (see `programAndScript`). */
  program: string | undefined;
  script: readonly string[] | undefined;
}

/** Split values by text: every version of a unit, and every fix tried on it, has the same command lines. */
const splitValues = new BoundedCache<SplitValue>(1024);

function splitValue(value: string): SplitValue {
  const split = splitCommand(value);
  const words = argvOf(split).map((w) => recentWords.share(w.text));
  return { prefix: split.prefix, words, usesVariables: words.some((w) => w.includes('$')), program: undefined, script: undefined };
}

/** How many command line splits a model keeps for the next version of its document. */
export function keptSplitCount(model: UnitModel): number {
  return splitMemos.get(model)?.own?.size ?? 0;
}

/** The splits of the values of `lines` alone, from `splits`. */
function splitsOf(lines: readonly CommandLine[], splits: ReadonlyMap<string, SplitValue>): Map<string, SplitValue> {
  const kept = new Map<string, SplitValue>();
  for (const { line } of lines) {
    const value = line.entry.value;
    const split = splits.get(value);
    if (split !== undefined) kept.set(value, split);
  }
  return kept;
}

/** The program a command line runs, and the words of the shell script it hands over (none when it hands over none). */
function programAndScript(prefix: string, argv: readonly string[]): { program: string; script: readonly string[] } {
  const program = recentWords.share(baseName(argv[0]));
  let script: readonly string[] = NONE;
  if (prefix.includes('|')) script = scriptWords(argv.join(' '));
  else if (SHELLS.has(program)) {
    const c = argv.indexOf('-c');
    if (c > 0 && c + 1 < argv.length) script = scriptWords(argv[c + 1]);
  }
  return { program, script };
}

/** Programs and their short arguments recur from line to line of a unit: kept once each. */
const recentWords = new RecentStrings();

/** The empty list every line without a script or variables shares. */
const NONE: readonly never[] = Object.freeze([]);

function splitCommandLines(model: UnitModel): readonly CommandLine[] {
  const variables = environment(model);
  const lines: CommandLine[] = [];
  const memo = splitMemos.get(model);
  // The earlier version's splits, added to: a keystroke leaves one value behind that no line has
  // any more, and a map made anew for 200,000 lines would cost more than their splits do.
  const splits = memo === undefined ? undefined : (memo.earlier ?? new Map<string, SplitValue>());
  for (const setting of EXEC_SETTINGS) {
    for (const line of effectiveLines(model, setting)) {
      const value = line.entry.value;
      let split = splits?.get(value);
      if (split === undefined) {
        split = splitValues.get(value, splitValue);
        splits?.set(value, split);
      }
      const { prefix, words } = split;
      if (words.length === 0) continue;
      if (!split.usesVariables) {
        // A line without variables shares its split words, program and script (a long unit has
        // many such lines), and makes no set of the variables it uses.
        if (split.program === undefined) ({ program: split.program, script: split.script } = programAndScript(prefix, words));
        lines.push({ line, setting, prefix, argv: words, program: split.program, script: split.script as readonly string[], uses: NONE });
        continue;
      }
      const uses = new Set<Variable>();
      const argv = words.map((w) => expand(w, variables, uses));
      const { program, script } = programAndScript(prefix, argv);
      lines.push({ line, setting, prefix, argv, program, script, uses: uses.size > 0 ? [...uses] : NONE });
    }
  }
  // Once the values no line has any more are as many as those of the lines, they are let go.
  if (memo !== undefined && splits !== undefined) memo.own = splits.size > 2 * lines.length + 1024 ? splitsOf(lines, splits) : splits;
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
  return once(model, MAIN_UNSANDBOXED, () => somePrefixed(model, ['ExecStart'], '+'));
}

const MAIN_UNSANDBOXED = {};

/** Whether some command line in force runs a command as root with the bounding set (`!`). */
export function someCommandAsRoot(model: UnitModel): boolean {
  return somePrefixed(model, EXEC_SETTINGS, '!');
}

/**
 * Whether a command line in force of `settings` carries the prefix `mark`, told from its first word
 * (`commandLines` splits every line whole and fills its variables in, which a fix's trial that asks
 * only this would do again for every command line of the unit). A line that runs nothing is none.
 */
function somePrefixed(model: UnitModel, settings: readonly string[], mark: string): boolean {
  for (const setting of settings) {
    for (const line of effectiveLines(model, setting)) {
      const value = line.entry.value;
      const head = commandHead(value);
      if (!head.prefix.includes(mark)) continue;
      if ((head.program !== undefined && head.program.text !== '') || argvOf(splitCommand(value)).length > 0) return true;
    }
  }
  return false;
}
