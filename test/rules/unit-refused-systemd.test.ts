/**
 * Units systemd refuses to load, with `systemd-analyze verify` of every release there is (252
 * installed; 247, 254, 257 and 262 from scripts/systemd-releases.sh) as the oracle: for each unit
 * below, verify says "Refusing." exactly when UnitGuard, targeting that release, finds the service
 * refused, and then the check reports it as an error (unit-refused, or the hardening pair that
 * names the same cause).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createUnitDocument, diagnose, DEFAULT_SETTINGS } from '../../server/src/core';
import { UnitModel } from '../../server/src/core/model/unitModel';
import { unitRefusal } from '../../server/src/core/model/unitRefusal';
import { SYSTEMD_SAYS } from '../support/refusalWords';
import { allAnalyzers, runAnalyzer } from '../security/support';

/** `[Service]` lines (and `[Unit]` ones after a `--` line) of small services. */
const SERVICES: readonly string[] = [
  'ExecStart=/bin/true\nExecStart=/bin/false',
  'ExecStart=/bin/true ; /bin/false',
  'ExecStart=/bin/true ;',
  'ExecStart=/bin/echo a ; ; /bin/false',
  'Type=oneshot\nExecStart=/bin/true\nExecStart=/bin/false',
  'Type=notify\nExecStart=/bin/true\nExecStart=/bin/false',
  'ExecStart=/bin/true\nExecStart=\nExecStart=/bin/false',
  'ExecStart=/bin/true\nExecStart=',
  'ExecStart=/bin/true\nExecStop=/bin/true\nExecStart=\nExecStop=\nRemainAfterExit=yes',
  'ExecStop=/bin/true',
  'ExecStop=/bin/true\nRemainAfterExit=yes',
  'Type=simple\nExecStop=/bin/true\nRemainAfterExit=yes',
  'User=nobody',
  'User=nobody\n--\nSuccessAction=exit',
  'Type=oneshot\nExecStart=/bin/true\nRestartForceExitStatus=75',
  'Type=oneshot\nExecStart=/bin/true\nRestart=on-success',
  'Type=oneshot\nExecStart=/bin/true\nRestart=on-failure',
  'ExecStop=/bin/true\nRemainAfterExit=yes\nRestart=always',
  'Type=oneshot\nExecStart=/bin/true\nExitType=cgroup',
  'Type=dbus\nExecStart=/bin/true',
  'BusName=org.example.Refusal\nExecStart=/bin/true',
  'ExecStart=/bin/true\nPAMName=login\nKillMode=process',
  'ExecStart=/bin/true\nPAMName=login\nKillMode=mixed',
  'Type=forking\nExecStart=/bin/true\nPrivatePIDs=yes',
  'ExecStart=/bin/true\n--\nOnFailure=a.service b.service\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service\nOnFailure=\nOnFailure=b.service\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service a.service\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service b.service\nOnFailureJobMode=isolate\nOnFailureJobMode=replace',
  'ExecStart=/bin/true\n--\nOnFailure=a.service b.service\nOnFailureIsolate=yes',
  'ExecStart=/bin/true\n--\nOnSuccess=a.service b.service\nOnSuccessJobMode=isolate',
  'ExecStart=/bin/true\nDynamicUser=yes\nWorkingDirectory=~',
  'ExecStart=/bin/true\nDynamicUser=yes\nWorkingDirectory=-~',
  'ExecStart=/bin/true\nDynamicUser=yes\nWorkingDirectory=~\nWorkingDirectory=/tmp',
  'ExecStart=/bin/true\nWorkingDirectory=~',
  'ExecStart=/bin/true\nPAMName=login\nPrivatePIDs=yes',
  'ExecStart=/bin/true\nPrivateUsers=yes\nUserNamespacePath=/proc/1/ns/user',
  'ExecStart=/bin/true\nPrivateUsers=no\nUserNamespacePath=/proc/1/ns/user',
  'ExecStart=/bin/true\nPrivateUsers=managed\nUser=nobody',
  'ExecStart=/bin/true\nPrivateUsers=managed\nDynamicUser=yes',
  'ExecStart=/bin/true\nPrivateUsers=managed',
  'ExecStart=/bin/true\n--\nOnFailure=a.service refusal-SELF.service\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service %n\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service a\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service bad/name.service\nOnFailureJobMode=isolate',
  'ExecStart=/bin/true\n--\nOnFailure=a.service %n-notify.service\nOnFailureJobMode=isolate',
];

/** Units of other types: their file name, then their text. */
const OTHERS: readonly (readonly [string, string])[] = [
  ['nightly.timer', '[Timer]\nOnCalendar=daily\n'],
  ['nightly.timer', '[Timer]\nPersistent=yes\n'],
  ['nightly.timer', '[Timer]\nOnCalendar=daily\nOnCalendar=\n'],
  ['nightly.timer', '[Timer]\nOnBootSec=5min\nOnCalendar=\n'],
  ['nightly.timer', '[Timer]\nOnClockChange=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\n'],
  ['api.socket', '[Socket]\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nListenDatagram=\n'],
  ['api.socket', '[Socket]\nListenDatagram=/run/api.sock\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenFIFO=/run/api.fifo\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenNetlink=route 1\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenMessageQueue=/api\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenStream=8080\nListenDatagram=8080\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenStream=8080\nListenDatagram=8080\nListenDatagram=\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenSequentialPacket=/run/api.sock\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenStream=@api\nAccept=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nAccept=yes\nMaxConnections=0\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nMaxConnections=0\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nAccept=yes\nMaxConnections=1\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nAccept=yes\nService=api-handler.service\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nService=api-handler.service\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nAccept=yes\nDeferTrigger=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nDeferTrigger=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nPAMName=login\nKillMode=mixed\nExecStartPre=/bin/true\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nPAMName=login\nKillMode=process\nExecStartPre=/bin/true\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nPAMName=login\nExecStartPre=/bin/true\n'],
  ['api.socket', '[Socket]\nListenStream=127.0.0.1:8080\nSymlinks=/run/api-link\n'],
  ['api.socket', '[Socket]\nListenStream=@api\nSymlinks=/run/api-link\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nListenFIFO=/run/api.fifo\nSymlinks=/run/api-link\n'],
  ['api.socket', '[Socket]\nListenFIFO=/run/api.fifo\nSymlinks=/run/api-link\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nSymlinks=/run/api-link\nSymlinks=\n'],
  ['api.socket', '[Socket]\nListenStream=%t/api.sock\nSymlinks=/run/api-link\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nAccept=yes\nMaxConnections=0x0\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nAccept=yes\nMaxConnections=010\n'],
  ['spool.path', '[Path]\nPathExists=/var/spool/x\n'],
  ['spool.path', '[Path]\nMakeDirectory=yes\n'],
  ['var-lib-data.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/var/lib/data\n'],
  ['data.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/var/lib/data\n'],
  ['var-lib-my\\x2ddata.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/var/lib/my-data/\n'],
  ['var-lib-data.automount', '[Automount]\nWhere=/var/lib/data\n'],
  ['data.automount', '[Automount]\nWhere=/var/lib/data\n'],
  ['data.mount', '[Mount]\nWhere=/data\n'],
  ['-.mount', '[Mount]\nWhere=/\n'],
  ['data.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/data\nPAMName=login\nKillMode=process\n'],
  ['data.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/data\nPAMName=login\nKillMode=mixed\n'],
  ['dev-vdb2.swap', '[Swap]\nWhat=/dev/vdb2\nPAMName=login\nKillMode=process\n'],
  ['dev-vdb2.swap', '[Swap]\nWhat=/dev/vdb2\nPAMName=login\nKillMode=mixed\n'],
  ['proc.mount', '[Mount]\nWhat=proc\nWhere=/proc\nType=proc\n'],
  ['run-lock.mount', '[Mount]\nWhat=tmpfs\nWhere=/run/lock\nType=tmpfs\n'],
  ['run-credentials-web.service.mount', '[Mount]\nWhat=tmpfs\nWhere=/run/credentials/web.service\nType=tmpfs\n'],
  ['sys-fs-cgroup-unified.mount', '[Mount]\nWhat=cgroup2\nWhere=/sys/fs/cgroup/unified\nType=cgroup2\n'],
  ['run-host-incoming.mount', '[Mount]\nWhat=tmpfs\nWhere=/run/host/incoming\nType=tmpfs\n'],
  ['dev-hugepages.mount', '[Mount]\nWhat=hugetlbfs\nWhere=/dev/hugepages\nType=hugetlbfs\n'],
  ['proc-sys-fs-binfmt_misc.mount', '[Mount]\nWhat=binfmt_misc\nWhere=/proc/sys/fs/binfmt_misc\nType=binfmt_misc\n'],
  ['run-user.mount', '[Mount]\nWhat=tmpfs\nWhere=//run/user/\nType=tmpfs\n'],
  ['data.mount', '[Mount]\nWhat=/dev/vdb1\n'],
  ['data.mount', '[Mount]\nWhere=/data\nWhat=/dev/vdb1\nWhat=\n'],
  ['data.mount', '[Mount]\nWhere=/data\nWhat=/dev/vdb1\nPrivatePIDs=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nPrivatePIDs=yes\n'],
  ['api.socket', '[Socket]\nListenStream=/run/api.sock\nExecStartPre=/bin/true\nDynamicUser=yes\nWorkingDirectory=~\n'],
  ['dev-vdb2.swap', '[Swap]\nWhat=/dev/vdb2\nPAMName=login\nKillMode=none\n'],
  ['dev-vdb2.swap', '[Swap]\nWhat=/dev/vdb2\nPAMName=login\nKillMode=control-group\n'],
  ['-.automount', '[Automount]\n'],
  ['-.automount', '[Automount]\nWhere=/\n'],
  ['-.automount', '[Automount]\nWhere=//\n'],
  ['data@.automount', '[Automount]\nWhere=/data\n'],
  ['data@.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/data\n'],
  ['dev-vdb@.swap', '[Swap]\nWhat=/dev/vdb2\n'],
  ['tenant@.slice', '[Slice]\nMemoryMax=1G\n'],
  ['tenant@a.slice', '[Slice]\nMemoryMax=1G\n'],
  ['home.automount', '[Automount]\nWhere=/\n'],
  ['rescue-all.target', '[Unit]\nOnFailure=a.service b.service\nOnFailureJobMode=isolate\n'],
  ['nightly.timer', '[Unit]\nOnSuccess=a.service b.service\nOnSuccessJobMode=isolate\n[Timer]\nOnCalendar=daily\n'],
  ['data@x.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/data@x\n'],
  ['data\\x40x.mount', '[Mount]\nWhat=/dev/vdb1\nWhere=/data@x\n'],
  ['api@a.socket', '[Socket]\nListenStream=/run/api-%i.sock\n'],
  ['api@.socket', '[Socket]\nListenStream=/run/api-%i.sock\n'],
  ['nightly@.timer', '[Timer]\nOnCalendar=daily\n'],
  ['spool@.path', '[Path]\nPathExists=/var/spool/%i\n'],
  ['tenant@.target', '[Unit]\nDescription=Tenant\n'],
];

/** Every case: its file name and text. */
const CASES: readonly (readonly [string, string])[] = [...SERVICES.map((body, i) => [`refusal-${i}.service`, unitText(body.replace('refusal-SELF', `refusal-${i}`))] as const), ...OTHERS];


/** The findings that say systemd refuses the service. */
const REFUSING = new Set(['unit-refused', 'conflicts-with', 'requires-one-of']);

function escapeRegExp(text: string): string {
  return text.replace(/[.\\]/g, '\\$&');
}

function unitText(body: string): string {
  const [service, unit] = body.split('\n--\n');
  return `[Unit]\nDescription=Refusal case\n${unit ? `${unit}\n` : ''}\n[Service]\n${service}\n`;
}

test('units systemd refuses to load: UnitGuard agrees with systemd-analyze verify of each release', (t) => {
  const analyzers = allAnalyzers();
  if (analyzers.length === 0) {
    t.skip('no systemd-analyze (see the SKIPPED line above)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-refusal-'));
  try {
    let refusals = 0;
    for (const analyzer of analyzers) {
      for (const [i, [name, text]] of CASES.entries()) {
        // Each case in a folder of its own: several share a name.
        const folder = join(dir, String(i));
        mkdirSync(folder);
        writeFileSync(join(folder, name), text);
        const r = runAnalyzer({ ...analyzer, env: { ...analyzer.env, SYSTEMD_LOG_LEVEL: 'notice' } }, ['verify', '--man=no', join(folder, name)]);
        rmSync(folder, { recursive: true, force: true });
        const said = (r.stderr + r.stdout).replace(/\x1b\[[0-9;]*m/g, '');
        // 247 does not get as far as refusing a Type=dbus service without BusName=: an assertion
        // stops it while it sets the service up (its manager would not load the unit either). A
        // swap unit's check says "Refusing to load."; a template of a type that has no instances
        // fails as its instance is loaded, and the root automount from 252 on with an error code
        // alone (EADDRNOTAVAIL: a load failure of the environment, such as a missing systemd-oomd,
        // says another).
        const quoted = escapeRegExp(name);
        const instance = name.split('@.').map(escapeRegExp).join('@[^/]*\\.');
        const systemdRefuses = new RegExp(
          `^${quoted}: .*Refusing( to load)?\\.$|^Assertion '.*' failed at|^Unit ${quoted} failed to load properly, please adjust/correct and reload service manager: Cannot assign requested address$|^Failed to load unit file .*/${instance}: Invalid argument$`,
          'm',
        ).test(said);
        const document = createUnitDocument(`file:///etc/systemd/system/${name}`, text);
        const refusal = unitRefusal(UnitModel.build(document), analyzer.version, 'system');
        const where = `${analyzer.label}, case ${i}:\n${text}\nsystemd: ${said.trim().split('\n').filter((l) => l.includes(name)).join(' | ')}`;
        assert.equal(refusal !== undefined, systemdRefuses, `${where}\nUnitGuard: ${refusal?.reason ?? 'loads'}`);
        if (!systemdRefuses || refusal === undefined) continue;
        // Refused by both, and for the same cause: systemd's words for it.
        assert.match(said, SYSTEMD_SAYS[refusal.cause], `${where}\nUnitGuard refuses it for another cause: ${refusal.cause} (${refusal.reason})`);
        refusals++;
        const errors = diagnose(document, { ...DEFAULT_SETTINGS, systemdVersion: analyzer.version }).filter((d) => d.severity === 'error' && REFUSING.has(String(d.code)));
        assert.ok(errors.length > 0, `${where}\nno error says so`);
      }
    }
    t.diagnostic(`${CASES.length} units × ${analyzers.length} releases (${analyzers.map((a) => a.version).join(', ')}): ${refusals} refusals, each agreed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
