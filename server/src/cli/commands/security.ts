import { fileURLToPath } from 'node:url';
import { maxOf } from '../../core/arrays';
import { relative, resolve } from 'node:path';
import { DEFAULT_SETTINGS, SYSTEMD_VERSION_RANGE } from '../../core/settings';
import { assess, formatExposure, levelOf, type AssessResult, type SecurityPolicy, type TestResult } from '../../core/security';
import { readSecurityInput, readSecurityPolicyFile, type SecurityInput } from '../../node/securityInput';
import { describeError, runBudget } from '../../node/guardedFs';
import { decodeUnitText } from '../../node/readUnitFile';
import { estimatedFor } from '../../node/memoryRoom';
import type { UnitModel } from '../../core/model/unitModel';
import { formProblem } from '../../core/security/securityInfo';
import { rcConfigFinder, readPolicyCached } from '../../node/unitguardrc';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT, type Command } from '../command';
import { commandHelp } from '../help';
import { errorLine, onceReporter, type CliIo } from '../io';
import { terminalText } from '../terminalText';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'json', description: 'print the result as JSON (an object for one path, an array for several)' },
  { name: 'systemd-version', value: 'N', description: 'score as this systemd release does (default 262)' },
  { name: 'threshold', value: 'N', description: 'exit with 1 when a score is above N (0-100, as systemd-analyze)' },
  { name: 'security-policy', value: 'FILE', description: "systemd-analyze's policy JSON: per-check weight and range" },
  { name: 'stdin-filename', value: 'NAME', description: 'the file name that standard input (-) stands for (default: stdin.service)' },
  { name: 'user', description: 'score as the per-user manager runs the service (systemd-analyze --user)' },
  { name: 'help', short: 'h', description: 'show this help' },
];

interface SecurityOptions {
  json: boolean;
  /** Undefined: from .unitguardrc, else 262. */
  version: number | undefined;
  user: boolean;
  threshold: number;
  policy: SecurityPolicy | undefined;
  policyProblems: string[];
  paths: string[];
  stdinFilename: string | undefined;
}

/** A policy given on the command line that cannot be used: one line, exit 2. */
class PolicyError extends Error {}

function integerOption(text: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, not '${text}'`);
  }
  return Number(text);
}

function readOptions(argv: readonly string[], io: CliIo): SecurityOptions | 'help' {
  const { options, positionals } = parseArgs(argv, OPTIONS);
  if (options.has('help')) return 'help';
  const text = (name: string): string | undefined => {
    const v = options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const versionText = text('systemd-version');
  const thresholdText = text('threshold');
  const policyPath = text('security-policy');
  if (positionals.length === 0) throw new UsageError('no paths to score');
  const stdinFilename = text('stdin-filename');
  if (stdinFilename === '') throw new UsageError('--stdin-filename needs a file name');
  if (stdinFilename !== undefined && !positionals.includes('-')) throw new UsageError("--stdin-filename needs '-' among the paths");
  let policy: SecurityPolicy | undefined;
  let policyProblems: string[] = [];
  if (policyPath !== undefined) {
    try {
      ({ policy, problems: policyProblems } = readSecurityPolicyFile(resolve(io.cwd, policyPath)));
    } catch (error) {
      throw new PolicyError(`cannot use the security policy '${policyPath}': ${describeError(error)}`);
    }
  }
  return {
    json: options.has('json'),
    version: versionText === undefined ? undefined : integerOption(versionText, 'systemd-version', SYSTEMD_VERSION_RANGE.min, SYSTEMD_VERSION_RANGE.max),
    user: options.has('user'),
    threshold: thresholdText === undefined ? 100 : integerOption(thresholdText, 'threshold', 0, 100),
    policy,
    policyProblems,
    paths: positionals,
    stdinFilename,
  };
}

/**
 * The most lines JSON lists for a check: the last ones read (the deciding one where the last line
 * wins; a list's earlier lines may count too, and are counted in `lines_left_out`). A unit that
 * repeats a setting 200,000 times made a report longer than the engine's longest string.
 */
export const JSON_MAX_LINES = 100;

interface Scored {
  path: string;
  unit: string;
  result: AssessResult;
  base: string;
}

function lineList(test: TestResult, base: string): { path: string; line: number; endLine: number }[] {
  return test.lines.map((l) => {
    let file = l.uri;
    try {
      file = fileURLToPath(l.uri);
    } catch {
      // keep the URI
    }
    return { path: file === base ? file : file, line: l.range.start.line + 1, endLine: l.range.end.line + 1 };
  });
}

function toJson(s: Scored): unknown {
  if (!s.result.ok) return { path: s.path, unit: s.unit, error: s.result.error };
  return {
    path: s.path,
    unit: s.unit,
    exposure: s.result.exposure / 10,
    level: s.result.level,
    tests: s.result.tests.map((t) => ({
      name: t.id,
      json_field: t.jsonField,
      description: t.description,
      scored: t.scored,
      badness: t.badness ?? null,
      exposure: t.scored ? t.exposure / 10 : null,
      weight: t.weight,
      range: t.range,
      lines: lineList(t, s.base),
      ...(t.linesLeftOut ? { lines_left_out: t.linesLeftOut } : {}),
    })),
  };
}

const DESCRIPTION_WIDTH = 100;

function table(s: Scored & { result: { ok: true } }): string {
  const rows = [...s.result.tests].sort((a, b) => b.exposure - a.exposure || (a.scored === b.scored ? 0 : a.scored ? -1 : 1));
  const mark = (t: TestResult) => (!t.scored ? ' ' : t.badness === 0 ? '✓' : '✗');
  const nameWidth = Math.max(4, maxOf(rows, (t) => t.id.length));
  // A description longer than the widest usual one runs into its row's exposure column rather than widening every row.
  const descWidth = Math.min(DESCRIPTION_WIDTH, Math.max(11, maxOf(rows, (t) => t.description.length)));
  const line = (m: string, n: string, d: string, e: string) => `${m} ${n.padEnd(nameWidth)} ${d.padEnd(descWidth)} ${e.padStart(8)}`.trimEnd();
  const out = [line(' ', 'NAME', 'DESCRIPTION', 'EXPOSURE')];
  for (const t of rows) out.push(line(mark(t), t.id, t.description, t.scored && t.exposure > 0 ? formatExposure(t.exposure) : ''));
  const level = levelOf(s.result.exposure);
  out.push('', `→ Overall exposure level for ${s.unit}: ${formatExposure(s.result.exposure)} ${level.level} ${level.emoji}`);
  return out.join('\n') + '\n';
}

/**
 * The first line systemd refuses to load the unit for (not valid UTF-8, a line of 1 MiB or more, a broken section header),
 * said as `check` says it; undefined when there is none.
 */
function refusedLine(model: UnitModel, cwd: string): string | undefined {
  const found = formProblem(model);
  if (!found) return undefined;
  const { document, problem } = found;
  let path = document.uri;
  try {
    path = relative(cwd, fileURLToPath(document.uri)) || fileURLToPath(document.uri);
  } catch {
    // keep the URI
  }
  return `${path}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: error: ${problem.message} [${String(problem.code)}]`;
}

function run(argv: readonly string[], io: CliIo): number {
  let options: SecurityOptions | 'help';
  try {
    options = readOptions(argv, io);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    io.stderr(errorLine(error.message));
    return EXIT.failure;
  }
  if (options === 'help') {
    io.stdout(commandHelp(securityCommand));
    return EXIT.ok;
  }
  for (const p of options.policyProblems) io.stderr(errorLine(p));
  // A score needs no more memory than a report of the unit, and keeps no problems (see
  // memoryRoom.ts); JSON lists at most JSON_MAX_LINES lines of each check (200,000 repeated
  // `CapabilityBoundingSet=` lines: 52 MB of heap for JSON, 49 for the table).
  return estimatedFor({ triesFixes: false, problemLimit: 0 }, () => scoreAll(options, io));
}

function scoreAll(options: SecurityOptions, io: CliIo): number {
  // Settings-file problems are said once per run, not once per unit.
  const reportOnce = onceReporter(io);
  const findRcConfig = rcConfigFinder();
  // Each unit's result is rendered as soon as it is scored, so that no unit's model outlives its turn.
  const rendered: unknown[] = [];
  let kept = 0;
  const keep = (s: Scored): void => {
    if (options.json) rendered.push(toJson(s));
    else if (s.result.ok) rendered.push((kept > 0 ? '\n' : '') + table(s as Scored & { result: { ok: true } }));
    kept++;
  };
  let exit: number = EXIT.ok;
  let stdinRead = false;
  const budget = runBudget();
  for (const path of options.paths) {
    const fromStdin = path === '-';
    if (fromStdin && stdinRead) continue;
    const shown = fromStdin ? (options.stdinFilename ?? '<stdin>') : path;
    const absolute = resolve(io.cwd, fromStdin ? (options.stdinFilename ?? 'stdin.service') : path);
    try {
      let input: SecurityInput;
      if (fromStdin) {
        stdinRead = true;
        input = readSecurityInput(absolute, decodeUnitText(io.readStdin()), budget);
      } else input = readSecurityInput(absolute, undefined, budget);
      const refused = refusedLine(input.model, io.cwd);
      if (refused !== undefined) {
        // systemd-analyze says the unit failed to load: no score, exit 1.
        io.stderr(errorLine(refused));
        keep({ path: shown, unit: input.unitName, result: { ok: false, error: refused }, base: input.unitPath });
        exit = Math.max(exit, EXIT.problems);
        continue;
      }
      // .unitguardrc files above the unit give what the command line leaves out.
      const rc = findRcConfig(input.unitPath);
      for (const problem of rc.problems) reportOnce(problem);
      // A mistake in the file (a key or rule that does not exist) fails the run; what it says right still counts.
      if (rc.invalid) exit = EXIT.failure;
      if (rc.unreadable) {
        io.stderr(errorLine(`${shown}: not scored: a .unitguardrc above it cannot be read`));
        exit = EXIT.failure;
        continue;
      }
      let policy = options.policy;
      if (!policy && rc.securityPolicy !== undefined) {
        const read = readPolicyCached(rc.securityPolicy, rc.securityPolicyRoot);
        for (const problem of read.problems) reportOnce(problem);
        if (!read.policy) {
          // Scoring with other weights than the ones asked for could pass or fail a --threshold wrongly.
          io.stderr(errorLine(`${shown}: not scored: its security policy ${rc.securityPolicy} cannot be used`));
          exit = EXIT.failure;
          continue;
        }
        policy = read.policy;
      }
      const result = assess(input.model, {
        systemdVersion: options.version ?? rc.systemdVersion ?? DEFAULT_SETTINGS.systemdVersion,
        manager: options.user ? 'user' : 'system',
        ...(policy ? { policy } : {}),
        // The table names no lines: only JSON lists each check's, the last JSON_MAX_LINES of them.
        ...(options.json ? { maxLines: JSON_MAX_LINES } : { withLines: false }),
      });
      keep({ path: shown, unit: input.unitName, result, base: input.unitPath });
      if (!result.ok) {
        io.stderr(errorLine(`${shown}: ${result.error}`));
        exit = Math.max(exit, EXIT.problems);
      } else if (result.exposure > options.threshold) {
        exit = Math.max(exit, EXIT.problems);
      }
    } catch (error) {
      io.stderr(errorLine(`${shown}: cannot be read (${describeError(error)})`));
      exit = EXIT.failure;
    }
  }
  // One write for the whole report: a write per unit costs more than its table.
  if (options.json) io.stdout(JSON.stringify(options.paths.length === 1 ? (rendered[0] ?? null) : rendered, null, 2) + '\n');
  else io.stdout(terminalText((rendered as string[]).join('')));
  return exit;
}

export const securityCommand: Command = {
  name: 'security',
  summary: 'score how exposed a service is, as systemd-analyze security does',
  synopsis: '[OPTIONS] PATH...',
  details:
    'Each path is a unit file (its drop-in folders next to it are merged), a drop-in (scored with its unit),\n' +
    'or - for standard input (named by --stdin-filename, which also says where its drop-ins are).\n' +
    'A unit systemd would not load (not valid UTF-8, a line of 1 MiB or more, a broken section header)\n' +
    'is not scored: exit 1. The score runs from 0.0 (locked down) to 10.0 (fully exposed). Exit status: 0,\n' +
    '1 when a score is above --threshold or a unit cannot be loaded, 2 on usage errors, unreadable files,\n' +
    'or a .unitguardrc or policy with a mistake.\n' +
    'Without --systemd-version or --security-policy, the .unitguardrc files above a unit give them\n' +
    '(systemd-version = N, security-policy = FILE). As systemd-analyze does, a unit is scored for the\n' +
    'system manager unless --user is given, wherever it lives.\n',
  options: OPTIONS,
  run,
};
