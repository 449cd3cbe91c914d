import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressFamilies, addressFamilyKeywords, capabilities, namespaces, syscallGroup, syscallGroupNames } from '../../server/src/core/kb';
import { readTable } from './support';

describe('system call groups', () => {
  const facts = readTable('facts/v262-syscall-groups.tsv', { header: true, columns: 3 });

  it('has the 30 groups of the facts list', () => {
    assert.deepEqual([...syscallGroupNames].sort(), facts.map(([g]) => g).sort());
  });

  for (const [group, direct, expanded] of facts)
    it(`${group}: ${direct} listed, ${expanded} with nested groups`, () => {
      const g = syscallGroup(group)!;
      assert.equal(g.direct.length, Number(direct));
      assert.equal(g.members.length, Number(expanded));
      assert.equal(new Set(g.members).size, g.members.length);
    });

  it('@system-service contains the members of its nested groups', () => {
    const service = syscallGroup('@system-service')!;
    assert.ok(service.nested.includes('@file-system') && service.nested.includes('@default'));
    const members = new Set(service.members);
    for (const nested of service.nested) for (const call of syscallGroup(nested)!.members) assert.ok(members.has(call), `${nested}: ${call}`);
    // through @default, which nests @sandbox
    for (const call of syscallGroup('@sandbox')!.members) assert.ok(members.has(call), call);
    assert.ok(members.has('openat') && members.has('execve'));
    assert.ok(!members.has('mount'), '@mount is not part of @system-service');
  });

  it('unknown groups give undefined', () => {
    assert.equal(syscallGroup('@service'), undefined);
    assert.equal(syscallGroup('system-service'), undefined);
  });
});

describe('capabilities, address families, namespaces', () => {
  it('has 41 capabilities numbered 0..40', () => {
    assert.equal(capabilities.length, 41);
    assert.deepEqual(capabilities.map((c) => c.number), [...Array(41).keys()]);
    assert.equal(capabilities.find((c) => c.name === 'CAP_SYS_ADMIN')?.number, 21);
    assert.equal(capabilities[40].name, 'CAP_CHECKPOINT_RESTORE');
  });

  it('has 48 address families with their aliases, plus none', () => {
    assert.equal(addressFamilies.length, 48);
    const unix = addressFamilies.find((f) => f.name === 'AF_UNIX')!;
    assert.equal(unix.aliasOf, 'AF_FILE');
    assert.equal(unix.number, 1);
    assert.equal(addressFamilies.find((f) => f.name === 'AF_ROUTE')?.aliasOf, 'AF_NETLINK');
    assert.equal(addressFamilies.find((f) => f.name === 'AF_INET6')?.aliasOf, undefined);
    for (const f of addressFamilies.filter((x) => x.aliasOf))
      assert.equal(addressFamilies.find((x) => x.name === f.aliasOf)?.number, f.number, f.name);
    assert.deepEqual(addressFamilyKeywords, ['none']);
  });

  it('has the 8 namespace types', () => {
    assert.deepEqual(namespaces.map((n) => n.name), ['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts', 'time']);
    assert.equal(namespaces.find((n) => n.name === 'mnt')?.cloneFlag, 'CLONE_NEWNS');
  });
});
