import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, diagnoseWithFixes, DEFAULT_SETTINGS, fixAll, type Diagnostic, type Settings } from '../../server/src/core';

/**
 * What a hardening reviewer meets in real patches, case by case: breakage the unit's own lines
 * show must be named (with its evidence line), advice the unit's evidence contradicts must not be
 * given nor applied, and everything must speak of the release the unit targets.
 */
const URI = 'file:///etc/systemd/system/app.service';

function check(text: string, settings: Partial<Settings> = {}): Diagnostic[] {
  return diagnoseWithFixes(createUnitDocument(URI, text), { ...DEFAULT_SETTINGS, ...settings });
}

function unit(...service: string[]): string {
  return ['[Unit]', 'Description=app', '', '[Service]', ...service, '', '[Install]', 'WantedBy=multi-user.target', ''].join('\n');
}

/** The line a diagnostic is on, as written. */
function lineOf(text: string, d: Diagnostic): string {
  return text.split('\n')[d.range.start.line];
}

interface BreakageCase {
  name: string;
  text: string;
  code: string;
  /** The line the finding is on (its start). */
  on: string;
  /** Lines its related information must name (their start). */
  evidence: string[];
}

const BREAKAGE: BreakageCase[] = [
  {
    name: 'Type=notify and WatchdogSec= with RestrictAddressFamilies=AF_INET AF_INET6: sd_notify needs AF_UNIX',
    text: unit('Type=notify', 'ExecStart=/usr/bin/app', 'WatchdogSec=30s', 'RestrictAddressFamilies=AF_INET AF_INET6'),
    code: 'notify-socket-blocked',
    on: 'RestrictAddressFamilies=',
    evidence: ['Type=notify', 'WatchdogSec=30s'],
  },
  {
    name: 'PrivateUsers=yes with AmbientCapabilities=CAP_NET_BIND_SERVICE: the capability holds only inside the user namespace',
    text: unit('ExecStart=/usr/bin/app --port 80', 'User=app', 'AmbientCapabilities=CAP_NET_BIND_SERVICE', 'PrivateUsers=yes'),
    code: 'capability-void',
    on: 'PrivateUsers=yes',
    evidence: ['AmbientCapabilities=CAP_NET_BIND_SERVICE'],
  },
  {
    name: 'ProtectHome=yes with Environment=HOME=/home/git',
    text: unit('ExecStart=/usr/bin/gitd', 'User=git', 'Environment=HOME=/home/git', 'ProtectHome=yes'),
    code: 'path-blocked',
    on: 'ProtectHome=yes',
    evidence: ['Environment=HOME=/home/git'],
  },
  {
    name: 'ProtectSystem=strict while Environment= and ExecStart= name a pid file and a socket under /run, with no RuntimeDirectory=',
    text: unit('Environment=PIDFILE=/run/app/app.pid', 'ExecStart=/usr/bin/app --pid-file=${PIDFILE} --socket=/run/app/app.sock', 'ProtectSystem=strict'),
    code: 'path-blocked',
    on: 'ProtectSystem=strict',
    evidence: ['Environment=PIDFILE=/run/app/app.pid', 'ExecStart='],
  },
  {
    name: 'a program under /home with ProtectHome=yes: it cannot even be started',
    text: unit('ExecStart=/home/pi/venv/bin/python /home/pi/app/app.py', 'User=pi', 'ProtectHome=yes'),
    code: 'path-blocked',
    on: 'ProtectHome=yes',
    evidence: ['ExecStart=/home/pi'],
  },
  {
    name: 'Type=dbus with RestrictAddressFamilies=AF_INET: the bus is reached over AF_UNIX',
    text: unit('Type=dbus', 'BusName=org.example.App', 'ExecStart=/usr/bin/app', 'RestrictAddressFamilies=AF_INET'),
    code: 'notify-socket-blocked',
    on: 'RestrictAddressFamilies=',
    evidence: ['Type=dbus'],
  },
  {
    name: 'CapabilityBoundingSet=~CAP_SYS_ADMIN followed by CapabilityBoundingSet=CAP_NET_ADMIN: every capability but CAP_SYS_ADMIN',
    text: unit('ExecStart=/usr/bin/app', 'CapabilityBoundingSet=~CAP_SYS_ADMIN', 'CapabilityBoundingSet=CAP_NET_ADMIN'),
    code: 'list-merge-order',
    on: 'CapabilityBoundingSet=CAP_NET_ADMIN',
    evidence: ['CapabilityBoundingSet=~CAP_SYS_ADMIN'],
  },
  {
    name: 'SystemCallFilter=~@mount before SystemCallFilter=@system-service: no allow-list is ever built',
    text: unit('ExecStart=/usr/bin/app', 'SystemCallFilter=~@mount', 'SystemCallFilter=@system-service'),
    code: 'list-merge-order',
    on: 'SystemCallFilter=@system-service',
    evidence: ['SystemCallFilter=~@mount'],
  },
];

describe('review: breakage the unit text shows is named, with its evidence', () => {
  for (const c of BREAKAGE) {
    it(c.name, () => {
      const found = check(c.text).filter((d) => d.code === c.code);
      assert.equal(found.length, 1, `one ${c.code} finding, got: ${check(c.text).map((d) => `${d.code}: ${d.message}`).join(' | ')}`);
      const [d] = found;
      assert.equal(d.severity, 'warning');
      assert.ok(lineOf(c.text, d).startsWith(c.on), `on "${lineOf(c.text, d)}"`);
      const related = (d.related ?? []).map((r) => c.text.split('\n')[r.range.start.line]);
      for (const line of c.evidence) assert.ok(related.some((r) => r.startsWith(line)), `related information names ${line}: ${JSON.stringify(related)}`);
      for (const fix of d.fixes ?? []) assert.equal(fix.risk, 'review', `${fix.title}: a fix of a breakage changes the sandbox`);
    });
  }

  it('the same units without the breakage say nothing of it', () => {
    const fine = [
      unit('Type=notify', 'ExecStart=/usr/bin/app', 'WatchdogSec=30s', 'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6'),
      unit('ExecStart=/usr/bin/app --port 80', 'User=app', 'AmbientCapabilities=CAP_NET_BIND_SERVICE'),
      unit('ExecStart=/usr/bin/gitd', 'User=git', 'Environment=HOME=/home/git', 'ProtectHome=read-only'),
      unit('Environment=PIDFILE=/run/app/app.pid', 'ExecStart=/usr/bin/app --pid-file=${PIDFILE} --socket=/run/app/app.sock', 'RuntimeDirectory=app', 'ProtectSystem=strict'),
      unit('ExecStart=/usr/bin/app', 'CapabilityBoundingSet=CAP_NET_ADMIN'),
      unit('ExecStart=/usr/bin/app', 'SystemCallFilter=@system-service', 'SystemCallFilter=~@mount'),
    ];
    for (const text of fine) {
      const said = check(text).filter((d) => ['notify-socket-blocked', 'capability-void', 'path-blocked', 'list-merge-order'].includes(d.code));
      assert.deepEqual(said.map((d) => d.message), [], text);
    }
  });
});

describe('review: no advice, and no fix, that the unit\'s own evidence contradicts', () => {
  it('a mail server whose logins chroot (it keeps CAP_SYS_CHROOT) is not offered SystemCallFilter=~@mount', () => {
    const text = unit('ExecStart=/usr/sbin/dovecot -F', 'CapabilityBoundingSet=CAP_CHOWN CAP_DAC_OVERRIDE CAP_SETGID CAP_SETUID CAP_SYS_CHROOT CAP_NET_BIND_SERVICE CAP_KILL', 'ProtectSystem=full', 'PrivateTmp=yes');
    const d = check(text);
    const titles = d.flatMap((x) => (x.fixes ?? []).map((f) => f.title));
    assert.ok(!titles.some((t) => t.includes('@mount')), `offered: ${titles.join(' | ')}`);
    const all = fixAll(URI, text, DEFAULT_SETTINGS, {}, ['safe', 'review']);
    assert.ok(!all.text.includes('~@mount'), 'fix-all with review fixes must not apply it either');
  });

  it('MemoryDenyWriteExecute= gets no fix that hides /dev/shm or denies memfd_create()', () => {
    const text = unit('ExecStart=/usr/bin/app', 'MemoryDenyWriteExecute=yes');
    const found = check(text).filter((d) => d.pairing?.startsWith('mdwe-'));
    assert.equal(found.length, 1, 'one finding for the cause');
    assert.equal(found[0].severity, 'information');
    assert.equal(found[0].fixes, undefined);
    assert.ok(!fixAll(URI, text, DEFAULT_SETTINGS, {}, ['safe', 'review']).text.includes('/dev/shm'));
  });

  it('PrivateDevices=yes is neither recommended nor added for a unit whose DeviceAllow= grants the devices it needs', () => {
    const text = unit('ExecStart=/usr/sbin/ptp4l -i eth0', 'DeviceAllow=/dev/ptp0 rw', 'DeviceAllow=/dev/pps0 rw', 'DeviceAllow=char-rtc r', 'DevicePolicy=closed', 'ProtectSystem=strict');
    const d = check(text);
    assert.ok(!d.some((x) => x.message.includes('PrivateDevices=yes')), d.map((x) => x.message).join(' | '));
    assert.ok(!fixAll(URI, text, DEFAULT_SETTINGS, {}, ['safe', 'review']).text.includes('PrivateDevices=yes'));
    // Without the evidence, the advice is given.
    const plain = unit('ExecStart=/usr/sbin/app', 'ProtectSystem=strict');
    assert.ok(check(plain).some((x) => x.message.includes('PrivateDevices=yes')));
  });

  it('no fix adds DynamicUser=yes to a daemon that runs as its own user', () => {
    const text = unit('ExecStart=/usr/sbin/app', 'User=app', 'ProtectProc=invisible', 'RemoveIPC=yes', 'ProtectHostname=yes');
    const titles = check(text).flatMap((x) => (x.fixes ?? []).map((f) => f.title));
    assert.ok(!titles.some((t) => t.includes('DynamicUser')), titles.join(' | '));
  });

  it('a corrected name or section makes systemd read a line it ignores today: a review fix, never applied by fix-all', () => {
    const text = ['[Unit]', 'Description=app', 'InaccessiblePaths=/home', '', '[Service]', 'ExecStart=/usr/bin/app', 'NoExecPath=/', 'MemoryMx=64M', ''].join('\n');
    const fixes = check(text).flatMap((d) => d.fixes ?? []);
    assert.ok(fixes.length >= 3 && fixes.every((f) => f.risk === 'review'), fixes.map((f) => `${f.title}: ${f.risk}`).join(' | '));
    assert.equal(fixAll(URI, text, DEFAULT_SETTINGS).text, text);
  });

  it('a non-root service whose old bounding set names CAP_SETUID is told so as information, and never offered CAP_SETUID', () => {
    const text = unit('ExecStart=/usr/bin/redis-server /etc/redis/redis.conf', 'User=redis', 'NoNewPrivileges=true', 'CapabilityBoundingSet=CAP_SETGID CAP_SETUID CAP_SYS_RESOURCE');
    const voided = check(text).filter((d) => d.code === 'capability-void');
    assert.deepEqual(voided.map((d) => d.severity), ['information']);
    const titles = voided.flatMap((d) => (d.fixes ?? []).map((f) => f.title));
    assert.ok(!titles.some((t) => /CAP_SET(UID|GID)/.test(t)), titles.join(' | '));
  });

  it('a client that connects to a socket, or reads a log, under ProtectSystem=strict is not told it writes there', () => {
    for (const text of [
      unit('ExecStart=/usr/bin/mariadb-dump --socket=/run/mysqld/mysqld.sock --all-databases', 'ProtectSystem=strict'),
      unit('Environment=LOGFILE=/var/log/nginx/access.log', 'ExecStart=/usr/bin/goaccess ${LOGFILE}', 'ProtectSystem=strict'),
    ]) {
      assert.deepEqual(check(text).filter((d) => d.code === 'path-blocked').map((d) => d.message), [], text);
    }
  });

  it('~CAP_X, then CAP_X, then CAP_Y: the set is back to unset after the second line, so systemd keeps only CAP_Y, as written', () => {
    const text = unit('ExecStart=/usr/bin/app', 'CapabilityBoundingSet=~CAP_NET_RAW', 'CapabilityBoundingSet=CAP_NET_RAW', 'CapabilityBoundingSet=CAP_NET_BIND_SERVICE');
    assert.ok(!check(text).some((d) => d.code === 'list-merge-order'));
  });

  it('no safe fix takes a permission away: fix-all at default changes no sandboxing line', () => {
    const text = unit('ExecStart=/usr/bin/app', 'SystemCallFilter=@system-service', 'ProtectSystem=full', 'StartLimitBurst=5', 'ProtectProc=invisible');
    const result = fixAll(URI, text, DEFAULT_SETTINGS);
    assert.deepEqual(result.applied, ['Move StartLimitBurst= to [Unit]']);
    assert.ok(result.left.length >= 2, JSON.stringify(result.left));
  });
});

describe('review: each cause once, and knowledge out of the Problems panel', () => {
  it('SystemCallArchitectures=native is recommended once for three lines, naming all three', () => {
    const text = unit('ExecStart=/usr/bin/app', 'SystemCallFilter=@system-service', 'RestrictAddressFamilies=AF_UNIX', 'MemoryDenyWriteExecute=yes');
    const arch = check(text).filter((d) => d.message.includes('SystemCallArchitectures=native'));
    assert.equal(arch.length, 1);
    assert.equal(arch[0].related?.length, 2);
  });

  it('mount restrictions that can be undone: one warning for every namespacing line of the unit', () => {
    const text = unit('ExecStart=/usr/bin/app', 'ProtectSystem=strict', 'ProtectHome=yes', 'PrivateTmp=yes', 'PrivateDevices=yes', 'ProtectKernelTunables=yes');
    const undo = check(text).filter((d) => d.pairing?.startsWith('undo-'));
    assert.equal(undo.length, 1);
    assert.equal(undo[0].pairings?.length, 5);
  });

  it('nothing published is an implication, and no working line is drawn faded', () => {
    const text = unit('ExecStart=/usr/bin/app', 'DynamicUser=yes', 'PrivateTmp=yes', 'ProtectSystem=strict', 'ProtectKernelTunables=yes');
    const d = check(text);
    assert.ok(!d.some((x) => x.code === 'implies' || x.severity === 'hint'));
    assert.deepEqual(d.filter((x) => x.unnecessary).map((x) => x.message), []);
  });

  it('ProtectProc=invisible: judged by CAP_SYS_PTRACE, not by the user', () => {
    const dropped = unit('ExecStart=/usr/bin/app', 'CapabilityBoundingSet=~CAP_SYS_PTRACE', 'ProtectProc=invisible');
    assert.ok(!check(dropped).some((d) => d.pairing === 'protectproc-needs-user'), 'root without CAP_SYS_PTRACE is subject to hidepid');
    const kept = unit('ExecStart=/usr/bin/app', 'ProtectProc=invisible');
    assert.ok(check(kept).some((d) => d.pairing === 'protectproc-needs-user' && d.message.includes('CAP_SYS_PTRACE')));
  });
});

describe('review: safe fixes are the ones that change nothing systemd does', () => {
  it('the dropped "!!" prefix: a warning on each line at 258 on, removed by fix-all on every line, silent before 258', () => {
    const text = unit('ExecStartPre=-!!/usr/bin/app-setup', 'ExecStart=!!/usr/bin/app --serve');
    const found = check(text).filter((d) => d.message.includes('"!!"'));
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line]), [['warning', 4], ['warning', 5]]);
    const fixed = fixAll(URI, text, DEFAULT_SETTINGS, {}, ['safe']);
    assert.equal(fixed.text, unit('ExecStartPre=-/usr/bin/app-setup', 'ExecStart=/usr/bin/app --serve'));
    assert.equal(fixed.applied.length, 2);
    assert.ok(!check(text, { systemdVersion: 257 }).some((d) => d.message.includes('"!!"')));
  });
});

describe('review: every message and suggestion speaks of the target release', () => {
  it('at 252, PrivateTmp=isolate is not told to become disconnected (257)', () => {
    const text = unit('ExecStart=/usr/bin/app', 'PrivateTmp=isolate');
    const at252 = check(text, { systemdVersion: 252 }).find((d) => d.code === 'invalid-value');
    assert.ok(at252);
    assert.doesNotMatch(at252.message, /disconnected/);
    for (const fix of at252.fixes ?? []) assert.doesNotMatch(applyEdits(text, fix.edits), /disconnected/);
    const at262 = check(text).find((d) => d.code === 'invalid-value');
    assert.match(at262?.message ?? '', /disconnected/);
  });

  it('at 252, SystemCallFilter=@sandbox (253) is newer than the target', () => {
    const text = unit('ExecStart=/usr/bin/app', 'SystemCallFilter=~@sandbox');
    const old = check(text, { systemdVersion: 252 }).find((d) => d.code === 'newer-than-target');
    assert.match(old?.message ?? '', /^@sandbox came with systemd 253; systemd 252/);
    assert.ok(!check(text).some((d) => d.code === 'newer-than-target'));
  });

  it('an ambient capability the bounding set drops: dropped quietly from 246, a failed start before', () => {
    const text = unit('ExecStart=/usr/sbin/ntpd', 'User=ntp', 'AmbientCapabilities=CAP_SYS_TIME', 'ProtectClock=yes');
    const now = check(text).find((d) => d.code === 'capability-void');
    assert.match(now?.message ?? '', /quietly leaves it out of the ambient set/);
    const old = check(text, { systemdVersion: 245 }).find((d) => d.code === 'capability-void');
    assert.match(old?.message ?? '', /systemd 245 cannot raise it and the start fails \(status 218\/CAPABILITIES\)/);
  });

  it('no fix writes a setting or value newer than the target', () => {
    const text = unit('ExecStart=/usr/bin/app', 'DefaultDependencies=no', 'PrivateTmp=yes', 'ProtectSystem=strict', 'SystemCallFilter=@system-service', 'ProtectProc=invisible');
    for (const version of [247, 252, 254]) {
      for (const d of check(text, { systemdVersion: version })) {
        for (const fix of d.fixes ?? []) {
          const after = applyEdits(text, fix.edits);
          const newer = check(after, { systemdVersion: version }).filter((x) => x.code === 'newer-than-target');
          assert.deepEqual(newer.map((x) => x.message), [], `${version}: "${fix.title}"`);
        }
      }
    }
  });
});
