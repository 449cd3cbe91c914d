import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directiveNames, directiveRow, getDirective, pairingIds, pairings, pairingsFor, type PairingSetting } from '../../server/src/core/kb';

const settingsOf = (p: (typeof pairings)[number]): PairingSetting[] => [
  p.subject,
  ...p.objects.flatMap((o) => (o.kind === 'settings' ? o.settings : [])),
];

describe('pairings', () => {
  it('has 341 rows with unique ids', () => {
    assert.equal(pairings.length, 341);
    assert.equal(new Set(pairings.map((p) => p.id)).size, 341);
  });

  it('the ids the rule registry reads are the table\'s, in its order', () => {
    assert.deepEqual(pairingIds, pairings.map((p) => p.id));
  });

  it('has the relation and severity counts of the reference', () => {
    const count = (key: (p: (typeof pairings)[number]) => string): Record<string, number> =>
      pairings.reduce<Record<string, number>>((acc, p) => ({ ...acc, [key(p)]: (acc[key(p)] ?? 0) + 1 }), {});
    assert.deepEqual(count((p) => p.relation), {
      'requires-one-of': 23, recommends: 64, 'ignored-when': 76, 'effective-only-with': 38, implies: 123, 'conflicts-with': 17,
    });
    assert.deepEqual(count((p) => p.severity), { warning: 100, information: 91, hint: 150 });
    assert.equal(new Set(pairings.map((p) => (p.subject.family ? 'Condition…' : p.subject.directive))).size, 158);
  });

  it('names only known settings, as subject and as objects', () => {
    const unknown: string[] = [];
    for (const p of pairings)
      for (const s of settingsOf(p)) {
        if (s.family ? !directiveNames.some((n) => n.startsWith(s.directive)) : !getDirective(s.directive)) unknown.push(`${p.id}: ${s.directive}`);
        for (const w of s.without ?? []) if (!getDirective(w)) unknown.push(`${p.id}: ${w}`);
      }
    assert.deepEqual(unknown, []);
  });

  it('never has an empty list of alternatives, or an empty conjunction', () => {
    for (const p of pairings) {
      assert.ok(p.objects.length > 0, p.id);
      for (const o of p.objects) if (o.kind === 'settings') assert.ok(o.settings.length > 0, p.id);
    }
  });

  it('offers fixes that fit the section they name', () => {
    for (const p of pairings) {
      if (p.fix?.kind !== 'insert') continue;
      for (const line of p.fix.lines) {
        assert.ok(directiveRow(line.directive, line.section), `${p.id}: ${line.directive}= in [${line.section}]`);
        assert.equal(line.line, `${line.directive}=${line.value}`);
        const shared = getDirective(line.directive)!.rows.some((r) => r.context !== 'own');
        assert.equal(line.typeSection === true, line.section === 'Service' && shared, `${p.id}: ${line.line}`);
      }
    }
  });

  it('structures the undo rows as alternatives of concrete values', () => {
    const p = pairings.find((x) => x.id === 'undo-readwritepaths')!;
    assert.deepEqual(p.subject, { directive: 'ReadWritePaths', value: { kind: 'any' } });
    assert.equal(p.relation, 'requires-one-of');
    assert.deepEqual(p.objects, [
      { kind: 'settings', settings: [{ directive: 'CapabilityBoundingSet', value: { kind: 'one-of', values: ['~CAP_SYS_ADMIN'] } }] },
      { kind: 'settings', settings: [{ directive: 'SystemCallFilter', value: { kind: 'one-of', values: ['~@mount'] } }] },
    ]);
    assert.deepEqual(p.fix, {
      kind: 'insert',
      lines: [{ section: 'Service', line: 'SystemCallFilter=~@mount', directive: 'SystemCallFilter', value: '~@mount', typeSection: true }],
    });
    assert.equal(p.manPage, 'systemd.exec');
    assert.equal(p.manEntry, 'ReadWritePaths');
    assert.equal(p.since, 231);
    assert.equal(p.severity, 'warning');
  });

  it('reads value conditions, positions, contexts and conjunctions', () => {
    const byId = (id: string) => pairings.find((x) => x.id === id)!;
    assert.deepEqual(byId('mountapivfs-protectproc').subject.value, { kind: 'one-of', values: ['noaccess', 'invisible', 'ptraceable'] });
    assert.deepEqual(byId('restart-startlimit').subject.value, { kind: 'not', values: ['no'] });
    assert.deepEqual(byId('raf-af-unix').subject.value, { kind: 'allow-list' });
    assert.deepEqual(byId('scf-prefer-allowlist').subject.value, { kind: 'deny-list' });
    assert.deepEqual(byId('readonly-root-run').subject.value, { kind: 'one-of', values: ['/', '/run'] });
    assert.deepEqual(byId('deviceallow-modprobe').subject.value, { kind: 'pattern', patterns: ['char-<group>', 'block-<group>'] });
    const reset = byId('capabilityboundingset-reset');
    assert.equal(reset.subject.position, 'earlier');
    assert.deepEqual(reset.objects.map((o) => (o.kind === 'settings' ? o.settings[0].value.kind : o.kind)), ['empty', 'bare-tilde']);
    const conditions = byId('reset-conditions');
    assert.equal(conditions.subject.family, true);
    assert.equal(conditions.subject.directive, 'Condition');
    assert.deepEqual(byId('sysonly-user').objects, [{ kind: 'context', context: { kind: 'manager', manager: 'user' } }]);
    assert.deepEqual(byId('privatepids-service-only').objects, [{ kind: 'context', context: { kind: 'unit-types', unitTypes: ['socket', 'mount', 'swap'] } }]);
    const oomd = byId('oomd-deps-managedoomswap').objects[0];
    assert.ok(oomd.kind === 'settings' && oomd.settings.map((s) => s.directive).join('+') === 'Wants+After');
    const plus = byId('plus-user').objects;
    assert.equal(plus.length, 7);
    assert.ok(plus.every((o) => o.kind === 'settings' && o.settings[0].value.kind === 'command-prefix'));
    assert.deepEqual(byId('guessmainpid-forking').objects, [
      { kind: 'settings', settings: [{ directive: 'Type', value: { kind: 'one-of', values: ['forking'] }, without: ['PIDFile'] }] },
    ]);
    assert.equal(byId('type-exec').subject.orUnset, true);
    assert.equal(byId('ipaddressallow-socket').subject.unitType, 'service');
  });

  it('structures scopes and edit-style fixes', () => {
    const byId = (id: string) => pairings.find((x) => x.id === id)!;
    assert.equal(byId('userns-rootdirectory').scope.manager, 'user');
    assert.equal(byId('userns-rootdirectory').scope.needsUnprivilegedUserNamespaces, true);
    assert.equal(byId('plus-user').scope.commandPrefix, '+');
    assert.deepEqual(byId('plus-user').fix, { kind: 'drop-command-prefix', prefix: '+' });
    assert.deepEqual(byId('raf-af-unix').fix, { kind: 'append-value', directive: 'RestrictAddressFamilies', value: 'AF_UNIX' });
    assert.deepEqual(byId('defaultdependencies-keep').fix, { kind: 'remove-directive', directive: 'DefaultDependencies', value: 'no' });
    const slices = byId('memorymin-ancestors').fix;
    assert.ok(slices?.kind === 'insert' && slices.inEachParentSlice === true && slices.lines[0].section === 'Slice');
    assert.equal(byId('privatetmp-yes-defaultdeps').manSection, 'Implicit Dependencies');
    assert.equal(byId('privatetmp-yes-defaultdeps').manEntry, undefined);
  });

  it('finds pairings by subject', () => {
    const ids = pairingsFor('MemoryDenyWriteExecute').map((p) => p.id);
    assert.deepEqual(ids.sort(), ['mdwe-devshm', 'mdwe-memfd', 'syscallarch-memorydenywriteexecute']);
    assert.deepEqual(pairingsFor('NoSuchSetting'), []);
  });
});
