/**
 * device-blocked: a device the unit evidently uses (a DeviceAllow= entry, a /dev path in a
 * command line) is taken away by the device sandbox.
 *
 * What the rule rests on:
 * - PrivateDevices=yes mounts a new /dev holding only null, zero, full, random, urandom, tty,
 *   ptmx and the pts, shm, mqueue and hugepages mounts (namespace.c, mount_private_dev()). A
 *   physical device is simply not there for sandboxed commands; DeviceAllow= only loosens the
 *   cgroup device filter and adds no node. A bind mount (BindPaths=/dev/ttyUSB0) does add one.
 *   PrivateDevices=yes also turns DevicePolicy=auto into closed (unit.c, unit_patch_contexts()).
 * - The cgroup device filter applies to every process of the unit, `+` commands included
 *   (cgroup.c, cgroup_apply_devices()): DevicePolicy=strict allows only the DeviceAllow= entries,
 *   closed adds /dev/null, zero, full, random, urandom, tty, ptmx and the pseudo terminals
 *   (bpf-devices.c, bpf_devices_allow_list_static()), and auto with any DeviceAllow= entry acts
 *   like closed; auto without entries installs no filter. Entries add up: a device is allowed when
 *   any entry covers it with the access asked for.
 * - ProtectClock=yes adds `DeviceAllow=char-rtc r`. Up to systemd 251 it does so always, which
 *   switches the filter on by itself and denies every other device; from 252 on only when a
 *   device policy is in force anyway. The added `r` entry does not narrow an explicit `rw` one.
 * - ProtectKernelLogs=yes makes /dev/kmsg inaccessible to sandboxed commands.
 * - The service manager itself opens the loop and device-mapper devices for RootImage= and
 *   friends and the TPM for encrypted credentials, so those DeviceAllow= entries are not
 *   evidence that the service's own commands use them.
 */
import type { Assignment, UnitModel } from '../../model/unitModel';
import type { Fix } from '../../types';
import type { RuleContext } from '../context';
import { effectiveLines, hasSetting, lastLine, listItems, pathCovers } from '../pairings/effects';
import { settingsFix } from '../pairings/fixBuilder';
import { parseBoolean } from '../values/scalars';
import { commandLines, sandboxed, type CommandLine } from './commandLines';
import { commandsOf, type Command } from './commands';
import { lineRefs, lineText, reportBreakage, type Evidence } from './report';
import { andWords } from '../../andList';
import { trimBlanks } from '../../syntax/blanks';

const CODE = 'device-blocked';

/** From this release on ProtectClock= adds its char-rtc entry only when a device policy is in force. */
const PROTECT_CLOCK_CONDITIONAL_SINCE = 252;

/**
 * Paths below /dev that are no physical device and stay usable in every device sandbox: the
 * pseudo devices, the file systems mounted below /dev, the links to the process's own file
 * descriptors and the journal socket, and bash's /dev/tcp and /dev/udp.
 */
const PSEUDO_PATHS: readonly string[] = [
  '/dev/null',
  '/dev/zero',
  '/dev/full',
  '/dev/random',
  '/dev/urandom',
  '/dev/tty',
  '/dev/ptmx',
  '/dev/pts',
  '/dev/shm',
  '/dev/mqueue',
  '/dev/hugepages',
  '/dev/log',
  '/dev/fd',
  '/dev/stdin',
  '/dev/stdout',
  '/dev/stderr',
  '/dev/core',
  '/dev/initctl',
  '/dev/tcp',
  '/dev/udp',
];

/** Device groups (as DeviceAllow=char-... names them) of pseudo devices only, or of pseudo and other devices mixed. */
const PSEUDO_GROUPS: ReadonlySet<string> = new Set(['char-pts', 'char-mem', 'char-/dev/tty', 'char-/dev/ptmx', 'char-unix98-pty']);

/** Programs that only handle a path as text or hand it to another service: no evidence at all. */
const TEXT_ONLY: ReadonlySet<string> = new Set([
  'echo',
  'printf',
  'logger',
  'systemd-escape',
  'systemd-cat',
  'systemd-mount',
  'systemd-umount',
  'systemctl',
  'udisksctl',
  'basename',
  'dirname',
  'mkdir',
  'rmdir',
  'rm',
  'mknod',
  'ln',
  'install',
]);

/**
 * Programs that look a device up (stat it, read its sysfs entry, change its owner) without
 * opening it: the device must be there, but the cgroup filter, which acts on open, lets them be.
 */
const LOOKUP_ONLY: ReadonlySet<string> = new Set(['udevadm', 'test', '[', 'stat', 'ls', 'readlink', 'realpath', 'chown', 'chmod', 'chgrp', 'setfacl', 'getfacl']);

/**
 * Devices whose major number is well known, with the names /proc/devices lists for it (one
 * major can have several: 4 is tty and ttyS, 5 is /dev/tty, /dev/console and /dev/ptmx), for
 * matching DeviceAllow=char-.../block-... entries. Devices not listed match every group entry.
 */
const DEVICE_GROUPS: readonly { path: RegExp; type: 'char' | 'block'; groups: readonly string[] }[] = [
  { path: /^\/dev\/rtc\d+$/, type: 'char', groups: ['rtc'] },
  { path: /^\/dev\/ptp\d+$/, type: 'char', groups: ['ptp'] },
  { path: /^\/dev\/pps\d+$/, type: 'char', groups: ['pps'] },
  { path: /^\/dev\/ttyUSB\d+$/, type: 'char', groups: ['ttyUSB'] },
  { path: /^\/dev\/ttyACM\d+$/, type: 'char', groups: ['ttyACM'] },
  { path: /^\/dev\/(ttyS|tty)\d+$/, type: 'char', groups: ['tty', 'ttyS', '/dev/vc/0'] },
  { path: /^\/dev\/ttyAMA\d+$/, type: 'char', groups: ['ttyAMA'] },
  { path: /^\/dev\/console$/, type: 'char', groups: ['/dev/tty', '/dev/console', '/dev/ptmx', 'ttyprintk'] },
  { path: /^\/dev\/hidraw\d+$/, type: 'char', groups: ['hidraw'] },
  { path: /^\/dev\/input\/(event|mouse|js)\d+$/, type: 'char', groups: ['input'] },
  { path: /^\/dev\/dri\/(card|renderD)\d+$/, type: 'char', groups: ['drm'] },
  { path: /^\/dev\/(kmsg|mem|port)$/, type: 'char', groups: ['mem'] },
  { path: /^\/dev\/(net\/tun|fuse|kvm|loop-control|rfkill|uinput|uhid|vhost-net|vhost-vsock|hwrng|cpu_dma_latency)$/, type: 'char', groups: ['misc'] },
  { path: /^\/dev\/i2c-\d+$/, type: 'char', groups: ['i2c'] },
  { path: /^\/dev\/bus\/usb\/\d+\/\d+$/, type: 'char', groups: ['usb_device'] },
  { path: /^\/dev\/sg\d+$/, type: 'char', groups: ['sg'] },
  { path: /^\/dev\/sd[a-z]+\d*$/, type: 'block', groups: ['sd'] },
  { path: /^\/dev\/loop\d+$/, type: 'block', groups: ['loop'] },
  { path: /^\/dev\/sr\d+$/, type: 'block', groups: ['sr'] },
];

/** DeviceAllow= entries the service manager adds or needs for its own work, with the settings that call for them. */
const MANAGER_DEVICES: readonly { settings: readonly string[]; entries: readonly string[] }[] = [
  {
    settings: ['RootImage', 'MountImages', 'ExtensionImages'],
    entries: ['/dev/loop-control', '/dev/mapper/control', 'block-loop', 'block-blkext', 'block-device-mapper'],
  },
  { settings: ['LoadCredentialEncrypted', 'SetCredentialEncrypted'], entries: ['char-tpm', 'char-tpmrm', '/dev/tpm0', '/dev/tpmrm0'] },
];

// ---------------------------------------------------------------------------
// what a device specifier covers

function isPseudo(path: string): boolean {
  return PSEUDO_PATHS.some((p) => pathCovers(p, path));
}

/** A path another name may stand for (links made by udev, specifiers filled in at load time). */
function mayBeAlias(path: string): boolean {
  return path.includes('%') || /\/by-|^\/dev\/(serial|disk|mapper|char|block)\//.test(path) || path === '/dev/rtc';
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const c of glob) source += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^${source}$`);
}

/**
 * Whether a DeviceAllow= specifier may cover the device path. When it cannot be told (a group
 * for an unknown node, a link, a specifier) the answer is yes: the rule stays silent.
 */
function mayCover(spec: string, device: string): boolean {
  const group = /^(char|block)-(.*)$/.exec(spec);
  if (group) {
    const known = DEVICE_GROUPS.find((d) => d.path.test(device));
    if (!known) return true;
    const pattern = globToRegExp(group[2]);
    return known.type === group[1] && known.groups.some((g) => pattern.test(g));
  }
  if (!spec.startsWith('/dev/')) return false;
  const a = spec.replace(/\/+$/, '');
  return a === device || mayBeAlias(a) || mayBeAlias(device);
}

// ---------------------------------------------------------------------------
// evidence

interface DeviceUse {
  /** A /dev path, or a char-/block- group of a DeviceAllow= entry. */
  device: string;
  line: Assignment;
  /** The command line that names the device; undefined for a DeviceAllow= entry. */
  command?: CommandLine;
  /** The command opens the node (rather than only looking it up). */
  opens: boolean;
}

/** /dev paths in a word: `/dev/ttyUSB0`, `--device=/dev/ttyUSB0`, `serial:/dev/ttyS0`. */
function devicePaths(word: string): string[] {
  // Most words name no device: they are passed over without running the pattern.
  if (!word.includes('/dev/')) return [];
  const paths: string[] = [];
  for (const match of word.matchAll(/(?:^|[=,:@])(\/dev\/[^\s,'"()<>;|&]+)/g)) {
    const path = match[1].replace(/\/+$/, '');
    if (path.length > '/dev/'.length && !path.includes('$') && !isPseudo(path)) paths.push(path);
  }
  return paths;
}

function commandUses(command: Command): DeviceUse[] {
  // The words of a shell's script are looked at one command at a time.
  if (!command.inScript && command.line.script.length > 0) return [];
  const line = command.line;
  const uses: DeviceUse[] = [];
  const opens = !LOOKUP_ONLY.has(command.program);
  if (!TEXT_ONLY.has(command.program)) for (const arg of command.args) for (const device of devicePaths(arg)) uses.push({ device, line: line.line, command: line, opens });
  // The shell itself opens the files of redirections.
  for (const target of [...command.writes, ...command.reads]) for (const device of devicePaths(target)) uses.push({ device, line: line.line, command: line, opens: true });
  return uses;
}

/** The entries systemd adds itself for the unit's settings: not evidence of the commands' own use. */
function managerEntries(model: UnitModel): Set<string> {
  const entries = new Set<string>();
  for (const { settings, entries: list } of MANAGER_DEVICES) if (settings.some((s) => hasSetting(model, s))) for (const e of list) entries.add(e);
  return entries;
}

/** DeviceAllow= entries naming a physical device or device group (globs allow much and show little). */
function allowUses(model: UnitModel): DeviceUse[] {
  const skip = managerEntries(model);
  const uses: DeviceUse[] = [];
  for (const line of effectiveLines(model, 'DeviceAllow')) {
    const spec = listItems(line.entry.value)[0];
    if (!spec || skip.has(spec) || /[*?[]/.test(spec) || PSEUDO_GROUPS.has(spec)) continue;
    if (spec.startsWith('/dev/') ? isPseudo(spec) || spec.includes('$') : !/^(char|block)-/.test(spec)) continue;
    uses.push({ device: spec.replace(/\/+$/, ''), line, opens: true });
  }
  return uses;
}

// ---------------------------------------------------------------------------
// the device filter in force

interface DeviceFilter {
  /** The line that switches the filter on (the one to report on). */
  subject: Assignment;
  kind: 'strict' | 'closed' | 'private' | 'list' | 'clock';
  /** The DeviceAllow= specifiers in force, explicit and added by systemd. */
  entries: string[];
}

function isYes(model: UnitModel, directive: string): Assignment | undefined {
  const line = lastLine(model, directive);
  return line && parseBoolean(line.entry.value) === true ? line : undefined;
}

/** The cgroup device filter as unit_patch_contexts() and cgroup_apply_devices() set it up, or undefined when there is none. */
function deviceFilter(context: RuleContext): DeviceFilter | undefined {
  const { model } = context;
  const explicit = effectiveLines(model, 'DeviceAllow');
  const entries = explicit.map((l) => listItems(l.entry.value)[0]).filter((s): s is string => s !== undefined);
  const policy = lastLine(model, 'DevicePolicy');
  const policyValue = trimBlanks(policy?.entry.value);
  const privateDevices = isYes(model, 'PrivateDevices');
  const clock = isYes(model, 'ProtectClock');
  const conditionalClock = context.settings.systemdVersion >= PROTECT_CLOCK_CONDITIONAL_SINCE;
  let filter: DeviceFilter | undefined;
  if (policy && (policyValue === 'strict' || policyValue === 'closed')) filter = { subject: policy, kind: policyValue, entries };
  else if (privateDevices) filter = { subject: privateDevices, kind: 'private', entries };
  else if (explicit.length > 0) filter = { subject: explicit[0], kind: 'list', entries };
  else if (clock && !conditionalClock) filter = { subject: clock, kind: 'clock', entries };
  if (!filter) return undefined;
  // What systemd adds once a filter is in force (or, for ProtectClock= before 252, always).
  if (clock) filter.entries.push('char-rtc');
  for (const entry of managerEntries(model)) filter.entries.push(entry);
  return filter;
}

function allowed(filter: DeviceFilter, device: string): boolean {
  return filter.entries.some((spec) => mayCover(spec, device));
}

// ---------------------------------------------------------------------------
// messages

function devicesOf(uses: readonly DeviceUse[]): string[] {
  return [...new Set(uses.map((u) => u.device))];
}

function linesOf(uses: readonly DeviceUse[]): Assignment[] {
  return [...new Set(uses.map((u) => u.line))];
}


/** `/dev/a, /dev/b, /dev/c and 2 more`. */
function listDevices(uses: readonly DeviceUse[]): string {
  const names = devicesOf(uses);
  return andWords(names, 4);
}

function whereUsed(context: RuleContext, uses: readonly DeviceUse[]): string {
  return lineRefs(context, linesOf(uses));
}

/** `uses` or `use`, `is` or `are`: the verb agreeing with the number of lines or devices. */
function verb(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** The lines naming the devices, and the Environment= lines whose variables the command lines use. */
function evidenceOf(uses: readonly DeviceUse[]): Evidence[] {
  const evidence: Evidence[] = uses.map((u) => ({ line: u.line, note: u.command ? `uses ${u.device}` : `allows ${u.device}` }));
  for (const u of uses) for (const v of u.command?.uses ?? []) if (v.value.includes('/dev/')) evidence.push({ line: v.line, note: `sets ${v.name}`, explains: true });
  return evidence;
}

/** DeviceAllow= lines for the devices the filter denies (paths only: a group name comes from a DeviceAllow= line already). */
function allowFix(context: RuleContext, uses: readonly DeviceUse[]): Fix[] {
  const devices = [...new Set(uses.map((u) => u.device))].filter((d) => d.startsWith('/dev/'));
  if (devices.length === 0) return [];
  const fix = settingsFix(
    context.document,
    context.type,
    devices.map((d) => ({ directive: 'DeviceAllow', value: `${d} rw` })),
  );
  return fix ? [fix] : [];
}

const FILTER_EFFECT: Readonly<Record<DeviceFilter['kind'], (subject: string, version: number) => string>> = {
  strict: (s) => `${s} denies every device that no DeviceAllow= entry allows`,
  closed: (s) => `${s} denies every device that no DeviceAllow= entry allows, apart from the standard pseudo devices`,
  private: (s) => `${s} also sets DevicePolicy=closed, which denies every device that no DeviceAllow= entry allows`,
  list: (s) => `${s} switches the device filter on: with DevicePolicy=auto every device left out of DeviceAllow= is denied, apart from the standard pseudo devices`,
  clock: (s, v) =>
    `${s} adds DeviceAllow=char-rtc r in systemd ${v}, which switches the device filter on: with DevicePolicy=auto every other device is denied, apart from the standard pseudo devices`,
};

// ---------------------------------------------------------------------------

/** Whether a bind mount puts the host's node at that path into the service's /dev. */
function boundIn(model: UnitModel, device: string): boolean {
  for (const directive of ['BindPaths', 'BindReadOnlyPaths']) {
    for (const line of effectiveLines(model, directive)) {
      for (const item of listItems(line.entry.value)) {
        const parts = item.replace(/^[-+]+/, '').split(':');
        const destination = parts.length >= 2 && parts[1] !== '' ? parts[1] : parts[0];
        if (pathCovers(destination, device) || (destination.startsWith('/dev/') && !device.startsWith('/dev/'))) return true;
      }
    }
  }
  return false;
}

/** A finding: the line that takes the devices away, the message and the uses it covers. */
type Report = (subject: Assignment, message: string, uses: readonly DeviceUse[], fixes?: Fix[]) => void;

/** PrivateDevices=yes: devices named by sandboxed commands or allowed by DeviceAllow= are not in the private /dev. */
function checkPrivateDev(context: RuleContext, uses: readonly DeviceUse[], report: Report): void {
  const subject = isYes(context.model, 'PrivateDevices');
  if (!subject || uses.length === 0) return;
  const used = uses.filter((u) => u.command);
  const allowedOnly = uses.filter((u) => !u.command);
  const parts: string[] = [];
  if (used.length > 0) {
    parts.push(`${listDevices(used)}, which ${whereUsed(context, used)} ${verb(linesOf(used).length, 'uses', 'use')}, ${verb(devicesOf(used).length, 'is', 'are')} not there`);
  }
  if (allowedOnly.length > 0) {
    const n = linesOf(allowedOnly).length;
    parts.push(`the ${verb(n, 'device', 'devices')} that ${whereUsed(context, allowedOnly)} ${verb(n, 'allows', 'allow')} cannot be reached`);
  }
  report(subject, `${lineText(subject)} gives the service its own /dev with pseudo devices only, so ${parts.join(', and ')}: DeviceAllow= cannot add a device node to that /dev.`, uses);
}

/** ProtectKernelLogs=yes: /dev/kmsg is made inaccessible for sandboxed commands. */
function checkKernelLog(context: RuleContext, uses: readonly DeviceUse[], report: Report): void {
  const subject = isYes(context.model, 'ProtectKernelLogs');
  const kmsg = uses.filter((u) => u.device === '/dev/kmsg' && u.opens);
  if (!subject || kmsg.length === 0) return;
  report(subject, `${lineText(subject)} makes /dev/kmsg inaccessible to the service, so ${whereUsed(context, kmsg)} cannot use it.`, kmsg);
}

/** The cgroup device filter denies devices that commands open. */
function checkFilter(context: RuleContext, uses: readonly DeviceUse[], report: Report): void {
  const filter = deviceFilter(context);
  if (!filter) return;
  const denied = uses.filter((u) => u.command && u.opens && !allowed(filter, u.device));
  if (denied.length === 0) return;
  const effect = FILTER_EFFECT[filter.kind](lineText(filter.subject), context.settings.systemdVersion);
  const message = `${effect}, so ${listDevices(denied)}, which ${whereUsed(context, denied)} ${verb(linesOf(denied).length, 'opens', 'open')}, ${verb(devicesOf(denied).length, 'is', 'are')} refused.`;
  report(filter.subject, message, denied, allowFix(context, denied));
}

export function checkDevices(context: RuleContext): void {
  const { model } = context;
  // Per-user managers cannot install a device filter; without the unit file its lines are unknown.
  if (context.type !== 'service' || !model.complete || model.manager !== 'system') return;
  const lines = commandLines(model);
  const used = lines.flatMap((line) => commandsOf(line).flatMap(commandUses));
  const allowList = allowUses(model);
  if (used.length === 0 && allowList.length === 0) return;

  // Each use is reported once, by the first protection that takes it away: the private /dev,
  // then the masked /dev/kmsg (both only for sandboxed commands), then the device filter.
  const reported = new Set<DeviceUse>();
  const report: Report = (subject, message, uses, fixes = []) => {
    for (const u of uses) reported.add(u);
    reportBreakage(context, CODE, subject, message, evidenceOf(uses), fixes);
  };
  const open = (list: readonly DeviceUse[]): DeviceUse[] => list.filter((u) => !reported.has(u));
  const inSandbox = used.filter((u) => u.command && sandboxed(model, u.command));
  // DeviceAllow= entries may serve `+` commands, which see the host's /dev.
  const anyUnsandboxed = lines.some((l) => !sandboxed(model, l));
  const privateUses = [...inSandbox, ...(anyUnsandboxed ? [] : allowList)].filter((u) => !boundIn(model, u.device));
  checkPrivateDev(context, privateUses, report);
  checkKernelLog(context, open([...inSandbox, ...allowList]), report);
  checkFilter(context, open(used), report);
}
