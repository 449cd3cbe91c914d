import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, diagnose, DEFAULT_SETTINGS, SYSTEMD_VERSION_RANGE, type Settings } from '../../core';
import { decodeUnitText, readUnitFile } from '../../node/readUnitFile';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT, type Command } from '../command';
import { collectInputs, describeError, type InputError, type UnitInput } from '../files';
import { commandHelp } from '../help';
import { errorLine, type CliIo } from '../io';
import { jsonFormatter } from '../formats/json';
import type { FileReport, Formatter } from '../formats/report';
import { sarifFormatter } from '../formats/sarif';
import { textFormatter } from '../formats/text';

const FORMATS: Record<string, Formatter> = { text: textFormatter, json: jsonFormatter, sarif: sarifFormatter };

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: 'FORMAT', description: 'text (default), json or sarif' },
  {
    name: 'systemd-version',
    value: 'N',
    description: `the systemd version the units are written for (${SYSTEMD_VERSION_RANGE.min}-${SYSTEMD_VERSION_RANGE.max}, default ${DEFAULT_SETTINGS.systemdVersion})`,
  },
  { name: 'stdin-filename', value: 'NAME', description: 'the file name that standard input (-) stands for, which gives the unit type' },
  { name: 'help', short: 'h', description: 'show this help' },
];

export interface CheckOptions {
  format: Formatter;
  settings: Settings;
  stdinFilename: string | undefined;
  paths: string[];
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
  return { format, settings, stdinFilename, paths: positionals };
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
  const { format, settings } = parsed;
  const collected = collectInputs(parsed.paths, io.cwd);
  for (const note of collected.notes) io.stderr(errorLine(note));
  const errors: InputError[] = [...collected.errors];
  for (const error of collected.errors) io.stderr(errorLine(`cannot read '${error.path}': ${error.message}`));

  const files: FileReport[] = [];
  let errorCount = 0;
  for (const input of collected.inputs) {
    const source = readInput(input, parsed.stdinFilename, io);
    if ('error' in source) {
      errors.push(source.error);
      io.stderr(errorLine(`cannot read '${source.error.path}': ${source.error.message}`));
      continue;
    }
    const document = createUnitDocument(source.uri, source.text);
    const report: FileReport = { path: source.path, absolutePath: source.absolutePath, diagnostics: diagnose(document, settings) };
    errorCount += report.diagnostics.filter((d) => d.severity === 'error').length;
    files.push(report);
    io.stdout(format.file(report));
  }
  io.stdout(format.end({ files, errors, cwd: io.cwd }));
  if (errors.length > 0) return EXIT.failure;
  return errorCount > 0 ? EXIT.problems : EXIT.ok;
}

interface Source {
  path: string;
  absolutePath: string | undefined;
  uri: string;
  text: string;
}

function readInput(input: UnitInput, stdinFilename: string | undefined, io: CliIo): Source | { error: InputError } {
  if (input.kind === 'stdin') {
    const absolutePath = stdinFilename === undefined ? undefined : resolve(io.cwd, stdinFilename);
    const path = stdinFilename ?? '<stdin>';
    try {
      const text = decodeUnitText(io.readStdin());
      return { path, absolutePath, uri: absolutePath ? pathToFileURL(absolutePath).href : 'untitled:stdin', text };
    } catch (error) {
      return { error: { path, message: describeError(error) } };
    }
  }
  try {
    const text = readUnitFile(input.absolutePath);
    return { path: input.path, absolutePath: input.absolutePath, uri: pathToFileURL(input.absolutePath).href, text };
  } catch (error) {
    return { error: { path: input.path, message: describeError(error) } };
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check unit files and print their diagnostics.',
  synopsis: '[--format text|json|sarif] [--systemd-version N] PATH...',
  details: [
    'PATH is a unit file, a folder (searched recursively for unit files, their .in templates',
    'and drop-ins NAME.TYPE.d/*.conf, in sorted order) or - for standard input.',
    '',
    'Text output prints path:line:column: severity: message [code] with 1-based lines and',
    'columns (columns count UTF-16 code units). JSON output has 0-based ranges as in the',
    'Language Server Protocol. SARIF 2.1.0 output is for code-scanning services.',
    '',
    'Exit status: 0 when nothing of error severity was found, 1 when something was,',
    '2 on a usage mistake or a path that could not be read (the other paths are still checked).',
    '',
  ].join('\n'),
  options: OPTIONS,
  run: runCheck,
};
