import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument } from '../../server/src/core';
import { modelFor } from '../../server/src/core/rules';
import { commandLines, keepSplits, keptSplitCount, releaseCommandLines } from '../../server/src/core/rules/breakage/commandLines';

function linesOf(text: string, name = 'file:///etc/systemd/system/web.service'): ReturnType<typeof commandLines> {
  return commandLines(modelFor(createUnitDocument(name, text)));
}

const EXEC = 'ExecStart=-/usr/bin/web --root "$ROOT" ${PORT} \'a b\'\nExecStartPre=+/bin/sh -c \'echo 1 > /proc/sys/x\'\n';

describe('command lines split once per value', () => {
  it('gives the same lines for the same text, the second time from what was split the first', () => {
    const text = `[Service]\nEnvironment=ROOT=/srv PORT=80\n${EXEC}`;
    const first = linesOf(text).map(({ line, uses, ...rest }) => ({ ...rest, line: line.entry.value, uses: uses.map((u) => u.name) }));
    const again = linesOf(text).map(({ line, uses, ...rest }) => ({ ...rest, line: line.entry.value, uses: uses.map((u) => u.name) }));
    assert.deepEqual(again, first);
    assert.deepEqual(first[0], {
      line: '-/usr/bin/web --root "$ROOT" ${PORT} \'a b\'',
      setting: 'ExecStart',
      prefix: '-',
      argv: ['/usr/bin/web', '--root', '/srv', '80', 'a b'],
      program: 'web',
      script: [],
      uses: ['ROOT', 'PORT'],
    });
    assert.equal(first[1].prefix, '+');
    assert.deepEqual(first[1].script, ['echo', '1', '>', '/proc/sys/x']);
  });

  it('fills in each unit\'s own variables into the same command line', () => {
    const a = linesOf(`[Service]\nEnvironment=ROOT=/srv PORT=80\n${EXEC}`);
    const b = linesOf(`[Service]\nEnvironment=ROOT=/var/www\n${EXEC}`);
    assert.deepEqual(a[0].argv, ['/usr/bin/web', '--root', '/srv', '80', 'a b']);
    assert.deepEqual(b[0].argv, ['/usr/bin/web', '--root', '/var/www', '${PORT}', 'a b']);
    assert.deepEqual(b[0].uses.map((u) => u.name), ['ROOT']);
    // What one unit's lines hold is its own: changing it leaves the other's alone.
    a[0].argv.push('changed');
    assert.deepEqual(linesOf(`[Service]\nEnvironment=ROOT=/var/www\n${EXEC}`)[0].argv, ['/usr/bin/web', '--root', '/var/www', '${PORT}', 'a b']);
  });

  it('binds the variables of the same Environment= line to each unit\'s own line', () => {
    const text = `[Service]\nEnvironment=ROOT=/srv PORT=80\n${EXEC}`;
    const a = linesOf(text, 'file:///etc/systemd/system/a.service');
    const b = linesOf(text, 'file:///etc/systemd/system/b.service');
    assert.deepEqual(b[0].uses.map((u) => [u.name, u.value]), [['ROOT', '/srv'], ['PORT', '80']]);
    assert.notEqual(a[0].uses[0].line, b[0].uses[0].line);
    assert.equal(b[0].uses[0].line.document.uri, 'file:///etc/systemd/system/b.service');
  });
});

describe("an editor's next version splits only the command lines whose text is new", () => {
  const URI = 'file:///etc/systemd/system/many.service';
  // More different lines than the cache of recent values holds.
  const COUNT = 3000;
  const unitText = (edited?: number): string =>
    `[Service]\nExecStart=/usr/bin/main\n${Array.from({ length: COUNT }, (_, i) => `ExecStartPre=/usr/bin/step --number ${i}${i === edited ? ' --edited' : ''}\n`).join('')}`;
  const model = (text: string) => modelFor(createUnitDocument(URI, text));

  it('takes over the earlier version splits, and makes the edited line its own', () => {
    const first = model(unitText());
    keepSplits(first, undefined);
    const before = commandLines(first);
    releaseCommandLines(first);
    const next = model(unitText(1500));
    keepSplits(next, first);
    const after = commandLines(next);
    assert.equal(after.length, before.length);
    const shared = after.filter((c, i) => c.argv === before[i].argv).length;
    assert.equal(shared, COUNT);
    assert.deepEqual(after[1501].argv, ['/usr/bin/step', '--number', '1500', '--edited']);
    assert.deepEqual(
      after.map((c) => c.argv.join(' ')),
      commandLines(model(unitText(1500))).map((c) => c.argv.join(' ')),
    );
  });

  it('a version that splits no command line hands the earlier splits on', () => {
    const first = model(unitText());
    keepSplits(first, undefined);
    const before = commandLines(first);
    releaseCommandLines(first);
    const quiet = model(unitText());
    keepSplits(quiet, first);
    releaseCommandLines(quiet);
    const next = model(unitText(7));
    keepSplits(next, quiet);
    const after = commandLines(next);
    assert.equal(after.filter((c, i) => c.argv === before[i].argv).length, COUNT);
  });

  it('lets go of the values no line has any more once they are as many as the lines', () => {
    const text = (n: number) => `[Service]\nExecStart=/usr/bin/main ${n}\n${Array.from({ length: 10 }, (_, i) => `ExecStartPre=/usr/bin/step ${i}\n`).join('')}`;
    let last: ReturnType<typeof model> | undefined;
    let most = 0;
    for (let n = 0; n < 3000; n++) {
      const next = model(text(n));
      keepSplits(next, last);
      commandLines(next);
      releaseCommandLines(next);
      most = Math.max(most, keptSplitCount(next));
      last = next;
    }
    assert.ok(most <= 2 * 11 + 1024 + 1, `kept ${most}`);
    assert.ok(keptSplitCount(last as ReturnType<typeof model>) >= 11);
  });

  it('without an earlier version, the lines are split as before', () => {
    const first = model(unitText());
    const before = commandLines(first);
    const next = model(unitText(1500));
    keepSplits(next, first);
    const after = commandLines(next);
    // The first model kept nothing: only the last values split are still in the cache of recent ones.
    assert.ok(after.filter((c, i) => c.argv === before[i].argv).length < COUNT);
  });
});
