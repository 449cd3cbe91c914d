import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createUnitDocument, planHardening, unifiedDiff, DEFAULT_SETTINGS, HARDENING_LEVELS, SYSTEMD_VERSION_RANGE, type HardeningLevel, type HardeningPlan, type Settings,
} from '../../core';
import { formatExposure } from '../../core/security';
import { readUnitFile } from '../../node/readUnitFile';
import { unitFilesFor } from '../../node/unitFiles';
import { createGuarded, GuardError, runBudget, Scope, writeGuarded } from '../../node/guardedFs';
import { estimatedFor, textCheckCost } from '../../node/memoryRoom';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT, type Command } from '../command';
import { collectInputs, describeError, type UnitInput } from '../files';
import { commandHelp } from '../help';
import { errorLine, onceReporter, type CliIo } from '../io';
import { parseSystemdVersion, settingsFor } from './check';
import { terminalText } from '../terminalText';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'level', short: 'l', value: 'LEVEL', description: 'safe, standard (default) or strict' },
  { name: 'drop-in', description: 'write the settings into NAME.service.d/hardening.conf instead of the unit' },
  { name: 'dry-run', description: 'print the changes as a unified diff instead of writing them' },
  {
    name: 'systemd-version',
    value: 'N',
    description: `the systemd release the service runs on (${SYSTEMD_VERSION_RANGE.min}-${SYSTEMD_VERSION_RANGE.max}, default ${DEFAULT_SETTINGS.systemdVersion}): no setting newer than it is proposed`,
  },
  { name: 'format', short: 'f', value: 'FORMAT', description: 'text (default) or json' },
  { name: 'help', short: 'h', description: 'show this help' },
];

interface HardenOptions {
  level: HardeningLevel;
  dropIn: boolean;
  dryRun: boolean;
  json: boolean;
  settings: Settings;
  versionGiven: boolean;
  paths: string[];
}

function readOptions(argv: readonly string[]): HardenOptions | 'help' {
  const { options, positionals } = parseArgs(argv, OPTIONS);
  if (options.has('help')) return 'help';
  const text = (name: string): string | undefined => {
    const value = options.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const level = text('level') ?? 'standard';
  if (!(HARDENING_LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level takes ${HARDENING_LEVELS.join(', ')}, not '${level}'`);
  const format = text('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (expected text, json)`);
  const versionText = text('systemd-version');
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (versionText !== undefined) settings.systemdVersion = parseSystemdVersion(versionText);
  if (positionals.length === 0) throw new UsageError('no unit files to harden');
  if (positionals.includes('-')) throw new UsageError('harden reads unit files from disk, with their drop-ins; standard input cannot be hardened');
  return { level: level as HardeningLevel, dropIn: options.has('drop-in'), dryRun: options.has('dry-run'), json: format === 'json', settings, versionGiven: versionText !== undefined, paths: positionals };
}

/** The text report of one plan. */
function planText(path: string, plan: HardeningPlan, systemdVersion: number): string {
  const score = (n: number | undefined): string => (n === undefined ? '?' : formatExposure(n));
  const count = plan.settings.length;
  const lines = [
    `${path}: ${plan.level}: exposure ${score(plan.exposureBefore)} → ${score(plan.exposureAfter)} with ${count} ${count === 1 ? 'setting' : 'settings'} (systemd ${systemdVersion})`,
  ];
  for (const s of plan.settings) {
    const release = s.since !== undefined ? `, systemd ${s.since}` : '';
    lines.push(`  ${s.from !== undefined ? '~' : '+'} ${s.directive}=${s.value}${s.from !== undefined ? ` (was ${s.from})` : ''} [${s.level}${release}]`);
    if (s.why) lines.push(`      why: ${s.why}`);
    if (s.mayBreak) lines.push(`      may break: ${s.mayBreak}`);
  }
  for (const h of plan.heldBack) lines.push(`  held back: ${h.directive}=${h.value} [${h.level}]: ${h.reason}`);
  return lines.join('\n') + '\n';
}

function planJson(path: string, written: string, plan: HardeningPlan, systemdVersion: number): object {
  const score = (n: number | undefined): number | null => (n === undefined ? null : n / 10);
  return {
    path,
    file: written,
    newFile: plan.newFile,
    level: plan.level,
    systemdVersion,
    exposureBefore: score(plan.exposureBefore),
    exposureAfter: score(plan.exposureAfter),
    settings: plan.settings,
    heldBack: plan.heldBack,
    ...(plan.problem ? { problem: plan.problem } : {}),
  };
}

function runHarden(argv: readonly string[], io: CliIo): number {
  const parsed = readOptions(argv);
  if (parsed === 'help') {
    io.stdout(commandHelp(hardenCommand));
    return EXIT.ok;
  }
  // A plan tries fixes and keeps every problem of the unit (see memoryRoom.ts).
  return estimatedFor({ triesFixes: true, problemLimit: Infinity }, () => hardenAll(parsed, io));
}

function hardenAll(parsed: HardenOptions, io: CliIo): number {
  const budget = runBudget();
  const collected = collectInputs(parsed.paths, io.cwd, undefined, budget);
  for (const note of collected.notes) io.stderr(errorLine(note));
  let failed = collected.errors.length > 0;
  for (const error of collected.errors) io.stderr(errorLine(`cannot read '${error.path}': ${error.message}`));
  const reportOnce = onceReporter(io);
  const results: object[] = [];
  // Each unit is hardened in a call of its own: a loop body's variables would keep the last unit's
  // text, tree and plan alive while the next one is read.
  const hardenOne = (input: UnitInput): 'stop' | undefined => {
    if (input.kind !== 'file') return undefined;
    let text: string;
    let dropIns;
    const scope = collected.scopes.get(input.root) ?? Scope.within([input.root], budget);
    try {
      text = readUnitFile(input.absolutePath, input.named ? Scope.anywhere(budget) : scope);
      dropIns = unitFilesFor(input.absolutePath, scope, { heldCost: textCheckCost(text) }).dropIns ?? [];
    } catch (error) {
      failed = true;
      // The run's byte budget spent: the units after this one are not read either.
      if (error instanceof GuardError && error.kind === 'budget') {
        io.stderr(errorLine(`stopped at '${input.path}': ${describeError(error)}`));
        return 'stop';
      }
      io.stderr(errorLine(`cannot read '${input.path}': ${describeError(error)}`));
      return undefined;
    }
    const { settings, broken } = settingsFor(parsed, parsed.settings, input.absolutePath, io, reportOnce);
    if (broken) failed = true;
    const unit = createUnitDocument(pathToFileURL(input.absolutePath).href, text);
    const plan = planHardening(unit, settings, dropIns, { level: parsed.level, dropIn: parsed.dropIn });
    const writtenPath = parsed.dropIn ? `${input.path}.d/hardening.conf` : input.path;
    if (plan.problem) {
      io.stderr(errorLine(`skipped '${input.path}': ${plan.problem}`));
      if (parsed.json) results.push(planJson(input.path, writtenPath, plan, settings.systemdVersion));
      return undefined;
    }
    if (text.includes('\uFFFD') && !parsed.dropIn && !parsed.dryRun) {
      io.stderr(errorLine(`not writing '${input.path}': it is not valid UTF-8, and writing it back would change its bytes (--drop-in writes a new file)`));
      failed = true;
      return undefined;
    }
    if (parsed.dryRun) {
      const diff = unifiedDiff(plan.before, plan.after, writtenPath);
      if (parsed.json) results.push({ ...planJson(input.path, writtenPath, plan, settings.systemdVersion), diff });
      // A patch keeps the file's bytes, so that it applies; on a terminal it is read, and escaped.
      else io.stdout(io.stdoutIsTerminal ? terminalText(diff) : diff);
      return undefined;
    }
    if (parsed.json) results.push(planJson(input.path, writtenPath, plan, settings.systemdVersion));
    if (!parsed.json) io.stdout(terminalText(planText(input.path, plan, settings.systemdVersion)));
    if (plan.after === plan.before) return undefined;
    try {
      // Only inside the folder the unit was found in (or named in), never through a link out of it.
      const target = parsed.dropIn ? `${input.absolutePath}.d/hardening.conf` : input.absolutePath;
      const within = input.named ? Scope.within([dirname(input.absolutePath)]) : scope;
      if (plan.newFile) createGuarded(target, plan.after, within);
      else writeGuarded(target, plan.after, within);
    } catch (error) {
      io.stderr(errorLine(`cannot write '${writtenPath}': ${describeError(error)}`));
      failed = true;
      return undefined;
    }
    io.stderr(errorLine(`wrote '${writtenPath}': ${plan.settings.length} ${plan.settings.length === 1 ? 'setting' : 'settings'}`));
    return undefined;
  };
  for (const input of collected.inputs) if (hardenOne(input) === 'stop') break;
  if (parsed.json) io.stdout(JSON.stringify(results, null, 2) + '\n');
  return failed ? EXIT.failure : EXIT.ok;
}

export const hardenCommand: Command = {
  name: 'harden',
  summary: 'Add the strongest hardening settings a service\'s own lines allow, with the exposure score they buy.',
  synopsis: '[--level safe|standard|strict] [--drop-in] [--dry-run] [--systemd-version N] [--format text|json] FILE...',
  details: [
    'FILE is a service unit file or a folder (searched as check does; drop-ins are read with',
    'their unit, and only units are hardened).',
    '',
    'Levels: safe adds only settings that take away what an ordinary daemon never does and',
    'whose use its unit would show; standard adds the usual sandbox, each setting with what it',
    'may break; strict adds everything else the score rewards that the unit\'s lines allow.',
    'No setting newer than --systemd-version (or .unitguardrc\'s systemd-version) is proposed.',
    '',
    'A setting is held back, with the reason, when the unit sets the setting itself, needs',
    'what it takes away (a device, a path it writes, a capability, the notification socket, a',
    'set-user-ID helper), or when it would bring a new error, warning or breakage finding.',
    '',
    'The settings are written into the unit\'s [Service] section under a comment line',
    '"# Hardening (unitguard harden --level LEVEL)", or with --drop-in into',
    'NAME.service.d/hardening.conf. --dry-run prints a unified diff instead. Text output lists',
    'each setting with why and what it may break, and the exposure score before → after;',
    'JSON output is an array with one object per unit (scores out of 10; with --dry-run each',
    'has the diff too).',
    '',
    'Exit status: 0 when every unit was planned (and written), 2 on a usage mistake, a file',
    'that could not be read or written, or a .unitguardrc or policy with a mistake.',
    '',
  ].join('\n'),
  options: OPTIONS,
  run: runHarden,
};
