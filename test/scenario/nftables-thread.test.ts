import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, diagnoseWithFixes, DEFAULT_SETTINGS, explain, fixAll, type Diagnostic, type Settings } from '../../server/src/core';

/**
 * The hardening of nftables.service as proposed on the netfilter-devel list ("nftables.service
 * hardening ideas", October 2025): start from Debian 12's unit and add the proposed settings one
 * at a time, checking what the language service says at each step and that its fixes work.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const URI = 'file:///usr/lib/systemd/system/nftables.service';
const debian = readFileSync(path.join(repoRoot, 'test/scenario/fixtures/nftables.debian.service'), 'utf8');

function check(text: string, settings: Settings = DEFAULT_SETTINGS): Diagnostic[] {
  return diagnoseWithFixes(createUnitDocument(URI, text), settings);
}

/** Whether a diagnostic is a pair's (alone, or among the pairs of one cause) or, without a pair, a rule's. */
function is(d: Diagnostic, id: string): boolean {
  return d.pairing === id || (d.pairings?.includes(id) ?? false) || (d.pairing === undefined && d.code === id);
}

/** The diagnostics of a pair (or a rule) on the line that starts with `line`. */
function on(diagnostics: readonly Diagnostic[], text: string, line: string, id: string): Diagnostic[] {
  const lines = text.split('\n');
  return diagnostics.filter((d) => is(d, id) && lines[d.range.start.line].startsWith(line));
}

/** What the unit implies (hover and `check --explain`), as "line: message". */
function notes(text: string, settings: Settings = DEFAULT_SETTINGS): string[] {
  const lines = text.split('\n');
  return explain(createUnitDocument(URI, text), settings).map((n) => `${lines[n.range.start.line]}: ${n.pairing}`);
}

function one(diagnostics: readonly Diagnostic[], text: string, line: string, id: string): Diagnostic {
  const found = on(diagnostics, text, line, id);
  assert.equal(found.length, 1, `expected ${id} on "${line}", got: ${diagnostics.map((d) => `${d.pairing ?? d.code}@${d.range.start.line + 1}`).join(', ')}`);
  return found[0];
}

function none(diagnostics: readonly Diagnostic[], id: string): void {
  const found = diagnostics.filter((d) => is(d, id));
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

  it('0. Debian 12: ProtectSystem=full and ProtectHome=true can be undone by the root service: one finding names both', () => {
    const d = check(unit);
    const system = one(d, unit, 'ProtectSystem=full', 'undo-protectsystem');
    assert.equal(system.code, 'requires-one-of');
    assert.equal(system.severity, 'warning');
    assert.deepEqual(system.pairings, ['undo-protectsystem', 'undo-protecthome']);
    assert.match(system.message, /^2 mount protections, ProtectSystem=full \(line \d+\) and ProtectHome=true \(line \d+\), can be undone/);
    // Each hardening fix says how much it lowers the exposure score, and that it needs a review.
    assert.deepEqual(system.fixes?.map((f) => [f.title, f.risk]), [['Add SystemCallFilter=~@mount (−0.2)', 'review'], ['Add CapabilityBoundingSet=~CAP_SYS_ADMIN (−0.3)', 'review']]);
    assert.match(system.fixes?.[0].mayBreak ?? '', /^SystemCallFilter=~@mount also blocks chroot\(\)/);
    assert.equal(on(d, unit, 'ProtectHome=true', 'undo-protecthome').length, 0, 'said once per unit');
    // The unit is otherwise clean: no errors.
    assert.deepEqual(d.filter((x) => x.severity === 'error'), []);
  });

  it('1. ProtectSystem=full → strict: /dev, /proc and /sys stay writable, so the pages recommend more, in one finding', () => {
    unit = replace(unit, 'ProtectSystem=full', 'ProtectSystem=strict');
    const d = check(unit);
    one(d, unit, 'ProtectSystem=strict', 'undo-protectsystem');
    const api = one(d, unit, 'ProtectSystem=strict', 'protectsystem-strict-privatedevices');
    assert.equal(api.severity, 'information');
    assert.deepEqual(api.pairings, ['protectsystem-strict-privatedevices', 'protectsystem-strict-protectkerneltunables', 'protectsystem-strict-protectcontrolgroups']);
    assert.equal(api.message, 'ProtectSystem=strict leaves /dev, /proc/sys and /sys/fs/cgroup writable; PrivateDevices=yes, ProtectKernelTunables=yes and ProtectControlGroups=yes protect them.');
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
    assert.deepEqual(arch.fixes?.map((f) => [f.title, f.isPreferred, f.risk]), [['Add SystemCallArchitectures=native (−0.2)', true, 'review']]);
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
    // That PrivateTmp= makes /tmp writable under ProtectSystem=strict changes nothing to fix: a hint, not shown by default.
    none(d, 'protectsystem-strict-tmp');
    assert.equal(one(check(unit, { systemdVersion: 262, rules: { 'protectsystem-strict-tmp': 'hint' } }), unit, 'ProtectSystem=strict', 'protectsystem-strict-tmp').severity, 'hint');
    const converted = one(d, unit, 'PrivateTmp=yes', 'privatetmp-yes-defaultdeps');
    assert.equal(converted.code, 'effective-only-with');
    assert.equal(converted.severity, 'information');
    assert.equal(converted.unnecessary, undefined, 'the line works (as disconnected): it is not drawn as unused');
    assert.equal(converted.fixes?.[0].title, 'Add RequiresMountsFor=/tmp/');
    // The conversion came with systemd 257: a unit for Debian 12 is not told about it.
    none(check(unit, { systemdVersion: 252 }), 'privatetmp-yes-defaultdeps');

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
    // What they imply is knowledge for hover and `check --explain`, not a finding.
    assert.ok(!d.some((x) => x.code === 'implies'));
    const implied = notes(unit);
    for (const note of ['ProtectKernelLogs=yes: protectkernellogs-syscall', 'ProtectKernelModules=yes: protectkernelmodules-path', 'ProtectClock=yes: protectclock-caps']) assert.ok(implied.includes(note), note);
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
    // The setting does what it says (no sethostname()); a stronger setting exists: information.
    assert.equal(root.severity, 'information');
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
    none(d, 'list-merge-order');
    // The other order only takes @system-service off a deny-list: no allow-list is built, and a warning says what systemd ends up with.
    const swapped = unit.replace('SystemCallFilter=@system-service\nSystemCallFilter=~@mount', 'SystemCallFilter=~@mount\nSystemCallFilter=@system-service');
    const order = one(check(swapped), swapped, 'SystemCallFilter=@system-service', 'list-merge-order');
    assert.equal(order.severity, 'warning');
    assert.match(order.message, /ends up with a deny-list/);
  });

  it('15. MemoryDenyWriteExecute=yes: one piece of advice on what else writes executable code, without a fix that could break the service', () => {
    unit = add(unit, 'MemoryDenyWriteExecute=yes');
    let d = check(unit);
    // NoExecPaths=/ (step 11) already makes every writable folder non-executable; memfd_create() is left.
    const memfd = one(d, unit, 'MemoryDenyWriteExecute=yes', 'mdwe-memfd');
    assert.equal(memfd.severity, 'information');
    assert.doesNotMatch(memfd.message, /noexec/);
    assert.match(memfd.message, /memfd_create\(\)/);
    assert.equal(memfd.fixes, undefined, 'denying memfd_create() or hiding /dev/shm can break a service: the reviewer decides');
    const withoutNoExec = replace(unit, 'NoExecPaths=/', '');
    const both = one(check(withoutNoExec), withoutNoExec, 'MemoryDenyWriteExecute=yes', 'mdwe-devshm');
    assert.match(both.message, /memfd_create\(\).*\/dev\/shm and \/tmp/);
    unit = replace(unit, 'SystemCallFilter=~@mount', 'SystemCallFilter=~@mount memfd_create');
    d = check(unit);
    none(d, 'mdwe-memfd');
    none(d, 'syscallarch-memorydenywriteexecute');
  });

  it('16. ProtectProc=invisible works for root without CAP_SYS_PTRACE; RemoveIPC=yes does nothing for root until DynamicUser=yes', () => {
    unit = add(unit, 'ProtectProc=invisible', 'ProcSubset=pid', 'RemoveIPC=yes');
    let d = check(unit);
    // The bounding set (CAP_NET_ADMIN only, step 4) has no CAP_SYS_PTRACE: hidepid hides other users' processes from root too.
    none(d, 'protectproc-needs-user');
    const ptrace = replace(unit, 'CapabilityBoundingSet=CAP_NET_ADMIN', 'CapabilityBoundingSet=CAP_NET_ADMIN CAP_SYS_PTRACE');
    const proc = one(check(ptrace), ptrace, 'ProtectProc=invisible', 'protectproc-needs-user');
    assert.match(proc.message, /has no effect: the service runs as root and its bounding set keeps CAP_SYS_PTRACE/);
    const ipc = one(d, unit, 'RemoveIPC=yes', 'removeipc-needs-user');
    assert.equal(ipc.unnecessary, true, 'a line with no effect at all is drawn faded');
    unit = add(unit, 'DynamicUser=yes');
    d = check(unit);
    for (const id of ['protectproc-needs-user', 'removeipc-needs-user', 'protecthostname-hostnamectl']) none(d, id);
    // But nft needs CAP_NET_ADMIN, and a dynamic user starts without it: the breakage is named with its evidence.
    const voided = one(d, unit, 'CapabilityBoundingSet=CAP_NET_ADMIN', 'capability-void');
    assert.equal(voided.severity, 'warning');
    assert.match(voided.message, /runs as a dynamic user .*AmbientCapabilities= does not grant it/);
    unit = replace(unit, 'AmbientCapabilities=""', 'AmbientCapabilities=CAP_NET_ADMIN');
    d = check(unit);
    none(d, 'capability-void');
    // DynamicUser=yes implies RemoveIPC=yes and ProtectSystem=strict: knowledge, and lines that restate it are not flagged by default.
    assert.ok(notes(unit).includes('DynamicUser=yes: dynamicuser-removeipc'));
    none(d, 'dynamicuser-removeipc');
    const asked = check(unit, { systemdVersion: 262, rules: { 'redundant-setting': 'hint' } });
    assert.equal(one(asked, unit, 'RemoveIPC=yes', 'dynamicuser-removeipc').code, 'redundant-setting');
    one(asked, unit, 'ProtectSystem=strict', 'dynamicuser-protectsystem');
  });

  it('17-18. PrivatePIDs=, ProtectKernelTunables= and ProtectControlGroups=strict imply MountAPIVFS=yes, which implies BindLogSockets=yes', () => {
    unit = add(unit, 'PrivatePIDs=yes', 'ProtectKernelTunables=yes', 'ProtectControlGroups=strict');
    let d = check(unit);
    const implied = notes(unit);
    for (const note of ['PrivatePIDs=yes: mountapivfs-privatepids', 'ProtectKernelTunables=yes: mountapivfs-protectkerneltunables', 'ProtectControlGroups=strict: mountapivfs-protectcontrolgroups']) {
      assert.ok(implied.includes(note), note);
    }
    none(d, 'protectsystem-strict-protectkerneltunables');
    none(d, 'protectsystem-strict-protectcontrolgroups');
    // Writing MountAPIVFS=yes adds nothing, and without RootDirectory= it would do nothing anyway.
    const explicit = add(unit, 'MountAPIVFS=yes');
    d = check(explicit);
    assert.equal(one(d, explicit, 'MountAPIVFS=yes', 'mountapivfs-needs-root').severity, 'warning');
    assert.ok(notes(explicit).includes('MountAPIVFS=yes: bindlogsockets-mountapivfs'));
    d = check(explicit, { systemdVersion: 262, rules: { 'redundant-setting': 'hint' } });
    const redundant = on(d, explicit, 'MountAPIVFS=yes', 'mountapivfs-privatepids')[0] ?? d.find((x) => x.code === 'redundant-setting' && x.message.startsWith('MountAPIVFS='));
    assert.ok(redundant && redundant.code === 'redundant-setting');
  });

  it('19-20. defaults and restart settings: nothing to report; the final unit has no problem left', () => {
    unit = add(unit, 'TimeoutSec=90');
    const d = check(unit);
    assert.ok(notes(unit).includes('TimeoutSec=90: timeoutsec-start'));
    assert.deepEqual(problems(d), []);
  });

  it('fix-all on the example unit applies the safe fixes only and lists the rest; review fixes are applied once each when asked for', () => {
    const example = readFileSync(path.join(repoRoot, 'examples/nftables.service'), 'utf8');
    const d = check(example);
    const arch = one(d, example, 'RestrictAddressFamilies=', 'syscallarch-restrictaddressfamilies');
    assert.deepEqual(arch.pairings, ['syscallarch-restrictaddressfamilies', 'syscallarch-systemcallfilter', 'syscallarch-memorydenywriteexecute']);
    const safe = fixAll(URI, example, DEFAULT_SETTINGS);
    assert.equal(safe.text, example, 'nothing in the example is safe to change without a review');
    assert.ok(safe.left.some((l) => withoutDelta(l.title) === 'Add SystemCallArchitectures=native' && l.risk === 'review'));
    const result = fixAll(URI, example, DEFAULT_SETTINGS, {}, ['safe', 'review']);
    assert.equal(result.text.split('\nSystemCallArchitectures=native\n').length, 2, 'SystemCallArchitectures=native added exactly once');
    assert.ok(result.applied.map(withoutDelta).includes('Add SystemCallArchitectures=native'));
    const after = check(result.text);
    none(after, 'syscallarch-systemcallfilter');
    none(after, 'syscallarch-restrictaddressfamilies');
    assert.deepEqual(problems(after), [], 'the review fixes bring no new problem');
    // Fixing again changes nothing.
    assert.equal(fixAll(URI, result.text, DEFAULT_SETTINGS, {}, ['safe', 'review']).text, result.text);
  });
});
