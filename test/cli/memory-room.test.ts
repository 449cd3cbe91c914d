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
import {
  BYTES_PER_BLANK, BYTES_PER_BYTE, BYTES_PER_LINE, checkCost, sizeOf, estimatedFor, EVERY_PROBLEM_BYTES_PER_BYTE, EVERY_PROBLEM_BYTES_PER_LINE, lineCount, REPORT_BYTES_PER_LINE, tooLargeToCheck,
} from '../../server/src/node/memoryRoom';
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

  test('a unit\'s size counts its bytes, its lines, and the spaces and tabs of the line with the most', () => {
    assert.deepEqual(sizeOf(bytes('[Service]\nExecStart=/bin/a b\tc  d\n')), { bytes: 34, lines: 3, blanks: 4 });
    assert.deepEqual(sizeOf(bytes('a b c\nd e\nf g h i')), { bytes: 17, lines: 3, blanks: 3 });
    assert.deepEqual(sizeOf(bytes('')), { bytes: 0, lines: 1, blanks: 0 });
  });

  test('the cost grows with the lines and the longest line\'s blanks, not only the bytes', () => {
    assert.equal(checkCost({ lines: 10, bytes: 100, blanks: 5 }), 10 * BYTES_PER_LINE + 5 * BYTES_PER_BLANK + 100 * BYTES_PER_BYTE);
    assert.ok(checkCost({ lines: 1_000, bytes: 300, blanks: 0 }) > checkCost({ lines: 1, bytes: 300, blanks: 0 }) * 100);
    assert.ok(checkCost({ lines: 1, bytes: 3_000, blanks: 1_000 }) > checkCost({ lines: 1, bytes: 3_000, blanks: 0 }) * 3);
  });

  const works: Array<[string, { triesFixes: boolean; keepsEveryProblem: boolean }, number, number]> = [
    ['tries fixes, with a problem limit', { triesFixes: true, keepsEveryProblem: false }, BYTES_PER_LINE, BYTES_PER_BYTE],
    ['only reports, with a problem limit', { triesFixes: false, keepsEveryProblem: false }, REPORT_BYTES_PER_LINE, BYTES_PER_BYTE],
    ['only reports, keeping every problem', { triesFixes: false, keepsEveryProblem: true }, EVERY_PROBLEM_BYTES_PER_LINE, EVERY_PROBLEM_BYTES_PER_BYTE],
    ['tries fixes, keeping every problem', { triesFixes: true, keepsEveryProblem: true }, EVERY_PROBLEM_BYTES_PER_LINE, EVERY_PROBLEM_BYTES_PER_BYTE],
  ];
  for (const [name, work, perLine, perByte] of works) {
    test(`a command that ${name} estimates a unit at ${perLine} bytes a line and ${perByte} a byte, for the length of its call`, () => {
      const size = { lines: 10, bytes: 100, blanks: 0 };
      assert.equal(estimatedFor(work, () => checkCost(size)), 10 * perLine + 100 * perByte);
      assert.equal(checkCost(size), 10 * BYTES_PER_LINE + 100 * BYTES_PER_BYTE, 'the most, by default, after the call');
    });
  }

  test('an estimate is the outer one again after a call that throws, or one nested in it', () => {
    const report = { triesFixes: false, keepsEveryProblem: false };
    assert.throws(() =>
      estimatedFor(report, () => {
        throw new Error('boom');
      }),
    );
    const line = { lines: 1, bytes: 0, blanks: 0 };
    assert.equal(checkCost(line), BYTES_PER_LINE);
    assert.equal(
      estimatedFor(report, () => {
        estimatedFor({ triesFixes: false, keepsEveryProblem: true }, () => undefined);
        return checkCost(line);
      }),
      REPORT_BYTES_PER_LINE,
    );
    const unit = bytes('[Service]\n' + 'A=\n'.repeat(1_000));
    assert.ok(tooLargeToCheck(unit, 1e6), 'too large where fixes are tried');
    assert.equal(estimatedFor(report, () => tooLargeToCheck(unit, 1e6)), undefined, 'fits a report');
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

  // What a report needs (check with text output) is less than what trying fixes needs.
  for (const [command, needs] of [['check', '830 MB'], ['security', '830 MB'], ['harden', '2,590 MB']]) {
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
  /** A unit of `lines` repeated `Nice=` lines, a finding on every line: the shape that needs most where fixes are tried. */
  const niceUnit = (lines: number): string => {
    const file = path.join(dir, `nice-${lines}.service`);
    const body = Array.from({ length: lines }, (_, i) => `Nice=${i % 20}\n`).join('');
    writeFileSync(file, '[Service]\nExecStart=/usr/bin/daemon\n' + body);
    return file;
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // A process of 256 MB has about 300 MB of heap: units of nine tenths of what each estimate lets in there.
  const cases: Array<[string[], number]> = [
    [['check', '--format', 'json', '--max-problems', '0'], EVERY_PROBLEM_BYTES_PER_LINE + 7 * EVERY_PROBLEM_BYTES_PER_BYTE],
    [['harden', '--dry-run'], BYTES_PER_LINE + 7 * BYTES_PER_BYTE],
    [['check', '--fix', '--dry-run'], BYTES_PER_LINE + 7 * BYTES_PER_BYTE],
    [['check', '--fix', '--dry-run', '--max-problems', '0'], EVERY_PROBLEM_BYTES_PER_LINE + 7 * EVERY_PROBLEM_BYTES_PER_BYTE],
  ];
  for (const [args, perLine] of cases) {
    test(`\`${args.join(' ')}\` checks it without running out of memory`, () => {
      const file = niceUnit(Math.floor((0.9 * 300e6) / perLine));
      const run = runWithHeap(256, [...args, file]);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
      assert.equal(run.status, 0, run.stderr.slice(0, 500));
    });
  }
});


/** `lines` lines of `SystemCallFilter=` with ten names systemd does not know: the shape whose report needs most per line, and whose every problem kept needs most. */
function unknownCallsUnit(dir: string, lines: number): string {
  const file = path.join(dir, `calls-${lines}.service`);
  writeFileSync(file, '[Service]\nExecStart=/bin/true\n' + `SystemCallFilter=${'a '.repeat(9)}a\n`.repeat(lines));
  return file;
}

/** The bytes of one line of unknownCallsUnit() (nine of them blanks). */
const UNKNOWN_CALLS_LINE = 'SystemCallFilter=a a a a a a a a a a\n'.length;

describe('a unit a report fits, though fixes would not', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    // A process of 256 MB has about 300 MB of heap: nine tenths of what the report's estimate lets in there.
    file = unknownCallsUnit(dir, Math.floor((0.9 * 300e6 - 9 * BYTES_PER_BLANK) / (REPORT_BYTES_PER_LINE + UNKNOWN_CALLS_LINE * BYTES_PER_BYTE)));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('`check` reads it without running out of memory', () => {
    const run = runWithHeap(256, ['check', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
    assert.match(run.stdout, /Unknown system call "a"/);
  });

  test('`security` scores it without running out of memory', () => {
    const run = runWithHeap(256, ['security', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
    assert.equal(run.status, 0, run.stderr.slice(0, 500));
    assert.match(run.stdout, /SystemCallFilter=/);
  });

  for (const args of [['check', '--format', 'json'], ['check', '--max-problems', '0'], ['security', '--json']]) {
    test(`\`${args.join(' ')}\`, which needs more, refuses it before reading it`, () => {
      const run = runWithHeap(256, [...args, file]);
      assert.equal(run.signal, null);
      assert.equal(run.status, 2, run.stderr.slice(0, 500));
      assert.match(run.stderr, /too large to check/);
    });
  }
});

describe('a unit whose every problem is kept', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('`check --max-problems 0` reads one the estimate lets in without running out of memory', () => {
    const file = unknownCallsUnit(dir, Math.floor((0.9 * 300e6 - 9 * BYTES_PER_BLANK) / (EVERY_PROBLEM_BYTES_PER_LINE + UNKNOWN_CALLS_LINE * EVERY_PROBLEM_BYTES_PER_BYTE)));
    const run = runWithHeap(256, ['check', '--max-problems', '0', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
  });

  test('`check --max-problems 0` refuses one that fits the estimate of a limited problem list, but not the heap', () => {
    // 110,000 lines: about 300 MB to check with every problem kept, more than the heap has; 294 MB
    // at 2.5 KB a line, which a process of 256 MB (about 300 MB of heap by its limit) would let in.
    const file = unknownCallsUnit(dir, 110_000);
    const run = runWithHeap(256, ['check', '--max-problems', '0', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.equal(run.status, 2, run.stderr.slice(0, 500));
    assert.match(run.stderr, /too large to check: its 110,003 lines may need up to \d[\d,]* MB of memory/);
  });
});

describe('long lines of many words', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    // Three lines of 450,000 one-letter arguments of ExecStartPre= (2.7 MB): reading one such line
    // takes about 70 MB for a moment, which three bytes a byte (8 MB) did not count.
    file = path.join(dir, 'arguments.service');
    writeFileSync(file, '[Service]\nExecStart=/bin/true\n' + `ExecStartPre=/bin/true${' a'.repeat(450_000)}\n`.repeat(3));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('`check` reads them in a process of 128 MB, which the estimate lets them into', () => {
    const run = runWithHeap(128, ['check', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
    assert.notEqual(run.status, 2, run.stderr.slice(0, 500));
  });

  test('`check` refuses them in a process of 64 MB, where they do not fit', () => {
    const run = runWithHeap(64, ['check', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.equal(run.status, 2, run.stderr.slice(0, 500));
    assert.match(run.stderr, /too large to check: its 6 lines may need up to \d+ MB of memory/);
  });
});
