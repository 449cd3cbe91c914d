/**
 * The exposure score of `systemd-analyze security`: each check gives a badness between 0 and its
 * range (or does not apply), and the score adds them up weighted, in integer arithmetic that
 * rounds up exactly where systemd's does.
 */
import { capabilities, securityTests, type SecurityTest } from '../kb';
import type { Range } from '../types';
import type { ManagerKind } from '../model/manager';
import type { Assignment, UnitModel } from '../model/unitModel';
import { readSecurityInfo, type BooleanSetting, type SecurityInfo } from './securityInfo';
import { offendingSyscall } from './syscallFilter';
import { USER_MANAGER } from './versions';
import { appendAll, someNames } from '../arrays';

export type ExposureLevel = 'DANGEROUS' | 'UNSAFE' | 'EXPOSED' | 'MEDIUM' | 'OK' | 'SAFE' | 'PERFECT';

/** Levels from the worst down: the first whose threshold the exposure reaches. */
export const LEVELS: readonly { min: number; level: ExposureLevel; emoji: string; ascii: string }[] = [
  { min: 100, level: 'DANGEROUS', emoji: '🤢', ascii: ':-[' },
  { min: 90, level: 'UNSAFE', emoji: '😨', ascii: ':-{' },
  { min: 75, level: 'EXPOSED', emoji: '🙁', ascii: ':-(' },
  { min: 50, level: 'MEDIUM', emoji: '😐', ascii: ':-|' },
  { min: 10, level: 'OK', emoji: '🙂', ascii: ':-)' },
  { min: 1, level: 'SAFE', emoji: '😀', ascii: ':-}' },
  { min: 0, level: 'PERFECT', emoji: '😇', ascii: ':-]' },
];

export function levelOf(exposure: number): (typeof LEVELS)[number] {
  return LEVELS.find((l) => exposure >= l.min) ?? (LEVELS[LEVELS.length - 1] as (typeof LEVELS)[number]);
}

/** A `--security-policy` file: per check (by JSON field name) a weight and/or range. */
export type SecurityPolicy = Readonly<Record<string, { weight?: number; range?: number }>>;

export interface AssessOptions {
  systemdVersion: number;
  policy?: SecurityPolicy;
  /** The manager that runs the service (`systemd-analyze security --user`); the system manager by default. */
  manager?: ManagerKind;
  /**
   * False when only the score and the verdicts are read (a lens's title, what a fix or a plan
   * changes): each check's `lines` are then left empty. Naming them gives every assignment of the
   * settings scored a range, kept with its line: megabytes on a long unit that repeats them.
   */
  withLines?: boolean;
  /**
   * At most this many lines for each check: the last ones read (where the last line wins, the one
   * that decides it; a list's earlier lines may still count). The others are counted in `linesLeftOut`.
   */
  maxLines?: number;
}

/** Where a check looked: one line (or a continued line's span) in the unit or a drop-in. */
export interface InvolvedLines {
  uri: string;
  range: Range;
}

export interface TestResult {
  id: string;
  jsonField: string;
  description: string;
  /** 0..range, or undefined when the check does not apply. */
  badness: number | undefined;
  range: number;
  weight: number;
  /** This check's share of the score, 0..100 (shown /10); 0 when it passes or does not apply. */
  exposure: number;
  scored: boolean;
  /** The lines of the settings the check reads, in reading order; empty unless asked for (see AssessOptions.withLines). */
  lines: InvolvedLines[];
  /** The lines left out of `lines` by AssessOptions.maxLines; absent when none were. */
  linesLeftOut?: number;
}

export interface Assessment {
  /** 0..100; shown /10 with one decimal. */
  exposure: number;
  level: ExposureLevel;
  tests: TestResult[];
}

export type AssessResult = ({ ok: true } & Assessment) | { ok: false; error: string };

/** Extra settings a check depends on through systemd's implications. */
const IMPLIED_BY: Readonly<Record<string, readonly string[]>> = {
  UserOrDynamicUser: [],
  PrivateMounts: ['PrivateDevices', 'PrivateTmp', 'ProtectControlGroups', 'ProtectKernelTunables', 'ProtectKernelModules', 'ProtectHome', 'ProtectSystem', 'RootImage'],
  PrivateTmp: ['DynamicUser'],
  RemoveIPC: ['DynamicUser', 'User'],
  SupplementaryGroups: ['User', 'DynamicUser'],
  ProtectSystem: ['DynamicUser'],
  ProtectHome: ['DynamicUser'],
  NoNewPrivileges: ['DynamicUser'],
  RestrictSUIDSGID: ['DynamicUser'],
  DeviceAllow: ['PrivateDevices', 'ProtectClock', 'RootImage'],
  CapabilityBoundingSet_CAP_MKNOD: ['PrivateDevices'],
  CapabilityBoundingSet_CAP_SYS_RAWIO: ['PrivateDevices'],
  CapabilityBoundingSet_CAP_SYS_MODULE: ['ProtectKernelModules'],
  CapabilityBoundingSet_CAP_SYSLOG: ['ProtectKernelLogs'],
  CapabilityBoundingSet_CAP_SYS_TIME: ['ProtectClock'],
  CapabilityBoundingSet_CAP_WAKE_ALARM: ['ProtectClock'],
};

const capNumber = new Map(capabilities.map((c) => [c.name, c.number]));

function runsPrivileged(info: SecurityInfo): boolean {
  if (info.user === '0' || info.user === 'root') return true;
  if (info.dynamicUser) return false;
  return !info.user;
}

interface Verdict {
  badness: number | undefined;
  description: string;
}

const yesNo = (bad: boolean, badText: string, goodText: string): Verdict => ({ badness: bad ? 1 : 0, description: bad ? badText : goodText });

/**
 * callingUser: the per-user manager of a release that counts the service as running under the
 * calling user's identity (see USER_MANAGER).
 */
function judge(test: SecurityTest, info: SecurityInfo, version: number, callingUser: boolean): Verdict {
  const target = test.target;
  if (target.kind === 'capabilities') {
    const mask = target.names.reduce((m, n) => m | (1n << BigInt(capNumber.get(n) ?? 63)), 0n);
    const kept = target.names.filter((n) => (info.capabilityBoundingSet & (1n << BigInt(capNumber.get(n) ?? 63))) !== 0n);
    return yesNo((info.capabilityBoundingSet & mask) !== 0n, `bounding set keeps ${kept.join(', ')}`, `${target.names.join(', ')} dropped`);
  }
  if (target.kind === 'namespace') {
    const allowed = info.restrictNamespaces === 'all' || info.restrictNamespaces.has(target.name);
    return yesNo(allowed, `can create ${target.name} namespaces`, `cannot create ${target.name} namespaces`);
  }
  if (target.kind === 'address-families' || target.kind === 'other-address-families') {
    const key = familyKey(test.jsonField);
    const what = target.kind === 'address-families' ? target.names.join('/') : 'other';
    return yesNo(!info.restrictedFamilies[key], `can open ${what} sockets`, `cannot open ${what} sockets`);
  }
  if (target.kind === 'syscall-group') {
    const group = target.group;
    if (!info.syscallFilterAllowList && info.syscallFilter.size === 0) return { badness: 10, description: 'no system call filter' };
    const offender = offendingSyscall(info.syscallFilter, info.syscallFilterAllowList, group, version);
    if (info.syscallFilterAllowList) {
      return offender
        ? { badness: 9, description: `allow-list lets ${group} through (${offender})` }
        : { badness: 0, description: `allow-list leaves out ${group}` };
    }
    return offender
      ? { badness: 10, description: `deny-list misses ${group} (${offender})` }
      : { badness: 0, description: `deny-list blocks ${group}` };
  }
  const flag = (name: BooleanSetting, badText: string, goodText: string) => yesNo(!info.flags[name], badText, goodText);
  switch (test.jsonField) {
    case 'UserOrDynamicUser':
      if (info.user === 'nobody') return { badness: 9, description: "runs as 'nobody', shared with other services" };
      if (callingUser) return { badness: 0, description: 'runs as the user whose manager starts it' };
      if (info.dynamicUser && info.user !== '0' && info.user !== 'root') return { badness: 0, description: 'runs as a dynamic user' };
      if (info.user && info.user !== '0' && info.user !== 'root') return { badness: 0, description: `runs as user ${info.user}` };
      return { badness: 10, description: 'runs as root' };
    case 'SupplementaryGroups':
      if (!callingUser && runsPrivileged(info)) return { badness: undefined, description: 'runs as root: does not apply' };
      return yesNo(info.supplementaryGroups > 0, 'has supplementary groups', 'no supplementary groups');
    case 'RemoveIPC':
      if (runsPrivileged(info)) return { badness: undefined, description: 'runs as root: does not apply' };
      return flag('RemoveIPC', 'IPC objects outlive the service', 'IPC objects removed on stop');
    case 'PrivateDevices':
      return flag('PrivateDevices', 'sees the host /dev', 'private /dev');
    case 'PrivateMounts':
      return flag('PrivateMounts', 'mounts propagate to the host', 'own mount namespace');
    case 'PrivateNetwork':
      return flag('PrivateNetwork', "uses the host's network", 'no network access');
    case 'PrivateTmp':
      return flag('PrivateTmp', 'shares /tmp with the host', 'private /tmp');
    case 'PrivateUsers':
      return flag('PrivateUsers', 'sees all users', 'own user namespace');
    case 'ProtectControlGroups':
      return flag('ProtectControlGroups', 'cgroup tree writable', 'cgroup tree read-only');
    case 'ProtectKernelModules':
      return flag('ProtectKernelModules', 'may load kernel modules', 'kernel modules locked');
    case 'ProtectKernelTunables':
      return flag('ProtectKernelTunables', 'may change kernel tunables', 'kernel tunables read-only');
    case 'ProtectKernelLogs':
      return flag('ProtectKernelLogs', 'may use the kernel log', 'no kernel log access');
    case 'ProtectClock':
      return flag('ProtectClock', 'may set the clock', 'clock protected');
    case 'ProtectHostname':
      return flag('ProtectHostname', 'may change the hostname', 'hostname protected');
    case 'LockPersonality':
      return flag('LockPersonality', 'may switch execution domain', 'execution domain locked');
    case 'MemoryDenyWriteExecute':
      return flag('MemoryDenyWriteExecute', 'may map writable+executable memory', 'no writable+executable memory');
    case 'NoNewPrivileges':
      return flag('NoNewPrivileges', 'may gain privileges (setuid, file caps)', 'cannot gain privileges');
    case 'RestrictRealtime':
      return flag('RestrictRealtime', 'may use realtime scheduling', 'no realtime scheduling');
    case 'RestrictSUIDSGID':
      return flag('RestrictSUIDSGID', 'may create setuid/setgid files', 'cannot create setuid/setgid files');
    case 'Delegate':
      return yesNo(info.flags.Delegate, 'manages its own cgroup subtree', 'no delegated cgroup subtree');
    case 'ProtectHome': {
      const b = info.protectHome === 'yes' ? 0 : info.protectHome === 'read-only' ? 5 : info.protectHome === 'tmpfs' ? 1 : 10;
      const text = { 0: 'home folders hidden', 1: 'home folders replaced by empty ones', 5: 'home folders read-only', 10: 'home folders fully accessible' }[b];
      return { badness: b, description: text ?? '' };
    }
    case 'ProtectSystem': {
      const b = info.protectSystem === 'strict' ? 0 : info.protectSystem === 'full' ? 3 : info.protectSystem === 'yes' ? 5 : 10;
      const text = { 0: 'whole file system read-only', 3: '/usr, /boot, /etc read-only', 5: '/usr and /boot read-only', 10: 'OS files writable' }[b];
      return { badness: b, description: text ?? '' };
    }
    case 'RootDirectoryOrRootImage': {
      const isRoot = (p: string | undefined) => !p || /^\/+$/.test(p);
      return yesNo(isRoot(info.rootDirectory) && isRoot(info.rootImage), "runs in the host's root", 'own root directory or image');
    }
    case 'UMask': {
      const m = info.umask;
      if (!(m & 0o002)) return { badness: 10, description: 'new files world-writable' };
      if (!(m & 0o004)) return { badness: 5, description: 'new files world-readable' };
      if (!(m & 0o020)) return { badness: 2, description: 'new files group-writable' };
      if (!(m & 0o040)) return { badness: 1, description: 'new files group-readable' };
      return { badness: 0, description: 'new files private to the owner' };
    }
    case 'KeyringMode':
      return yesNo(info.keyringMode !== 'private', 'shares kernel keys', 'own kernel keyring');
    case 'ProtectProc':
      if (info.protectProc === 'noaccess') return { badness: 1, description: 'other processes hidden in /proc (noaccess)' };
      if (info.protectProc === 'invisible' || info.protectProc === 'ptraceable') return { badness: 0, description: 'other processes hidden in /proc' };
      return { badness: 3, description: 'sees every process in /proc' };
    case 'ProcSubset':
      return yesNo(info.procSubset !== 'pid', 'sees all of /proc', '/proc limited to processes');
    case 'NotifyAccess':
      return yesNo(info.notifyAccess === 'all', 'any process may notify', 'only trusted processes notify');
    case 'SystemCallArchitectures': {
      const archs = info.syscallArchitectures;
      if (archs.size === 0) return { badness: 10, description: 'any system call ABI' };
      if (archs.size === 1 && archs.has('native')) return { badness: 0, description: 'native ABI only' };
      return { badness: 8, description: 'several system call ABIs' };
    }
    case 'IPAddressDeny':
      if (info.ipCustomFilters) return { badness: 0, description: 'custom BPF IP filters' };
      if (!info.ipDenyAll) return { badness: 10, description: 'no IP allow-list' };
      if (info.ipAllowOther) return { badness: 5, description: 'IP allow-list beyond localhost' };
      if (info.ipAllowLocalhost) return { badness: 2, description: 'IP allow-list: localhost only' };
      return { badness: 0, description: 'all IP traffic blocked' };
    case 'DeviceAllow':
      if (info.devicePolicy === 'strict' || info.devicePolicy === 'closed') {
        return info.deviceAllow.length > 0
          ? { badness: 5, description: `device allow-list: ${someNames(info.deviceAllow.map((d) => d.split(/\s+/)[0]))}` }
          : { badness: 0, description: 'minimal device allow-list' };
      }
      return { badness: 10, description: 'no device allow-list' };
    case 'AmbientCapabilities':
      return yesNo(info.ambientCapabilities !== 0n, 'gets ambient capabilities', 'no ambient capabilities');
    default:
      throw new Error(`security check ${test.id} has no assessment`);
  }
}

function familyKey(jsonField: string): keyof SecurityInfo['restrictedFamilies'] {
  if (jsonField.endsWith('INET_INET6')) return 'inet';
  if (jsonField.endsWith('AF_UNIX')) return 'unix';
  if (jsonField.endsWith('AF_NETLINK')) return 'netlink';
  if (jsonField.endsWith('AF_PACKET')) return 'packet';
  return 'other';
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** Per check, the settings whose lines it names: its own and those that imply them, each once. */
const LINE_SETTINGS = new Map(securityTests.map((t) => [t, [...new Set([...t.directives, ...(IMPLIED_BY[t.jsonField] ?? [])])]]));

/** The lines a check of `assess` names (its `lines`), by the check's id: for a result scored without them. */
export function checkLines(model: UnitModel, id: string): InvolvedLines[] {
  const test = securityTests.find((t) => t.id === id);
  return test ? linesOf(model, test).lines : [];
}

function linesOf(model: UnitModel, test: SecurityTest, max = Infinity): { lines: InvolvedLines[]; leftOut: number } {
  const assignments: Assignment[] = [];
  for (const name of LINE_SETTINGS.get(test) ?? []) for (const setting of model.named(name)) appendAll(assignments, setting.all);
  if (assignments.length > 1) assignments.sort((a, b) => a.order - b.order);
  const leftOut = Math.max(0, assignments.length - max);
  return { lines: assignments.slice(leftOut).map((a) => ({ uri: a.document.uri, range: a.entry.range })), leftOut };
}

/** A check's `lines` (and `linesLeftOut`) as the options ask for them. */
function resultLines(model: UnitModel, test: SecurityTest, options: AssessOptions): Pick<TestResult, 'lines' | 'linesLeftOut'> {
  if (options.withLines === false) return { lines: [] };
  const { lines, leftOut } = linesOf(model, test, options.maxLines);
  return leftOut > 0 ? { lines, linesLeftOut: leftOut } : { lines };
}

/** Scores a unit (merged with its drop-ins) as `systemd-analyze security --offline=yes` does. */
export function assess(model: UnitModel, options: AssessOptions): AssessResult {
  const manager = options.manager ?? 'system';
  const info = readSecurityInfo(model, options.systemdVersion, manager);
  const callingUser = manager === 'user' && options.systemdVersion >= USER_MANAGER.callingUserSince;
  if (!info.loadable) return { ok: false, error: info.loadError ?? 'the unit cannot be loaded' };
  const policy = options.policy ?? {};
  let badnessSum = 0n;
  let weightSum = 0n;
  const rows: { test: SecurityTest; verdict: Verdict; weight: number; range: number }[] = [];
  for (const test of securityTests) {
    const override = policy[test.jsonField];
    const weight = override?.weight ?? test.weight;
    const range = override?.range ?? test.range;
    let verdict: Verdict;
    if (test.notScoredWhen.includes('default-dependencies-no') && !info.defaultDependencies) {
      verdict = { badness: undefined, description: 'early-boot service (DefaultDependencies=no): does not apply' };
    } else if (test.notScoredWhen.includes('user-manager') && callingUser) {
      verdict = { badness: undefined, description: 'per-user service: does not apply' };
    } else if (weight === 0) {
      verdict = { badness: undefined, description: 'left out by the policy' };
    } else {
      verdict = judge(test, info, options.systemdVersion, callingUser);
    }
    if (verdict.badness !== undefined && range > 0) {
      const b = BigInt(Math.min(verdict.badness, range));
      badnessSum += ceilDiv(b * BigInt(weight), BigInt(range));
      weightSum += BigInt(weight);
    }
    rows.push({ test, verdict, weight, range });
  }
  const exposure = weightSum === 0n ? 0 : Number(ceilDiv(badnessSum * 100n, weightSum));
  const tests: TestResult[] = rows.map(({ test, verdict, weight, range }) => {
    const scored = verdict.badness !== undefined;
    const b = BigInt(verdict.badness ?? 0);
    const share = scored && b > 0n && weightSum > 0n && range > 0 ? Number(ceilDiv(ceilDiv(b * BigInt(weight) * 100n, BigInt(range)), weightSum)) : 0;
    return {
      id: test.id,
      jsonField: test.jsonField,
      description: verdict.description,
      badness: verdict.badness,
      range,
      weight,
      exposure: share,
      scored,
      ...resultLines(model, test, options),
    };
  });
  return { ok: true, exposure, level: levelOf(exposure).level, tests };
}

/** `9.6` for 96. */
export function formatExposure(exposure: number): string {
  return `${Math.floor(exposure / 10)}.${exposure % 10}`;
}
