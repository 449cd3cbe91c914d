/**
 * A unit too large to check in the memory the process may use is refused with a message and exit
 * 2, before it is parsed: Node ends a process that passes its heap limit with an abort.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BYTES_PER_BYTE, BYTES_PER_LINE, checkCost, lineCount, reportingOnly, REPORT_BYTES_PER_LINE, tooLargeToCheck } from '../../server/src/node/memoryRoom';
import { repoRoot } from './cliHarness';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** Runs the CLI in a process whose heap is limited to `heapMb`. */
function runWithHeap(heapMb: number, args: readonly string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(repoRoot, 'bin/unitguard.js'), ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 512 * 1024 * 1024 });
}

describe('the memory a check may need', () => {
  const counts: Array<[string, number]> = [
    ['', 1],
    ['[Service]', 1],
    ['[Service]\n', 2],
    ['[Service]\nA=\n', 3],
    ['\n\n\n', 4],
    ['a\r\nb\r\n', 3],
  ];
  for (const [text, lines] of counts) {
    test(`${JSON.stringify(text)} counts ${lines} lines`, () => assert.equal(lineCount(bytes(text)), lines));
  }

  test('the cost grows with the lines, not only the bytes', () => {
    assert.equal(checkCost(10, 100), 10 * BYTES_PER_LINE + 100 * BYTES_PER_BYTE);
    assert.ok(checkCost(1_000, 3_000) > checkCost(1, 3_000) * 100);
  });

  test('a command that only reports estimates each line at a report\'s cost, for the length of its call', () => {
    assert.ok(REPORT_BYTES_PER_LINE < BYTES_PER_LINE);
    assert.equal(reportingOnly(() => checkCost(10, 100)), 10 * REPORT_BYTES_PER_LINE + 100 * BYTES_PER_BYTE);
    assert.equal(checkCost(10, 100), 10 * BYTES_PER_LINE + 100 * BYTES_PER_BYTE, 'restored after the call');
    assert.throws(() =>
      reportingOnly(() => {
        throw new Error('boom');
      }),
    );
    assert.equal(checkCost(10, 100), 10 * BYTES_PER_LINE + 100 * BYTES_PER_BYTE, 'restored after a throw');
    const unit = bytes('[Service]\n' + 'A=\n'.repeat(1_000));
    assert.ok(tooLargeToCheck(unit, 1e6), 'too large for a check that tries fixes');
    assert.equal(reportingOnly(() => tooLargeToCheck(unit, 1e6)), undefined, 'fits a report');
  });

  test('a unit that fits is checked; one that does not is refused with its numbers', () => {
    const unit = bytes('[Service]\n' + 'A=\n'.repeat(1_000));
    assert.equal(tooLargeToCheck(unit, 10e6), undefined);
    assert.equal(tooLargeToCheck(bytes('[Service]\nExecStart=/bin/true\n'), 1e6), undefined);
    const refused = tooLargeToCheck(unit, 500e3);
    assert.ok(refused, 'refused');
    assert.match(refused, /too large to check: its 1,002 lines may need up to 3 MB of memory, and this process has 1 MB left/);
  });
});

describe('a unit of a million lines in a process of 256 MB', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    file = path.join(dir, 'short.service');
    // 3 MB: about 500 MB to check (2.6 GB by the estimate), which ends a process of 256 MB with an abort.
    writeFileSync(file, '[Service]\n' + 'A=\n'.repeat(1_000_000));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // What a report needs (check with text output, security) is less than what trying fixes needs.
  for (const [command, needs] of [['check', '681 MB'], ['security', '681 MB'], ['harden', '2,569 MB']]) {
    test(`\`${command}\` refuses it with exit 2 and says why`, () => {
      const run = runWithHeap(256, [command, file]);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.equal(run.status, 2, run.stderr.slice(0, 500));
      assert.match(run.stderr, new RegExp(`too large to check: its 1,000,002 lines may need up to ${needs} of memory, and this process has \\d+ MB left \\(NODE_OPTIONS=--max-old-space-size=MB raises the limit\\)`));
      assert.doesNotMatch(run.stderr, /heap out of memory|FATAL/);
    });
  }
});

describe('several units that each fit, one after the other', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    // Each about 50 MB to check and 256 MB by the estimate, in a process of 512 MB: each fits
    // once the one before is let go, collected or not yet.
    for (const name of ['a', 'b', 'c', 'd', 'e']) writeFileSync(path.join(dir, `${name}.service`), '[Service]\n' + 'A=\n'.repeat(100_000));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('are all checked: what the check of one left is not counted against the next', () => {
    // Every finding listed (--max-problems 0): the check holds them all, the most it can need.
    const run = runWithHeap(512, ['check', '--max-problems', '0', dir]);
    assert.equal(run.signal, null);
    assert.doesNotMatch(run.stderr, /too large to check/);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
    for (const name of ['a', 'b', 'c', 'd', 'e']) assert.match(run.stdout, new RegExp(`${name}\\.service:100001:1: error: Unknown setting A=`));
  });
});

describe('a unit the estimate lets in, in the commands that need the most', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    file = path.join(dir, 'nice.service');
    // A process of 256 MB has about 300 MB of heap: a unit of nine tenths of what the estimate
    // lets in there, with a finding on every line (a repeated Nice=), the shape that needs most.
    const lines = Math.floor((0.9 * 300e6) / BYTES_PER_LINE);
    const body = Array.from({ length: lines }, (_, i) => `Nice=${i % 20}\n`).join('');
    writeFileSync(file, '[Service]\nExecStart=/usr/bin/daemon\n' + body);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [['check', '--format', 'json', '--max-problems', '0'], ['harden', '--dry-run'], ['check', '--fix', '--dry-run', '--max-problems', '0']]) {
    test(`\`${args.join(' ')}\` checks it without running out of memory`, () => {
      const run = runWithHeap(256, [...args, file]);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
      assert.equal(run.status, 0, run.stderr.slice(0, 500));
    });
  }
});


describe('a unit a report fits, though fixes would not', () => {
  let dir: string;
  let file: string;
  let lines: number;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    file = path.join(dir, 'sections.service');
    // A process of 256 MB has about 300 MB of heap: nine tenths of what the report's estimate lets
    // in there, of empty sections, the shape whose report needs most per line.
    lines = Math.floor((0.9 * 300e6) / (REPORT_BYTES_PER_LINE + 4 * BYTES_PER_BYTE));
    writeFileSync(file, '[S]\n'.repeat(lines));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [['check'], ['check', '--max-problems', '0'], ['security']]) {
    test(`\`${args.join(' ')}\` reads it without running out of memory`, () => {
      const run = runWithHeap(256, [...args, file]);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
      assert.notEqual(run.status, 2, run.stderr.slice(0, 500));
      assert.ok(run.stdout.length > 0 || run.stderr.length > 0, 'it says something of the unit');
    });
  }

  test('`check --format json`, which tries fixes, refuses it before reading it', () => {
    const run = runWithHeap(256, ['check', '--format', 'json', file]);
    assert.equal(run.signal, null);
    assert.equal(run.status, 2, run.stderr.slice(0, 500));
    assert.match(run.stderr, /too large to check/);
  });
});
