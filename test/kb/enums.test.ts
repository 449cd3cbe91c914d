import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { booleanValue, directiveRows, enumValues, getDirective } from '../../server/src/core/kb';
import { orNone, readTable } from './support';

describe('enumerated values', () => {
  for (const [name, values, yes] of readTable('fixtures/enum-values.tsv', { columns: 3 })) {
    it(`${name}= accepts ${values}`, () => {
      const info = enumValues(name)!;
      assert.ok(info, name);
      const plain = info.values.filter((v) => !v.form && !v.canonical).map((v) => v.value);
      assert.deepEqual(plain, values.split(' '));
      assert.equal(info.booleanTrue, orNone(yes));
      assert.equal(info.booleanFalse, yes === '-' ? undefined : 'no');
    });
  }

  const spellings: Array<[string, boolean | undefined]> = [
    ['yes', true], ['Y', true], ['TRUE', true], ['t', true], ['On', true], ['1', true],
    ['no', false], ['N', false], ['False', false], ['f', false], ['OFF', false], ['0', false],
    ['', undefined], ['2', undefined], ['yess', undefined], ['enable', undefined], [' yes', undefined],
  ];
  for (const [text, value] of spellings) it(`boolean spelling ${JSON.stringify(text)} is ${value}`, () => assert.equal(booleanValue(text), value));

  it('PrivateTmp=yes means connected, a value the man page does not spell out', () => {
    const info = enumValues('PrivateTmp')!;
    assert.equal(info.booleanTrue, 'connected');
    assert.equal(info.values.find((v) => v.value === 'connected')?.undocumented, true);
    assert.equal(info.values.find((v) => v.value === 'disconnected')?.undocumented, undefined);
  });

  it('every enum-kind setting has its values, and every value table belongs to a setting', () => {
    const enumKinds = [...new Set(directiveRows.filter((r) => r.valueKind.forms.some((f) => f.type === 'enum')).map((r) => r.name))];
    assert.deepEqual(enumKinds.filter((n) => !enumValues(n)), []);
    assert.ok(enumKinds.length >= 50);
  });

  it('keeps prefixed and call-style forms apart from plain words', () => {
    const stdout = enumValues('StandardOutput')!;
    const prefixed = stdout.values.filter((v) => v.form === 'prefixed').map((v) => `${v.value}${v.placeholder}`);
    assert.deepEqual(prefixed, ['fd:NAME', 'file:PATH', 'append:PATH', 'truncate:PATH']);
    const firmware = enumValues('ConditionFirmware')!.values.filter((v) => v.form === 'call');
    assert.deepEqual(firmware.map((v) => [v.value, v.placeholder]), [['device-tree-compatible', 'VALUE'], ['smbios-field', 'FIELD OP VALUE']]);
    assert.equal(enumValues('ConditionFirmware')!.values.find((v) => v.value === 'uefi')?.form, undefined);
  });

  it('records list syntax, negation and numeric forms', () => {
    assert.equal(enumValues('RestrictNamespaces')!.tilde, 'invert');
    assert.equal(enumValues('RestrictNamespaces')!.list, true);
    assert.equal(enumValues('RefreshOnReload')!.tilde, 'remove');
    assert.equal(enumValues('ConditionVirtualization')!.negatable, true);
    assert.equal(enumValues('ConditionVirtualization')!.acceptsBoolean, true);
    assert.equal(enumValues('IOSchedulingClass')!.numeric, true);
    assert.deepEqual(enumValues('BPFDelegateCommands')!.requires, { directive: 'PrivateBPF', value: 'yes' });
    assert.equal(enumValues('SystemCallArchitectures')!.buildDependent, true);
    assert.equal(enumValues('FailureAction')!.managerDependent, true);
  });

  it('marks deprecated values, and accepts legacy spellings with their current value', () => {
    assert.equal(enumValues('KillMode')!.values.find((v) => v.value === 'none')?.deprecated, true);
    assert.equal(enumValues('KillMode')!.values.find((v) => v.value === 'mixed')?.deprecated, undefined);
    const syslog = enumValues('StandardOutput')!.values.find((v) => v.value === 'syslog');
    assert.deepEqual(syslog, { value: 'syslog', canonical: 'journal', deprecated: true, undocumented: true });
  });

  it('has no values for a setting systemd does not know', () => {
    assert.equal(getDirective('AssertFirmware'), undefined);
    assert.equal(enumValues('AssertFirmware'), undefined);
    assert.equal(enumValues('User'), undefined);
  });
});
