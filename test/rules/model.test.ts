import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUnitDocument } from '../../server/src/core';
import { managerOf } from '../../server/src/core/model/manager';
import { UnitModel } from '../../server/src/core/model/unitModel';

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
});
