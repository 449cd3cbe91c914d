import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, reviewUnit, SEVERITY_RANK, type Settings } from '../../core';
import { findRcConfig, readPolicyCached } from '../../node/unitguardrc';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT, type Command } from '../command';
import { describeError } from '../files';
import { lstatOrUndefined, realPathOrNull, runBudget, type RunBudget } from '../../node/guardedFs';
import { estimatedFor } from '../../node/memoryRoom';
import { commandHelp } from '../help';
import { errorLine, onceReporter, type CliIo } from '../io';
import { parseSystemdVersion } from './check';
import { reviewJsonFormatter } from '../review/formatJson';
import { reviewMarkdownFormatter } from '../review/formatMarkdown';
import { reviewSarifFormatter } from '../review/formatSarif';
import { reviewTextFormatter } from '../review/formatText';
import { fileReviews, folderReviews, gitReviews, holdsPatch, patchReviews, readPatchText, type CollectedReviews, type ReviewJob } from '../review/inputs';
import type { ReviewFormatter, ReviewReport, ReviewedUnit } from '../review/report';
import { appendAll, minOf } from '../../core/arrays';

const FORMATS: Record<string, ReviewFormatter> = {
  text: reviewTextFormatter,
  markdown: reviewMarkdownFormatter,
  json: reviewJsonFormatter,
  sarif: reviewSarifFormatter,
};

/** What makes the run exit with 1. */
const FAIL_ON = ['new-warning', 'new-error', 'exposure-increase', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: 'FORMAT', description: 'text (default), markdown, json or sarif (the new findings only)' },
  { name: 'git', value: 'BASE[..HEAD]', description: 'review what the commits after BASE (up to HEAD, else the working tree) change in the repository' },
  {
    name: 'systemd-version',
    value: 'N',
    description: `the systemd release the units are for (default: .unitguardrc, else ${DEFAULT_SETTINGS.systemdVersion})`,
  },
  {
    name: 'fail-on',
    value: 'WHAT',
    description: 'exit with 1 on new-warning (a new error or warning), new-error, exposure-increase, or none; comma-separated (default new-warning,exposure-increase)',
  },
  { name: 'hunks-only', description: "read a patch's units from its hunks alone, even when the files are at hand" },
  { name: 'help', short: 'h', description: 'show this help' },
];

interface ReviewOptions {
  format: ReviewFormatter;
  version: number | undefined;
  failOn: Set<FailOn>;
  hunksOnly: boolean;
  git: string | undefined;
  paths: string[];
}

function stringOption(options: Map<string, string | true>, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' ? value : undefined;
}

function readOptions(argv: readonly string[]): ReviewOptions | 'help' {
  const { options, positionals } = parseArgs(argv, OPTIONS);
  if (options.has('help')) return 'help';
  const formatName = stringOption(options, 'format') ?? 'text';
  const format = Object.prototype.hasOwnProperty.call(FORMATS, formatName) ? FORMATS[formatName] : undefined;
  if (!format) throw new UsageError(`unknown format '${formatName}' (expected ${Object.keys(FORMATS).join(', ')})`);
  const versionText = stringOption(options, 'systemd-version');
  const failText = stringOption(options, 'fail-on') ?? 'new-warning,exposure-increase';
  const failOn = new Set<FailOn>();
  for (const word of failText.split(',').map((w) => w.trim())) {
    if (!(FAIL_ON as readonly string[]).includes(word)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}, not '${word}'`);
    if (word !== 'none') failOn.add(word as FailOn);
  }
  const git = stringOption(options, 'git');
  if (git === '') throw new UsageError('--git needs a revision (BASE or BASE..HEAD)');
  if (git !== undefined && positionals.length > 0) throw new UsageError('--git takes no paths: it reviews what the revisions change');
  if (git !== undefined && options.has('hunks-only')) throw new UsageError('--hunks-only goes with patches, not with --git');
  if (git === undefined && positionals.length === 0) throw new UsageError('nothing to review: give a patch, two files or folders, or --git BASE');
  return {
    format,
    version: versionText === undefined ? undefined : parseSystemdVersion(versionText),
    failOn,
    hunksOnly: options.has('hunks-only'),
    git,
    paths: positionals,
  };
}

function isFolder(path: string): boolean {
  const real = realPathOrNull(path);
  return real !== null && lstatOrUndefined(real)?.isDirectory() === true;
}

function merge(into: CollectedReviews, from: CollectedReviews): void {
  appendAll(into.jobs, from.jobs);
  appendAll(into.errors, from.errors);
  appendAll(into.notes, from.notes);
  appendAll(into.skipped, from.skipped);
  into.unchanged += from.unchanged;
}

/** Reads the arguments as patches, as two files or folders, or as git revisions. */
function collect(options: ReviewOptions, io: CliIo, budget: RunBudget): CollectedReviews {
  if (options.git !== undefined) return gitReviews(options.git, io.cwd, budget);
  const [first, second] = options.paths;
  if (options.paths.length === 2 && first !== '-' && second !== '-') {
    const a = resolve(io.cwd, first as string);
    const b = resolve(io.cwd, second as string);
    if (isFolder(a) && isFolder(b)) return folderReviews(first as string, second as string, io.cwd, budget);
  }
  const run: CollectedReviews = { jobs: [], errors: [], notes: [], skipped: [], unchanged: 0 };
  const texts: { arg: string; text: string }[] = [];
  for (const arg of options.paths) {
    try {
      texts.push({ arg, text: readPatchText(arg, io.cwd, io.readStdin, budget) });
    } catch (error) {
      run.errors.push({ path: arg, message: describeError(error) });
    }
  }
  if (run.errors.length > 0) return run;
  // Two files neither of which holds a patch: the old and the new text of a unit.
  if (texts.length === 2 && texts.every((t) => t.arg !== '-' && !holdsPatch(t.text))) return fileReviews(first as string, second as string, io.cwd, budget);
  for (const { arg, text } of texts) {
    const patch = holdsPatch(text);
    if (!patch) {
      run.errors.push({ path: arg === '-' ? '<stdin>' : arg, message: 'holds no patch (no ---/+++ file headers with hunks)' });
      continue;
    }
    merge(run, patchReviews(patch, arg === '-' ? '<stdin>' : arg, io.cwd, options.hunksOnly, budget));
  }
  return run;
}

/** The settings of a unit: `.unitguardrc` files above it, under the command line's options. */
function settingsFor(job: ReviewJob, options: ReviewOptions, report: (message: string) => void, broken: () => void): Settings {
  const rc = findRcConfig(job.absolutePath);
  for (const problem of rc.problems) report(problem);
  const policy = rc.securityPolicy !== undefined ? readPolicyCached(rc.securityPolicy, rc.securityPolicyRoot) : undefined;
  for (const problem of policy?.problems ?? []) report(problem);
  // A settings file or policy that cannot be used: the run exits with 2.
  if (rc.unreadable || rc.invalid || (policy !== undefined && !policy.policy)) broken();
  return {
    systemdVersion: options.version ?? rc.systemdVersion ?? DEFAULT_SETTINGS.systemdVersion,
    ...(Object.keys(rc.rules).length > 0 ? { rules: rc.rules } : {}),
    ...(policy?.policy ? { securityPolicy: policy.policy } : {}),
    ...(policy && !policy.policy ? { securityPolicyError: policy.problems[0] ?? 'it cannot be read' } : {}),
  };
}

/** Whether the reviewed change is one the run fails on. */
function fails(units: readonly ReviewedUnit[], failOn: ReadonlySet<FailOn>): boolean {
  for (const { review } of units) {
    const worst = minOf(review.newFindings, (f) => SEVERITY_RANK[f.diagnostic.severity]);
    if (failOn.has('new-error') && worst <= SEVERITY_RANK.error) return true;
    if (failOn.has('new-warning') && worst <= SEVERITY_RANK.warning) return true;
    if (failOn.has('exposure-increase') && (review.exposureChange ?? 0) > 0) return true;
  }
  return false;
}

function run(argv: readonly string[], io: CliIo): number {
  const options = readOptions(argv);
  if (options === 'help') {
    io.stdout(commandHelp(reviewCommand));
    return EXIT.ok;
  }
  // Both versions of a unit are held and checked, every problem kept (see memoryRoom.ts).
  return estimatedFor({ triesFixes: true, problemLimit: Infinity, versions: 2 }, () => reviewAll(options, io));
}

function reviewAll(options: ReviewOptions, io: CliIo): number {
  // Every file the run reads counts against one budget (1 GiB), as in `check`.
  const collected = collect(options, io, runBudget());
  const reportOnce = onceReporter(io);
  for (const note of collected.notes) io.stderr(errorLine(note));
  for (const error of collected.errors) io.stderr(errorLine(`cannot review '${error.path}': ${error.message}`));
  const units: ReviewedUnit[] = [];
  let broken = collected.errors.length > 0;
  for (const job of collected.jobs) {
    for (const error of job.errors) io.stderr(errorLine(`${job.path}: ${error}`));
    if (job.errors.length > 0) broken = true;
    units.push({ job, review: reviewUnit(job.input, settingsFor(job, options, reportOnce, () => (broken = true))) });
  }
  const report: ReviewReport = { units, errors: collected.errors, notes: collected.notes, skipped: collected.skipped, unchanged: collected.unchanged, cwd: io.cwd };
  io.stdout(options.format.format(report));
  if (broken) return EXIT.failure;
  return fails(units, options.failOn) ? EXIT.problems : EXIT.ok;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review a change to units: exposure before and after, new and resolved findings, sandbox',
  synopsis: '[--format text|markdown|json|sarif] [--systemd-version N] [--fail-on WHAT] (PATCH... | OLD NEW | --git BASE[..HEAD])',
  details: [
    'PATCH is a patch or diff file (git diff, git format-patch mails and series, diff -u and diff -ruN),',
    'or - for standard input. Its paths are read relative to the current folder: where a file it',
    'changes is there, the patch is applied to it (or, when the file already holds the change, taken',
    'back out of it); where it is not, the unit is read from the hunks alone, and the report says so.',
    'OLD NEW are two versions of a unit file (with the drop-ins next to each), or two folders of',
    'units. --git BASE compares BASE with the working tree, --git BASE..HEAD two commits, and',
    '--git BASE...HEAD HEAD with where it left BASE; git runs in the current folder.',
    '',
    'Per unit: the exposure score of systemd-analyze security before and after, the checks whose',
    'verdict changed with the lines that decide them, the findings the change brings and those it',
    'resolves (the same finding on a moved line is neither), and the sandbox before and after.',
    'markdown is for a reply to a patch mail or a pull-request comment; json has 0-based ranges;',
    'sarif carries only the new findings, on the new lines.',
    '',
    'Exit status: 0, 1 when the change does what --fail-on names (by default: brings a new error',
    'or warning, or raises the exposure), 2 on a usage mistake, an input that cannot be read, a',
    'patch that does not apply to the file it names, or a .unitguardrc or policy with a mistake.',
    '',
  ].join('\n'),
  options: OPTIONS,
  run,
};
