import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The repository root, from out/test/cli/. */
export const repoRoot = path.resolve(__dirname, '../../..');
export const cliFixtures = path.join(repoRoot, 'test/fixtures/cli');
/** The fixture folder as written on the command line (relative to the repository root). */
export const filesArg = 'test/fixtures/cli/files';
export const treeArg = 'test/fixtures/cli/tree';

const bin = path.join(repoRoot, 'bin/unitguard.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real executable, as a user would, in the repository root unless told otherwise. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Uint8Array } = {}): CliResult {
  if (!existsSync(path.join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the executable and parses its JSON output. */
export function runJson<T = JsonOutput>(args: readonly string[], options: { cwd?: string; input?: string | Uint8Array } = {}): { result: CliResult; json: T } {
  const result = runCli(['check', '--format', 'json', ...args], options);
  return { result, json: JSON.parse(result.stdout) as T };
}

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonDiagnostic {
  range: JsonRange;
  severity: string;
  code: string;
  message: string;
  fixes: Array<{ title: string; edits: Array<{ range: JsonRange; newText: string }> }>;
}

export interface JsonOutput {
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `unitguard-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The lines of a text output, without the final empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, i, all) => !(line === '' && i === all.length - 1));
}

/** `path:line:col: severity: message [code]` */
export const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint): (.+) \[([a-z0-9-]+)\]$/;

/**
 * The expected output stored in test/fixtures/cli/expected/NAME. With
 * UNITGUARD_UPDATE_EXPECTED=1 the file is rewritten from the actual output
 * instead (review the diff before keeping it).
 */
export function expectedOutput(name: string, actual: string): string {
  const file = path.join(cliFixtures, 'expected', name);
  if (process.env.UNITGUARD_UPDATE_EXPECTED === '1') {
    require('node:fs').writeFileSync(file, actual);
    return actual;
  }
  return readFileSync(file, 'utf8');
}
