import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capabilities, getDirective, securityTests, syscallGroup } from '../../server/src/core/kb';

describe('security tests', () => {
  it('has the 81 checks in order, weights adding up to 56460', () => {
    assert.equal(securityTests.length, 81);
    assert.deepEqual(securityTests.map((t) => t.order), [...Array(81).keys()].map((i) => i + 1));
    assert.equal(securityTests.reduce((s, t) => s + t.weight, 0), 56460);
    assert.equal(new Set(securityTests.map((t) => t.jsonField)).size, 81);
  });

  it('names only real settings, capabilities and groups', () => {
    const caps = new Set(capabilities.map((c) => c.name));
    for (const t of securityTests) {
      for (const d of t.directives) assert.ok(getDirective(d), `${t.id}: ${d}`);
      if (t.target.kind === 'capabilities') for (const c of t.target.names) assert.ok(caps.has(c), `${t.id}: ${c}`);
      if (t.target.kind === 'syscall-group') assert.ok(syscallGroup(t.target.group), t.id);
    }
  });

  const caps: Array<[string, string[]]> = [
    ['CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP)', ['CAP_SETGID', 'CAP_SETUID', 'CAP_SETPCAP']],
    ['CapabilityBoundingSet=~CAP_AUDIT_*', ['CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_AUDIT_READ']],
    ['CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)', ['CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_IPC_OWNER']],
    ['CapabilityBoundingSet=~CAP_MAC_*', ['CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN']],
    ['CapabilityBoundingSet=~CAP_SYS_ADMIN', ['CAP_SYS_ADMIN']],
  ];
  for (const [id, names] of caps)
    it(`${id} covers ${names.join(' ')}`, () => {
      const t = securityTests.find((x) => x.id === id)!;
      assert.equal(t.target.kind, 'capabilities');
      if (t.target.kind === 'capabilities') assert.deepEqual([...t.target.names].sort(), [...names].sort());
    });

  it('structures the other targets', () => {
    const byId = (id: string) => securityTests.find((x) => x.id === id)!;
    assert.deepEqual(byId('RestrictNamespaces=~user').target, { kind: 'namespace', name: 'user' });
    assert.deepEqual(byId('RestrictAddressFamilies=~AF_(INET|INET6)').target, { kind: 'address-families', names: ['AF_INET', 'AF_INET6'] });
    assert.deepEqual(byId('RestrictAddressFamilies=~…').target, {
      kind: 'other-address-families',
      except: ['AF_INET', 'AF_INET6', 'AF_NETLINK', 'AF_PACKET', 'AF_UNIX'],
    });
    assert.deepEqual(byId('SystemCallFilter=~@swap').target, { kind: 'syscall-group', group: '@swap' });
    assert.deepEqual(byId('User=/DynamicUser=').target, { kind: 'settings', directives: ['User', 'DynamicUser'] });
    assert.equal(byId('SystemCallFilter=~@swap').buildCondition, 'HAVE_SECCOMP');
    assert.equal(byId('PrivateTmp=').buildCondition, undefined);
  });

  it('structures when a check is not scored', () => {
    const byId = (id: string) => securityTests.find((x) => x.id === id)!;
    assert.deepEqual(byId('PrivateTmp=').notScoredWhen, ['default-dependencies-no']);
    assert.deepEqual(byId('SupplementaryGroups=').notScoredWhen, ['runs-as-root']);
    assert.deepEqual(byId('RemoveIPC=').notScoredWhen, ['user-manager', 'runs-as-root']);
    assert.deepEqual(byId('NoNewPrivileges=').notScoredWhen, []);
    assert.equal(securityTests.filter((t) => t.notScoredWhen.includes('default-dependencies-no')).length, 4);
  });
});
