/** Hardening plans of fixture units: what each level writes and what it holds back, and why. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createUnitDocument, hardeningComment, type HardeningLevel } from '../../server/src/core';
import { applyPlan } from './support';

const FIXTURES = join(__dirname, '../../../test/fixtures/harden');

interface Case {
  fixture: string;
  level: HardeningLevel;
  systemdVersion: number;
  dropIn?: boolean;
  /** Lines the plan writes (`Directive=value`, or `Directive=value<from` for a changed value). */
  writes: string[];
  /** Settings it must not write. */
  leaves?: string[];
  /** Settings held back, with a part of the reason. */
  holds: [string, string][];
}

const CASES: Case[] = [
  // Writes below /var and /run: the read-only root of strict is held back, full is not.
  { fixture: 'writes-paths.service', level: 'standard', systemdVersion: 252, writes: ['ProtectSystem=full', 'PrivateTmp=yes', 'RemoveIPC=yes', 'ProtectProc=invisible'], holds: [] },
  { fixture: 'writes-paths.service', level: 'strict', systemdVersion: 252, writes: ['ProtectHome=yes', 'PrivateUsers=yes', 'UMask=0077'], leaves: ['ProtectSystem'], holds: [['ProtectSystem', '[path-blocked]']] },
  // A serial port in the command line: no private /dev, no device allow-list.
  { fixture: 'needs-device.service', level: 'standard', systemdVersion: 252, writes: ['NoNewPrivileges=yes', 'SystemCallFilter=@system-service'], leaves: ['PrivateDevices'], holds: [['PrivateDevices', '[device-blocked]'], ['RemoveIPC', 'effective-only-with']] },
  { fixture: 'needs-device.service', level: 'strict', systemdVersion: 252, dropIn: true, writes: ['ProtectSystem=strict', 'MemoryDenyWriteExecute=yes'], leaves: ['PrivateDevices', 'PrivateUsers'], holds: [['PrivateUsers', 'runs as root']] },
  // Port 80 through an ambient capability: kept out of the bounding set and out of a user namespace.
  { fixture: 'low-port.service', level: 'strict', systemdVersion: 252, writes: ['RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK', 'PrivateDevices=yes'], leaves: ['PrivateUsers'], holds: [['PrivateUsers', '[capability-void]']] },
  // The unit's own choices stand; a weaker value of the level's setting is raised; a needed capability keeps ProtectClock= out.
  { fixture: 'sets-own.service', level: 'strict', systemdVersion: 252, writes: ['ProtectSystem=strict<yes', 'ProtectHome=yes'], leaves: ['PrivateTmp', 'SystemCallFilter'], holds: [['PrivateTmp', 'sets PrivateTmp=no'], ['ProtectClock', 'needs CAP_SYS_TIME']] },
  // Nothing newer than the target release.
  { fixture: 'sets-own.service', level: 'safe', systemdVersion: 240, writes: ['ProtectKernelModules=yes', 'ProtectControlGroups=yes', 'LockPersonality=yes'], leaves: ['ProtectKernelLogs', 'RestrictSUIDSGID'], holds: [['ProtectKernelLogs', 'needs systemd 244'], ['RestrictSUIDSGID', 'needs systemd 242']] },
];

for (const c of CASES) {
  test(`harden ${c.fixture} at ${c.level} (systemd ${c.systemdVersion}${c.dropIn ? ', drop-in' : ''})`, () => {
    const path = join(FIXTURES, c.fixture);
    const unit = createUnitDocument(pathToFileURL(path).href, readFileSync(path, 'utf8'));
    const settings = { systemdVersion: c.systemdVersion };
    const result = applyPlan(unit, [], settings, c.level, c.dropIn === true);
    const { plan } = result;
    assert.equal(plan.problem, undefined);
    const written = plan.settings.map((s) => `${s.directive}=${s.value}${s.from !== undefined ? `<${s.from}` : ''}`);
    for (const line of c.writes) assert.ok(written.includes(line), `${line} not in ${written.join(', ')}`);
    for (const name of c.leaves ?? []) assert.ok(!plan.settings.some((s) => s.directive === name), `${name} written`);
    for (const [name, why] of c.holds) {
      const held = plan.heldBack.filter((h) => h.directive === name);
      assert.ok(held.some((h) => h.reason.includes(why)), `${name} not held back for '${why}': ${JSON.stringify(held)}`);
    }
    for (const s of plan.settings) {
      assert.ok(s.since === undefined || s.since <= c.systemdVersion, `${s.directive} needs ${s.since}`);
      assert.ok(s.why && s.mayBreak, `${s.directive} without why or what it may break`);
      if (s.from === undefined) assert.ok(plan.after.includes(`${s.directive}=${s.value}`));
    }
    assert.ok(plan.after.includes(hardeningComment(c.level)));
    assert.equal(plan.uri.endsWith('.service.d/hardening.conf'), c.dropIn === true);
    assert.deepEqual(result.newFindings.map((d) => d.message), []);
    assert.deepEqual(result.replanned.settings, []);
    assert.ok(plan.exposureBefore !== undefined && plan.exposureAfter !== undefined && plan.exposureAfter < plan.exposureBefore, `exposure ${plan.exposureBefore} → ${plan.exposureAfter}`);
  });
}

test('harden leaves drop-ins and other unit types alone', () => {
  const settings = { systemdVersion: 262 };
  const socket = createUnitDocument('file:///x/a.socket', '[Socket]\nListenStream=80\n');
  assert.equal(applyPlan(socket, [], settings, 'strict').plan.problem, 'not a service');
  const dropIn = createUnitDocument('file:///x/a.service.d/x.conf', '[Service]\nUser=a\n');
  assert.match(applyPlan(dropIn, [], settings, 'strict').plan.problem ?? '', /through its unit/);
});
