import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, from any out/test/<folder>/. */
export const repoRoot = path.resolve(__dirname, '../../..');

/** The corpus folder: env UNITGUARD_CORPUS, else ../shared/corpus next to the repository. */
export function corpusFolder(): { dir: string; found: boolean } {
  const dir = path.resolve(repoRoot, process.env.UNITGUARD_CORPUS || '../shared/corpus');
  return { dir, found: existsSync(path.join(dir, 'MANIFEST.tsv')) };
}

/** Paths of the corpus files, relative to its folder, from MANIFEST.tsv (first column, after the header). */
export function corpusManifestPaths(dir: string): string[] {
  const rows = readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  return rows.map((row) => row.split('\t')[0]).filter((p) => p);
}

/** Says loudly that the corpus is missing; a failure when CI=true, where it must be there. */
export function reportMissingCorpus(dir: string): string {
  const message = `SKIPPED: corpus not found at ${dir} (set UNITGUARD_CORPUS)`;
  const banner = '!'.repeat(message.length);
  process.stderr.write(`\n${banner}\n${message}\n${banner}\n\n`);
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true requires it`);
  return message;
}
