import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createUnitDocument, unitDocumentOf, diagnoseLimited, diagnoseWithFixesLimited, explain, fixAll, leftOutMessage, parseRuleLevel, unifiedDiff, DEFAULT_MAX_PROBLEMS, DEFAULT_SETTINGS, groupedDigits, SEVERITY_RANK, SYSTEMD_VERSION_RANGE, TOO_MANY_PROBLEMS, type Diagnostic, type FixRisk, type Settings, type Severity, type UnitFiles, type UnitDocument,
} from '../../core';
import { decodeUnitBytes, readUnitText, type UnitText } from '../../node/readUnitFile';
import { findRcConfig, readPolicyCached } from '../../node/unitguardrc';
import { CompanionMemo, unitFilesFor } from '../../node/unitFiles';
import { estimatedFor, textCheckCost } from '../../node/memoryRoom';
import { holdCompactly, parsedCompactly, type CompactText } from '../../node/compactText';
import { GuardError, runBudget, Scope, writeGuarded, type RunBudget } from '../../node/guardedFs';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT, type Command } from '../command';
import { collectInputs, describeError, type CollectedInputs, type InputError, type UnitInput } from '../files';
import { commandHelp } from '../help';
import { errorLine, onceReporter, type CliIo } from '../io';
import { jsonFormatter } from '../formats/json';
import type { FileReport, Formatter } from '../formats/report';
import { sarifFormatter } from '../formats/sarif';
import { textFormatter } from '../formats/text';
import { terminalLine, terminalText } from '../terminalText';

const FORMATS: Record<string, Formatter> = { text: textFormatter, json: jsonFormatter, sarif: sarifFormatter };

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: 'FORMAT', description: 'text (default), json or sarif' },
  {
    name: 'systemd-version',
    value: 'N',
    description: `the systemd version the units are written for (${SYSTEMD_VERSION_RANGE.min}-${SYSTEMD_VERSION_RANGE.max}, default ${DEFAULT_SETTINGS.systemdVersion})`,
  },
  { name: 'stdin-filename', value: 'NAME', description: 'the file name that standard input (-) stands for, which gives the unit type' },
  {
    name: 'min-severity',
    value: 'LEVEL',
    description: 'leave out what is below error, warning, information or hint (default: information for text, hint for json and sarif)',
  },
  {
    name: 'max-problems',
    value: 'N',
    description: `show at most N problems of each file, the most severe first, as the editor does (default ${DEFAULT_MAX_PROBLEMS}; 0 shows all)`,
  },
  {
    name: 'fix',
    value: 'RISK',
    optionalValue: true,
    description: 'apply every safe fix and write the files, then report what is left; --fix=review applies the fixes that change the sandbox too',
  },
  { name: 'explain', description: 'after each file, print what its settings imply (knowledge, not findings)' },
  { name: 'dry-run', description: 'with --fix: print the changes as a unified diff instead of writing them' },
  { name: 'help', short: 'h', description: 'show this help' },
];

export interface CheckOptions {
  format: Formatter;
  settings: Settings;
  stdinFilename: string | undefined;
  paths: string[];
  /** `--systemd-version` was given: it wins over `.unitguardrc` files. */
  versionGiven: boolean;
  fix: boolean;
  /** The risks --fix applies: safe, or safe and review. */
  fixRisks: FixRisk[];
  dryRun: boolean;
  explain: boolean;
  /** Diagnostics below this severity are left out of the report. */
  minSeverity: Severity;
  /** The most problems shown for one file (Infinity: all of them). */
  maxProblems: number;
}



/** Turns the command line into options, or throws a UsageError. */
export function readCheckOptions(argv: readonly string[]): CheckOptions | 'help' {
  const { options, positionals } = parseArgs(argv, OPTIONS);
  if (options.has('help')) return 'help';
  const formatName = stringOption(options, 'format') ?? 'text';
  const format = Object.prototype.hasOwnProperty.call(FORMATS, formatName) ? FORMATS[formatName] : undefined;
  if (!format) throw new UsageError(`unknown format '${formatName}' (expected ${Object.keys(FORMATS).join(', ')})`);
  const versionText = stringOption(options, 'systemd-version');
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (versionText !== undefined) settings.systemdVersion = parseSystemdVersion(versionText);
  const stdinFilename = stringOption(options, 'stdin-filename');
  if (stdinFilename === '') throw new UsageError('--stdin-filename needs a file name');
  if (positionals.length === 0) throw new UsageError('no paths to check');
  if (stdinFilename !== undefined && !positionals.includes('-')) throw new UsageError("--stdin-filename needs '-' among the paths");
  const fix = options.has('fix');
  const fixValue = options.get('fix');
  if (typeof fixValue === 'string' && fixValue !== 'safe' && fixValue !== 'review') throw new UsageError(`--fix takes safe or review, not '${fixValue}'`);
  const fixRisks: FixRisk[] = fixValue === 'review' ? ['safe', 'review'] : ['safe'];
  const afterFix = argv[argv.indexOf('--fix') + 1];
  if (argv.includes('--fix') && (afterFix === 'review' || afterFix === 'safe')) throw new UsageError(`write --fix=${afterFix}: with a space, '${afterFix}' would be read as a path`);
  const explain = options.has('explain');
  if (explain && formatName !== 'text') throw new UsageError('--explain goes with the text format');
  const dryRun = options.has('dry-run');
  if (dryRun && !fix) throw new UsageError('--dry-run only goes with --fix');
  if (fix && !dryRun && positionals.includes('-')) throw new UsageError('--fix cannot write to standard input; add --dry-run to see the changes');
  const minText = stringOption(options, 'min-severity');
  const minSeverity = minText === undefined ? (formatName === 'text' ? 'information' : 'hint') : parseRuleLevel(minText);
  if (minSeverity === undefined || minSeverity === 'off') throw new UsageError(`--min-severity takes error, warning, information or hint, not '${minText}'`);
  const maxText = stringOption(options, 'max-problems');
  const maxProblems = maxText === undefined ? DEFAULT_MAX_PROBLEMS : /^\d{1,9}$/.test(maxText) ? Number(maxText) || Infinity : undefined;
  if (maxProblems === undefined) throw new UsageError(`--max-problems takes a whole number (0 shows all), not '${maxText}'`);
  return { format, settings, stdinFilename, paths: positionals, versionGiven: versionText !== undefined, fix, fixRisks, dryRun, explain, minSeverity, maxProblems };
}

function stringOption(options: Map<string, string | true>, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function parseSystemdVersion(text: string): number {
  const { min, max } = SYSTEMD_VERSION_RANGE;
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new UsageError(`--systemd-version must be a whole number from ${min} to ${max}, not '${text}'`);
  }
  return value;
}

function runCheck(argv: readonly string[], io: CliIo): number {
  const parsed = readCheckOptions(argv);
  if (parsed === 'help') {
    io.stdout(commandHelp(checkCommand));
    return EXIT.ok;
  }
  // What checking a unit may need depends on whether fixes are tried, and how many problems are
  // kept: `--fix` fixes every one it can (see memoryRoom.ts).
  const work = { triesFixes: parsed.fix || parsed.format.showsFixes, problemLimit: parsed.fix ? Infinity : parsed.maxProblems };
  return estimatedFor(work, () => checkAll(parsed, io));
}

function checkAll(parsed: CheckOptions, io: CliIo): number {
  const { format, settings } = parsed;
  const budget = runBudget();
  // A unit's drop-ins are read once for the unit and all of them, not once for each.
  const memo = new CompanionMemo();
  const collected = collectInputs(parsed.paths, io.cwd, undefined, budget);
  for (const note of collected.notes) io.stderr(errorLine(note));
  const errors: InputError[] = [...collected.errors];
  for (const error of collected.errors) io.stderr(errorLine(`cannot read '${error.path}': ${error.message}`));

  const reports: FileReport[] = [];
  const write = (text: string): void => io.stdout(text);
  const reportOnce = onceReporter(io);
  let errorCount = 0;
  let hidden = 0;
  let settingsBroken = false;
  let fileCount = 0;
  // Each file is checked in a call of its own: a loop body's variables would keep the last file's
  // text, tree and findings alive while the next one is read and checked.
  // The formats that show fixes try them on whole copies of the text, which is then read whole:
  // held compactly, it would be joined again and held twice.
  const compact = !format.showsFixes;
  const checkOne = (input: UnitInput): 'stop' | undefined => {
    // The fixes asked for are made on the text itself, before it is parsed.
    const source = readInput(input, parsed.stdinFilename, io, collected, budget, compact && !parsed.fix);
    if ('spent' in source) {
      errors.push(source.spent);
      io.stderr(errorLine(`stopped at '${source.spent.path}': ${source.spent.message}`));
      return 'stop';
    }
    if ('error' in source) {
      errors.push(source.error);
      io.stderr(errorLine(`cannot read '${source.error.path}': ${source.error.message}`));
      return undefined;
    }
    const fileSettings = settingsFor(parsed, settings, source.absolutePath, io, reportOnce);
    if (fileSettings.broken) settingsBroken = true;
    const scope = input.kind === 'file' ? collected.scopes.get(input.root) : undefined;
    const ready = documentOf(source, input, fileSettings.settings, parsed, io, scope, memo, compact);
    if ('failed' in ready) {
      errors.push(ready.failed);
      io.stderr(errorLine(`${ready.spent ? 'stopped at' : 'cannot read'} '${ready.failed.path}': ${ready.failed.message}`));
      return ready.spent ? 'stop' : undefined;
    }
    if (ready.fixFailed) errors.push({ path: source.path, message: 'cannot write the fixed file' });
    const { document, files } = ready;
    // Before the check: what it explains builds the unit model and keeps it, and the check reuses it.
    const implied = parsed.explain && !parsed.dryRun ? explain(document, fileSettings.settings, files) : undefined;
    const limited = (format.showsFixes ? diagnoseWithFixesLimited : diagnoseLimited)(document, fileSettings.settings, files, parsed.maxProblems);
    const shows = (severity: Severity): boolean => SEVERITY_RANK[severity] <= SEVERITY_RANK[parsed.minSeverity];
    const diagnostics = limited.diagnostics.filter((d) => shows(d.severity));
    let total = 0;
    for (const [severity, count] of Object.entries(limited.counts) as [Severity, number][]) {
      if (shows(severity)) total += count;
      else hidden += count;
    }
    // The most severe are shown: when some were left out, all those shown are at or above the level asked for.
    if (total > diagnostics.length) diagnostics.unshift(leftOutNote(diagnostics.length, total));
    const report: FileReport = { path: source.path, absolutePath: source.absolutePath, diagnostics };
    errorCount += limited.counts.error;
    // A format that prints as it goes does not need the report again.
    if (format.printsAtEnd) reports.push(report);
    if (!parsed.dryRun) format.file(report, write, fileCount++);
    if (implied !== undefined) io.stdout(explainLines(source.path, implied));
    return undefined;
  };
  for (const input of collected.inputs) if (checkOne(input) === 'stop') break;
  if (!parsed.dryRun) format.end({ files: reports, errors, cwd: io.cwd, fileCount }, write);
  if (hidden > 0 && !parsed.dryRun) {
    io.stderr(errorLine(`${hidden} ${hidden === 1 ? 'diagnostic' : 'diagnostics'} below ${parsed.minSeverity} not shown (--min-severity hint shows all)`));
  }
  if (errors.length > 0 || settingsBroken) return EXIT.failure;
  return errorCount > 0 ? EXIT.problems : EXIT.ok;
}

/** The note before a file's problems when some were left out, as the editor's (see core/features/problemLimit.ts). */
function leftOutNote(shown: number, total: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'information',
    code: TOO_MANY_PROBLEMS,
    message: leftOutMessage(shown, total, '--max-problems N shows more, 0 all'),
  };
}

/**
 * The settings for one file: `.unitguardrc` files above it, under the command line's options.
 * `broken`: a settings file or the policy it names cannot be used (the run then exits with 2).
 */
export function settingsFor(options: { versionGiven: boolean }, base: Settings, absolutePath: string | undefined, io: CliIo, report: (message: string) => void): { settings: Settings; broken: boolean } {
  const rc = findRcConfig(absolutePath ?? io.cwd, absolutePath === undefined);
  for (const problem of rc.problems) report(problem);
  // The policy weights the score changes the hardening fixes' titles give, as in the editor.
  const policy = rc.securityPolicy !== undefined ? readPolicyCached(rc.securityPolicy, rc.securityPolicyRoot) : undefined;
  for (const problem of policy?.problems ?? []) report(problem);
  const settings: Settings = {
    systemdVersion: options.versionGiven || rc.systemdVersion === undefined ? base.systemdVersion : rc.systemdVersion,
    ...(Object.keys(rc.rules).length > 0 ? { rules: rc.rules } : {}),
    ...(policy?.policy ? { securityPolicy: policy.policy } : {}),
    ...(policy && !policy.policy ? { securityPolicyError: policy.problems[0] ?? 'it cannot be read' } : {}),
  };
  return { settings, broken: rc.unreadable === true || rc.invalid === true || (policy !== undefined && !policy.policy) };
}

/** `path:line:col: note: text [implies]` lines: what the unit's settings switch on by themselves. */
function explainLines(path: string, notes: ReturnType<typeof explain>): string {
  return terminalText(notes.map((n) => `${terminalLine(path)}:${n.range.start.line + 1}:${n.range.start.character + 1}: note: ${n.message} [${n.code}]\n`).join(''));
}

/**
 * The unit's companion files and its document, with the fixes asked for applied first. The text is
 * read and let go here, not in the caller, whose variables would keep the string it was read into
 * alive through the check: the tree holds the text from then on, a long one compactly when
 * `compact` (see node/compactText.ts). A text the reader held so already is parsed from the
 * string that stands for it: it is never one string of two bytes a character.
 */
function documentOf(
  source: Source,
  input: UnitInput,
  settings: Settings,
  options: CheckOptions,
  io: CliIo,
  scope: Scope | undefined,
  memo: CompanionMemo,
  compact: boolean,
): { document: UnitDocument; files: UnitFiles; fixFailed: boolean } | { failed: InputError; spent: boolean } {
  let files: UnitFiles = {};
  try {
    if (source.absolutePath && input.kind === 'file') files = unitFilesFor(source.absolutePath, scope, { heldCost: textCheckCost(source.text), memo });
  } catch (error) {
    return { failed: { path: source.path, message: describeError(error) }, spent: error instanceof GuardError && error.kind === 'budget' };
  }
  let fixFailed = false;
  if (options.fix) {
    const fixed = applyFixes(source, source.text, settings, files, options, io, scope, memo);
    if (fixed === undefined) fixFailed = true;
    else source.text = fixed;
  }
  const held = source.held;
  const document = (held && heldDocument(source.uri, source.text, held)) || createUnitDocument(source.uri, held?.toString() ?? source.text);
  if (compact) holdCompactly(document.tree);
  source.text = '';
  source.held = undefined;
  return { document, files, fixFailed };
}

/** The document of a text held compactly, parsed from the string that stands for it; undefined when it must be parsed itself (see parsedCompactly). */
function heldDocument(uri: string, text: string, held: CompactText): UnitDocument | undefined {
  const tree = parsedCompactly({ text, held });
  return tree && unitDocumentOf(uri, tree);
}

/** Applies the fixes of the risks asked for: writes the file (or prints a diff); undefined when it cannot be written. */
function applyFixes(source: Source, text: string, settings: Settings, files: UnitFiles, options: CheckOptions, io: CliIo, scope: Scope | undefined, memo: CompanionMemo): string | undefined {
  if (text.includes('\uFFFD')) {
    io.stderr(errorLine(`not fixing '${source.path}': it is not valid UTF-8, and writing it back would change its bytes`));
    return text;
  }
  const result = fixAll(source.uri, text, settings, files, options.fixRisks);
  reportLeft(source.path, result.left, io);
  if (result.stoppedEarly) io.stderr(errorLine(`'${source.path}' is long: fixing stopped after ${result.applied.length} ${result.applied.length === 1 ? 'fix' : 'fixes'} with more to apply; run --fix again to go on`));
  if (result.text === text) return text;
  if (options.dryRun) {
    // A patch keeps the file's bytes, so that it applies; on a terminal it is read, and escaped.
    const diff = unifiedDiff(text, result.text, source.path);
    io.stdout(io.stdoutIsTerminal ? terminalText(diff) : diff);
    return result.text;
  }
  if (!source.absolutePath || !scope) return text;
  try {
    // Only inside the folder named (a named file: its own folder), never through a link leading out.
    writeGuarded(source.absolutePath, keepLineBreaks(text, result.text), scope);
    // The next drop-in of the unit reads this one as it is now.
    memo.forget(source.absolutePath);
  } catch (error) {
    io.stderr(errorLine(`cannot write '${source.path}': ${describeError(error)}`));
    return undefined;
  }
  io.stderr(errorLine(`fixed '${source.path}': ${result.applied.length} ${result.applied.length === 1 ? 'fix' : 'fixes'} applied: ${result.applied.join('; ')}`));
  return result.text;
}

/** Says which fixes were left for a review, so that nothing is left silently. */
function reportLeft(path: string, left: ReturnType<typeof fixAll>['left'], io: CliIo): void {
  if (left.length === 0) return;
  io.stderr(errorLine(`left in '${path}': ${left.length} ${left.length === 1 ? 'fix changes' : 'fixes change'} what the service may do and ${left.length === 1 ? 'needs' : 'need'} a review (--fix=review applies ${left.length === 1 ? 'it' : 'them'}):`));
  for (const l of left) io.stderr(`  ${path}:${l.line + 1}: ${l.title} [${l.code}]\n`);
}

interface Source extends UnitText {
  path: string;
  absolutePath: string | undefined;
  uri: string;
}

function readInput(input: UnitInput, stdinFilename: string | undefined, io: CliIo, collected: CollectedInputs, budget: RunBudget, compactly: boolean): Source | { error: InputError } | { spent: InputError } {
  if (input.kind === 'stdin') {
    const absolutePath = stdinFilename === undefined ? undefined : resolve(io.cwd, stdinFilename);
    const path = stdinFilename ?? '<stdin>';
    try {
      return { path, absolutePath, uri: absolutePath ? pathToFileURL(absolutePath).href : 'untitled:stdin', ...decodeUnitBytes(io.readStdin(), compactly) };
    } catch (error) {
      return { error: { path, message: describeError(error) } };
    }
  }
  try {
    // A file named on the command line is read wherever its links lead; one found in a folder only inside it.
    const scope = input.named ? Scope.anywhere(budget) : (collected.scopes.get(input.root) ?? Scope.within([input.root], budget));
    return { path: input.path, absolutePath: input.absolutePath, uri: pathToFileURL(input.absolutePath).href, ...readUnitText(input.absolutePath, scope, compactly) };
  } catch (error) {
    if (error instanceof GuardError && error.kind === 'budget') return { spent: { path: input.path, message: describeError(error) } };
    return { error: { path: input.path, message: describeError(error) } };
  }
}

/** A file whose every line ends in CRLF keeps CRLF on the lines a fix wrote. */
function keepLineBreaks(before: string, after: string): string {
  const lf = (before.match(/\n/g) ?? []).length;
  const crlf = (before.match(/\r\n/g) ?? []).length;
  if (lf === 0 || crlf !== lf) return after;
  return after.replace(/\r?\n/g, '\r\n');
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check unit files and print their diagnostics.',
  synopsis: '[--format text|json|sarif] [--systemd-version N] [--min-severity LEVEL] [--explain] [--fix[=review] [--dry-run]] PATH...',
  details: [
    'PATH is a unit file, a folder (searched recursively for unit files, their .in templates',
    'and drop-ins NAME.TYPE.d/*.conf, in sorted order) or - for standard input.',
    '',
    'Text output prints path:line:column: severity: message [code] with 1-based lines and',
    'columns (columns count UTF-16 code units), leaving out hints (what a setting implies, and',
    'the like) unless --min-severity hint; it counts what it left out on standard error.',
    'JSON output has 0-based ranges as in the Language Server Protocol. SARIF 2.1.0 output is',
    'for code-scanning services. Both keep hints unless --min-severity says otherwise.',
    `A file with more than ${groupedDigits(DEFAULT_MAX_PROBLEMS)} problems (--max-problems) shows that many, the most`,
    'severe first, after a note that says how many it has; the exit status counts them all.',
    '',
    'Settings come from .unitguardrc files (INI) in the folders above each file, nearest first:',
    'systemd-version = N, and a [rules] section of rule-id = error|warning|information|hint|off.',
    '--systemd-version on the command line wins. A unit is checked together with its drop-ins',
    '(NAME.TYPE.d/*.conf next to it), a drop-in together with its unit.',
    '',
    '--fix applies every safe fix (one that cannot stop a service that works today: a new',
    'name for an old setting, a value\'s spelling, a line that has no effect) and writes the',
    'files; it lists on standard error the fixes it left because they change the sandbox.',
    '--fix=review applies those too. --fix --dry-run prints a unified diff of what it would',
    'change instead (and no report). The report shows what is left.',
    '',
    '--explain prints, after each file, what its settings switch on by themselves',
    '(DynamicUser=yes implies RemoveIPC=yes, ...): knowledge, never a finding.',
    '',
    'Exit status: 0 when nothing of error severity was found, 1 when something was,',
    '2 on a usage mistake, a path that could not be read (the other paths are still checked), or',
    'a .unitguardrc or security policy that is unreadable or holds a mistake (a key, value, level or',
    'rule id that does not exist; a retired rule id is only reported).',
    '',
  ].join('\n'),
  options: OPTIONS,
  run: runCheck,
};
