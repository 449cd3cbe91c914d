import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directiveRow } from '../../server/src/core/kb';
import { checkValue } from '../../server/src/core/rules/values/checks';

/**
 * Values systemd accepts must never be reported (false positives are bugs); values it rejects
 * must be. Each row: setting, section, value.
 */
const ACCEPTED: [string, string, string][] = [
  ['PrivateTmp', 'Service', 'yes'],
  ['PrivateTmp', 'Service', 'TRUE'],
  ['PrivateTmp', 'Service', 'disconnected'],
  ['ProtectSystem', 'Service', 'strict'],
  ['ProtectHome', 'Service', 'read-only'],
  ['ProtectHostname', 'Service', 'private:myhost'],
  ['RemainAfterExit', 'Service', 'on'],
  ['RemainAfterExit', 'Service', '0'],
  ['StandardOutput', 'Service', 'append:/var/log/app.log'],
  ['StandardOutput', 'Service', 'syslog'],
  ['StandardInput', 'Service', 'fd:stdin'],
  ['SyslogLevel', 'Service', '6'],
  ['IOSchedulingClass', 'Service', '2'],
  ['KillMode', 'Service', 'mixed'],
  ['Nice', 'Service', '-20'],
  ['Nice', 'Service', '19'],
  ['OOMScoreAdjust', 'Service', '-1000'],
  ['IOSchedulingPriority', 'Service', '0'],
  ['RestartSec', 'Service', '100ms'],
  ['RestartSec', 'Service', '1min 30s'],
  ['RestartSec', 'Service', '1.5h'],
  ['RestartSec', 'Service', '5'],
  ['TimeoutStopSec', 'Service', 'infinity'],
  ['WatchdogSec', 'Service', '3min20s'],
  ['TimerSlackNSec', 'Service', '50ns'],
  ['MemoryMax', 'Service', '512M'],
  ['MemoryMax', 'Service', '1.5G'],
  ['MemoryMax', 'Service', '80%'],
  ['MemoryMax', 'Service', 'infinity'],
  ['TasksMax', 'Service', '4096'],
  ['CPUQuota', 'Service', '250%'],
  ['CPUWeight', 'Service', 'idle'],
  ['UMask', 'Service', '0077'],
  ['KillSignal', 'Service', 'SIGINT'],
  ['KillSignal', 'Service', 'TERM'],
  ['KillSignal', 'Service', '9'],
  ['WatchdogSignal', 'Service', 'SIGRTMIN+2'],
  ['SystemCallErrorNumber', 'Service', 'EPERM'],
  ['SystemCallErrorNumber', 'Service', 'kill'],
  ['CapabilityBoundingSet', 'Service', '~CAP_SYS_ADMIN CAP_SYS_PTRACE'],
  ['CapabilityBoundingSet', 'Service', '~'],
  ['CapabilityBoundingSet', 'Service', 'cap_net_raw'],
  ['AmbientCapabilities', 'Service', '""'],
  ['SystemCallFilter', 'Service', '@system-service @resources'],
  ['SystemCallFilter', 'Service', '~@privileged:EPERM ptrace'],
  ['SystemCallFilter', 'Service', '~memfd_create'],
  ['SystemCallArchitectures', 'Service', 'native x86'],
  ['RestrictAddressFamilies', 'Service', 'AF_UNIX AF_INET AF_INET6 AF_NETLINK'],
  ['RestrictAddressFamilies', 'Service', '~AF_PACKET'],
  ['RestrictAddressFamilies', 'Service', 'none'],
  ['RestrictNamespaces', 'Service', 'yes'],
  ['RestrictNamespaces', 'Service', '~user net'],
  ['SecureBits', 'Service', 'keep-caps noroot-locked'],
  ['ReadWritePaths', 'Service', '-/var/lib/app +/srv "/path with space"'],
  ['ReadOnlyPaths', 'Service', '%S/app %t/app'],
  ['WorkingDirectory', 'Service', '~'],
  ['WorkingDirectory', 'Service', '-/srv/app'],
  ['EnvironmentFile', 'Service', '-/etc/default/app'],
  ['StateDirectory', 'Service', 'app app/sub:alias'],
  ['TemporaryFileSystem', 'Service', '/var:ro'],
  ['ExecSearchPath', 'Service', '/usr/local/bin:/usr/bin'],
  ['PIDFile', 'Service', 'app.pid'],
  ['ExecStart', 'Service', '/usr/bin/app --flag'],
  ['ExecStart', 'Service', '-@:/usr/bin/app arg0'],
  ['ExecStart', 'Service', '+/usr/bin/setup'],
  ['ExecStart', 'Service', 'sleep infinity'],
  ['ExecStart', 'Service', '${BIN} --x'],
  ['ExecStart', 'Service', '!!/usr/bin/app'],
  ['After', 'Unit', 'network-online.target foo@%i.service'],
  ['Slice', 'Service', 'system-app.slice'],
  ['ConditionPathExists', 'Unit', '!/run/app'],
  ['ConditionPathExists', 'Unit', '|/etc/app'],
  ['ConditionVirtualization', 'Unit', '!container'],
  ['ConditionVirtualization', 'Unit', 'no'],
  ['ConditionArchitecture', 'Unit', 'x86-64'],
  ['AssertVirtualization', 'Unit', 'vm'],
  ['ConditionFirstBoot', 'Unit', 'yes'],
  ['ConditionSecurity', 'Unit', '!selinux'],
  ['ConditionFirmware', 'Unit', 'smbios-field(board_name = "x")'],
  ['Personality', 'Service', 'x86-64'],
  ['SyslogFacility', 'Service', 'local0'],
  ['Delegate', 'Service', 'cpu memory'],
  ['Delegate', 'Service', 'yes'],
  ['DeviceAllow', 'Service', 'char-rtc r'],
  ['LimitNOFILE', 'Service', '1024:524288'],
  ['Description', 'Unit', 'anything at all %i'],
  ['MemoryLimit', 'Service', 'whatever'],
];

const REJECTED: [string, string, string][] = [
  ['PrivateTmp', 'Service', 'isolate'],
  ['ProtectSystem', 'Service', 'ful'],
  ['RemainAfterExit', 'Service', 'maybe'],
  ['Nice', 'Service', '20'],
  ['OOMScoreAdjust', 'Service', '-1001'],
  ['IOSchedulingPriority', 'Service', '8'],
  ['RestartSec', 'Service', '5 mins'],
  ['RestartSec', 'Service', '-5s'],
  ['MemoryMax', 'Service', 'lots'],
  ['CPUQuota', 'Service', '50'],
  ['UMask', 'Service', '0999'],
  ['KillSignal', 'Service', 'SIGFOO'],
  ['CapabilityBoundingSet', 'Service', 'CAP_NOPE'],
  ['SystemCallFilter', 'Service', '@service'],
  ['SystemCallFilter', 'Service', '@system-service ~@mount'],
  ['SystemCallFilter', 'Service', 'definitely_not_a_syscall'],
  ['RestrictAddressFamilies', 'Service', 'AF_INET7'],
  ['RestrictNamespaces', 'Service', 'network'],
  ['ReadWritePaths', 'Service', 'var/lib/app'],
  ['RootDirectory', 'Service', 'srv/root'],
  ['StateDirectory', 'Service', '/var/lib/app'],
  ['StateDirectory', 'Service', '../escape'],
  ['ExecStart', 'Service', 'bin/app'],
  ['ExecStart', 'Service', '+!/usr/bin/app'],
  ['After', 'Unit', 'network'],
  ['Slice', 'Service', 'app.service'],
  ['ConditionPathExists', 'Unit', 'etc/app'],
  ['ConditionVirtualization', 'Unit', 'kvmm'],
  ['ConditionFirstBoot', 'Unit', 'perhaps'],
  ['Type', 'Service', 'daemon'],
];

describe('value checks', () => {
  for (const [name, section, value] of ACCEPTED) {
    it(`accepts ${name}=${value}`, () => {
      const row = directiveRow(name, section);
      assert.ok(row, `${name} in [${section}]`);
      // Warnings are about values systemd takes but that do not do what they say.
      assert.deepEqual(
        checkValue(row, value)
          .filter((p) => !p.severity)
          .map((p) => p.message),
        [],
      );
    });
  }
  for (const [name, section, value] of REJECTED) {
    it(`rejects ${name}=${value}`, () => {
      const row = directiveRow(name, section);
      assert.ok(row, `${name} in [${section}]`);
      const problems = checkValue(row, value);
      assert.ok(problems.length > 0);
      for (const p of problems) {
        assert.ok(p.start >= 0 && p.end <= value.length && p.start < p.end, `range ${p.start}-${p.end} inside "${value}"`);
      }
    });
  }
});
