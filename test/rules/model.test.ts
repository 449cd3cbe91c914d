import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUnitDocument, type UnitDocument } from '../../server/src/core';
import { managerOf } from '../../server/src/core/model/manager';
import { MODEL_FACTS, UnitModel } from '../../server/src/core/model/unitModel';
import { knownKeyPlaces } from '../../server/src/core/syntax/keyPlaces';

const unit = (text: string, uri = 'file:///etc/systemd/system/app.service') => createUnitDocument(uri, text);
const dropIn = (name: string, text: string) => createUnitDocument(`file:///etc/systemd/system/app.service.d/${name}`, text);

describe('UnitModel', () => {
  it('reads drop-ins after the unit, in file-name order', () => {
    const model = UnitModel.build(unit('[Service]\nUser=a\n'), [dropIn('20-b.conf', '[Service]\nUser=c\n'), dropIn('10-a.conf', '[Service]\nUser=b\n')]);
    assert.deepEqual(model.assignments('User').map((a) => a.entry.value), ['a', 'b', 'c']);
    assert.equal(model.last('User')?.entry.value, 'c');
    assert.equal(model.complete, true);
  });

  it('clears a list at an empty assignment, across files', () => {
    const model = UnitModel.build(unit('[Service]\nReadWritePaths=/a\nReadWritePaths=/b\n'), [dropIn('10.conf', '[Service]\nReadWritePaths=\nReadWritePaths=/c\n')]);
    assert.deepEqual(model.values('Service', 'ReadWritePaths'), ['/c']);
  });

  it('clears settings that share one list (BindPaths= and BindReadOnlyPaths=)', () => {
    const model = UnitModel.build(unit('[Service]\nBindPaths=/a\nBindReadOnlyPaths=/b\nBindReadOnlyPaths=\n'));
    assert.deepEqual(model.values('Service', 'BindPaths'), []);
    assert.deepEqual(model.values('Service', 'BindReadOnlyPaths'), []);
  });

  it('keeps the first assignment of first-wins settings', () => {
    const model = UnitModel.build(unit('[Timer]\nOnCalendar=daily\nUnit=a.service\nUnit=b.service\n', 'file:///etc/systemd/system/app.timer'));
    assert.equal(model.value('Timer', 'Unit'), 'a.service');
  });

  it('leaves out lines systemd does not take: unknown keys, wrong sections, malformed headers', () => {
    const model = UnitModel.build(unit('[Service]\nFrobnicate=1\nAfter=x.service\n[Unit\nUser=x\n[Service]\nUser=app\n'));
    assert.equal(model.has('Frobnicate'), false);
    assert.equal(model.has('After'), false);
    assert.deepEqual(model.assignments('User').map((a) => a.entry.value), ['app']);
  });

  it('leaves out lines the filter rejects', () => {
    const model = UnitModel.build(unit('[Service]\nUser=a\nUser=b\n'), [], (entry) => entry.value !== 'b');
    assert.equal(model.last('User')?.entry.value, 'a');
  });

  it('marks a model of drop-ins without their unit as incomplete', () => {
    const model = UnitModel.fromDropIns([dropIn('20.conf', '[Service]\nUser=b\n'), dropIn('10.conf', '[Service]\nUser=a\n')]);
    assert.equal(model.complete, false);
    assert.equal(model.type, 'service');
    assert.equal(model.last('User')?.entry.value, 'b');
    assert.throws(() => UnitModel.fromDropIns([]));
  });

  it('tells the per-user manager by the folder', () => {
    const cases: [string, string][] = [
      ['file:///usr/lib/systemd/user/app.service', 'user'],
      ['file:///home/me/.config/systemd/user/app.service', 'user'],
      ['file:///etc/systemd/user/app.service.d/x.conf', 'user'],
      ['/etc/systemd/system/app.service', 'system'],
      ['file:///srv/user/app.service', 'system'],
      ['untitled:Untitled-1', 'system'],
    ];
    for (const [uri, kind] of cases) assert.equal(managerOf(uri), kind, uri);
  });

  describe('the lines found for a setting, however they are found', () => {
    /** What a model says of one setting, comparable across models. */
    const said = (model: UnitModel, name: string) => ({
      all: model.assignments(name).map((a) => [a.entry.startOffset, a.section, a.order, a.document.uri]),
      effective: model.effective(name).map((a) => a.entry.startOffset),
    });
    const TEXT = '[Unit]\nAfter=a.service\n[Service]\nReadWritePaths=/a\nUser=x\nReadWritePaths=\nReadWritePaths=/b\nBindPaths=/c\nBindReadOnlyPaths=\nUser=y\nFrobnicate=1\n[Install]\nWantedBy=multi-user.target\n';
    const NAMES = ['After', 'ReadWritePaths', 'User', 'BindPaths', 'BindReadOnlyPaths', 'Frobnicate', 'WantedBy', 'ExecStart'];

    /** A model that indexes its own lines: one of every key the documents have. */
    const indexing = (document: UnitDocument, dropIns: UnitDocument[] = []) =>
      UnitModel.build(document, dropIns, undefined, new Set([document, ...dropIns].flatMap((d) => d.tree.sections.flatMap((s) => s.entries.map((e) => e.key)))));

    it('a short unit: the lines found by going through them, then by an index, are those of an index made at once', () => {
      const document = unit(TEXT);
      const read = UnitModel.build(document);
      // The first eight names read are found by going through the lines; the rest from the index.
      for (const name of [...NAMES, ...NAMES]) assert.deepEqual(said(read, name), said(indexing(document), name), name);
      assert.deepEqual(said(read, 'ReadWritePaths').effective.length, 1);
      assert.deepEqual(said(read, 'User').all.length, 2);
    });

    it('a long unit and its drop-ins: the lines found where the trees say they are, are those of an index', () => {
      // Long enough to be read by places: the unit's lines after 300 lines of a section of their own.
      const document = unit(`[X-Filler]\n${Array.from({ length: 300 }, (_, i) => `X-Key${i}=${i}`).join('\n')}\n${TEXT}`);
      const dropIns = [
        createUnitDocument('file:///etc/systemd/system/app.service.d/10-a.conf', '[Service]\nUser=z\nReadWritePaths=/d\n[Broken\nUser=w\n'),
        createUnitDocument('file:///etc/systemd/system/app.service.d/20-b.conf', '[Service]\nReadWritePaths=\nBindPaths=/e\n'),
      ];
      const placed = UnitModel.build(document, dropIns);
      const indexed = indexing(document, dropIns);
      for (const name of [...NAMES, ...NAMES]) assert.deepEqual(said(placed, name), said(indexed, name), name);
      assert.deepEqual([...placed.keysFor(MODEL_FACTS.settingsInForce)], [...indexed.keysFor(MODEL_FACTS.settingsInForce)]);
      for (const key of ['User', 'X-Key7', 'ReadWritePaths']) assert.deepEqual(placed.written(key), indexed.written(key), key);
      // The drop-ins' lines count, after the unit's; the malformed section's do not.
      assert.deepEqual(said(placed, 'User').all.length, 3);
      assert.deepEqual(said(placed, 'ReadWritePaths').effective.length, 0);
      assert.ok(knownKeyPlaces(document.tree) !== undefined, 'the long unit was read by places');
    });

    it('a model of a few keys says of them what the whole model says, and nothing of others', () => {
      const document = unit(TEXT);
      const keys = new Set(['ReadWritePaths', 'User', 'BindReadOnlyPaths']);
      const takes = (entry: { key: string }) => keys.has(entry.key);
      const whole = UnitModel.build(document, [], takes);
      const few = UnitModel.build(document, [], takes, keys);
      for (const name of NAMES) assert.deepEqual(said(few, name), said(whole, name), name);
      assert.deepEqual(said(few, 'ReadWritePaths').effective.length, 1);
      assert.deepEqual(said(few, 'After').all, []);
    });
  });
});

