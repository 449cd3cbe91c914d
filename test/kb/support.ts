import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, from out/test/kb/. */
export const repoRoot = path.resolve(__dirname, '../../..');

/**
 * Rows of a tab-separated file under test/kb/ (facts or fixtures). Lines starting with `#` are
 * comments; `header: true` drops the first remaining line.
 */
export function readTable(relative: string, options: { header?: boolean; columns?: number } = {}): string[][] {
  const file = path.join(repoRoot, 'test/kb', relative);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const rows = (options.header ? lines.slice(1) : lines).map((l) => l.split('\t'));
  if (options.columns !== undefined)
    for (const r of rows) if (r.length !== options.columns) throw new Error(`${relative}: ${r.length} cells in ${r.join(' | ')}`);
  return rows;
}

/** `-` stands for "none" in the fixture files. */
export function orNone(cell: string): string | undefined {
  return cell === '-' ? undefined : cell;
}

/** The systemd reference folder: env UNITGUARD_REFERENCE, else ../shared/reference next to the repository. */
export function referenceFolder(): { dir: string; found: boolean } {
  const dir = path.resolve(repoRoot, process.env.UNITGUARD_REFERENCE || '../shared/reference');
  return { dir, found: existsSync(path.join(dir, 'directives.tsv')) };
}

/** Says loudly that the reference is missing; a failure when CI=true, where it must be there. */
export function reportMissingReference(dir: string): string {
  const message = `SKIPPED: systemd reference not found at ${dir} (set UNITGUARD_REFERENCE)`;
  const banner = '!'.repeat(message.length);
  process.stderr.write(`\n${banner}\n${message}\n${banner}\n\n`);
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true requires it`);
  return message;
}
