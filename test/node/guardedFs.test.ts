/** The guarded reader and writer: what they read, what they refuse, and how a write lands. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GuardError, readGuarded, Scope, writeGuarded } from '../../server/src/node/guardedFs';
import { collectInputs } from '../../server/src/cli/files';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'unitguard-guard-'));
  mkdirSync(join(dir, 'repo/sub'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'repo/a.service'), '[Service]\nExecStart=/bin/true\n');
  writeFileSync(join(dir, 'repo/sub/b.service'), '[Service]\nExecStart=/bin/false\n');
  writeFileSync(join(dir, 'repo/big.service'), 'x'.repeat(5000));
  writeFileSync(join(dir, 'outside/secret.service'), 'secret\n');
  symlinkSync('a.service', join(dir, 'repo/inside-link.service'));
  symlinkSync('../outside/secret.service', join(dir, 'repo/outside-link.service'));
  symlinkSync('/proc/self/pagemap', join(dir, 'repo/pagemap.service'));
  symlinkSync('/proc/self/status', join(dir, 'repo/status.service'));
  symlinkSync('/dev/zero', join(dir, 'repo/zero.service'));
  symlinkSync('../outside', join(dir, 'repo/vendor'));
  spawnSync('mkfifo', [join(dir, 'repo/fifo.service')]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('readGuarded', () => {
  const cases: { name: string; file: string; scope: () => Scope; max?: number; reads?: string; refuses?: RegExp }[] = [
    { name: 'a regular file', file: 'repo/a.service', scope: () => Scope.within([join(dir, 'repo')]), reads: '[Service]\nExecStart=/bin/true\n' },
    { name: 'a file in a subfolder', file: 'repo/sub/b.service', scope: () => Scope.within([join(dir, 'repo')]), reads: '[Service]\nExecStart=/bin/false\n' },
    { name: 'a link that stays inside', file: 'repo/inside-link.service', scope: () => Scope.within([join(dir, 'repo')]), reads: '[Service]\nExecStart=/bin/true\n' },
    { name: 'a link to a file outside', file: 'repo/outside-link.service', scope: () => Scope.within([join(dir, 'repo')]), refuses: /a link that leads outside/ },
    { name: 'a file through a linked folder outside', file: 'repo/vendor/secret.service', scope: () => Scope.within([join(dir, 'repo')]), refuses: /a link that leads outside/ },
    { name: 'a path outside the scope as written', file: 'outside/secret.service', scope: () => Scope.within([join(dir, 'repo')]), refuses: /a link that leads outside/ },
    { name: 'a link to /proc/self/pagemap', file: 'repo/pagemap.service', scope: () => Scope.within([join(dir, 'repo')]), refuses: /a link that leads outside/ },
    { name: 'a FIFO (no hang)', file: 'repo/fifo.service', scope: () => Scope.within([join(dir, 'repo')]), refuses: /not a regular file \(a FIFO\)/ },
    { name: 'a folder', file: 'repo/sub', scope: () => Scope.within([join(dir, 'repo')]), refuses: /not a regular file \(a folder\)/ },
    { name: 'a named link to /dev/zero', file: 'repo/zero.service', scope: () => Scope.anywhere(), refuses: /not a regular file \(a device\)/ },
    { name: 'a named link outside', file: 'repo/outside-link.service', scope: () => Scope.anywhere(), reads: 'secret\n' },
    // /proc files say 0 bytes: the limit holds while reading, not from stat.
    { name: 'a named /proc file past the limit', file: 'repo/status.service', scope: () => Scope.anywhere(), max: 64, refuses: /larger than 64 bytes/ },
    { name: 'a file past the limit', file: 'repo/big.service', scope: () => Scope.within([join(dir, 'repo')]), max: 4999, refuses: /larger than 4999 bytes/ },
    { name: 'a file at the limit', file: 'repo/big.service', scope: () => Scope.within([join(dir, 'repo')]), max: 5000, reads: 'x'.repeat(5000) },
  ];
  for (const c of cases) {
    it(`${c.reads !== undefined ? 'reads' : 'refuses'} ${c.name}`, () => {
      const path = join(dir, c.file);
      if (c.reads !== undefined) assert.equal(readGuarded(path, c.max ?? 1 << 20, c.scope()).toString('utf8'), c.reads);
      else assert.throws(() => readGuarded(path, c.max ?? 1 << 20, c.scope()), (e: unknown) => e instanceof GuardError && c.refuses!.test(e.message));
    });
  }

  it('stops a run whose byte budget is spent', () => {
    const budget = { bytesLeft: 6000 };
    const scope = Scope.within([join(dir, 'repo')], budget);
    readGuarded(join(dir, 'repo/big.service'), 1 << 20, scope);
    assert.equal(budget.bytesLeft, 1000);
    assert.throws(() => readGuarded(join(dir, 'repo/big.service'), 1 << 20, scope), (e: unknown) => e instanceof GuardError && e.kind === 'budget');
  });
});

describe('writeGuarded', () => {
  it('replaces a file inside the scope through a temporary file, keeping its mode', () => {
    const path = join(dir, 'repo/sub/w.service');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    writeGuarded(path, 'new\n', Scope.within([join(dir, 'repo')]));
    assert.equal(readFileSync(path, 'utf8'), 'new\n');
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(join(dir, 'repo/sub')).filter((n) => n.endsWith('.tmp')), []);
  });

  it('never writes through a link that leaves the scope', () => {
    for (const file of ['repo/outside-link.service', 'repo/vendor/secret.service']) {
      assert.throws(() => writeGuarded(join(dir, file), 'changed\n', Scope.within([join(dir, 'repo')])), /a link that leads outside/, file);
    }
    assert.equal(readFileSync(join(dir, 'outside/secret.service'), 'utf8'), 'secret\n');
  });
});

describe('collectInputs', () => {
  it('ends the walk at its limit of files and folders, as an error', () => {
    const collected = collectInputs(['repo'], dir, { maxEntries: 3 });
    assert.equal(collected.errors.length, 1);
    assert.match(collected.errors[0]?.message ?? '', /stopped after 3 files and folders/);
  });

  it('does not leave the folder named, and passes over FIFOs and devices', () => {
    const collected = collectInputs(['repo'], dir);
    assert.deepEqual(collected.errors, []);
    assert.deepEqual(
      collected.inputs.map((i) => (i.kind === 'file' ? i.path : '-')),
      // inside-link.service is a.service again; the FIFO and the link to /dev/zero are no files. w.service: written above.
      ['repo/a.service', 'repo/big.service', 'repo/sub/b.service', 'repo/sub/w.service'],
    );
    for (const link of ['outside-link.service', 'pagemap.service', 'status.service', 'vendor']) {
      assert.ok(collected.notes.includes(`skipping 'repo/${link}': a link that leads outside 'repo'`), `${link}: ${collected.notes.join('; ')}`);
    }
  });
});
