/** Shared pieces of the exposure-score tests: corpus location, fixture table, systemd-analyze. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * A case whose result depends on the release (and the manager): the badness per version,
 * undefined when the check does not apply, 'refused' when systemd refuses the unit.
 */
export interface VersionCase extends Omit<CheckCase, 'badness'> {
  manager: 'system' | 'user';
  badness: ReadonlyMap<number, number | undefined | 'refused'>;
}

export function versionCases(): VersionCase[] {
  return readTsv(join(FIXTURES, 'versions.tsv')).map((r) => ({
    jsonField: r.json_field as string,
    name: r.case as string,
    manager: r.manager === 'user' ? 'user' : 'system',
    lines: (r.lines as string) === '' ? [] : (r.lines as string).split('\\n'),
    badness: new Map(
      Object.entries(r)
        .filter(([k]) => /^v\d+$/.test(k))
        .map(([k, v]) => [Number(k.slice(1)), v === '-' ? undefined : v === 'refused' ? 'refused' : Number(v)]),
    ),
  }));
}

/** A unit whose User=/SupplementaryGroups= use specifiers: its file name decides what they mean. */
export interface SpecifierCase {
  unit: string;
  manager: 'system' | 'user';
  lines: string[];
  /** version → badness of the user check and the supplementary-groups check. */
  expected: ReadonlyMap<number, { user: number | undefined | 'refused'; groups: number | undefined | 'refused' }>;
}

export function specifierCases(): SpecifierCase[] {
  const num = (v: string | undefined) => (v === '-' || v === undefined ? undefined : v === 'refused' ? 'refused' : Number(v));
  return readTsv(join(FIXTURES, 'specifiers.tsv')).map((r) => ({
    unit: r.unit as string,
    manager: r.manager === 'user' ? 'user' : 'system',
    lines: (r.lines as string).split('\\n'),
    expected: new Map(
      Object.keys(r)
        .filter((k) => /^user_\d+$/.test(k))
        .map((k) => {
          const v = k.slice(5);
          return [Number(v), { user: num(r[`user_${v}`]), groups: num(r[`groups_${v}`]) }];
        }),
    ),
  }));
}

/** A unit of a type other than service, as a whole file, with systemd's verdict per release. */
export interface TypeCase {
  unit: string;
  manager: 'system' | 'user';
  text: string;
  /** version → the overall exposure as systemd-analyze prints it, or 'refused'. */
  expected: ReadonlyMap<number, string>;
}

export function typeCases(): TypeCase[] {
  return readTsv(join(FIXTURES, 'types.tsv')).map((r) => ({
    unit: r.unit as string,
    manager: r.manager === 'user' ? 'user' : 'system',
    text: `${(r.lines as string).split('\\n').join('\n')}\n`,
    expected: new Map(
      Object.entries(r)
        .filter(([k]) => /^v\d+$/.test(k))
        .map(([k, v]) => [Number(k.slice(1)), v]),
    ),
  }));
}

/**
 * The corpus units of every type `systemd-analyze security` scores besides services (sockets,
 * mounts, timers, ...), as they are installed (not the build templates).
 */
export function corpusUnitsOfOtherTypes(corpus: string): string[] {
  const types = /\.(socket|mount|automount|swap|timer|path|slice|target)$/;
  return (readdirSync(corpus, { recursive: true }) as string[])
    .filter((name) => types.test(name))
    .map((name) => join(corpus, name))
    .filter((path) => lstatSync(path).isFile())
    .sort();
}

/** The unit text of a case: [Unit] settings go to [Unit], the rest under [Service]. */
export function caseText(c: Pick<CheckCase, 'lines'>): string {
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

/** A systemd-analyze binary: the installed one, or one unpacked from a newer Debian release. */
export interface Analyzer {
  /** Its major version, e.g. 262. */
  readonly version: number;
  /** e.g. "262.1-1 (sid)". */
  readonly label: string;
  readonly command: string;
  /** Arguments that come before systemd-analyze's own (the loader's, when it runs through one). */
  readonly prefix: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** Runs an analyzer with an argument array (no shell). */
export function runAnalyzer(a: Analyzer, args: readonly string[]) {
  return spawnSync(a.command, [...a.prefix, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
    env: { ...process.env, SYSTEMD_UNIT_PATH: '', SYSTEMD_LOG_LEVEL: 'err', ...a.env },
  });
}

function loudSkip(message: string): void {
  if (process.env.CI === 'true') throw new Error(message);
  console.log(message);
}

let installed: Analyzer | null | undefined;

/** The installed systemd-analyze, or undefined (after a loud SKIPPED line; a failure under CI). */
export function installedAnalyzer(): Analyzer | undefined {
  if (installed === undefined) {
    const r = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    const version = r.status === 0 ? /systemd (\d+) \(([^)]*)\)/.exec(r.stdout) : null;
    installed = version
      ? { version: Number(version[1]), label: `${version[2]} (installed)`, command: 'systemd-analyze', prefix: [], env: {} }
      : null;
  }
  if (!installed) loudSkip('SKIPPED: systemd-analyze is not installed');
  return installed ?? undefined;
}

interface ReleaseEntry {
  version: number;
  package: string;
  suite: string;
  bin: string;
  libpath: string;
  loader: string;
}

/**
 * The systemd-analyze binaries of newer Debian releases that `scripts/systemd-releases.sh`
 * unpacked, read from the list it writes (env UNITGUARD_SYSTEMD_RELEASES). Without it: an empty list
 * after a loud SKIPPED line (a failure under CI).
 */
export function releaseAnalyzers(): Analyzer[] {
  const manifest = process.env.UNITGUARD_SYSTEMD_RELEASES;
  if (!manifest || !existsSync(manifest)) {
    loudSkip(
      `SKIPPED: no systemd-analyze of newer releases (set UNITGUARD_SYSTEMD_RELEASES to the list that ` +
        `scripts/systemd-releases.sh prints${manifest ? `; ${manifest} does not exist` : ''})`,
    );
    return [];
  }
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as ReleaseEntry[];
  return entries.map((e): Analyzer => {
    const label = `${e.package} (${e.suite})`;
    return e.loader
      ? {
          version: e.version,
          label,
          command: e.loader,
          prefix: ['--library-path', `${e.libpath}:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu`, e.bin],
          env: {},
        }
      : { version: e.version, label, command: e.bin, prefix: [], env: { LD_LIBRARY_PATH: e.libpath } };
  });
}

/** Every systemd-analyze there is to compare with, oldest first. */
export function allAnalyzers(): Analyzer[] {
  const list = [installedAnalyzer(), ...releaseAnalyzers()].filter((a): a is Analyzer => a !== undefined);
  return list.sort((a, b) => a.version - b.version);
}

/** The oldest release whose exposure score is reproduced (and whose systemd-analyze scores offline). */
export const OLDEST_SCORED = 252;

/** The analyzers to compare exposure scores with: those of OLDEST_SCORED and later. */
export function securityAnalyzers(): Analyzer[] {
  return allAnalyzers().filter((a) => a.version >= OLDEST_SCORED);
}

export type Manager = 'system' | 'user';

/**
 * Runs `systemd-analyze security --offline=yes --json=short` (with `--user` for the per-user manager)
 * on a unit file (copied to a temp folder).
 */
export function analyze(a: Analyzer, name: string, text: string, manager: Manager = 'system'): AnalyzeRow[] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-security-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return analyzePath(a, path, manager);
}

let runtimeDir: string | undefined;

export function analyzePath(a: Analyzer, path: string, manager: Manager = 'system'): AnalyzeRow[] | undefined {
  const args = ['security', ...(manager === 'user' ? ['--user'] : []), '--offline=yes', '--json=short', '--no-pager', path];
  // The per-user manager wants a runtime folder even offline.
  if (manager === 'user') runtimeDir ??= mkdtempSync(join(tmpdir(), 'unitguard-runtime-'));
  const r = runAnalyzer(manager === 'user' ? { ...a, env: { ...a.env, XDG_RUNTIME_DIR: runtimeDir as string } } : a, args);
  if (r.status !== 0 || !r.stdout.trim().startsWith('[')) return undefined;
  return JSON.parse(r.stdout) as AnalyzeRow[];
}

/** The first error line of a run systemd refused, or undefined when it scored the unit. */
export function refusalOf(a: Analyzer, name: string, text: string, manager: Manager = 'system'): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-security-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  runtimeDir ??= mkdtempSync(join(tmpdir(), 'unitguard-runtime-'));
  const args = ['security', ...(manager === 'user' ? ['--user'] : []), '--offline=yes', '--json=short', '--no-pager', path];
  const r = runAnalyzer({ ...a, env: { ...a.env, XDG_RUNTIME_DIR: runtimeDir } }, args);
  return r.status === 0 ? undefined : r.stderr.trim().split('\n')[0] ?? 'failed';
}
