import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, diagnose, DEFAULT_SETTINGS, fixAll, type Diagnostic, type Settings } from '../../server/src/core';

/**
 * The hardening of nftables.service as proposed on the netfilter-devel list ("nftables.service
 * hardening ideas", October 2025): start from Debian 12's unit and add the proposed settings one
 * at a time, checking what the language service says at each step and that its fixes work.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const URI = 'file:///usr/lib/systemd/system/nftables.service';
const debian = readFileSync(path.join(repoRoot, 'test/scenario/fixtures/nftables.debian.service'), 'utf8');

function check(text: string, settings: Settings = DEFAULT_SETTINGS): Diagnostic[] {
  return diagnose(createUnitDocument(URI, text), settings);
}

/** The diagnostics of a pair (or a rule) on the line that starts with `line`. */
function on(diagnostics: readonly Diagnostic[], text: string, line: string, id: string): Diagnostic[] {
  const lines = text.split('\n');
  return diagnostics.filter((d) => (d.pairing === id || (d.pairing === undefined && d.code === id)) && lines[d.range.start.line].startsWith(line));
}

function one(diagnostics: readonly Diagnostic[], text: string, line: string, id: string): Diagnostic {
  const found = on(diagnostics, text, line, id);
  assert.equal(found.length, 1, `expected ${id} on "${line}", got: ${diagnostics.map((d) => `${d.pairing ?? d.code}@${d.range.start.line + 1}`).join(', ')}`);
  return found[0];
}

function none(diagnostics: readonly Diagnostic[], id: string): void {
  const found = diagnostics.filter((d) => d.pairing === id || (d.pairing === undefined && d.code === id));
  assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), [], `no ${id} expected`);
}

function problems(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.pairing ?? d.code}: ${d.message}`);
}

/** Adds lines at the end of [Service] (as a user would, before [Install]). */
function add(text: string, ...lines: string[]): string {
  return text.replace('\n\n[Install]', `\n${lines.join('\n')}\n\n[Install]`);
}

function replace(text: string, from: string, to: string): string {
  assert.ok(text.includes(`${from}\n`), `"${from}" is in the unit`);
  return text.replace(`${from}\n`, to === '' ? '' : `${to}\n`);
}

/** A hardening fix's title without the score change it ends with: "Add X=y (−0.2)" → "Add X=y". */
function withoutDelta(title: string): string {
  return title.replace(/ \([−+][0-9]+\.[0-9]\)$/, '');
}

function applyFix(text: string, diagnostic: Diagnostic, title: string): string {
  const fix = (diagnostic.fixes ?? []).find((f) => withoutDelta(f.title) === title);
  assert.ok(fix, `fix "${title}" among: ${(diagnostic.fixes ?? []).map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

describe('scenario: hardening nftables.service, one proposal at a time', () => {
  // Each step builds on the previous one, as in the thread.
  let unit = debian;

  it('0. Debian 12: ProtectSystem=full and ProtectHome=true can be undone by the root service', () => {
    const d = check(unit);
    const system = one(d, unit, 'ProtectSystem=full', 'undo-protectsystem');
    assert.equal(system.code, 'requires-one-of');
    assert.equal(system.severity, 'warning');
    // Each hardening fix says how much it lowers the exposure score.
    assert.deepEqual(system.fixes?.map((f) => f.title), ['Add SystemCallFilter=~@mount (−0.2)', 'Add CapabilityBoundingSet=~CAP_SYS_ADMIN (−0.3)']);
    one(d, unit, 'ProtectHome=true', 'undo-protecthome');
    // The unit is otherwise clean: no errors.
    assert.deepEqual(d.filter((x) => x.severity === 'error'), []);
  });

  it('1. ProtectSystem=full → strict: /dev, /proc and /sys stay writable, so the pages recommend more', () => {
    unit = replace(unit, 'ProtectSystem=full', 'ProtectSystem=strict');
    const d = check(unit);
    one(d, unit, 'ProtectSystem=strict', 'undo-protectsystem');
    for (const id of ['protectsystem-strict-privatedevices', 'protectsystem-strict-protectkerneltunables', 'protectsystem-strict-protectcontrolgroups']) {
      assert.equal(one(d, unit, 'ProtectSystem=strict', id).severity, 'information');
    }
  });

  it('2. CapabilityBoundingSet=~CAP_SYS_ADMIN and SystemCallFilter=~@mount close the undo hole; the filter wants native calls only', () => {
    // Fixing one undo warning with its quick fix fixes them all.
    let d = check(unit);
    unit = applyFix(unit, one(d, unit, 'ProtectSystem=strict', 'undo-protectsystem'), 'Add SystemCallFilter=~@mount');
    unit = add(unit, 'CapabilityBoundingSet=~CAP_SYS_ADMIN');
    d = check(unit);
    none(d, 'undo-protectsystem');
    none(d, 'undo-protecthome');
    const arch = one(d, unit, 'SystemCallFilter=~@mount', 'syscallarch-systemcallfilter');
    assert.equal(arch.code, 'recommends');
    assert.deepEqual(arch.fixes?.map((f) => [f.title, f.isPreferred]), [['Add SystemCallArchitectures=native (−0.2)', true]]);
    // Only one of the two alternatives is needed: either alone satisfies the pair.
    for (const alone of ['SystemCallFilter=~@mount', 'CapabilityBoundingSet=~CAP_SYS_ADMIN']) {
      const without = replace(unit, alone === 'SystemCallFilter=~@mount' ? 'CapabilityBoundingSet=~CAP_SYS_ADMIN' : 'SystemCallFilter=~@mount', '');
      none(check(without), 'undo-protectsystem');
    }
  });

  it('3. SystemCallArchitectures=native, added by its quick fix after the last [Service] setting', () => {
    const d = check(unit);
    const before = unit;
    unit = applyFix(unit, one(d, unit, 'SystemCallFilter=~@mount', 'syscallarch-systemcallfilter'), 'Add SystemCallArchitectures=native');
    assert.equal(unit, add(before, 'SystemCallArchitectures=native'));
    none(check(unit), 'syscallarch-systemcallfilter');
  });

  it('4. CapabilityBoundingSet=CAP_NET_ADMIN already drops CAP_SYS_ADMIN; AmbientCapabilities="" is an empty set', () => {
    unit = replace(unit, 'CapabilityBoundingSet=~CAP_SYS_ADMIN', 'CapabilityBoundingSet=CAP_NET_ADMIN');
    unit = add(unit, 'AmbientCapabilities=""', 'NoNewPrivileges=yes');
    const d = check(unit);
    assert.deepEqual(problems(d), []);
    // Without the system call filter, the bounding set alone satisfies every undo pair.
    const capsOnly = replace(unit, 'SystemCallFilter=~@mount', '');
    for (const id of ['undo-protectsystem', 'undo-protecthome']) none(check(capsOnly), id);
  });

  it('5. PrivateTmp=yes makes /tmp writable again; with DefaultDependencies=no it silently becomes "disconnected"', () => {
    unit = add(unit, 'PrivateTmp=yes');
    let d = check(unit);
    assert.equal(one(d, unit, 'ProtectSystem=strict', 'protectsystem-strict-tmp').severity, 'hint');
    const converted = one(d, unit, 'PrivateTmp=yes', 'privatetmp-yes-defaultdeps');
    assert.equal(converted.code, 'effective-only-with');
    assert.equal(converted.fixes?.[0].title, 'Add RequiresMountsFor=/tmp/');

    // "PrivateTmp=isolate" is not a value: the fix writes what is meant.
    unit = replace(unit, 'PrivateTmp=yes', 'PrivateTmp=isolate');
    d = check(unit);
    const invalid = one(d, unit, 'PrivateTmp=isolate', 'invalid-value');
    assert.equal(invalid.severity, 'error');
    assert.match(invalid.message, /disconnected/);
    unit = applyFix(unit, invalid, 'Change to disconnected');
    assert.ok(unit.includes('\nPrivateTmp=disconnected\n'));

    // disconnected with DefaultDependencies=no needs the /var mount, or /var/tmp leaks out.
    d = check(unit);
    none(d, 'invalid-value');
    const leak = one(d, unit, 'PrivateTmp=disconnected', 'privatetmp-disconnected-var');
    assert.equal(leak.severity, 'warning');
    unit = applyFix(unit, leak, 'Add RequiresMountsFor=/var/');
    assert.match(unit, /^\[Unit\][^[]*\nRequiresMountsFor=\/var\/\n/);
    none(check(unit), 'privatetmp-disconnected-var');
    // The thread's spelling without the trailing slash counts as well.
    none(check(unit.replace('RequiresMountsFor=/var/', 'RequiresMountsFor=/var')), 'privatetmp-disconnected-var');
  });

  it('6-8. ProtectClock, ProtectKernelLogs, ProtectKernelModules, PrivateDevices and friends: implications, no warnings', () => {
    unit = add(unit, 'ProtectClock=yes', 'ProtectKernelLogs=yes', 'ProtectKernelModules=yes', 'PrivateDevices=yes', 'PrivateIPC=yes', 'RestrictNamespaces=yes', 'RestrictRealtime=yes', 'RestrictSUIDSGID=yes');
    const d = check(unit);
    assert.deepEqual(problems(d), []);
    one(d, unit, 'ProtectKernelLogs=yes', 'protectkernellogs-syscall');
    one(d, unit, 'ProtectKernelModules=yes', 'protectkernelmodules-path');
    one(d, unit, 'ProtectClock=yes', 'protectclock-caps');
    none(d, 'protectsystem-strict-privatedevices');
  });

  it('9. PrivateBPF=yes and LockPersonality=yes; PrivateBPF= is newer than systemd 252', () => {
    unit = add(unit, 'PrivateBPF=yes', 'LockPersonality=yes');
    assert.deepEqual(problems(check(unit)), []);
    const old = check(unit, { systemdVersion: 252 });
    assert.equal(one(old, unit, 'PrivateBPF=yes', 'newer-than-target').severity, 'warning');
  });

  it('10. OOMScoreAdjust=-1000 and OOMPolicy=kill: valid, and no pair the pages state', () => {
    unit = add(unit, 'OOMScoreAdjust=-1000', 'OOMPolicy=kill');
    assert.deepEqual(problems(check(unit)), []);
    const outOfRange = replace(unit, 'OOMScoreAdjust=-1000', 'OOMScoreAdjust=-1001');
    assert.equal(one(check(outOfRange), outOfRange, 'OOMScoreAdjust=-1001', 'invalid-value').severity, 'error');
  });

  it('11. NoExecPaths=/ with ExecPaths= for nft and the library folders', () => {
    unit = add(unit, 'NoExecPaths=/', 'ExecPaths=/usr/sbin/nft -/lib -/usr/lib');
    assert.deepEqual(problems(check(unit)), []);
    const noLibs = replace(unit, 'ExecPaths=/usr/sbin/nft -/lib -/usr/lib', 'ExecPaths=/usr/sbin/nft');
    const missing = one(check(noLibs), noLibs, 'NoExecPaths=/', 'noexecpaths-execpaths');
    assert.match(missing.message, /\/usr\/lib/);
  });

  it('12. InaccessiblePaths=, TemporaryFileSystem=/etc:ro and bind mounts of what nft reads', () => {
    unit = add(
      unit,
      'InaccessiblePaths=-/boot -/media -/mnt -/opt -/proc -/srv -/sys -/var',
      'TemporaryFileSystem=/etc:ro',
      'BindReadOnlyPaths=/etc/protocols /etc/services /etc/passwd /etc/group /etc/nftables /etc/nftables.conf /etc/resolv.conf',
    );
    assert.deepEqual(problems(check(unit)), []);
    // Binding something below an inaccessible folder would not work.
    const nested = add(unit, 'BindReadOnlyPaths=/etc/nftables.d:/var/lib/nftables');
    assert.equal(one(check(nested), nested, 'InaccessiblePaths=', 'inaccessible-nesting').severity, 'warning');
  });

  it('13. ProtectHostname=yes does not stop hostnamectl while the service runs as root', () => {
    unit = add(unit, 'ProtectHostname=yes');
    const d = check(unit);
    const root = one(d, unit, 'ProtectHostname=yes', 'protecthostname-hostnamectl');
    assert.equal(root.code, 'requires-one-of');
  });

  it('14. RestrictAddressFamilies= with SystemCallFilter=@service: there is no @service group', () => {
    unit = add(unit, 'RestrictAddressFamilies=AF_NETLINK AF_UNIX AF_INET AF_INET6');
    // The thread's order: the allow-list first, then the deny line.
    unit = replace(unit, 'SystemCallFilter=~@mount', 'SystemCallFilter=@service\nSystemCallFilter=~@mount');
    let d = check(unit);
    const group = one(d, unit, 'SystemCallFilter=@service', 'invalid-value');
    assert.match(group.message, /@system-service/);
    assert.equal(group.fixes?.[0].isPreferred, true);
    unit = applyFix(unit, group, 'Change to @system-service');
    d = check(unit);
    none(d, 'invalid-value');
    none(d, 'raf-systemcallfilter');
    none(d, 'syscallarch-restrictaddressfamilies');
    none(d, 'scf-first-assignment-mode');
    // The other order only takes @system-service off a deny-list: a hint says so.
    const swapped = unit.replace('SystemCallFilter=@system-service\nSystemCallFilter=~@mount', 'SystemCallFilter=~@mount\nSystemCallFilter=@system-service');
    one(check(swapped), swapped, 'SystemCallFilter=@system-service', 'scf-first-assignment-mode');
  });

  it('15. MemoryDenyWriteExecute=yes needs /dev/shm non-executable and memfd_create() blocked', () => {
    unit = add(unit, 'MemoryDenyWriteExecute=yes');
    let d = check(unit);
    // NoExecPaths=/ (step 11) already makes /dev/shm non-executable: that satisfies the pair.
    none(d, 'mdwe-devshm');
    const withoutNoExec = replace(unit, 'NoExecPaths=/', '');
    const shm = one(check(withoutNoExec), withoutNoExec, 'MemoryDenyWriteExecute=yes', 'mdwe-devshm');
    assert.equal(shm.fixes?.[0].title, 'Add InaccessiblePaths=/dev/shm');
    unit = applyFix(unit, one(d, unit, 'MemoryDenyWriteExecute=yes', 'mdwe-memfd'), 'Add SystemCallFilter=~memfd_create');
    d = check(unit);
    none(d, 'mdwe-memfd');
    none(d, 'syscallarch-memorydenywriteexecute');
  });

  it('16. ProtectProc=invisible and RemoveIPC=yes do nothing for root; DynamicUser=yes fixes that', () => {
    unit = add(unit, 'ProtectProc=invisible', 'ProcSubset=pid', 'RemoveIPC=yes');
    let d = check(unit);
    const proc = one(d, unit, 'ProtectProc=invisible', 'protectproc-needs-user');
    one(d, unit, 'RemoveIPC=yes', 'removeipc-needs-user');
    unit = applyFix(unit, proc, 'Add DynamicUser=yes');
    d = check(unit);
    for (const id of ['protectproc-needs-user', 'removeipc-needs-user', 'protecthostname-hostnamectl']) none(d, id);
    // DynamicUser=yes implies RemoveIPC=yes and ProtectSystem=strict: those lines only restate it.
    const redundant = one(d, unit, 'RemoveIPC=yes', 'dynamicuser-removeipc').code;
    assert.equal(redundant, 'redundant-setting');
    one(d, unit, 'ProtectSystem=strict', 'dynamicuser-protectsystem');
  });

  it('17-18. PrivatePIDs=, ProtectKernelTunables= and ProtectControlGroups=strict imply MountAPIVFS=yes, which implies BindLogSockets=yes', () => {
    unit = add(unit, 'PrivatePIDs=yes', 'ProtectKernelTunables=yes', 'ProtectControlGroups=strict');
    let d = check(unit);
    for (const id of ['mountapivfs-privatepids', 'mountapivfs-protectkerneltunables', 'mountapivfs-protectcontrolgroups']) assert.equal(one(d, unit, '', id).severity, 'hint');
    none(d, 'protectsystem-strict-protectkerneltunables');
    none(d, 'protectsystem-strict-protectcontrolgroups');
    // Writing MountAPIVFS=yes adds nothing, and without RootDirectory= it would do nothing anyway.
    const explicit = add(unit, 'MountAPIVFS=yes');
    d = check(explicit);
    assert.equal(one(d, explicit, 'MountAPIVFS=yes', 'mountapivfs-needs-root').severity, 'warning');
    one(d, explicit, 'MountAPIVFS=yes', 'bindlogsockets-mountapivfs');
    const redundant = on(d, explicit, 'MountAPIVFS=yes', 'mountapivfs-privatepids')[0] ?? d.find((x) => x.code === 'redundant-setting' && x.message.startsWith('MountAPIVFS='));
    assert.ok(redundant && redundant.code === 'redundant-setting');
  });

  it('19-20. defaults and restart settings: nothing to report; the final unit has no problem left', () => {
    unit = add(unit, 'TimeoutSec=90');
    const d = check(unit);
    one(d, unit, 'TimeoutSec=90', 'timeoutsec-start');
    assert.deepEqual(problems(d), []);
  });

  it('fix-all on the example unit applies the safe fixes only, once each', () => {
    const example = readFileSync(path.join(repoRoot, 'examples/nftables.service'), 'utf8');
    const d = check(example);
    one(d, example, 'SystemCallFilter=@system-service', 'syscallarch-systemcallfilter');
    const result = fixAll(URI, example, DEFAULT_SETTINGS);
    assert.equal(result.text.split('\nSystemCallArchitectures=native\n').length, 2, 'SystemCallArchitectures=native added exactly once');
    assert.ok(result.applied.map(withoutDelta).includes('Add SystemCallArchitectures=native'));
    const after = check(result.text);
    none(after, 'syscallarch-systemcallfilter');
    none(after, 'syscallarch-restrictaddressfamilies');
    // Fixing again changes nothing.
    assert.equal(fixAll(URI, result.text, DEFAULT_SETTINGS).text, result.text);
  });
});
