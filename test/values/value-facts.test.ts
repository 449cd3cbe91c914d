/**
 * What systemd-analyze verify showed about values, kept as cases that need no systemd: each row is
 * a setting, a section, a value, the target release and what UnitGuard must say. `ok`: nothing
 * (or nothing but warnings on a value systemd takes and skips in part); `warning`: a warning on a
 * value systemd takes but that does not do what it says; `error`: systemd refuses it; `newer`: the
 * value came after the target release (newer-than-target).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directiveRow } from '../../server/src/core/kb';
import { checkValue } from '../../server/src/core/rules/values/checks';

type Verdict = 'ok' | 'warning' | 'error' | 'newer';

const CASES: readonly [string, string, string, number, Verdict][] = [
  // Booleans where the reference lists only names (issue: BindIPv6Only=yes in a Debian socket unit).
  ['BindIPv6Only', 'Socket', 'yes', 252, 'ok'],
  ['BindIPv6Only', 'Socket', 'DEFAULT', 262, 'error'],
  ['Timestamping', 'Socket', 'OFF', 262, 'ok'],
  ['SocketProtocol', 'Socket', 'SCTP', 252, 'ok'],
  // Names matched without regard to case, aliases taken.
  ['SystemCallErrorNumber', 'Service', 'eperm', 262, 'ok'],
  ['SystemCallErrorNumber', 'Service', 'EWOULDBLOCK', 262, 'ok'],
  ['SystemCallErrorNumber', 'Service', 'log', 262, 'error'],
  ['SystemCallErrorNumber', 'Service', '4096', 262, 'error'],
  ['RestrictAddressFamilies', 'Service', 'af_unix', 262, 'ok'],
  ['KillSignal', 'Service', 'SIGIOT', 262, 'error'],
  ['KillSignal', 'Service', 'RTMIN+31', 262, 'error'],
  ['KillSignal', 'Service', 'SIGRTMIN+30', 262, 'ok'],
  // Unknown words systemd skips: warnings, not errors.
  ['CapabilityBoundingSet', 'Service', 'CAP_FOO CAP_SYS_ADMIN', 262, 'warning'],
  ['SecureBits', 'Service', 'keep-capsx', 262, 'warning'],
  ['ConditionVirtualization', 'Unit', 'kvmm', 262, 'warning'],
  ['ConditionFirstBoot', 'Unit', 'maybe', 262, 'warning'],
  ['Personality', 'Service', 'arm64', 262, 'warning'],
  ['Personality', 'Service', 'x86', 262, 'ok'],
  ['SuccessExitStatus', 'Service', 'DATAERR CANTCREAT SIGTERM 255', 262, 'ok'],
  ['SuccessExitStatus', 'Service', 'KSM', 252, 'newer'],
  ['SuccessExitStatus', 'Service', '256', 262, 'error'],
  ['FailureActionExitStatus', 'Unit', 'SIGTERM', 262, 'error'],
  // Empty values: a reset for most parsers, refused by others.
  ['Type', 'Service', '', 262, 'error'],
  ['RestartSec', 'Service', '', 262, 'error'],
  ['PrivateMounts', 'Service', '', 252, 'error'],
  ['PrivateMounts', 'Service', '', 254, 'ok'],
  ['ProtectHostname', 'Service', '', 257, 'error'],
  ['ProtectHostname', 'Service', '', 262, 'ok'],
  ['Environment', 'Service', '', 262, 'ok'],
  // Numbers: the parser's width and bounds.
  ['StartLimitBurst', 'Unit', '4294967295', 262, 'ok'],
  ['StartLimitBurst', 'Unit', '4294967296', 262, 'error'],
  ['IPTTL', 'Socket', '4294967295', 262, 'error'],
  ['IOSchedulingClass', 'Service', '8', 257, 'ok'],
  ['IOSchedulingClass', 'Service', '8', 262, 'error'],
  ['SyslogLevel', 'Service', '8', 262, 'error'],
  ['MessageQueueMessageSize', 'Socket', '1K', 257, 'error'],
  ['MessageQueueMessageSize', 'Socket', '1K', 262, 'ok'],
  ['MessageQueueMessageSize', 'Socket', '-1', 257, 'ok'],
  // Time spans, sizes, percentages.
  ['RestartSec', 'Service', '5.s', 262, 'error'],
  ['RestartSec', 'Service', '.5s', 262, 'ok'],
  ['RestartSec', 'Service', '99999999999y', 262, 'error'],
  ['RestartSec', 'Service', '10μs', 262, 'ok'],
  ['RestartSec', 'Service', '10μs', 247, 'error'],
  ['MemoryMax', 'Service', '1k', 262, 'error'],
  ['MemoryMax', 'Service', '1KiB', 262, 'error'],
  ['MemoryMax', 'Service', '1G 512M', 262, 'ok'],
  ['MemoryMax', 'Service', '0', 262, 'error'],
  ['MemoryMin', 'Service', '0', 262, 'ok'],
  ['MemoryMax', 'Service', '12.55%', 252, 'ok'],
  ['MemoryMax', 'Service', '12.55%', 247, 'error'],
  ['MemoryMax', 'Service', '101%', 262, 'error'],
  ['CPUQuota', 'Service', '150%', 262, 'ok'],
  ['CPUQuota', 'Service', '0%', 262, 'error'],
  ['TasksMax', 'Service', '0', 262, 'error'],
  ['LimitNOFILE', 'Service', '1024:524288', 262, 'ok'],
  ['LimitNOFILE', 'Service', '2048:1024', 262, 'error'],
  ['LimitNOFILE', 'Service', '1K', 262, 'error'],
  ['LimitCPU', 'Service', '1h', 262, 'ok'],
  ['LimitNICE', 'Service', '-5', 262, 'ok'],
  ['LimitNICE', 'Service', 'infinity', 262, 'error'],
  ['CPUAffinity', 'Service', '0-3 5,7', 262, 'ok'],
  ['CPUAffinity', 'Service', '3-1', 262, 'error'],
  // Paths: prefixes in order, normalized, specifiers that expand to names.
  ['ReadWritePaths', 'Service', '-+/var/lib/app', 262, 'ok'],
  ['ReadWritePaths', 'Service', '+-/var/lib/app', 262, 'error'],
  ['ReadWritePaths', 'Service', '/var/../etc', 262, 'error'],
  ['ReadWritePaths', 'Service', '%S/app', 262, 'ok'],
  ['ReadWritePaths', 'Service', '%n', 262, 'error'],
  ['ExtensionDirectories', 'Service', '+/srv/ext', 262, 'ok'],
  ['IPIngressFilterPath', 'Service', '/sys/fs/bpf/a b', 262, 'ok'],
  ['ConditionPathExists', 'Unit', '|!/etc/app', 262, 'ok'],
  ['ConditionPathExists', 'Unit', '!|/etc/app', 262, 'error'],
  ['WorkingDirectory', 'Service', '~/x', 262, 'error'],
  // Commands across releases.
  ['ExecStart', 'Service', '!!/usr/bin/app', 257, 'ok'],
  ['ExecStart', 'Service', '!!/usr/bin/app', 262, 'warning'],
  ['ExecStart', 'Service', '|/usr/bin/app', 257, 'newer'],
  ['ExecStart', 'Service', '|/usr/bin/app', 262, 'ok'],
  ['ExecStart', 'Service', '@/usr/bin/app', 262, 'error'],
  ['ExecStart', 'Service', '-', 262, 'error'],
  // Settings made of parts.
  ['SystemCallFilter', 'Service', 'read:EPERM', 247, 'ok'],
  ['SystemCallFilter', 'Service', 'read:EPERM', 252, 'error'],
  ['SystemCallFilter', 'Service', '~read:EPERM', 262, 'ok'],
  ['DeviceAllow', 'Service', '/dev/null rwx', 262, 'error'],
  ['IOReadBandwidthMax', 'Service', '/dev/sda', 262, 'error'],
  ['BindPaths', 'Service', '-/a:/b:rbind', 262, 'ok'],
  ['BindPaths', 'Service', '/a:b', 262, 'error'],
  ['Delegate', 'Service', 'bpf-socket-bind', 247, 'newer'],
  ['Delegate', 'Service', 'cpu memory', 262, 'ok'],
  ['SetCredential', 'Service', 'token:', 247, 'ok'],
  ['SetCredential', 'Service', 'token:', 262, 'error'],
  ['ListenStream', 'Socket', '[::1]:80', 262, 'ok'],
  ['ListenStream', 'Socket', '65536', 262, 'error'],
  ['ListenSequentialPacket', 'Socket', '127.0.0.1:80', 262, 'error'],
  ['Description', 'Unit', 'app %Q', 262, 'error'],
  ['Description', 'Unit', 'app %i', 262, 'ok'],
  ['StandardInput', 'Service', 'fd:', 262, 'ok'],
  ['CPUWeight', 'Service', 'idle', 247, 'newer'],
  ['RestrictAddressFamilies', 'Service', 'none', 247, 'newer'],
  ['OnCalendar', 'Timer', '25:00', 262, 'error'],
  ['OnCalendar', 'Timer', 'Mon..Fri *-*-* 09:00 Europe/Berlin', 262, 'ok'],
];

function verdictOf(problems: ReturnType<typeof checkValue>): Verdict {
  if (problems.some((p) => p.rule === 'newer-than-target')) return 'newer';
  if (problems.some((p) => !p.severity)) return 'error';
  if (problems.length > 0) return 'warning';
  return 'ok';
}

describe('values as systemd-analyze verify reads them', () => {
  for (const [name, section, value, version, expected] of CASES) {
    it(`${name}=${value} at ${version}: ${expected}`, () => {
      const row = directiveRow(name, section);
      assert.ok(row, `${name} in [${section}]`);
      const problems = checkValue(row, value, version);
      assert.equal(verdictOf(problems), expected, problems.map((p) => p.message).join(' | '));
      for (const p of problems) assert.ok(p.start >= 0 && p.end <= value.length && p.start <= p.end, `range ${p.start}-${p.end} inside "${value}"`);
    });
  }
});
