/**
 * `unitguard security` against `systemd-analyze security --offline=yes` on the
 * same 250 corpus services, each tool in one process. The services are read in
 * place: their drop-in folders sit next to them, and systemd-analyze runs with
 * SYSTEMD_UNIT_PATH set and empty, as the corpus's oracle did, so it reads only
 * each file's own folder and drop-ins, not the host's units.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../corpus/corpusLocation';
import { corpusDir, loadCorpus, skippedLoudly, type CorpusFile } from './corpus';
import { median, msRange, now, num, type Options, type Summary } from './stats';

const SERVICE_COUNT = 250;
const SYSTEMD_VERSION = 252;

/** Plain services (no templates, drop-ins or .in files), in manifest order. */
function pickServices(files: readonly CorpusFile[]): CorpusFile[] {
  const plain = files.filter((f) => {
    if (f.row) return f.row.unit_type === 'service' && f.row.kind === 'unit' && !f.path.endsWith('@.service');
    return f.path.endsWith('.service') && !f.path.endsWith('@.service');
  });
  return plain.slice(0, SERVICE_COUNT);
}

interface Run {
  ms: number;
  /** Units with an overall exposure line in the output. */
  scored: number;
  status: number | null;
  /** Bytes of standard output. */
  bytes: number;
}

function runOnce(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const start = now();
  const result = spawnSync(command, [...args], { env, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  const ms = now() - start;
  if (result.error) throw result.error;
  if (result.signal) throw new Error(`${path.basename(command)} was killed by ${result.signal}`);
  // 0: all scored; 1: some unit could not be loaded. Anything else is a failure of the tool.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${path.basename(command)} exited with ${result.status}: ${result.stderr.toString().slice(-500)}`);
  const scored = (result.stdout.toString().match(/Overall exposure level for /g) ?? []).length;
  return { ms, scored, status: result.status, bytes: result.stdout.length };
}

function timed(runs: number, once: () => Run): { times: number[]; last: Run } {
  let last = once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = once();
    times.push(last.ms);
  }
  return { times, last };
}

function systemdAnalyze(): { path: string; version: string } | undefined {
  const found = spawnSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' });
  const where = found.stdout.trim();
  if (found.status !== 0 || !where) return undefined;
  const version = spawnSync(where, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  return { path: where, version: version.trim() };
}

export function benchSecurity(options: Options, summary: Summary): void {
  const dir = corpusDir(options);
  console.log(`\n## security over ${SERVICE_COUNT} corpus services, one process each`);
  if (!existsSync(dir)) {
    skippedLoudly(`SKIPPED: corpus not found at ${dir}; the security comparison needs its services`);
    summary.row('security, 250 services', 'SKIPPED (no corpus)');
    return;
  }
  const services = pickServices(loadCorpus(dir));
  const files = services.map((s) => s.absolutePath);
  const runs = options.quick ? 3 : 5;
  console.log(`${files.length} plain services (no templates or drop-ins named; their drop-in folders are read), median [min .. max] of ${runs} runs after 1 warm-up`);

  let ours: number[] | undefined;
  let floor: number[] | undefined;
  try {
    const bin = path.join(repoRoot, 'bin/unitguard.js');
    const args = [bin, 'security', '--systemd-version', String(SYSTEMD_VERSION), ...files];
    const { times, last } = timed(runs, () => runOnce(process.execPath, args, process.env));
    ours = times;
    console.log(`  node bin/unitguard.js security --systemd-version ${SYSTEMD_VERSION} FILES: ${msRange(times)}, ${last.scored} scored, exit ${last.status}`);
    summary.row(`unitguard security, ${files.length} services`, msRange(times));
    // What Node alone takes to start, read the same files and write a report as long: no program in Node is faster.
    const alone = timed(runs, () => runOnce(process.execPath, [path.join(__dirname, 'securityFloor.js'), String(last.bytes), ...files], process.env));
    floor = alone.times;
    console.log(`  Node alone (starts, reads the units, looks for their drop-in folders and .unitguardrc files, writes ${num(last.bytes / 1e6)} MB; scores nothing): ${msRange(floor)}`);
    summary.row(`Node alone: start, read ${files.length} services, write the report`, msRange(floor));
  } catch (error) {
    summary.failed('unitguard security', error);
  }

  const analyze = systemdAnalyze();
  if (!analyze) {
    console.log('  systemd-analyze security --offline=yes: SKIPPED (systemd-analyze not installed)');
    summary.row(`systemd-analyze security --offline=yes, ${files.length} services`, 'SKIPPED (not installed)');
    return;
  }
  try {
    const env = { ...process.env, SYSTEMD_UNIT_PATH: '' };
    const { times, last } = timed(runs, () => runOnce(analyze.path, ['security', '--offline=yes', ...files], env));
    console.log(`  systemd-analyze security --offline=yes FILES (${analyze.version}, SYSTEMD_UNIT_PATH=''): ${msRange(times)}, ${last.scored} scored, exit ${last.status}`);
    summary.row(`systemd-analyze security --offline=yes, ${files.length} services`, msRange(times));
    if (ours) {
      const ratio = median(ours) / median(times);
      console.log(`  ratio unitguard / systemd-analyze (medians): ${num(ratio)}×`);
      summary.row('security: unitguard / systemd-analyze wall time', `${num(ratio)}×`);
    }
    if (floor) {
      const third = median(times) / 3;
      console.log(`  three times faster than systemd-analyze is ${num(third)} ms; Node alone takes ${num(median(floor))} ms (${num(median(floor) / third)}× that)`);
    }
  } catch (error) {
    summary.failed('systemd-analyze security', error);
  }
}
