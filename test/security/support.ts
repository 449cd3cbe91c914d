/** Shared pieces of the exposure-score tests: corpus location, fixture table, systemd-analyze. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createUnitDocument } from '../../server/src/core';
import { UnitModel } from '../../server/src/core/model/unitModel';

export const REPO = resolve(__dirname, '../../..');
export const FIXTURES = join(REPO, 'test/fixtures/security');

/** The corpus folder, or undefined (after a loud SKIPPED line; a failure under CI). */
export function corpusOrSkip(): string | undefined {
  const dir = process.env.UNITGUARD_CORPUS ?? resolve(REPO, '../shared/corpus');
  if (existsSync(join(dir, 'ORACLE-security.tsv'))) return dir;
  const message = `SKIPPED: corpus not found at ${dir}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.log(message);
  return undefined;
}

/** Rows of a TSV file with a header line (lines starting with # are comments). */
export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export interface CheckCase {
  jsonField: string;
  name: string;
  lines: string[];
  /** undefined: the check does not apply. */
  badness: number | undefined;
}

export function checkCases(): CheckCase[] {
  return readTsv(join(FIXTURES, 'checks.tsv')).map((r) => ({
    jsonField: r.json_field as string,
    name: r.case as string,
    lines: (r.lines as string) === '' ? [] : (r.lines as string).split('\\n'),
    badness: r.badness === '-' ? undefined : Number(r.badness),
  }));
}

/** The unit text of a case: [Unit] settings go to [Unit], the rest under [Service]. */
export function caseText(c: CheckCase): string {
  const unitLines = c.lines.filter((l) => l.startsWith('DefaultDependencies='));
  const serviceLines = c.lines.filter((l) => !l.startsWith('DefaultDependencies='));
  return ['[Unit]', 'Description=fixture', ...unitLines, '', '[Service]', 'ExecStart=/bin/true', ...serviceLines, ''].join('\n');
}

export function modelOf(name: string, text: string, dropIns: { name: string; text: string }[] = []): UnitModel {
  const unit = createUnitDocument(`file:///fixture/${name}`, text);
  return UnitModel.build(unit, dropIns.map((d) => createUnitDocument(`file:///fixture/${name}.d/${d.name}`, d.text)));
}

// ---------------------------------------------------------------------------
// systemd-analyze

export interface AnalyzeRow {
  json_field: string;
  set: boolean | null;
  exposure: string | null;
}

let available: boolean | undefined;

/** Whether systemd-analyze can score offline here (prints a loud SKIPPED when not; fails under CI). */
export function systemdAnalyzeOrSkip(): boolean {
  if (available === undefined) {
    const r = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    available = r.status === 0;
  }
  if (!available) {
    const message = 'SKIPPED: systemd-analyze is not installed';
    if (process.env.CI === 'true') throw new Error(message);
    console.log(message);
  }
  return available;
}

export function systemdVersion(): number {
  const r = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  return Number(/systemd (\d+)/.exec(r.stdout)?.[1] ?? 0);
}

/** Runs `systemd-analyze security --offline=yes --json=short` on a unit file (copied to a temp folder). */
export function analyze(name: string, text: string): AnalyzeRow[] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-security-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return analyzePath(path);
}

export function analyzePath(path: string): AnalyzeRow[] | undefined {
  const r = spawnSync('systemd-analyze', ['security', '--offline=yes', '--json=short', '--no-pager', path], {
    encoding: 'utf8',
    env: { ...process.env, SYSTEMD_UNIT_PATH: '', SYSTEMD_LOG_LEVEL: 'err' },
  });
  if (r.status !== 0 || !r.stdout.trim().startsWith('[')) return undefined;
  return JSON.parse(r.stdout) as AnalyzeRow[];
}
