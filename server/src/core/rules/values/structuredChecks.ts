/**
 * Checks of values made of several parts: a device and a limit, a source and a destination path,
 * a credential and its data, a socket address, a cgroup controller list. Each follows what the
 * setting's parser splits and refuses.
 */
import {
  BPF_ATTACH_TYPES,
  CGROUP_CONTROLLERS,
  FILESYSTEM_GROUPS,
  IMAGE_POLICY_FLAGS,
  IMAGE_POLICY_PARTITIONS,
  IMAGE_POLICY_UNKNOWN_NAMES_SINCE,
  COREDUMP_FILTERS,
  NETLINK_FAMILIES,
  NFT_FAMILIES,
  NFT_SET_SOURCES,
  OPEN_FILE_OPTIONS,
  booleanValue,
  type DirectiveRow,
} from '../../kb';
import { parseCInteger, parseSize, parseTimespan } from './numbers';
import { isAbsoluteNormalized } from './paths';
import { whole, type FormResult, type ValueProblem } from './problem';
import { splitWords, wordsIn, type Word } from './words';
import { trimBlanks } from '../../syntax/blanks';

const MAX_PROBLEMS = 20;

function eachWord(value: string, check: (text: string, word: Word) => string | ValueProblem | undefined): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const word of wordsIn(value)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const problem = check(word.text, word);
    if (problem !== undefined) problems.push(typeof problem === 'string' ? { start: word.start, end: word.end, message: problem, replacements: [] } : problem);
  }
  return problems;
}

/** An absolute path without "..", or one starting with a specifier that expands to one. */
const absolutePath = isAbsoluteNormalized;

// ---------------------------------------------------------------------------
// devices and I/O limits

/** DeviceAllow=: a /dev path or char-/block- group, then rights made of r, w and m. */
function checkDeviceAllow(_row: DirectiveRow, value: string): FormResult {
  const words = splitWords(value);
  const [device, rights, extra] = words.map((w) => w.text);
  if (device === undefined) return [];
  if (!device.startsWith('/dev/') && !/^(char|block)-./.test(device) && !(device.startsWith('%') && isAbsoluteNormalized(device))) {
    return whole(value, `"${device}" is not a device node (/dev/...) or a group such as char-pts or block-loop; systemd ignores the line.`);
  }
  if (rights !== undefined && !/^[rwm]+$/.test(rights)) return whole(value, `"${rights}" are not device rights: write r, w and m (read, write, mknod); systemd ignores the line.`);
  if (extra !== undefined) return whole(value, `DeviceAllow= takes one device and its rights; systemd ignores the line.`);
  return [];
}

/** IODeviceWeight=, IO*BandwidthMax=, IO*IOPSMax=, IODeviceLatencyTargetSec=: a device and a value. */
function deviceAnd(kind: 'weight' | 'limit' | 'latency') {
  return (row: DirectiveRow, value: string): FormResult => {
    const text = trimBlanks(value);
    const blank = text.search(/[ \t\n\r]/);
    if (blank < 0) return whole(value, `${row.name}= takes a device and a ${kind === 'weight' ? 'weight' : kind === 'limit' ? 'limit' : 'time span'}, separated by a blank; systemd ignores the line.`);
    const amount = trimBlanks(text.slice(blank));
    if (kind === 'weight') {
      const n = parseCInteger(amount);
      return n !== undefined && n >= 1n && n <= 10000n ? [] : whole(value, `"${amount}" is not a weight from 1 to 10000; systemd ignores the line.`);
    }
    if (kind === 'latency') return parseTimespan(amount).ok ? [] : whole(value, `"${amount}" is not a time span; systemd ignores the line.`);
    if (amount === 'infinity') return [];
    const size = parseSize(amount);
    return size.ok && size.value > 0n ? [] : whole(value, `"${amount}" is not a limit above 0 (a number with an optional K, M, G, T suffix, or "infinity"); systemd ignores the line.`);
  };
}

// ---------------------------------------------------------------------------
// paths with options

/** BindPaths=, BindReadOnlyPaths=: [-]source[:destination[:options]], options rbind or norbind. */
function checkBindPaths(row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    if (text.includes('%') && !text.startsWith('%') && !text.startsWith('/') && !text.startsWith('-')) return undefined;
    const [source = '', destination, options, extra] = text.replace(/^-/, '').split(':');
    if (!absolutePath(source)) return `"${source}" is not an absolute path; ${row.name}= takes [-]source[:destination[:options]] with absolute paths, so systemd ignores it.`;
    if (destination !== undefined && !absolutePath(destination)) return `"${destination}" is not an absolute path; systemd ignores "${text}".`;
    if (options !== undefined && !options.split(',').every((o) => o === 'rbind' || o === 'norbind')) return `"${options}" is not a bind option (rbind, norbind); systemd ignores "${text}".`;
    if (extra !== undefined) return `"${text}" has too many ":"-separated parts; systemd ignores it.`;
    return undefined;
  });
}

/** MountImages=: [-]image:destination[:options...]; ExtensionImages=: [-]image[:options...]. */
function checkImages(needsDestination: boolean) {
  return (row: DirectiveRow, value: string): FormResult =>
    eachWord(value, (text) => {
      const [image = '', second] = text.replace(/^-/, '').split(':');
      if (!absolutePath(image)) return `"${image}" is not an absolute path; systemd ignores "${text}".`;
      if (needsDestination) {
        if (second === undefined) return `"${text}" has no destination: ${row.name}= takes image:destination; systemd ignores it.`;
        if (!absolutePath(second)) return `"${second}" is not an absolute path; systemd ignores "${text}".`;
      }
      return undefined;
    });
}

/** OpenFile=: path[:name[:options]] with an absolute path and options from read-only, append, truncate, graceful. */
function checkOpenFile(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const [path = '', , options, extra] = text.split(':');
    // OpenFile= reads the path as written: specifiers are not expanded.
    if (!path.startsWith('/')) return `"${path}" is not an absolute path; systemd ignores "${text}".`;
    if (options !== undefined && options !== '' && !options.split(',').every((o) => OPEN_FILE_OPTIONS.includes(o))) return `"${options}" is not an option of OpenFile= (${OPEN_FILE_OPTIONS.join(', ')}); systemd ignores "${text}".`;
    if (extra !== undefined) return `"${text}" has too many ":"-separated parts; systemd ignores it.`;
    return undefined;
  });
}

// ---------------------------------------------------------------------------
// credentials

/** Base64 data: groups of four characters, the last padded with "="; blanks between are skipped. */
export function isBase64(text: string): boolean {
  const compact = text.replace(/[ \t\n\r]+/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0;
}

/** A credential name: not empty, no "/", not "." or "..", at most 255 characters. */
function credentialNameOk(name: string): boolean {
  return name !== '' && !name.includes('/') && name !== '.' && name !== '..' && name.length <= 255;
}

/** SetCredential=, SetCredentialEncrypted=: name:data. */
function checkSetCredential(row: DirectiveRow, value: string, version: number): FormResult {
  const text = trimBlanks(value);
  const colon = text.indexOf(':');
  if (colon < 0) return whole(value, `${row.name}= takes name:data; "${text}" has no ":", so systemd ignores the line.`);
  const name = text.slice(0, colon);
  if (!name.includes('%') && !credentialNameOk(name)) return whole(value, `"${name}" is not a credential name (not empty, no "/"); systemd ignores the line.`);
  const data = text.slice(colon + 1);
  if (data === '' && version >= 252) return whole(value, `"${text}" has no data after ":"; systemd ignores the line.`);
  if (row.name === 'SetCredentialEncrypted' && data !== '' && !isBase64(data)) {
    return whole(value, `The data of SetCredentialEncrypted= is base64 (as systemd-creds encrypt writes it); systemd ignores the line.`);
  }
  return [];
}

/** LoadCredential=, LoadCredentialEncrypted=: name[:path]. */
function checkLoadCredential(row: DirectiveRow, value: string, version: number): FormResult {
  const text = trimBlanks(value);
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  if (colon < 0 && version < 248) return [{ ...(whole(value, `A credential name without ":path" is taken since systemd 248; systemd ${version}, the target version, ignores the line.`)[0] as ValueProblem), rule: 'newer-than-target' }];
  if (name.includes('%')) return [];
  if (!credentialNameOk(name)) return whole(value, `"${name}" is not a credential name (not empty, no "/"); ${row.name}= takes name[:path], so systemd ignores the line.`);
  return [];
}

/** ImportCredential=: a name or a glob ending in "*" (optionally :new-name since 257). */
function checkImportCredential(_row: DirectiveRow, value: string, version: number): FormResult {
  const text = trimBlanks(value);
  const colon = text.indexOf(':');
  if (colon >= 0 && version < 257) return [{ ...whole(value, `Renaming with ":" came with systemd 257; systemd ${version}, the target version, ignores the line.`)[0] as ValueProblem, rule: 'newer-than-target' }];
  const glob = colon < 0 ? text : text.slice(0, colon);
  if (glob.includes('%')) return [];
  const star = glob.indexOf('*');
  const name = star < 0 ? glob : glob.slice(0, star);
  if ((star >= 0 && star !== glob.length - 1) || (name !== '' && !credentialNameOk(name)) || name.includes('/')) {
    return whole(value, `"${glob}" is not a credential name or a glob with one "*" at the end; systemd ignores the line.`);
  }
  return [];
}

// ---------------------------------------------------------------------------
// cgroup controllers, sockets, core dumps

function controllerProblem(name: string, word: Word, version: number): ValueProblem | undefined {
  const known = CGROUP_CONTROLLERS.find((c) => c.name === name);
  const at = { start: word.start, end: word.end, replacements: [] };
  if (!known) return { ...at, message: `"${name}" is not a cgroup controller systemd knows (${CGROUP_CONTROLLERS.slice(0, 8).map((c) => c.name).join(', ')}, ...); it ignores it.` };
  if (known.since !== undefined && known.since > version) return { ...at, message: `The controller "${name}" came with systemd ${known.since}; systemd ${version}, the target version, ignores it.`, rule: 'newer-than-target' };
  return undefined;
}

/** Delegate=: a boolean or controller names. */
function checkDelegate(_row: DirectiveRow, value: string, version: number): FormResult {
  if (booleanValue(trimBlanks(value)) !== undefined) return [];
  return eachWord(value, (text, word) => controllerProblem(text, word, version));
}

/** Controller names are read as written: specifiers are not expanded here. */
function checkControllers(_row: DirectiveRow, value: string, version: number): FormResult {
  return eachWord(value, (text, word) => controllerProblem(text, word, version));
}

// ---------------------------------------------------------------------------
// image policies, file systems, BPF programs, calendar events

/** RootImagePolicy= and its siblings: "*", "-", "~", or partition=flag+flag rules separated by ":". */
function checkImagePolicy(_row: DirectiveRow, value: string, version: number): FormResult {
  const text = trimBlanks(value);
  if (text === '*' || text === '-' || text === '~') return [];
  const seen = new Set<string>();
  const strictNames = version < IMAGE_POLICY_UNKNOWN_NAMES_SINCE;
  for (const rule of text.split(':')) {
    const eq = rule.indexOf('=');
    if (eq < 0) return whole(value, `"${text}" is not an image policy ("*", "-", "~", or partition=flags rules separated by ":" such as root=verity+signed); systemd refuses it.`);
    const partition = rule.slice(0, eq);
    const flags = rule.slice(eq + 1);
    if (seen.has(partition)) return whole(value, `The partition "${partition}" has two rules; systemd refuses the policy.`);
    seen.add(partition);
    if (!/^[a-z0-9-]*$/.test(partition) || !/^[a-z0-9+-]*$/.test(flags)) return whole(value, `"${rule}" is not a partition=flags rule; systemd refuses the policy.`);
    if (strictNames && partition !== '' && !IMAGE_POLICY_PARTITIONS.includes(partition)) return whole(value, `"${partition}" is not a partition name systemd ${version} knows (${IMAGE_POLICY_PARTITIONS.slice(0, 5).join(', ')}, ...); it refuses the policy.`);
    const badFlag = flags.split('+').find((f) => f !== '' && !IMAGE_POLICY_FLAGS.includes(f));
    if (strictNames && badFlag !== undefined) return whole(value, `"${badFlag}" is not a policy flag systemd ${version} knows (${IMAGE_POLICY_FLAGS.slice(0, 6).join(', ')}, ...); it refuses the policy.`);
  }
  return [];
}

/** RestrictFileSystems=: file system names and @groups; an unknown @group is refused. */
function checkFileSystems(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const name = text.replace(/^~/, '');
    return name.startsWith('@') && !FILESYSTEM_GROUPS.includes(name) ? `"${name}" is not a file system group systemd knows (${FILESYSTEM_GROUPS.slice(0, 4).join(', ')}, ...); it ignores it.` : undefined;
  });
}

/** BPFProgram=: attach-type:/path/to/pinned/program. */
function checkBpfProgram(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  const colon = text.indexOf(':');
  if (colon < 0) return whole(value, `"${text}" is not type:path (such as ingress:/sys/fs/bpf/prog); systemd ignores the line.`);
  const type = text.slice(0, colon);
  if (!BPF_ATTACH_TYPES.includes(type)) return whole(value, `"${type}" is not a BPF attach type (${BPF_ATTACH_TYPES.slice(0, 6).join(', ')}, ...); systemd ignores the line.`);
  return isAbsoluteNormalized(text.slice(colon + 1)) ? [] : whole(value, `"${text.slice(colon + 1)}" is not an absolute path; systemd ignores the line.`);
}

/** RootImageOptions=: partition:options pairs, the partition named as in image policies. */
function checkRootImageOptions(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const colon = text.indexOf(':');
    if (colon < 0) return undefined;
    const partition = text.slice(0, colon);
    return IMAGE_POLICY_PARTITIONS.includes(partition) || partition.includes('%') ? undefined : `"${partition}" is not a partition name (${IMAGE_POLICY_PARTITIONS.slice(0, 5).join(', ')}, ...); systemd ignores "${text}".`;
  });
}

/** XAttrListen= and its siblings: user.NAME=VALUE items (only the "user." namespace). */
function checkXAttrs(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const eq = text.indexOf('=');
    if (eq < 0) return `"${text}" is not NAME=VALUE; systemd ignores the line.`;
    return text.startsWith('user.') ? undefined : `"${text.slice(0, eq)}" does not begin with "user."; systemd sets only user extended attributes and ignores the line.`;
  });
}

/**
 * LUOSession= names and OOMRules= rule names. Only the characters systemd 262 was seen to refuse
 * are reported, as warnings: the settings are new and their names little documented.
 */
function checkLuoSessions(_row: DirectiveRow, value: string): FormResult {
  // Both read the words as written: quotes and backslashes stay in the name.
  return eachWord(value, (text, word) =>
    /[^\x21-\x7e]|[:*"'\\]/.test(value.slice(word.start, word.end))
      ? { start: word.start, end: word.end, message: `"${text}" contains characters systemd does not take in a session name; it ignores it.`, replacements: [], severity: 'warning' }
      : undefined,
  );
}

function checkOomRules(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text, word) =>
    /[/*?[\]\\"']/.test(value.slice(word.start, word.end)) || text === '.' || text === '..'
      ? { start: word.start, end: word.end, message: `"${text}" is not a rule name (a file name without "/", "*", "?", "[" or "\\"); systemd ignores it.`, replacements: [], severity: 'warning' }
      : undefined,
  );
}

/** The calendar shorthands and weekday names of systemd.time(7). */
const CALENDAR_WORDS = /^(minutely|hourly|daily|monthly|weekly|yearly|annually|quarterly|semiannually|now|today|yesterday|tomorrow|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|utc)$/i;

/**
 * OnCalendar=: only what cannot be a calendar event at all is reported (a word that is no
 * shorthand or weekday, or a value without digits, "*" or such a word); the full grammar, with
 * time zones, is left to systemd-analyze calendar.
 */
function checkCalendar(row: DirectiveRow, value: string): FormResult {
  if (row.valueKind.forms[0]?.type !== 'calendar') return undefined;
  const text = trimBlanks(value);
  // %n and its kind expand to a name, never to a time.
  if (/^%[nNpPiIjJ]$/.test(text)) return whole(value, `"${text}" expands to a name, which is not a calendar event; systemd ignores the line.`);
  if (text.includes('%')) return [];
  const clock = text.split(/[ \t\n\r]+/).map((w) => /^([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?$/.exec(w)).find((m) => m && (Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 60));
  if (clock) return whole(value, `"${clock[0]}" is not a time of day (hours 0-23, minutes and seconds 0-59); systemd ignores the line.`);
  const words = text.split(/[ \t\n\r,.]+/).filter((w) => w !== '');
  const plausible = words.some((w) => /[0-9*]/.test(w) || CALENDAR_WORDS.test(w));
  const strangeWord = words.find((w) => /^[A-Za-z]+$/.test(w) && !CALENDAR_WORDS.test(w) && !/^[A-Z][A-Za-z_]+(\/[A-Za-z_]+)+$/.test(w));
  if (plausible && (!strangeWord || words.length > 1)) return [];
  return whole(value, `"${text}" is not a calendar event (daily, Mon *-*-* 12:00, *:0/15, ...); systemd ignores the line.`);
}

/** SocketBindAllow=, SocketBindDeny=: [ipv4:|ipv6:][tcp:|udp:](any|port|low-high). */
function checkSocketBind(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const parts = text.split(':');
    let i = 0;
    if (parts[i] === 'ipv4' || parts[i] === 'ipv6') i++;
    if (parts[i] === 'tcp' || parts[i] === 'udp') i++;
    const rest = parts.slice(i);
    if (rest.length === 0 && i > 0) return undefined;
    const ports = rest.join(':');
    const range = /^([0-9]+)(?:-([0-9]+))?$/.exec(ports);
    const ok = rest.length === 1 && (ports === 'any' || (range !== null && Number(range[1]) <= 65535 && Number(range[2] ?? range[1]) <= 65535 && Number(range[1]) <= Number(range[2] ?? range[1])));
    return ok ? undefined : `"${text}" is not a socket bind rule ([ipv4:|ipv6:][tcp:|udp:] then "any", a port or a port range up to 65535); systemd ignores it.`;
  });
}

/** NFTSet=: source:family:table:set. */
function checkNftSet(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const parts = text.split(':');
    if (parts.length !== 4 || parts.some((p) => p === '')) return `"${text}" is not source:family:table:set; systemd ignores it.`;
    if (!NFT_SET_SOURCES.includes(parts[0] as string)) return `"${parts[0]}" is not a set source (${NFT_SET_SOURCES.join(', ')}); systemd ignores "${text}".`;
    if (!NFT_FAMILIES.includes(parts[1] as string)) return `"${parts[1]}" is not an nftables family (${NFT_FAMILIES.join(', ')}); systemd ignores "${text}".`;
    return undefined;
  });
}

/** CoredumpFilter=: flag names, `default`, `all`, or a hex mask. */
function checkCoredumpFilter(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => (COREDUMP_FILTERS.includes(text) || /^(0x)?[0-9a-fA-F]+$/.test(text) ? undefined : `"${text}" is not a core dump filter (${COREDUMP_FILTERS.slice(0, 4).join(', ')}, ..., default, all, or a hex mask); systemd ignores the line.`));
}

// ---------------------------------------------------------------------------
// socket addresses

/** ListenStream=, ListenDatagram=, ListenSequentialPacket=: a port, address:port, path, @name or vsock:cid:port. */
function checkListenAddress(row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  if (text.includes('%') && !text.startsWith('%')) return [];
  const unixOnly = row.name === 'ListenSequentialPacket';
  if (text.startsWith('/') || text.startsWith('@') || /^%[tThSCLEVd]/.test(text)) return text.startsWith('/') && text.split('/').includes('..') ? whole(value, `"${text}" contains ".."; systemd ignores the line.`) : [];
  const port = (p: string) => /^[0-9]+$/.test(p) && Number(p) >= 1 && Number(p) <= 65535;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?:%[^:]+)?:([0-9]+)$/.exec(text);
  const v6 = /^\[([0-9a-fA-F:.]+)(?:%[^\]]+)?\]:([0-9]+)$/.exec(text);
  const vsock = /^vsock(?:-[a-z]+)?:([0-9]+|any|local|host|hypervisor)?:([0-9]+)$/.exec(text);
  const network = port(text) || (v4 !== null && v4[1]?.split('.').every((b) => Number(b) <= 255) && port(v4[2] as string)) || (v6 !== null && port(v6[2] as string)) || vsock !== null;
  if (network) return unixOnly ? whole(value, `${row.name}= takes only AF_UNIX sockets (a path or @name); systemd ignores "${text}".`) : [];
  if (/^[0-9]+$/.test(text)) return whole(value, `${text} is not a port from 1 to 65535; systemd ignores the line.`);
  return whole(value, `"${text}" is not a socket address (a port, address:port, [IPv6]:port, an absolute path, @name or vsock:CID:PORT); systemd ignores the line.`);
}

/** ListenNetlink=: a family and an optional group number. */
function checkNetlink(_row: DirectiveRow, value: string): FormResult {
  const [family = '', group, extra] = trimBlanks(value).split(/[ \t\n\r]+/);
  const ok = (NETLINK_FAMILIES.includes(family) || /^[0-9]+$/.test(family)) && (group === undefined || /^[0-9]+$/.test(group)) && extra === undefined;
  return ok ? [] : whole(value, `"${trimBlanks(value)}" is not a netlink family (route, audit, kobject-uevent, ...) with an optional group number; systemd ignores the line.`);
}

/** FileDescriptorName=: printable ASCII without ":", at most 255 characters. */
function checkFdName(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  return /^[\x20-\x39\x3b-\x7e]{0,255}$/.test(text) ? [] : whole(value, `"${text}" is not a file descriptor name (printable ASCII without ":", at most 255 characters); systemd ignores the line.`);
}

/** RebootArgument=: printable ASCII. */
function checkRebootArgument(_row: DirectiveRow, value: string, version: number): FormResult {
  const text = trimBlanks(value);
  if (version < 252 || /^[\x20-\x7e]*$/.test(text)) return [];
  return whole(value, `"${text}" is not a reboot argument systemd takes (printable ASCII only); it ignores the line.`);
}

/** PIDFile=: a path; "..", which makes it not normalized, is refused. */
function checkPidFile(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  return text.split('/').includes('..') ? whole(value, `"${text}" contains "..": systemd takes only normalized paths and ignores the line.`) : [];
}

export const STRUCTURED_CHECKS: Readonly<Record<string, (row: DirectiveRow, value: string, version: number) => FormResult>> = {
  config_parse_device_allow: checkDeviceAllow,
  config_parse_io_device_weight: deviceAnd('weight'),
  config_parse_io_limit: deviceAnd('limit'),
  config_parse_io_device_latency: deviceAnd('latency'),
  config_parse_bind_paths: checkBindPaths,
  config_parse_mount_images: checkImages(true),
  config_parse_extension_images: checkImages(false),
  config_parse_open_file: checkOpenFile,
  config_parse_set_credential: checkSetCredential,
  config_parse_load_credential: checkLoadCredential,
  config_parse_import_credential: checkImportCredential,
  config_parse_delegate: checkDelegate,
  config_parse_disable_controllers: checkControllers,
  config_parse_cgroup_socket_bind: checkSocketBind,
  config_parse_cgroup_nft_set: checkNftSet,
  config_parse_exec_coredump_filter: checkCoredumpFilter,
  config_parse_fdname: checkFdName,
  config_parse_reboot_parameter: checkRebootArgument,
  config_parse_pid_file: checkPidFile,
  config_parse_image_policy: checkImagePolicy,
  config_parse_restrict_filesystems: checkFileSystems,
  config_parse_bpf_foreign_program: checkBpfProgram,
  config_parse_root_image_options: checkRootImageOptions,
  config_parse_xattr: checkXAttrs,
  config_parse_luo_sessions: checkLuoSessions,
  config_parse_managed_oom_rules: checkOomRules,
};

/** OnCalendar= and the OnActiveSec= kind share one parser; the value kind tells which a setting takes. */
export function checkTimer(row: DirectiveRow, value: string): FormResult {
  return checkCalendar(row, value);
}

/** ListenStream= and its kind share one parser; the value kind tells which a setting takes. */
export function checkSocketListen(row: DirectiveRow, value: string): FormResult {
  const form = row.valueKind.forms[0];
  if (form?.type === 'listen-address') return checkListenAddress(row, value);
  if (form?.type === 'netlink-family') return checkNetlink(row, value);
  return undefined;
}
