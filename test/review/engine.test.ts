import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_SETTINGS, exposureLensTitle, findingsInPatch, normalizeMessage, parsePatch, patchReviewInputs, reviewMarkdown, reviewUnit, type PatchUnit, type ReviewFinding, type UnitReview,
} from '../../server/src/core';

/**
 * The review engine on real changes: the hardening of nftables.service proposed on the
 * netfilter-devel list (test/fixtures/review/nftables-hardening.patch, items 1 to 15 of the thread
 * as written, mistakes included, against Debian 12's unit), and the patches of the parser tests.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const fixtures = path.join(repoRoot, 'test/fixtures/review');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const uriOf = (p: string) => `file:///srv/nftables/${p}`;

const debian = read('nftables.service');
const hardened = read('nftables.hardened.service');

interface Reviewed {
  unit: PatchUnit;
  review: UnitReview;
}

function reviewPatch(name: string, texts?: Record<string, string>): Reviewed[] {
  const units = patchReviewInputs(parsePatch(read(name)), { uriOf, ...(texts ? { texts: new Map(Object.entries(texts)) } : {}) });
  return units.map((unit) => ({ unit, review: reviewUnit(unit.input, DEFAULT_SETTINGS) }));
}

function only(reviewed: Reviewed[]): Reviewed {
  assert.equal(reviewed.length, 1, reviewed.map((r) => r.unit.unitPath).join(', '));
  return reviewed[0];
}

/** `line: severity code` of findings, for comparisons; 1-based lines as people read them. */
function brief(findings: readonly ReviewFinding[], severities = ['error', 'warning']): string[] {
  return findings.filter((f) => severities.includes(f.diagnostic.severity)).map((f) => `${f.diagnostic.range.start.line + 1} ${f.lineText}: ${f.diagnostic.severity} ${f.diagnostic.code}`);
}

describe('review: the nftables.service hardening of the netfilter-devel thread', () => {
  const full = only(reviewPatch('nftables-hardening.patch', { 'nftables.service': debian }));

  it('scores the unit before and after: 9.4 UNSAFE → 2.5 OK', () => {
    const { review } = full;
    assert.equal(review.unit, 'nftables.service');
    assert.equal(review.change, 'modified');
    assert.deepEqual(review.fromHunksOnly, { before: false, after: false });
    assert.deepEqual(review.exposure, {
      before: { scored: true, exposure: 94, level: 'UNSAFE', text: '9.4 UNSAFE 😨', complete: true },
      after: { scored: true, exposure: 25, level: 'OK', text: '2.5 OK 🙂', complete: true },
    });
    assert.equal(review.exposureChange, -69);
  });

  it("finds the thread's two mistakes as new errors, on their lines", () => {
    assert.deepEqual(brief(full.review.newFindings), ['23 SystemCallFilter=@service: error invalid-value', '26 PrivateTmp=isolate: error invalid-value']);
    for (const f of full.review.newFindings) assert.equal(f.uri, uriOf('nftables.service'));
  });

  it('resolves the warning that root can remount what ProtectSystem=full protects', () => {
    const resolved = full.review.resolvedFindings.filter((f) => f.diagnostic.severity === 'warning');
    assert.deepEqual(brief(resolved), ['13 ProtectSystem=full: warning requires-one-of']);
    assert.ok(resolved[0].diagnostic.pairings?.includes('undo-protectsystem'));
  });

  it('names the changed checks with the lines of the new text that decide them', () => {
    const checks = new Map(full.review.checks.map((c) => [c.id, c]));
    const sysAdmin = checks.get('CapabilityBoundingSet=~CAP_SYS_ADMIN');
    assert.ok(sysAdmin);
    assert.deepEqual([sysAdmin.before.badness, sysAdmin.after.badness], [1, 0]);
    assert.deepEqual(sysAdmin.after.lines.map((l) => [l.range.start.line + 1, l.text]), [[20, 'CapabilityBoundingSet=CAP_NET_ADMIN']]);
    assert.equal(checks.get('NoNewPrivileges=')?.after.description, 'cannot gain privileges');
    assert.equal(checks.get('SystemCallArchitectures=')?.after.lines[0]?.text, 'SystemCallArchitectures=native');
    // The early-boot unit (DefaultDependencies=no) is not scored on ProtectSystem=, so it is not among the changes.
    assert.ok(!checks.has('ProtectSystem='));
    const lines = hardened.split('\n');
    for (const c of full.review.checks) for (const l of c.after.lines) assert.equal(lines[l.range.start.line], l.text, c.id);
  });

  it('says what the sandbox was and is, in a few words', () => {
    const sandbox = full.review.sandbox;
    assert.ok(sandbox?.before && sandbox.after);
    assert.deepEqual(sandbox.before, {
      user: 'runs as root',
      capabilities: 'all',
      systemCalls: 'no filter; any system call ABI',
      addressFamilies: 'any',
      namespaces: 'may create any; own mount',
      writable: 'all but /usr /boot /efi /etc',
      hidden: '/home /root /run/user',
      devices: 'sees the host /dev; no device allow-list',
      noNewPrivileges: 'not set',
    });
    assert.equal(sandbox.after.user, 'runs as root');
    assert.equal(sandbox.after.capabilities, 'CAP_NET_ADMIN');
    // "@service" is no group: the allow-list holds only what systemd always allows.
    assert.equal(sandbox.after.systemCalls, 'allow-list @default only except @mount memfd_create; native ABI only');
    assert.equal(sandbox.after.addressFamilies, 'only AF_NETLINK AF_UNIX AF_INET AF_INET6');
    assert.equal(sandbox.after.namespaces, 'may create none; own mount');
    // PrivateTmp=isolate is ignored, so nothing is writable.
    assert.match(sandbox.after.writable, /^nothing;/);
    // ProtectKernelModules= hides /usr/lib/modules, ProtectKernelLogs= /dev/kmsg: the knowledge base's implications.
    for (const p of ['/home', '/usr/lib/modules', '/dev/kmsg', '/boot', '/var', '/dev/shm']) assert.ok(sandbox.after.hidden.split(/[ ;]+/).includes(p), p);
    // TemporaryFileSystem=/etc:ro empties /etc; BindReadOnlyPaths= puts what nft reads back.
    assert.match(sandbox.after.hidden, /; empty \/etc; bound back read-only \/etc\/protocols \/etc\/services \/etc\/passwd \/etc\/group \/etc\/nftables \/etc\/nftables\.conf \/etc\/resolv\.conf$/);
    assert.equal(sandbox.after.devices, 'private /dev; device allow-list: char-rtc');
    assert.equal(sandbox.after.noNewPrivileges, 'yes');
    assert.deepEqual(sandbox.changed, ['capabilities', 'systemCalls', 'addressFamilies', 'namespaces', 'writable', 'hidden', 'devices', 'noNewPrivileges']);
  });

  it('from the hunks only: the same score, and nothing concluded from lines the patch does not show', () => {
    const { unit, review } = only(reviewPatch('nftables-hardening.patch'));
    assert.equal(unit.fromHunksOnly, true);
    assert.deepEqual(review.fromHunksOnly, { before: true, after: true });
    assert.equal(review.exposure?.before?.scored && review.exposure.before.exposure, 94);
    assert.equal(review.exposure?.after?.scored && review.exposure.after.complete, false);
    assert.equal(review.exposureChange, -69);
    assert.deepEqual(brief(review.newFindings, ['error', 'warning', 'information']), ['23 SystemCallFilter=@service: error invalid-value', '26 PrivateTmp=isolate: error invalid-value']);
    // Whether root may remount rests on the whole unit: from the hunks, it is not decided either way.
    assert.deepEqual(review.resolvedFindings, []);
  });

  it('a unit that already holds the change is reviewed against the text the patch takes out', () => {
    const { unit, review } = only(reviewPatch('nftables-hardening.patch', { 'nftables.service': hardened }));
    assert.deepEqual(unit.errors, []);
    assert.match(unit.notes[0] ?? '', /already holds the change/);
    assert.equal(review.exposureChange, -69);
    assert.deepEqual(brief(review.newFindings), brief(full.review.newFindings));
  });

  it('a patch that does not apply to the text given says so, and is read from its hunks', () => {
    const { unit, review } = only(reviewPatch('nftables-hardening.patch', { 'nftables.service': read('example.service') }));
    assert.match(unit.errors[0] ?? '', /^the patch does not apply to nftables\.service: hunk 1 \(@@ -5,16 \+5,47 @@\) does not apply.*; read from the hunks only$/);
    assert.equal(review.fromHunksOnly.after, true);
  });

  it('the markdown report: the exposure change in its heading, the new findings with their lines', () => {
    const md = reviewMarkdown(full.review, { pathOf: (uri) => uri.slice(uriOf('').length) });
    assert.match(md, /^### nftables\.service: exposure 9\.4 UNSAFE 😨 → 2\.5 OK 🙂 \(−6\.9\)\n\nAs `systemd-analyze security` of systemd 262 scores it/);
    const section = (title: string) => md.slice(md.indexOf(`#### ${title}`), md.indexOf('\n\n####', md.indexOf(`#### ${title}`) + 1));
    const added = section('New findings').split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(added.filter((l) => l.includes('❌')).map((l) => l.slice(0, l.indexOf(':', l.indexOf('`')))), [
      '- ❌ error nftables.service:23 `SystemCallFilter=@service`',
      '- ❌ error nftables.service:26 `PrivateTmp=isolate`',
    ]);
    assert.ok(added.every((l) => /^- (❌ error|⚠️ warning|ℹ️ information) nftables\.service:\d+ `[^`]+`: .+ \(`[a-z-]+`\)$/.test(l)), added.join('\n'));
    assert.match(section('Resolved findings'), /\n- ⚠️ warning nftables\.service:13 `ProtectSystem=full`: 2 mount protections/);
    assert.match(md, /\n\| `NoNewPrivileges=yes` \(nftables\.service:22\) \| ✓ `NoNewPrivileges=` \| 0\.2 → 0\.0 \|\n/);
    assert.match(md, /\n\| \*\*Capabilities\*\* \| all \| CAP_NET_ADMIN \|\n/);
  });

  it('a lens title with the exposure change, saying when it comes from the hunks only', () => {
    assert.equal(exposureLensTitle(full.review), 'nftables.service: exposure 9.4 → 2.5 (target 262)');
    assert.equal(exposureLensTitle(only(reviewPatch('nftables-hardening.patch')).review), 'nftables.service: exposure 9.4 → 2.5 (target 262), from the hunks only');
  });

  it('puts the new findings on the + lines of the patch', () => {
    const reviewed = only(reviewPatch('nftables-hardening.patch'));
    const lines = read('nftables-hardening.patch').split('\n');
    const placed = findingsInPatch(reviewed.unit, reviewed.review.newFindings);
    assert.deepEqual(placed.map((p) => [lines[p.range.start.line], p.changed, p.range.start.character]), [
      ['+SystemCallFilter=@service', true, 18],
      ['+PrivateTmp=isolate', true, 12],
    ]);
  });
});

interface PatchCase {
  name: string;
  patch: string;
  texts?: Record<string, string>;
  /** Per unit: path, change, exposure before → after (undefined: none), the checks that must be among the changed ones. */
  units: { path: string; change: UnitReview['change']; exposure: [number | undefined, number | undefined]; checks?: Record<string, string>; hunksOnly: boolean }[];
  notes?: RegExp;
}

const patchCases: PatchCase[] = [
  {
    name: 'git diff from the hunks only: the second hunk is read in [Service], which it does not show',
    patch: 'patches/git-diff.patch',
    units: [{ path: 'nftables.service', change: 'modified', exposure: [76, 74], checks: { 'SystemCallArchitectures=': 'SystemCallArchitectures=native' }, hunksOnly: true }],
  },
  {
    name: 'git diff applied to the unit',
    patch: 'patches/git-diff.patch',
    texts: { 'nftables.service': read('example.service') },
    units: [{ path: 'nftables.service', change: 'modified', exposure: [29, 27], checks: { 'SystemCallArchitectures=': 'SystemCallArchitectures=native' }, hunksOnly: false }],
  },
  {
    name: 'several files: a unit with a new drop-in is one unit; a README is no unit',
    patch: 'patches/several-files.patch',
    texts: { 'nftables.service': debian },
    units: [
      { path: 'café.service', change: 'modified', exposure: [94, 82], checks: { 'User=/DynamicUser=': 'DynamicUser=yes' }, hunksOnly: true },
      { path: 'nftables.service', change: 'modified', exposure: [94, 87], checks: { 'PrivateDevices=': 'PrivateDevices=yes' }, hunksOnly: false },
    ],
  },
  {
    name: 'diff -ruN of two trees: the unit and its new drop-in',
    patch: 'patches/diff-ruN.patch',
    texts: { 'nftables.service': debian },
    units: [{ path: 'nftables.service', change: 'modified', exposure: [94, 63], checks: { 'ProtectKernelModules=': 'ProtectKernelModules=yes', 'NoNewPrivileges=': 'NoNewPrivileges=yes' }, hunksOnly: false }],
  },
  {
    name: 'diff -u of a copy: applied to the old copy',
    patch: 'patches/diff-u.patch',
    texts: { 'nftables.service.orig': debian },
    units: [{ path: 'nftables.service', change: 'modified', exposure: [94, 67], checks: { 'CapabilityBoundingSet=~CAP_SYS_ADMIN': 'CapabilityBoundingSet=CAP_NET_ADMIN' }, hunksOnly: false }],
  },
  {
    name: 'a series of mails applied one after the other',
    patch: 'patches/series.mbox',
    texts: { 'nftables.service': debian },
    units: [{ path: 'nftables.service', change: 'modified', exposure: [94, 69], checks: { 'CapabilityBoundingSet=~CAP_SYS_ADMIN': 'CapabilityBoundingSet=CAP_NET_ADMIN' }, hunksOnly: false }],
  },
  {
    name: 'a series from the hunks only: the last mail is read, and that is said',
    patch: 'patches/series.mbox',
    units: [{ path: 'nftables.service', change: 'modified', exposure: [90, 67], hunksOnly: true }],
    notes: /changed by 2 patches and its text is not at hand/,
  },
  {
    name: 'a renamed unit keeps its findings paired: only its description changed',
    patch: 'patches/rename.patch',
    units: [{ path: 'nft.service', change: 'modified', exposure: [94, 94], hunksOnly: true }],
  },
  {
    name: 'a deleted unit',
    patch: 'patches/delete.patch',
    units: [{ path: 'café.service', change: 'removed', exposure: [82, undefined], hunksOnly: false }],
  },
];

describe('review: patches of every kind', () => {
  for (const c of patchCases) {
    it(c.name, () => {
      const reviewed = reviewPatch(c.patch, c.texts);
      assert.deepEqual(
        reviewed.map(({ unit, review }) => ({
          path: unit.unitPath,
          change: review.change,
          exposure: [review.exposure?.before?.scored ? review.exposure.before.exposure : undefined, review.exposure?.after?.scored ? review.exposure.after.exposure : undefined],
          hunksOnly: unit.fromHunksOnly,
        })),
        c.units.map(({ path, change, exposure, hunksOnly }) => ({ path, change, exposure, hunksOnly })),
      );
      c.units.forEach((expected, i) => {
        const { review, unit } = reviewed[i];
        assert.deepEqual(unit.errors, []);
        for (const [id, line] of Object.entries(expected.checks ?? {})) {
          const check = review.checks.find((x) => x.id === id);
          assert.ok(check, `${id} among ${review.checks.map((x) => x.id).join(', ')}`);
          assert.ok(check.after.lines.some((l) => l.text === line), `${id} decided by ${line}`);
        }
        if (c.notes) assert.match(unit.notes.join('\n'), c.notes);
      });
    });
  }

  it('a drop-in: its findings and lines are its own', () => {
    const nft = reviewPatch('patches/several-files.patch', { 'nftables.service': debian }).find((r) => r.unit.unitPath === 'nftables.service');
    assert.ok(nft);
    const devices = nft.review.checks.find((c) => c.id === 'PrivateDevices=');
    assert.deepEqual(devices?.after.lines.map((l) => [l.file, l.range.start.line]), [['nftables.service.d/10-devices.conf', 1]]);
    assert.equal(nft.unit.input.after.dropIns?.[0]?.uri, uriOf('nftables.service.d/10-devices.conf'));
    assert.equal(nft.unit.input.before.dropIns, undefined);
  });

  it('NoNewPrivileges= implied by DynamicUser=yes, as the knowledge base says', () => {
    const cafe = reviewPatch('patches/several-files.patch').find((r) => r.unit.unitPath === 'café.service');
    assert.equal(cafe?.review.sandbox?.before?.noNewPrivileges, 'not set');
    assert.equal(cafe?.review.sandbox?.after?.noNewPrivileges, 'yes, implied by DynamicUser=yes');
    assert.equal(cafe?.review.sandbox?.after?.user, 'runs as a dynamic user');
  });
});

describe('review: which findings are new', () => {
  const unit = (text: string) => ({ unit: { uri: 'file:///etc/systemd/system/web.service', text } });
  const base = ['[Service]', 'ExecStart=/usr/bin/web', 'ProtectSystem=full', 'ProtectHome=yes', 'Nice=5', ''].join('\n');

  it('a finding that only moved is neither new nor resolved', () => {
    const moved = `# managed by the web team\n# do not edit\n${base}`;
    const review = reviewUnit({ before: unit(base), after: unit(moved) }, DEFAULT_SETTINGS);
    assert.ok(review.keptFindings > 0, 'the unit has findings');
    assert.deepEqual([review.newFindings, review.resolvedFindings], [[], []]);
  });

  it('a finding that the change brings is new; one it removes is resolved', () => {
    const typo = base.replace('Nice=5', 'Nice=50');
    const review = reviewUnit({ before: unit(base), after: unit(typo) }, DEFAULT_SETTINGS);
    assert.deepEqual(brief(review.newFindings), ['5 Nice=50: error invalid-value']);
    assert.deepEqual(review.resolvedFindings, []);
    const back = reviewUnit({ before: unit(typo), after: unit(base) }, DEFAULT_SETTINGS);
    assert.deepEqual(brief(back.resolvedFindings), ['5 Nice=50: error invalid-value']);
    assert.deepEqual(back.newFindings, []);
  });

  it('a second copy of a finding is new even though the first is old', () => {
    const once = `${base}CPUWeight=idle2\n`;
    const twice = `${once}CPUWeight=idle2\n`;
    const review = reviewUnit({ before: unit(once), after: unit(twice) }, DEFAULT_SETTINGS);
    const invalid = review.newFindings.filter((f) => f.diagnostic.code === 'invalid-value');
    assert.deepEqual(invalid.map((f) => f.diagnostic.range.start.line + 1), [7]);
    assert.ok(review.keptFindings >= 1);
  });

  it('line numbers are set aside in messages', () => {
    assert.equal(normalizeMessage('ProtectSystem=full (line 13) and ProtectHome=true (line 14) can be undone'), 'ProtectSystem=full (line #) and ProtectHome=true (line #) can be undone');
    assert.equal(normalizeMessage('is already set on line 3; see lines 4-6 and lines 7, 9 and 12'), 'is already set on line #; see line # and line #');
    assert.equal(normalizeMessage('needs 2 lines of context'), 'needs 2 lines of context');
  });
});
