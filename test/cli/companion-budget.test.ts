/**
 * The files read alongside a unit (its drop-ins, or a drop-in's unit and the other drop-ins) have
 * a budget in all, and count with the unit against the memory the process has left: hundreds of
 * drop-ins of just under 1 MiB each took a check past its heap limit, where Node aborts. Past the
 * budget every command that reads them exits 2 with a one-line message that gives the numbers.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GuardError } from '../../server/src/node/guardedFs';
import { BYTES_PER_COMPANION, CompanionBudget, COMPANIONS_MAX_BYTES, COMPANIONS_MAX_LINES } from '../../server/src/node/companionBudget';
import { checkCost, estimatedFor } from '../../server/src/node/memoryRoom';
import { FOLDER_MAX_NAMES } from '../../server/src/node/guardedFs';
import { repoRoot, runCli, tempFolder } from './cliHarness';

const UNIT = '[Service]\nExecStart=/bin/true\n';

describe('the budget of the files read alongside a unit', () => {
  const room = 1e12;
  const cases: Array<{ name: string; files: Array<[bytes: number, lines: number]>; heldCost?: number; room?: number; refused?: RegExp }> = [
    { name: 'a few small drop-ins', files: [[40, 2], [60, 3]] },
    { name: 'exactly the bytes and lines allowed', files: [[COMPANIONS_MAX_BYTES / 2, COMPANIONS_MAX_LINES / 2], [COMPANIONS_MAX_BYTES / 2, COMPANIONS_MAX_LINES / 2]] },
    {
      name: 'one byte more than allowed in all',
      files: [[COMPANIONS_MAX_BYTES, 10], [1, 1]],
      refused: /^too large to check with its drop-ins: the files read alongside it pass 100,000 lines or 8 MiB in all \(2 files of 11 lines and 8 MB so far\)$/,
    },
    {
      name: 'one line more than allowed in all',
      files: [[1000, COMPANIONS_MAX_LINES], [10, 1]],
      refused: /pass 100,000 lines or 8 MiB in all \(2 files of 100,001 lines and 1 MB so far\)$/,
    },
    {
      name: 'files that each fit but not with the unit in the memory left',
      files: [[1000, 10_000], [1000, 10_000]],
      heldCost: checkCost({ lines: 20_000, bytes: 1000, blanks: 0, allBlanks: 0, extraEquals: 0 }),
      room: checkCost({ lines: 35_000, bytes: 3000, blanks: 0, allBlanks: 0, extraEquals: 0 }) + 2 * BYTES_PER_COMPANION,
      refused: /with the files read alongside it \(2 files of 20,000 lines and 1 MB so far\) it may need up to 104 MB of memory, and this process has 91 MB left/,
    },
  ];
  for (const c of cases) {
    test(`${c.name}: ${c.refused ? 'refused' : 'read'}`, () => {
      const budget = new CompanionBudget(c.heldCost ?? 0, c.room ?? room);
      const takeAll = (): void => {
        for (const [bytes, lines] of c.files) budget.take({ bytes, lines, blanks: 0, allBlanks: 0, extraEquals: 0 });
      };
      if (!c.refused) return takeAll();
      assert.throws(takeAll, (error: unknown) => error instanceof GuardError && error.kind === 'too-large' && c.refused!.test(error.message));
    });
  }
});

describe('a unit with more drop-ins than its budget', () => {
  let tmp: ReturnType<typeof tempFolder>;
  before(() => {
    tmp = tempFolder('companions');
    // 12 drop-ins of 10,000 lines: each far below 1 MiB, 120,000 lines in all.
    mkdirSync(path.join(tmp.dir, 'm/a.service.d'), { recursive: true });
    writeFileSync(path.join(tmp.dir, 'm/a.service'), UNIT);
    const dropIn = '[Service]\n' + 'Nice=1\n'.repeat(10_000);
    for (let i = 0; i < 12; i++) writeFileSync(path.join(tmp.dir, `m/a.service.d/${String(i).padStart(2, '0')}.conf`), dropIn);
  });
  after(() => tmp.remove());

  const refusal = /too large to check with its drop-ins: the files read alongside it pass 100,000 lines or 8 MiB in all \(10 files of 100,020 lines and 1 MB so far\)/;
  const commands: Array<{ args: string[]; stderr: RegExp }> = [
    { args: ['check', 'm/a.service'], stderr: new RegExp(`^unitguard: cannot read 'm/a\\.service': ${refusal.source}$`, 'm') },
    // In a folder walk each drop-in is checked with the unit and the other drop-ins.
    { args: ['check', '--format', 'json', 'm'], stderr: /^unitguard: cannot read 'm\/a\.service\.d\/00\.conf': too large to check with its drop-ins: .* \(11 files of 100,023 lines/m },
    { args: ['harden', '--dry-run', 'm/a.service'], stderr: new RegExp(`^unitguard: cannot read 'm/a\\.service': ${refusal.source}$`, 'm') },
    { args: ['security', 'm/a.service'], stderr: /^unitguard: m\/a\.service: cannot be read \(.*09\.conf: too large to check with its drop-ins: .*\(10 files of 100,020 lines/m },
    { args: ['review', 'm/a.service', 'm/a.service'], stderr: new RegExp(`^unitguard: cannot review 'm/a\\.service': ${refusal.source}$`, 'm') },
  ];
  for (const c of commands) {
    test(`\`${c.args.join(' ')}\` exits 2 with the numbers`, () => {
      const run = runCli(c.args, { cwd: tmp.dir });
      assert.equal(run.status, 2, run.stderr.slice(0, 500));
      assert.match(run.stderr, c.stderr);
    });
  }

  test('in a heap of 128 MB, drop-ins within the budget that do not fit with the unit are refused, not aborted', () => {
    const small = tempFolder('companions-heap');
    try {
      // Nine drop-ins of 11,000 lines: within the budget, about 250 MB to check by the estimate of
      // a command that tries fixes; a report (text output) takes about a quarter of that, and fits.
      mkdirSync(path.join(small.dir, 'a.service.d'));
      writeFileSync(path.join(small.dir, 'a.service'), UNIT);
      for (let i = 0; i < 9; i++) writeFileSync(path.join(small.dir, `a.service.d/${i}.conf`), '[Service]\n' + 'Nice=1\n'.repeat(11_000));
      const check = (...args: string[]) =>
        spawnSync(process.execPath, ['--max-old-space-size=128', path.join(repoRoot, 'bin/unitguard.js'), 'check', ...args, 'a.service'], { cwd: small.dir, encoding: 'utf8', timeout: 120_000 });
      const refused = check('--format', 'json');
      assert.equal(refused.signal, null);
      assert.equal(refused.status, 2, refused.stderr.slice(0, 500));
      assert.match(refused.stderr, /^unitguard: cannot read 'a\.service': too large to check with its drop-ins: with the files read alongside it \(\d files of [\d,]+ lines and \d MB so far\) it may need up to \d+ MB of memory, and this process has \d+ MB left/m);
      const reported = check();
      assert.equal(reported.signal, null, 'the process is not aborted');
      assert.doesNotMatch(reported.stderr, /too large to check|heap out of memory|FATAL/);
      assert.equal(reported.status, 0, reported.stderr.slice(0, 500));
    } finally {
      small.remove();
    }
  });
});

describe('a drop-in folder of many files', () => {
  let tmp: ReturnType<typeof tempFolder>;
  /** A unit with `count` empty drop-ins in `folder`. */
  const unitWith = (folder: string, count: number): void => {
    mkdirSync(path.join(tmp.dir, folder, 'a.service.d'), { recursive: true });
    writeFileSync(path.join(tmp.dir, folder, 'a.service'), UNIT);
    for (let i = 0; i < count; i++) writeFileSync(path.join(tmp.dir, folder, `a.service.d/${String(i).padStart(5, '0')}.conf`), '');
  };
  before(() => {
    tmp = tempFolder('companions-many');
    unitWith('names', FOLDER_MAX_NAMES + 1);
    unitWith('files', 8_000);
  });
  after(() => tmp.remove());

  const withHeap = (heapMb: number, args: string[]) =>
    spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(repoRoot, 'bin/unitguard.js'), ...args], { cwd: tmp.dir, encoding: 'utf8', timeout: 120_000 });

  // A hundred thousand names took a process of 56 MB past its heap while they were listed.
  for (const args of [['check', 'names/a.service'], ['security', 'names/a.service']]) {
    test(`more names than ${FOLDER_MAX_NAMES.toLocaleString('en-US')}: \`${args.join(' ')}\` says so, with exit 2, in a heap of 32 MB`, () => {
      const run = withHeap(32, args);
      assert.equal(run.signal, null, 'the process is not aborted');
      assert.equal(run.status, 2, run.stderr.slice(0, 500));
      assert.match(run.stderr, /too many files to check with its drop-ins: 'a\.service\.d' holds more than 10,000 names/);
    });
  }

  test('each file read alongside counts besides its lines: 8,000 empty drop-ins are refused in a heap of 24 MB, and read in one of 128 MB', () => {
    const small = withHeap(24, ['check', 'files/a.service']);
    assert.equal(small.signal, null, 'the process is not aborted');
    assert.equal(small.status, 2, small.stderr.slice(0, 500));
    assert.match(small.stderr, /too large to check with its drop-ins: with the files read alongside it \([\d,]+ files of [\d,]+ lines/);
    const large = withHeap(128, ['check', 'files/a.service']);
    assert.equal(large.signal, null);
    assert.equal(large.status, 0, large.stderr.slice(0, 500));
  });

  test('the budget counts each file at its own cost besides its size', () => {
    estimatedFor({ triesFixes: false, problemLimit: 0 }, () => {
      const inRoom = new CompanionBudget(0, 3 * BYTES_PER_COMPANION + checkCost({ bytes: 0, lines: 3, blanks: 0, allBlanks: 0, extraEquals: 0 }));
      for (let i = 0; i < 3; i++) inRoom.take({ bytes: 0, lines: 1, blanks: 0, allBlanks: 0, extraEquals: 0 });
      assert.throws(() => inRoom.take({ bytes: 0, lines: 1, blanks: 0, allBlanks: 0, extraEquals: 0 }), /it may need up to/);
    });
  });
});
