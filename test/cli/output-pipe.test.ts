/**
 * The report through a pipe, as CI runners and pagers read it: a reader that stops early ends the
 * command quietly with the exit code of what it found, and a slow reader makes the command wait
 * rather than hold the report in memory.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './cliHarness';
import { generateLopsidedUnit } from '../bench/generate';

const bin = path.join(repoRoot, 'bin/unitguard.js');
const maxRss = path.join(repoRoot, 'out/test/bench/maxRss.js');
const MARKER = /unitguard-bench-maxrss-kb (\d+)/;

interface Run {
  status: number | null;
  stderr: string;
  stdoutBytes: number;
  /** Peak resident memory of the command, in bytes. */
  peak: number;
}

/** Runs `check FILE`, every problem listed, with its report going to the file `into`. */
function runIntoFile(file: string, into: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const fd = openSync(into, 'w');
    const child = spawn(process.execPath, ['--require', maxRss, bin, 'check', '--max-problems', '0', file], { stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    collect(child, () => statSync(into).size, resolve, reject);
  });
}

/**
 * Runs `check FILE`, every problem listed, with its report going to a pipe. The reader waits `waitMs` before it reads at
 * all, then reads everything; or, with `stopAfter`, destroys the pipe once it has that many bytes.
 */
function runThroughPipe(file: string, options: { waitMs?: number; stopAfter?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', maxRss, bin, 'check', '--max-problems', '0', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    const stdout = child.stdout as Readable;
    stdout.pause();
    setTimeout(() => {
      stdout.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (options.stopAfter !== undefined && stdoutBytes >= options.stopAfter) stdout.destroy();
      });
      stdout.resume();
    }, options.waitMs ?? 0);
    collect(child, () => stdoutBytes, resolve, reject);
  });
}

function collect(child: ChildProcess, stdoutBytes: () => number, resolve: (run: Run) => void, reject: (error: Error) => void): void {
  let stderr = '';
  const stream = child.stderr as Readable;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  child.on('error', reject);
  child.on('close', (status) => {
    clearTimeout(timer);
    const match = MARKER.exec(stderr);
    resolve({ status, stderr: stderr.replace(MARKER, '').trim(), stdoutBytes: stdoutBytes(), peak: match ? Number(match[1]) * 1024 : NaN });
  });
}

describe('the report through a pipe', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-pipe-'));
    file = path.join(dir, 'many.service');
    // A finding on each of about 190,000 lines: a report of about 20 MB.
    writeFileSync(file, generateLopsidedUnit('unknown settings', 3e6).text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a reader that stops early ends the command quietly, with the exit code of what it found', async () => {
    // Node gives its child processes a socket: the reader leaving is ECONNRESET.
    const run = await runThroughPipe(file, { stopAfter: 1 });
    assert.equal(run.status, 1, `errors were found; stderr: ${run.stderr}`);
    assert.equal(run.stderr, '', 'nothing but the exit code says the reader left');
  });

  test('so does `| head` in a shell, where the reader leaving a pipe is EPIPE', () => {
    const errors = path.join(dir, 'head.err');
    const script = '"$0" "$1" check "$2" 2>"$3" | head -c 1 >/dev/null; exit "${PIPESTATUS[0]}"';
    const shell = spawnSync('bash', ['-c', script, process.execPath, bin, file, errors], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(shell.status, 1, `the exit code of what was found; stderr: ${readFileSync(errors, 'utf8')}`);
    assert.equal(readFileSync(errors, 'utf8'), '');
  });

  test('a report that cannot be written gives exit 2 and says why', (t) => {
    if (!existsSync('/dev/full')) {
      t.skip('SKIPPED: this system has no /dev/full to write into');
      return;
    }
    const fd = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [bin, 'check', file], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'unitguard: cannot write the output: ENOSPC\n');
      // As Windows runs it: a file or a pipe is written the same way there (only a console keeps the stream).
      const windows = path.join(dir, 'windows.js');
      writeFileSync(windows, "Object.defineProperty(process, 'platform', { value: 'win32' });\n");
      const onWindows = spawnSync(process.execPath, ['--require', windows, bin, 'check', file], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000 });
      assert.equal(onWindows.status, 2);
      assert.equal(onWindows.stderr, 'unitguard: cannot write the output: ENOSPC\n');
      // A standard error that cannot be written loses its message, never the exit code.
      const noStderr = spawnSync(process.execPath, ['--require', windows, bin, 'check', path.join(dir, 'missing.service')], { stdio: ['ignore', 'pipe', fd], encoding: 'utf8', timeout: 120_000 });
      assert.equal(noStderr.status, 2);
    } finally {
      closeSync(fd);
    }
  });

  test('a slow reader makes the command wait instead of holding the report', async (t) => {
    const toFile = await runIntoFile(file, path.join(dir, 'report.txt'));
    const slow = await runThroughPipe(file, { waitMs: 2_000 });
    t.diagnostic(`peak memory: ${(toFile.peak / 1e6).toFixed(0)} MB into a file, ${(slow.peak / 1e6).toFixed(0)} MB into a pipe read after 2 s; report ${(slow.stdoutBytes / 1e6).toFixed(1)} MB`);
    assert.equal(slow.status, 1);
    assert.equal(slow.stdoutBytes, toFile.stdoutBytes, 'the whole report arrives');
    assert.ok(slow.stdoutBytes > 15e6, 'the report is large');
    // Held in memory, a 20 MB report costs its bytes at least twice (text and buffers).
    assert.ok(slow.peak - toFile.peak < 15e6, `the slow reader cost ${((slow.peak - toFile.peak) / 1e6).toFixed(0)} MB more`);
  });
});
