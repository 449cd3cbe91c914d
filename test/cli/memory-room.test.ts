/**
 * A unit too large to check in the memory the process may use is refused with a message and exit
 * 2, before it is parsed: Node ends a process that passes its heap limit with an abort.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  BYTES_PER_BLANK, BYTES_PER_BYTE, BYTES_PER_LINE, BYTES_PER_PROBLEM, BYTES_PER_WORD, checkCost, DEFAULT_WORK, estimatedFor, EVERY_PROBLEM_BYTES_PER_BYTE, EVERY_PROBLEM_BYTES_PER_LINE,
  REPORT_BYTES_PER_LINE, sizeOf, textCheckCost, textSizeOf, BYTES_PER_VARIABLE, tooLargeToCheck, YOUNG_GENERATION_BYTES, type CheckWork, type UnitSize,
} from '../../server/src/node/memoryRoom';
import { DEFAULT_MAX_PROBLEMS } from '../../server/src/core/features/problemLimit';
import { repoRoot } from './cliHarness';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** Nine tenths of the room of a process of `heapMb` (see memoryRoom()), less the 9 to 12 MB it holds before the unit. */
const roomOf = (heapMb: number): number => 0.9 * (heapMb * 2 ** 20 - 12e6);

/** The most lines of `line` after `head` that the estimate of `work` lets into `room`. */
function linesWithin(room: number, work: CheckWork, line: string, head = '[Service]\nExecStart=/bin/true\n'): number {
  const top = sizeOf(bytes(head));
  const one = sizeOf(bytes(line.replace(/\n$/, '')));
  const cost = (n: number): number =>
    estimatedFor(work, () =>
      checkCost({ bytes: top.bytes + n * (one.bytes + 1), lines: top.lines + n, blanks: Math.max(top.blanks, one.blanks), allBlanks: top.allBlanks + n * one.allBlanks, extraEquals: top.extraEquals + n * one.extraEquals }),
    );
  let [low, high] = [0, 100_000_000];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cost(mid) <= room) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Runs the CLI in a process whose heap is limited to `heapMb`. */
function runWithHeap(heapMb: number, args: readonly string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(repoRoot, 'bin/unitguard.js'), ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 512 * 1024 * 1024 });
}

describe('the memory a check may need', () => {
  const sizes: Array<[string, UnitSize]> = [
    ['', { bytes: 0, lines: 1, blanks: 0, allBlanks: 0, extraEquals: 0 }],
    ['[Service]', { bytes: 9, lines: 1, blanks: 0, allBlanks: 0, extraEquals: 0 }],
    ['[Service]\n', { bytes: 10, lines: 2, blanks: 0, allBlanks: 0, extraEquals: 0 }],
    ['\n\n\n', { bytes: 3, lines: 4, blanks: 0, allBlanks: 0, extraEquals: 0 }],
    ['a\r\nb\r\n', { bytes: 6, lines: 3, blanks: 0, allBlanks: 0, extraEquals: 0 }],
    ['[Service]\nExecStart=/bin/a b\tc  d\n', { bytes: 34, lines: 3, blanks: 4, allBlanks: 4, extraEquals: 0 }],
    ['a b c\nd e\nf g h i', { bytes: 17, lines: 3, blanks: 3, allBlanks: 6, extraEquals: 0 }],
    // A continued line is read as one: its blanks count together.
    ['ExecStart=a b \\\n c d \\\r\n e\nX=1 2', { bytes: 32, lines: 4, blanks: 6, allBlanks: 7, extraEquals: 0 }],
    ['Environment=A=1 B=2 C=3\nX=1', { bytes: 27, lines: 2, blanks: 2, allBlanks: 2, extraEquals: 3 }],
  ];
  for (const [text, size] of sizes) {
    test(`${JSON.stringify(text)}: ${size.lines} lines, ${size.blanks} blanks in its line with the most, ${size.allBlanks} in all`, () => {
      assert.deepEqual(sizeOf(bytes(text)), size);
      assert.equal(textCheckCost(text), checkCost(size), 'the decoded text is estimated as its bytes');
    });
  }

  test('a decoded text counts the UTF-8 bytes of its characters', () => {
    for (const text of ['Description=é', 'Description=日本語', 'Description=🙂 x', 'X=\u07ff\u0800']) {
      assert.deepEqual(textSizeOf(text), sizeOf(bytes(text)), text);
    }
  });

  test('a command that holds two versions of a unit (review) estimates it twice', () => {
    const one = estimatedFor({ triesFixes: true, problemLimit: Infinity }, () => checkCost(size));
    assert.equal(estimatedFor({ triesFixes: true, problemLimit: Infinity, versions: 2 }, () => checkCost(size)), 2 * one);
  });

  test('each `=` after the first of a line counts as a variable', () => {
    const at = (s: UnitSize) => estimatedFor({ triesFixes: false, problemLimit: 0 }, () => checkCost(s));
    assert.equal(at({ ...size, extraEquals: 100 }) - at(size), 100 * BYTES_PER_VARIABLE);
  });

  const size: UnitSize = { lines: 10_000, bytes: 100_000, blanks: 5, allBlanks: 20_000, extraEquals: 0 };
  const words = 5 * BYTES_PER_BLANK + 20_000 * BYTES_PER_WORD;
  const every = 10_000 * EVERY_PROBLEM_BYTES_PER_LINE + 100_000 * EVERY_PROBLEM_BYTES_PER_BYTE + words;
  const works: Array<[string, CheckWork, number]> = [
    ['tries fixes, with the default problem limit', DEFAULT_WORK, 10_000 * BYTES_PER_LINE + 100_000 * BYTES_PER_BYTE + words + DEFAULT_MAX_PROBLEMS * BYTES_PER_PROBLEM],
    ['only reports, at most 5 problems', { triesFixes: false, problemLimit: 5 }, 10_000 * REPORT_BYTES_PER_LINE + 100_000 * BYTES_PER_BYTE + words + 5 * BYTES_PER_PROBLEM],
    ['only reports, no problems (security)', { triesFixes: false, problemLimit: 0 }, 10_000 * REPORT_BYTES_PER_LINE + 100_000 * BYTES_PER_BYTE + words],
    ['only reports, every problem', { triesFixes: false, problemLimit: Infinity }, every],
    ['tries fixes, every problem', { triesFixes: true, problemLimit: Infinity }, every],
    // A limit far above the problems a unit can have is every problem, no more.
    ['only reports, at most a hundred million problems', { triesFixes: false, problemLimit: 100_000_000 }, every],
  ];
  for (const [name, work, cost] of works) {
    test(`a command that ${name} estimates a unit at ${cost.toLocaleString('en-US')} bytes, for the length of its call`, () => {
      assert.equal(estimatedFor(work, () => checkCost(size)), cost);
      assert.equal(checkCost(size), estimatedFor(DEFAULT_WORK, () => checkCost(size)), 'the default after the call');
    });
  }

  test('the cost grows with the lines, the blanks of the line with the most, and the blanks in all', () => {
    const at = (s: UnitSize) => estimatedFor({ triesFixes: false, problemLimit: 0 }, () => checkCost(s));
    assert.ok(at({ lines: 1_000, bytes: 300, blanks: 0, allBlanks: 0, extraEquals: 0 }) > at({ lines: 1, bytes: 300, blanks: 0, allBlanks: 0, extraEquals: 0 }) * 100);
    assert.ok(at({ lines: 1, bytes: 3_000, blanks: 1_000, allBlanks: 1_000, extraEquals: 0 }) > at({ lines: 1, bytes: 3_000, blanks: 0, allBlanks: 0, extraEquals: 0 }) * 3);
    assert.ok(at({ lines: 1_000, bytes: 30_000, blanks: 10, allBlanks: 10_000, extraEquals: 0 }) > at({ lines: 1_000, bytes: 30_000, blanks: 10, allBlanks: 10, extraEquals: 0 }) * 1.5);
  });

  test('an estimate is the outer one again after a call that throws, or one nested in it', () => {
    const report = { triesFixes: false, problemLimit: 0 };
    assert.throws(() =>
      estimatedFor(report, () => {
        throw new Error('boom');
      }),
    );
    const line = { lines: 1, bytes: 0, blanks: 0, allBlanks: 0, extraEquals: 0 };
    // A problem limit never costs more than keeping every problem.
    assert.equal(checkCost(line), EVERY_PROBLEM_BYTES_PER_LINE);
    assert.equal(
      estimatedFor(report, () => {
        estimatedFor({ triesFixes: false, problemLimit: Infinity }, () => undefined);
        return checkCost(line);
      }),
      REPORT_BYTES_PER_LINE,
    );
    const unit = bytes('[Service]\n' + 'A=\n'.repeat(1_000));
    assert.ok(tooLargeToCheck(unit, 3e6), 'too large where fixes are tried');
    assert.equal(estimatedFor(report, () => tooLargeToCheck(unit, 3e6)), undefined, 'fits a report');
  });

  test('a unit that fits is checked; one that does not is refused with its numbers', () => {
    const unit = bytes('[Service]\n' + 'A=\n'.repeat(1_000));
    assert.equal(tooLargeToCheck(unit, 10e6), undefined);
    assert.equal(tooLargeToCheck(bytes('[Service]\nExecStart=/bin/true\n'), 2e6), undefined);
    const refused = tooLargeToCheck(unit, 500e3);
    assert.ok(refused, 'refused');
    assert.match(refused, /too large to check: its 1,002 lines may need up to 4 MB of memory, and this process has 1 MB left/);
  });

  test('the room is the old generation\'s: the heap limit less the young generation', () => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=200', '-e', `console.log(require(${JSON.stringify(path.join(repoRoot, 'out/server/src/node/memoryRoom.js'))}).memoryRoom())`], { encoding: 'utf8' });
    const room = Number(run.stdout);
    assert.ok(room <= 200 * 2 ** 20 && room > 190 * 2 ** 20, `${room}`);
    assert.equal(YOUNG_GENERATION_BYTES, 48 * 2 ** 20);
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

  // A report (check with text output, security's table) needs less than a plan, which tries fixes and keeps every problem.
  for (const [command, needs] of [['check', '831 MB'], ['security', '830 MB'], ['harden', '4,192 MB']]) {
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

  // Units of nine tenths of what each estimate lets into a process of 256 MB. Each of these keeps
  // every problem: `--fix` fixes every one it can, and a plan looks at them all.
  const cases: Array<[string[], CheckWork]> = [
    [['check', '--format', 'json', '--max-problems', '0'], { triesFixes: true, problemLimit: Infinity }],
    [['harden', '--dry-run'], { triesFixes: true, problemLimit: Infinity }],
    [['check', '--fix', '--dry-run'], { triesFixes: true, problemLimit: Infinity }],
    [['check', '--fix', '--dry-run', '--max-problems', '0'], { triesFixes: true, problemLimit: Infinity }],
  ];
  for (const [args, work] of cases) {
    test(`\`${args.join(' ')}\` checks it without running out of memory`, () => {
      const file = niceUnit(linesWithin(roomOf(256), work, 'Nice=10\n'));
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

/** One line of unknownCallsUnit(). */
const UNKNOWN_CALLS_LINE = 'SystemCallFilter=a a a a a a a a a a\n';

describe('a unit a report fits, though fixes would not', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
    // Nine tenths of what the report's estimate lets into a process of 256 MB.
    file = unknownCallsUnit(dir, linesWithin(roomOf(256), { triesFixes: false, problemLimit: DEFAULT_MAX_PROBLEMS }, UNKNOWN_CALLS_LINE));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('`check` reads it without running out of memory', () => {
    const run = runWithHeap(256, ['check', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
    assert.match(run.stdout, /Unknown system call "a"/);
  });

  for (const args of [['security'], ['security', '--json']]) {
    test(`\`${args.join(' ')}\` scores it without running out of memory`, () => {
      const run = runWithHeap(256, [...args, file]);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
      assert.equal(run.status, 0, run.stderr.slice(0, 500));
      assert.match(run.stdout, /SystemCallFilter/);
    });
  }

  // A problem limit far above the unit's problems keeps every problem, as 0 does; `--fix` and a plan keep every problem too.
  const needMore = [['check', '--format', 'json'], ['check', '--max-problems', '0'], ['check', '--max-problems', '100000000'], ['check', '--fix', '--dry-run'], ['harden', '--dry-run']];
  for (const args of needMore) {
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
    const file = unknownCallsUnit(dir, linesWithin(roomOf(256), { triesFixes: false, problemLimit: Infinity }, UNKNOWN_CALLS_LINE));
    const run = runWithHeap(256, ['check', '--max-problems', '0', file]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
  });

  test('`check --max-problems 0` refuses one that fits the estimate of a limited problem list, but not the heap', () => {
    // 110,000 lines: about 300 MB to check with every problem kept, more than a process of 256 MB
    // has; 294 MB at 2.5 KB a line, which the estimate of a limited problem list once let in.
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

  test('`check` reads them in a process of 256 MB, which the estimate lets them into', () => {
    const run = runWithHeap(256, ['check', file]);
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

/**
 * Units whose need grows with something other than their lines: a name kept for each word, a fix
 * tried for each word, problems kept past what a report keeps. Each is sized to nine tenths of
 * what its command's estimate lets into the process, and must be checked there, not aborted.
 */
describe('units of many words, each as large as the estimate lets in', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Three or more letters, different for each number. */
  const letters = (i: number): string => {
    let word = '';
    for (let n = i + 26 * 26; n > 0; n = Math.floor(n / 26)) word = String.fromCharCode(97 + (n % 26)) + word;
    return word;
  };
  const shortVariables = (i: number): string => `Environment=${Array.from({ length: 100 }, (_, k) => `${letters(i * 100 + k)}=`).join(' ')}\n`;
  const environment = (i: number): string => `Environment=${Array.from({ length: 100 }, (_, k) => `V${i}_${k}=x`).join(' ')}\n`;
  const cases: Array<{ name: string; args: string[]; heapMb: number; work: CheckWork; line: (i: number) => string; status: number }> = [
    // 98 bytes for each variable's name and value, kept in the unit's environment.
    { name: 'a hundred different variables a line', args: ['check'], heapMb: 128, work: { triesFixes: false, problemLimit: DEFAULT_MAX_PROBLEMS }, line: environment, status: 0 },
    { name: 'ten unknown system calls a line, every problem', args: ['check', '--max-problems', '100000000'], heapMb: 256, work: { triesFixes: false, problemLimit: Infinity }, line: () => UNKNOWN_CALLS_LINE, status: 1 },
    { name: 'ten unknown system calls a line, fixed', args: ['check', '--fix', '--dry-run'], heapMb: 128, work: { triesFixes: true, problemLimit: Infinity }, line: () => UNKNOWN_CALLS_LINE, status: 1 },
    { name: 'ten unknown system calls a line, hardened', args: ['harden', '--dry-run'], heapMb: 128, work: { triesFixes: true, problemLimit: Infinity }, line: () => UNKNOWN_CALLS_LINE, status: 0 },
    // Short names: the bytes and blanks of each count little beside what the environment keeps.
    { name: 'a hundred variables of three letters a line', args: ['check'], heapMb: 64, work: { triesFixes: false, problemLimit: DEFAULT_MAX_PROBLEMS }, line: shortVariables, status: 0 },
    // Each line kept a copy of the set so far: 140,000 such lines took 4 GB.
    { name: 'a capability of its own a line', args: ['check'], heapMb: 128, work: { triesFixes: false, problemLimit: DEFAULT_MAX_PROBLEMS }, line: (i) => `CapabilityBoundingSet=CAP_${letters(i)}\n`, status: 0 },
    // Each word was an address prefix of its own while the score was worked out.
    { name: 'a thousand addresses a line', args: ['security'], heapMb: 256, work: { triesFixes: false, problemLimit: 0 }, line: () => `IPAddressDeny=${'::1 '.repeat(999)}::1\n`, status: 0 },
  ];
  for (const c of cases) {
    test(`${c.name}: \`${c.args.join(' ')}\` in a process of ${c.heapMb} MB`, () => {
      // Sized by the longest line it may have (the variables' numbers grow).
      const lines = linesWithin(roomOf(c.heapMb), c.work, c.line(99_999));
      assert.ok(lines >= 100, `${lines} lines`);
      const file = path.join(dir, `words-${c.args.join('-')}.service`);
      writeFileSync(file, '[Service]\nExecStart=/bin/true\n' + Array.from({ length: lines }, (_, i) => c.line(i)).join(''));
      const run = runWithHeap(c.heapMb, [...c.args, file]);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.doesNotMatch(run.stderr, /too large to check|heap out of memory|FATAL/);
      assert.equal(run.status, c.status, run.stderr.slice(0, 500));
    });
  }
});

describe('units the estimate once let in by parts, which took the process past its heap', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-room-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('one command line continued over 5,100 lines of a hundred words is refused at 64 MB and checked at 256 MB', () => {
    // Its words are objects while the logical line is read: counted by its physical lines, it was
    // let in from 58 MB and needed 77.
    const file = path.join(dir, 'continued.service');
    writeFileSync(file, '[Service]\nExecStart=/bin/true\nExecStartPre=/bin/a \\\n' + `${'a '.repeat(100)}\\\n`.repeat(5_100) + 'a\n');
    const small = runWithHeap(64, ['check', file]);
    assert.equal(small.signal, null, 'the process is not aborted');
    assert.equal(small.status, 2, small.stderr.slice(0, 500));
    assert.match(small.stderr, /too large to check/);
    const large = runWithHeap(256, ['check', file]);
    assert.equal(large.signal, null);
    assert.doesNotMatch(large.stderr, /too large to check|heap out of memory|FATAL/);
    assert.notEqual(large.status, 2, large.stderr.slice(0, 500));
  });

  test('`review` of two versions, each of which one check fits, is refused where both do not', () => {
    // Two files of 30,000 lines of ten unknown system calls: let in from 120 MB, needed 205.
    const old = unknownCallsUnit(dir, 30_000);
    const changed = path.join(dir, 'changed.service');
    writeFileSync(changed, readFileSync(old, 'utf8') + 'PrivateTmp=yes\n');
    const run = runWithHeap(150, ['review', old, changed]);
    assert.equal(run.signal, null, 'the process is not aborted');
    assert.equal(run.status, 2, run.stderr.slice(0, 500));
    assert.match(run.stderr, /too large to check/);
    const checked = runWithHeap(150, ['check', '--format', 'json', old]);
    assert.equal(checked.signal, null);
    assert.equal(checked.status, 1, 'one check of one version fits');
  });
});
