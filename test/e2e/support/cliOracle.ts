/**
 * What the CLI reports for a file: the expected diagnostics an editor should show for it.
 * Both the CLI and the language server run the same core, so the editor suites compare what
 * the editor shows against this instead of hard-coding messages.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface CliDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** Runs `unitguard check --format json` on one file (repoRoot: where bin/unitguard.js lives). */
export function cliDiagnostics(repoRoot: string, file: string): CliDiagnostic[] {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'unitguard.js'), 'check', '--format', 'json', file], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: CliDiagnostic[] }> };
  if (report.files.length !== 1) throw new Error(`expected one file in the CLI report, got ${report.files.length}: ${result.stdout}`);
  return report.files[0].diagnostics;
}
