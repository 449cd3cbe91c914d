/**
 * Peak memory (max RSS) of `node bin/unitguard.js check FILE` on generated
 * units of 1 MB, 10 MB and 100 MB (and of the commands that try fixes on the first two), and on 10 MB units made of one kind of line (the
 * worst cases: continued lines, one list setting, a finding on every line), and
 * on units of ten lines of close to 1 MiB of list words each: by
 * GNU time's %M when /usr/bin/time exists, else by a preloaded script that
 * prints process.resourceUsage().maxRSS at exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../corpus/corpusLocation';
import { generateLongLineUnit, generateLopsidedUnit, generateUnitOfSize, LONG_LINE_SHAPES, LOPSIDED_SHAPES, type LongLineShape, type LopsidedShape } from './generate';
import { bytes, num, now, type Options, type Summary } from './stats';

const TIMEOUT_MS = 120_000;
const GNU_TIME = '/usr/bin/time';
const RSS_MARKER = 'unitguard-bench-maxrss-kb';

interface Measured {
  /** Peak RSS in bytes; undefined when the run timed out. */
  maxRss?: number;
  ms: number;
  timedOut: boolean;
  status: number | null;
  /** Why the command refused the unit, when it did (too large for the memory it has). */
  refused?: string;
}

/** Runs the command in its own process group, so that a timeout ends it and everything it started. */
function run(command: string, args: readonly string[]): Promise<{ stderr: string; ms: number; timedOut: boolean; status: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(command, [...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ stderr, ms: now() - start, timedOut, status, signal });
    });
  });
}

/**
 * The commands that try fixes hold more than a check (the unit's analysis and a trial of a fix at
 * once, or plans of the hardened unit): on the generated units of 1 MB and 10 MB they are
 * measured too. "Fix all" checks the unit again for each fix it applies, up to a million lines in
 * all: on the 10 MB unit, three rounds.
 */
const FIX_PATH_COMMANDS: readonly { args: readonly string[]; maxBytes: number }[] = [
  { args: ['check', '--format', 'json'], maxBytes: Infinity },
  { args: ['check', '--fix', '--dry-run'], maxBytes: 2e6 },
  { args: ['harden', '--dry-run'], maxBytes: Infinity },
];

async function peakRss(file: string, command: readonly string[] = ['check']): Promise<Measured> {
  const cli = path.join(repoRoot, 'bin/unitguard.js');
  const useTime = existsSync(GNU_TIME);
  const result = useTime
    ? await run(GNU_TIME, ['-f', `${RSS_MARKER} %M`, process.execPath, cli, ...command, file])
    : await run(process.execPath, ['--require', path.join(__dirname, 'maxRss.js'), cli, ...command, file]);
  if (result.timedOut) return { ms: result.ms, timedOut: true, status: null };
  const match = new RegExp(`${RSS_MARKER} (\\d+)`).exec(result.stderr);
  // check exits 0 (clean) or 1 (errors found); anything else means it failed, or refused a unit
  // too large for the memory it has (see memoryRoom.ts), which is said as such.
  const refused = /too large to check: .*/.exec(result.stderr);
  if (result.status === 2 && refused) return { ms: result.ms, timedOut: false, status: 2, refused: refused[0] };
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`unitguard ${command.join(' ')} exited with ${result.status ?? result.signal}: ${result.stderr.slice(-500)}`);
  }
  if (!match) throw new Error(`no peak RSS in the output: ${result.stderr.slice(-500)}`);
  return { maxRss: Number(match[1]) * 1024, ms: result.ms, timedOut: false, status: result.status };
}

/** `unit` with a line that is neither a header, a comment nor an assignment, after its first line. */
function withLineOfNoKey(unit: { text: string; lines: number }): { text: string; lines: number } {
  const at = unit.text.indexOf('\n') + 1;
  return { text: `${unit.text.slice(0, at)}no key here\n${unit.text.slice(at)}`, lines: unit.lines + 1 };
}

/** `unit` with its lines ending in CRLF. */
function inCrlf(unit: { text: string; lines: number }): { text: string; lines: number } {
  return { text: unit.text.replace(/\n/g, '\r\n'), lines: unit.lines };
}

export async function benchMemory(_options: Options, summary: Summary): Promise<void> {
  const how = existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS at exit';
  console.log(`\n## CLI peak memory: node bin/unitguard.js check FILE (max RSS by ${how}; timeout ${TIMEOUT_MS / 1000} s)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unitguard-bench-'));
  try {
    const cases: { label: string; make: () => { text: string; lines: number }; fixPath?: true }[] = [
      { label: '1 MB unit', make: () => generateUnitOfSize(1e6), fixPath: true },
      { label: '10 MB unit', make: () => generateUnitOfSize(10e6), fixPath: true },
      // The same with one line systemd ignores (a problem of form), and in CRLF: a fix tried on
      // them reads the lines around the fix again, as on the unit itself, not the whole text.
      { label: '10 MB unit with a line of no key', make: () => withLineOfNoKey(generateUnitOfSize(10e6)) },
      { label: '10 MB unit in CRLF', make: () => inCrlf(generateUnitOfSize(10e6)) },
      // A report of a unit too large for the commands that try fixes (they refuse it by the estimate).
      { label: '100 MB unit', make: () => generateUnitOfSize(100e6) },
      // Units large in one way only: each is the worst case of some part of the check.
      ...(Object.keys(LOPSIDED_SHAPES) as LopsidedShape[]).map((shape) => ({ label: `10 MB unit of ${shape} only`, make: () => generateLopsidedUnit(shape, 10e6) })),
      // Long lines: the worst cases of what the check does for each word of a list.
      ...(Object.keys(LONG_LINE_SHAPES) as LongLineShape[]).map((shape) => ({ label: `9 MB unit of 10 long ${shape} lines`, make: () => generateLongLineUnit(shape, 10) })),
    ];
    // What the CLI takes for a unit of two lines: the engine and the knowledge base. The multiple
    // of a large file over that is what its text, tree, model and findings cost.
    const smallFile = path.join(dir, 'small.service');
    writeFileSync(smallFile, '[Service]\nExecStart=/usr/bin/true\n');
    let base: number | undefined;
    try {
      base = (await peakRss(smallFile)).maxRss;
      if (base !== undefined) {
        console.log(`  a 2-line unit: max RSS ${num(base / 1e6, 0)} MB`);
        summary.row('CLI check peak RSS, a 2-line unit', `${num(base / 1e6, 0)} MB`);
      }
    } catch (error) {
      summary.failed('CLI check on a 2-line unit', error);
    }
    for (const [n, { label, make, fixPath }] of cases.entries()) {
      const { text, lines } = make();
      const file = path.join(dir, `generated-${n}.service`);
      writeFileSync(file, text);
      const fileBytes = Buffer.byteLength(text);
      const commands = [['check'], ...(fixPath ? FIX_PATH_COMMANDS.filter((c) => fileBytes <= c.maxBytes).map((c) => c.args) : [])];
      for (const command of commands) {
        const name = command.join(' ');
        // The check's rows keep their names: the figures of earlier runs are compared by them.
        const row = name === 'check' ? `CLI check peak RSS, ${label}` : `CLI ${name} peak RSS, ${label}`;
        try {
          const measured = await peakRss(file, command);
          if (measured.refused !== undefined) {
            console.log(`  ${name}, ${label} (${num(lines, 0)} lines): refused, ${measured.refused}`);
            summary.row(row, 'refused: too large to check in the memory this process has');
            continue;
          }
          if (measured.timedOut || measured.maxRss === undefined) {
            console.log(`  ${name}, ${label} (${num(lines, 0)} lines): timed out after ${TIMEOUT_MS / 1000} s`);
            summary.row(row, `timed out (${TIMEOUT_MS / 1000} s)`);
            continue;
          }
          const multiple = measured.maxRss / fileBytes;
          const over = base === undefined ? '' : `, ${num((measured.maxRss - base) / fileBytes, 0)}× over the 2-line unit's`;
          console.log(`  ${name}, ${label} (${num(lines, 0)} lines, ${bytes(fileBytes)}): max RSS ${num(measured.maxRss / 1e6, 0)} MB = ${num(multiple, 0)}× the file${over}; ${num(measured.ms / 1000)} s wall, exit ${measured.status}`);
          summary.row(row, `${num(measured.maxRss / 1e6, 0)} MB (${num(multiple, 0)}× file${over}), ${num(measured.ms / 1000)} s`);
        } catch (error) {
          summary.failed(`CLI ${name} on the ${label}`, error);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
