/**
 * Checks by gperf parser: a setting's parser decides what its value may be more precisely than
 * the value kind (the integer width, the bounds, the names it knows). A parser listed here is
 * checked by its own function; the others by the forms of their value kind (checks.ts).
 */
import { booleanValue, capabilities, enumValues, errnoByAnyCase, exitStatusNames, signal, signals, type DirectiveRow, type EnumInfo } from '../../kb';
import { bestSuggestion, suggestions } from '../similarity';
import { parseCInteger, parseIntegerIn, parseSize, parseTimespan } from './numbers';
import { asWarnings, whole, type FormResult, type ValueProblem } from './problem';
import { checkIntegerRange, checkQuantity, checkRlimit, checkSize, checkTimespan } from './quantityChecks';
import { unknownSpecifierProblems } from './specifiers';
import { STRUCTURED_CHECKS, checkSocketListen, checkTimer, isBase64 } from './structuredChecks';
import { wordsIn, type Word } from './words';
import { trimBlanks, trimBlanksStart } from '../../syntax/blanks';

type ParserCheck = (row: DirectiveRow, value: string, version: number) => FormResult;

const MAX_PROBLEMS = 20;

/** A problem on one word of a list value. */
function onWord(word: Word, message: string, replacements: string[] = []): ValueProblem {
  return { start: word.start, end: word.end, message, replacements };
}

/** The problems of each word of a list value, by a check of one word (undefined: accepted). */
function eachWord(value: string, check: (text: string, word: Word) => string | ValueProblem | undefined): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const word of wordsIn(value)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const problem = check(word.text, word);
    if (problem !== undefined) problems.push(typeof problem === 'string' ? onWord(word, problem) : problem);
  }
  return problems;
}

/** Close names as replacements, the best one preferred when it stands out. */
function suggested(text: string, candidates: Iterable<string>): Pick<ValueProblem, 'replacements' | 'preferred'> {
  const found = suggestions(text, candidates);
  const best = bestSuggestion(found);
  return { replacements: found.map((s) => s.value), ...(best ? { preferred: found.indexOf(best) } : {}) };
}

// ---------------------------------------------------------------------------
// signals, errors, exit statuses

/** A signal as signal_from_string reads it: a name with or without `SIG` (no aliases), 1–64, or a real-time offset. */
export function isSystemdSignal(text: string): boolean {
  const name = text.startsWith('SIG') ? text.slice(3) : text;
  const known = signal(name);
  if (known && !known.aliasOf) return true;
  const rt = /^RT(MIN|MAX)(?:([+-])([0-9]+))?$/.exec(name);
  if (rt) {
    if (rt[2] === undefined) return true;
    return rt[2] === (rt[1] === 'MIN' ? '+' : '-') && Number(rt[3]) <= 30;
  }
  if (/^[0-9]+$/.test(text)) return Number(text) >= 1 && Number(text) <= 64;
  return false;
}

const SIGNAL_HINT = 'a signal name with or without "SIG" (SIGTERM, HUP), a number from 1 to 64, or SIGRTMIN+n / SIGRTMAX-n with n up to 30';

function checkSignal(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  if (isSystemdSignal(text)) return [];
  const upper = text.toUpperCase();
  const alias = signal(upper.startsWith('SIG') ? upper.slice(3) : upper);
  if (alias?.aliasOf) return whole(value, `"${text}" is another name of ${alias.aliasOf}, which systemd does not take; write ${alias.aliasOf}.`, [alias.aliasOf], 0);
  if (isSystemdSignal(upper)) return whole(value, `"${text}" is not a signal name systemd reads: names are upper case.`, [upper], 0);
  const { replacements, preferred } = suggested(text, signals.filter((s) => !s.aliasOf).map((s) => s.name));
  return whole(value, `"${text}" is not a signal systemd reads (${SIGNAL_HINT}).`, replacements, preferred);
}

/** An error as SystemCallErrorNumber= and `:errno` read it: a name (any case), 1–4095, or `kill`. */
export function errnoProblem(text: string): string | undefined {
  if (text === 'kill' || errnoByAnyCase(text)) return undefined;
  if (/^[0-9]+$/.test(text)) return Number(text) >= 1 && Number(text) <= 4095 ? undefined : `${text} is out of range: an error number is from 1 to 4095.`;
  return `"${text}" is not an error name such as EPERM, a number from 1 to 4095, or "kill".`;
}

function checkErrno(_row: DirectiveRow, value: string): FormResult {
  const problem = errnoProblem(trimBlanks(value));
  return problem ? whole(value, problem) : [];
}

/** SuccessExitStatus= and the restart lists: numbers 0–255, exit status names and signals. */
function checkExitStatusList(_row: DirectiveRow, value: string, version: number): FormResult {
  return eachWord(value, (text, word) => {
    if (/^[0-9]+$/.test(text)) return Number(text) <= 255 ? undefined : `${text} is out of range: an exit status is from 0 to 255.`;
    const name = exitStatusNames.find((n) => n.name === text);
    if (name) {
      if (name.since === undefined || name.since <= version) return undefined;
      return { ...onWord(word, `The exit status name ${text} came with systemd ${name.since}; systemd ${version}, the target version, does not know it and ignores it.`), rule: 'newer-than-target' };
    }
    if (isSystemdSignal(text)) return undefined;
    if (/^[A-Z][A-Z_]*$/.test(text)) return { ...onWord(word, `"${text}" is not an exit status name systemd knows; it ignores the item.`), severity: 'warning' };
    return `"${text}" is not an exit status (0–255, a name such as INVALIDARGUMENT) or a signal (SIGTERM).`;
  });
}

/** FailureActionExitStatus=, SuccessActionExitStatus=: one number from 0 to 255. */
function checkExitStatus(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  const parsed = parseIntegerIn(text, 0n, 255n);
  if (parsed.ok) return [];
  return whole(value, parsed.reason === 'range' ? `${text} is out of range: an exit status is from 0 to 255.` : `"${text}" is not an exit status: a number from 0 to 255 (names and signals are not taken here).`);
}

// ---------------------------------------------------------------------------
// CPU and NUMA node sets

/** CPUAffinity=, AllowedCPUs=, NUMAMask=: numbers and ranges separated by blanks or commas, each below 8192. */
function checkCpuSet(row: DirectiveRow, value: string): FormResult {
  const trimmed = trimBlanks(value);
  if (row.valueKind.forms.some((f) => f.type === 'keyword' && f.word === trimmed)) return [];
  // NUMAMask=all: every NUMA node.
  if (row.name === 'NUMAMask' && trimmed === 'all') return [];
  for (const item of trimmed.split(/[ \t\n\r,]+/).filter((i) => i !== '')) {
    const m = /^([^-]+)(?:-([^-]+))?$/.exec(item);
    const low = m ? parseCInteger(m[1] as string) : undefined;
    const high = m?.[2] !== undefined ? parseCInteger(m[2]) : low;
    if (low === undefined || high === undefined || low < 0n) return whole(value, `"${item}" is not a CPU number or range (0, 2-5); systemd ignores the line.`);
    if (low > high) return whole(value, `The range ${item} runs backwards; systemd ignores the line.`);
    if (high > 8191n) return whole(value, `${high} is out of range: systemd takes CPUs and NUMA nodes up to 8191; it ignores the line.`);
  }
  return [];
}

// ---------------------------------------------------------------------------
// environment and log fields

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkEnvironment(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const eq = text.indexOf('=');
    // No specifier expands to text with "=", so a word without one is no assignment.
    if (eq < 0) return `"${text}" is not an assignment: Environment= takes NAME=value items; systemd ignores it.`;
    const name = text.slice(0, eq);
    if (name.includes('%') || name.includes('$')) return undefined;
    return ENV_NAME.test(name) ? undefined : `"${name}" is not a variable name (letters, digits and "_", not starting with a digit); systemd ignores the item.`;
  });
}

function checkEnvironmentNames(row: DirectiveRow, value: string): FormResult {
  const assignments = row.name === 'UnsetEnvironment';
  return eachWord(value, (text) => {
    // %n is the full unit name, which has a "." and so is never a variable name.
    if (text === '%n') return `"%n" expands to the unit name, which is not a variable name; systemd ignores it.`;
    if (text.includes('%') || text.includes('$')) return undefined;
    const name = assignments && text.includes('=') ? text.slice(0, text.indexOf('=')) : text;
    if (ENV_NAME.test(name)) return undefined;
    return `"${text}" is not a variable name${assignments ? ' or NAME=value assignment' : ''} (letters, digits and "_", not starting with a digit); systemd ignores it.`;
  });
}

/** LogExtraFields=: FIELD=value with an upper-case journal field name not starting with "_". */
function checkLogFields(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    const eq = text.indexOf('=');
    if (eq < 0) return `"${text}" is not a FIELD=value assignment; systemd ignores it.`;
    const field = text.slice(0, eq);
    if (field.includes('%')) return undefined;
    if (/^[A-Z0-9][A-Z0-9_]{0,63}$/.test(field) && !/^[0-9]/.test(field)) return undefined;
    return `"${field}" is not a journal field name: upper-case letters, digits and "_", not starting with "_" or a digit, at most 64 characters; systemd ignores the item.`;
  });
}

// ---------------------------------------------------------------------------
// names systemd skips rather than refuses

/** Capability lists: systemd skips a name it does not know and takes the rest of the line. */
const capabilityNames: ReadonlySet<string> = new Set(capabilities.map((c) => c.name.toLowerCase()));

function checkCapabilityList(_row: DirectiveRow, value: string): FormResult {
  const problems: ValueProblem[] = [];
  let first = true;
  for (const w of wordsIn(value)) {
    if (w.text === '') continue;
    if (problems.length >= MAX_PROBLEMS) break;
    const word = first && w.text.startsWith('~') ? { text: w.text.slice(1), start: w.start + 1, end: w.end } : w;
    first = false;
    if (word.text === '' || capabilityNames.has(word.text.toLowerCase()) || /^[0-9]+$/.test(word.text) || word.text.toLowerCase() === 'all') continue;
    const upper = word.text.toUpperCase();
    const meant = capabilityNames.has(`cap_${word.text.toLowerCase()}`) ? `CAP_${upper}` : undefined;
    const close = meant ? { replacements: [meant], preferred: 0 } : word.text.includes(',') ? { replacements: [word.text.split(',').join(' ')], preferred: 0 } : suggested(upper, capabilities.map((c) => c.name));
    problems.push({
      start: word.start,
      end: word.end,
      message: `Unknown capability "${word.text}": systemd skips it and takes the rest of the line. Capabilities are named like CAP_NET_ADMIN${word.text.includes(',') ? ', separated by blanks, not commas' : ''}.`,
      ...close,
      severity: 'warning',
    });
  }
  return problems;
}

/** SecureBits=: systemd skips words it does not know. */
function checkSecureBits(_row: DirectiveRow, value: string): FormResult {
  const info = enumValues('SecureBits');
  if (!info) return undefined;
  const known = new Set(info.values.map((v) => v.value));
  return asWarnings(eachWord(value, (text) => (known.has(text) ? undefined : `"${text}" is not a secure bit systemd knows (${[...known].slice(0, 4).join(', ')}, ...); it skips the word.`)));
}

/** Personality=: systemd takes only its machine's architecture and that architecture's 32-bit companion. */
const NATIVE_PERSONALITIES: ReadonlySet<string> = new Set(['x86-64', 'x86']);

function checkPersonality(row: DirectiveRow, value: string): FormResult {
  const info = enumValues('Personality');
  const text = trimBlanks(value);
  if (!info || !info.values.some((v) => v.value === text)) return undefined;
  if (NATIVE_PERSONALITIES.has(text)) return [];
  return asWarnings(
    whole(
      value,
      `${row.name}=${text} is taken only by systemd running on that architecture (or, for a 32-bit one, on its 64-bit companion); elsewhere, such as on x86-64, it ignores the line.`,
    ),
  );
}

/**
 * Conditions and assertions on the machine (ConditionArchitecture=, ConditionFirstBoot=, ...):
 * systemd reads their value only when it checks the condition; a value it cannot read makes the
 * condition fail, so the unit is skipped (or, for an assertion, fails).
 */
function checkRuntimeCondition(row: DirectiveRow, value: string): FormResult {
  const form = row.valueKind.forms.find((f) => f.type === 'condition');
  if (!form) return undefined;
  const leading = value.length - trimBlanksStart(value).length;
  const match = /^\|?!?\|?[ \t\n\r]*/.exec(trimBlanksStart(value));
  const skip = match ? match[0].length : 0;
  const text = trimBlanks(trimBlanks(value).slice(skip));
  if (text === '' || text.includes('%')) return [];
  const outcome = row.name.startsWith('Assert') ? 'the assertion fails and the unit does not start' : 'the condition fails and the unit is skipped';
  const problem = (message: string, close: Pick<ValueProblem, 'replacements' | 'preferred'> = { replacements: [] }): FormResult => [
    { start: leading + skip, end: leading + skip + text.length, message, ...close, severity: 'warning' },
  ];
  if (form.operand === 'boolean') {
    return booleanValue(text) !== undefined ? [] : problem(`"${text}" is not a boolean; systemd reads ${row.name}= only when it checks it, and then ${outcome}.`);
  }
  if (form.operand !== 'string') return undefined;
  const counterpart = row.name.startsWith('Assert') ? `Condition${row.name.slice('Assert'.length)}` : row.name;
  const info = enumValues(counterpart);
  if (!info || row.name.endsWith('Firmware')) return [];
  if (enumAccepts(info, text)) return [];
  const plain = info.values.filter((v) => !v.form && !v.deprecated).map((v) => v.value);
  return problem(`"${text}" is not a value systemd knows for ${row.name}=; it reads the value only when it checks it, and then ${outcome}.`, suggested(text, plain));
}

function enumAccepts(info: EnumInfo, text: string): boolean {
  if ((info.acceptsBoolean || info.booleanTrue) && booleanValue(text) !== undefined) return true;
  return info.values.some((v) => (v.form === 'prefixed' ? text.startsWith(v.value) : v.form === 'call' ? text.startsWith(`${v.value}(`) : v.value === text));
}

// ---------------------------------------------------------------------------
// socket settings whose words systemd reads without regard to case, or as booleans

/** An enum that systemd may match without regard to case, and that may take booleans (yes/no) too. */
function socketEnum(anyCase: boolean, takesBooleans: boolean): ParserCheck {
  return (row, value) => {
    const info = enumValues(row.name);
    if (!info) return undefined;
    const text = trimBlanks(value);
    if (takesBooleans && booleanValue(text) !== undefined) return [];
    if (info.values.some((v) => (anyCase ? v.value.toLowerCase() === text.toLowerCase() : v.value === text))) return [];
    const accepted = info.values.map((v) => v.value).join(', ');
    return whole(value, `"${text}" is not a value of ${row.name}=. Accepted: ${accepted}${takesBooleans ? ' or a boolean' : ''}.`);
  };
}

// ---------------------------------------------------------------------------
// names of things

/** A network interface name: 1–15 characters (altnames up to 127 where taken), no "/", ":" or blanks, not "." or "..". */
function interfaceProblem(name: string, altnames: boolean, expandsSpecifiers = true): string | undefined {
  // A lone "~" is an empty deny-list, which systemd takes.
  if ((expandsSpecifiers && name.includes('%')) || name === '') return undefined;
  if (name.includes('%')) return `"${name}": specifiers are not expanded here, and "%" is not allowed in an interface name; systemd ignores it.`;
  const max = altnames ? 127 : 15;
  if (name === '' || name === '.' || name === '..' || /^[0-9]+$/.test(name) || /[/:\s]/.test(name) || [...name].length > max || /[^\x21-\x7e]/.test(name)) {
    return `"${name}" is not a network interface name (at most ${max} characters, without "/", ":" or blanks); systemd ignores it.`;
  }
  return undefined;
}

function checkInterface(row: DirectiveRow, value: string, version: number): FormResult {
  const text = trimBlanks(value);
  // BindToDevice= expands specifiers since 262; 252 to 257 read a "%" as it is, and refuse it.
  if (row.name === 'BindToDevice' && text.includes('%')) {
    if (version >= 262) return unknownSpecifierProblems(value);
    if (version >= 252) return whole(value, interfaceProblem(text, false, false) as string);
    return [];
  }
  // BindNetworkInterface= came after alternative names were taken everywhere (256).
  const problem = interfaceProblem(text.replace(/^~/, ''), row.name === 'BindNetworkInterface' || version >= 256 && row.name !== 'BindToDevice');
  return problem ? whole(value, problem) : [];
}

function checkInterfaceList(_row: DirectiveRow, value: string, version: number): FormResult {
  const altnames = version >= 256;
  // RestrictNetworkInterfaces= reads names as written, without expanding specifiers.
  return eachWord(value, (text, word) => interfaceProblem(word.start === value.length - trimBlanksStart(value).length ? text.replace(/^~/, '') : text, altnames, false));
}

/** A D-Bus well-known name (two or more dot-separated elements) or a unique name (":1.2"). */
function checkBusName(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  if (text.includes('%')) return [];
  const element = text.startsWith(':') ? '[A-Za-z0-9_-]+' : '[A-Za-z_-][A-Za-z0-9_-]*';
  const ok = new RegExp(`^:?${element}(\\.${element})+$`).test(text) && text.length <= 255;
  return ok ? [] : whole(value, `"${text}" is not a D-Bus name (dot-separated elements such as org.example.App, each not starting with a digit); systemd ignores the line.`);
}

/** Documentation=: URLs with a scheme systemd knows (a specifier that expands to a name makes none). */
function checkDocumentation(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => (/^(https?|file|info|man):\S+$/.test(text) || (text.includes('%') && !/^%[nNpPiIjJ]/.test(text)) ? undefined : `"${text}" is not a URL systemd takes (http://, https://, file:, info:, man:); it ignores it.`));
}

/** IPAddressAllow=, IPAddressDeny=: addresses with an optional prefix length, or the named sets. */
function checkAddressPrefixes(_row: DirectiveRow, value: string): FormResult {
  return eachWord(value, (text) => {
    if (['any', 'localhost', 'link-local', 'multicast'].includes(text)) return undefined;
    const [address, length, extra] = text.split('/');
    if (extra !== undefined) return `"${text}" is not an address with a prefix length; systemd ignores it.`;
    const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address as string);
    const isV4 = v4 !== null && v4.slice(1).every((p) => Number(p) <= 255);
    const isV6 = !isV4 && /^[0-9a-fA-F:.]+$/.test(address as string) && (address as string).includes(':');
    if (!isV4 && !isV6) return `"${text}" is not an IP address (10.0.0.0/8, ::1/128) or one of any, localhost, link-local, multicast; systemd ignores it.`;
    if (length !== undefined && (!/^[0-9]+$/.test(length) || Number(length) > (isV4 ? 32 : 128))) return `"${text}" has a prefix length out of range (up to ${isV4 ? 32 : 128}); systemd ignores it.`;
    return undefined;
  });
}

/** StandardInputData=: base64. */
function checkBase64(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  return isBase64(text) ? [] : whole(value, `"${text}" is not base64 data (groups of four characters, padded with "="); systemd ignores the line.`);
}

/** RootHash=: at least 16 bytes in hex, or an absolute path to a file holding it. */
function checkRootHash(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  if (text.startsWith('/')) return [];
  if (/^([0-9a-fA-F]{2})+$/.test(text)) return text.length >= 32 ? [] : whole(value, `"${text}" is too short for a root hash (at least 16 bytes, 32 hex digits); systemd ignores the line.`);
  return whole(value, `"${text}" is neither a root hash in hex nor an absolute path (specifiers are not expanded here); systemd ignores the line.`);
}

/** RootHashSignature=: "base64:" followed by the signature, or an absolute path. */
function checkRootHashSignature(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  if (text.startsWith('/') || text.startsWith('base64:')) return [];
  return whole(value, `"${text}" is neither "base64:" followed by the signature nor an absolute path; systemd ignores the line.`, [`base64:${text}`]);
}

/**
 * User=, Group=, SupplementaryGroups=: a numeric ID must be below 4294967295 (and never negative).
 * Names are checked only loosely by systemd, but a control character (a vertical tab, say), ":" or
 * "/" is refused, and the unit with it.
 */
function checkUserIds(row: DirectiveRow, value: string): FormResult {
  if (row.parser === 'config_parse_user_group_compat') {
    const problem = userNameProblem(trimBlanks(value));
    if (problem !== undefined) return whole(value, problem);
  }
  return eachWord(value, (text) => {
    if (!/^-?[0-9]+$/.test(text)) return userNameProblem(text);
    const id = BigInt(text);
    return id >= 0n && id < 4294967295n ? undefined : `${text} is not a user or group ID (0 to 4294967294); systemd ignores it.`;
  });
}

function userNameProblem(name: string): string | undefined {
  if (!/[\x00-\x1f\x7f:/]/.test(name)) return undefined;
  const shown = name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"${shown}" is not a user or group name: systemd refuses one with a control character, ":" or "/", and does not start the unit.`;
}

/** LogNamespace=: a short name of letters, digits, "_", "-" and ".". */
function checkLogNamespace(_row: DirectiveRow, value: string): FormResult {
  const text = trimBlanks(value);
  if (/^%[a-zA-Z]$/.test(text)) return [];
  return /^[A-Za-z0-9_.-]{1,64}$/.test(text) && !/^\.\.?$/.test(text) ? [] : whole(value, `"${text}" is not a log namespace name (letters, digits, "_", "-" and ".", at most 64); systemd ignores the line.`);
}

/** ManagedOOMMemoryPressureDurationSec=: at least one second, and not infinity. */
function checkPressureDuration(_row: DirectiveRow, value: string, version: number): FormResult {
  const base = checkTimespan(value, version);
  if (!base || base.length > 0) return base;
  const parsed = parseTimespan(trimBlanks(value), { version });
  if (parsed.ok && (parsed.value < 1_000_000n || parsed.value === (1n << 64n) - 1n)) return whole(value, `The duration must be at least 1s and not "infinity"; systemd ignores the line.`);
  return [];
}

// ---------------------------------------------------------------------------

/** A size stored in a long: at most 2^63 - 1 bytes. */
function sizeOrLong(row: DirectiveRow, value: string): FormResult {
  const base = checkSize(value);
  if (!base || base.length > 0) return base;
  const parsed = parseSize(trimBlanks(value));
  return parsed.ok && parsed.value > 9223372036854775807n ? whole(value, `${trimBlanks(value)} is out of range: ${row.name}= takes at most 8E - 1 bytes.`) : [];
}

function integerOrInfinity(row: DirectiveRow, value: string): FormResult {
  return trimBlanks(value) === 'infinity' ? [] : checkIntegerRange(row, value);
}

export const PARSER_CHECKS: Readonly<Record<string, ParserCheck>> = {
  config_parse_rlimit: checkRlimit,
  config_parse_memory_limit: checkQuantity,
  config_parse_tasks_max: checkQuantity,
  config_parse_cpu_quota: checkQuantity,
  config_parse_managed_oom_mem_pressure_limit: checkQuantity,
  config_parse_exec_quota: checkQuantity,
  config_parse_unsigned: (row, value) => checkIntegerRange(row, value),
  config_parse_tty_size: (row, value) => checkIntegerRange(row, value),
  config_parse_int: (row, value) => checkIntegerRange(row, value),
  config_parse_long: (row, value) => checkIntegerRange(row, value),
  config_parse_swap_priority: (row, value) => checkIntegerRange(row, value),
  config_parse_exec_cpu_sched_prio: (row, value) => checkIntegerRange(row, value),
  config_parse_concurrency_max: integerOrInfinity,
  config_parse_iec_size: (_row, value) => checkSize(value),
  config_parse_iec_size_long: sizeOrLong,
  config_parse_set_status: checkExitStatusList,
  config_parse_exit_status: checkExitStatus,
  config_parse_signal: checkSignal,
  config_parse_syscall_errno: checkErrno,
  config_parse_unit_cpu_set: checkCpuSet,
  config_parse_exec_cpu_affinity: checkCpuSet,
  config_parse_numa_mask: checkCpuSet,
  config_parse_environ: checkEnvironment,
  config_parse_pass_environ: checkEnvironmentNames,
  config_parse_unset_environ: checkEnvironmentNames,
  config_parse_log_extra_fields: checkLogFields,
  config_parse_capability_set: checkCapabilityList,
  config_parse_exec_secure_bits: checkSecureBits,
  config_parse_personality: checkPersonality,
  config_parse_unit_condition_string: checkRuntimeCondition,
  // BindIPv6Only=yes is ipv6-only, no is both; Timestamping=yes/no are us/off; the protocol and
  // timestamping words are matched without regard to case.
  config_parse_socket_bind: socketEnum(false, true),
  config_parse_socket_timestamping: socketEnum(true, true),
  config_parse_socket_protocol: socketEnum(true, false),
  config_parse_socket_bindtodevice: checkInterface,
  config_parse_bind_network_interface: checkInterface,
  config_parse_restrict_network_interfaces: checkInterfaceList,
  config_parse_bus_name: checkBusName,
  config_parse_documentation: checkDocumentation,
  config_parse_in_addr_prefixes: checkAddressPrefixes,
  config_parse_exec_input_data: checkBase64,
  config_parse_exec_root_hash: checkRootHash,
  config_parse_exec_root_hash_sig: checkRootHashSignature,
  config_parse_user_group_compat: checkUserIds,
  config_parse_user_group_strv_compat: checkUserIds,
  config_parse_log_namespace: checkLogNamespace,
  config_parse_managed_oom_mem_pressure_duration_sec: checkPressureDuration,
  config_parse_socket_listen: checkSocketListen,
  config_parse_timer: checkTimer,
  ...STRUCTURED_CHECKS,
};
