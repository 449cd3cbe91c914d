import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attached } from '../../server/src/core/memo/attached';
import { createUnitDocument, DEFAULT_SETTINGS } from '../../server/src/core';
import { modelFor } from '../../server/src/core/rules/index';
import { managerOf } from '../../server/src/core/model/manager';
import { pairContext } from '../../server/src/core/rules/pairings/context';
import { subjectLines } from '../../server/src/core/rules/pairings/engine';
import type { RuleContext } from '../../server/src/core/rules/context';

describe('a value kept on an object', () => {
  it('is found again on the same object only, and can be replaced', () => {
    const slot = attached<object, number>('test');
    const a = {};
    const b = {};
    assert.equal(slot.get(a), undefined);
    slot.set(a, 1);
    assert.equal(slot.get(a), 1);
    assert.equal(slot.get(b), undefined);
    slot.set(a, 2);
    assert.equal(slot.get(a), 2);
  });

  it('leaves the object looking as it did: same keys, same JSON, equal to a copy', () => {
    const slot = attached<object, string>('test');
    const object = { uri: 'file:///a.service', version: 3 };
    slot.set(object, 'kept');
    assert.deepEqual(Object.keys(object), ['uri', 'version']);
    assert.equal(JSON.stringify(object), '{"uri":"file:///a.service","version":3}');
    assert.deepEqual(object, { uri: 'file:///a.service', version: 3 });
  });

  it('keeps nothing on a frozen object, and does not throw', () => {
    const slot = attached<object, number>('test');
    const frozen = Object.freeze({});
    slot.set(frozen, 1);
    assert.equal(slot.get(frozen), undefined);
  });

  it('two slots of the same description are separate', () => {
    const one = attached<object, number>('same');
    const two = attached<object, number>('same');
    const object = {};
    one.set(object, 1);
    two.set(object, 2);
    assert.equal(one.get(object), 1);
    assert.equal(two.get(object), 2);
  });
});

describe('the pair context of a unit', () => {
  const contextOf = (text: string): RuleContext => {
    const document = createUnitDocument('file:///etc/systemd/system/a.service', text);
    const model = modelFor(document);
    return { document, model, settings: DEFAULT_SETTINGS, type: 'service', manager: managerOf(document.uri), report: () => undefined };
  };

  // A getter of its own per unit gives every context an object shape of its own, which the
  // garbage collector keeps with the whole unit well past its use (see pairings/context.ts).
  it('reads the system call filter through one getter shared by every unit', () => {
    const a = pairContext(contextOf('[Service]\nSystemCallFilter=@system-service\n'), () => true, subjectLines);
    const b = pairContext(contextOf('[Service]\nSystemCallFilter=~@mount\n'), () => true, subjectLines);
    const getterOf = (o: object) => Object.getOwnPropertyDescriptor(o, 'filter')?.get;
    assert.ok(getterOf(a));
    assert.equal(getterOf(a), getterOf(b));
    assert.equal(a.filter.mode, 'allow');
    assert.equal(b.filter.mode, 'deny');
    // Worked out once, and copied as a plain value by Object.assign.
    assert.equal(a.filter, a.filter);
    assert.equal(Object.assign({}, a).filter, a.filter);
  });
});
