/**
 * Value checks per value form. Each check says whether systemd's parser would accept a value,
 * and, when not, what is wrong: for list values, per item. The checks err on the side of
 * accepting: a value systemd takes must never be reported (specifiers `%x` and quotes are
 * allowed wherever systemd expands or strips them).
 */
import {
  addressFamilies,
  addressFamilyKeywords,
  capabilities,
  enumValues,
  namespaces,
  syscallGroup,
  syscallGroupNames,
  type DirectiveRow,
  type EnumInfo,
  type EnumValue,
  type ValueForm,
} from '../../kb';
import { bestSuggestion, suggestions } from '../similarity';
import { isBytes, isOctalMode, isPercent, isTimespan, parseBoolean, parseInteger } from './scalars';
import { ABSOLUTE_PATH_SETTINGS, KNOWN_MISTAKES, PATH_PREFIXES, isErrno, isSignal } from './tables';
import { splitWords, type Word } from './words';

export interface ValueProblem {
  /** Offsets in the value string. */
  start: number;
  end: number;
  message: string;
  /** Texts that could replace `[start, end)`, best first. */
  replacements: string[];
  /** Index in `replacements` of the one safe to apply without asking. */
  preferred?: number;
}

/** `undefined`: the form does not apply / is not checked; `[]`: accepted; else the problems. */
type FormResult = ValueProblem[] | undefined;

const UNIT_SUFFIX = /\.(service|socket|device|mount|automount|swap|target|path|timer|slice|scope)$/;

const knownSyscalls: ReadonlySet<string> = new Set([
  ...(syscallGroup('@known')?.members ?? []),
  ...syscallGroupNames.flatMap((g) => syscallGroup(g)?.members ?? []),
]);
const capabilityNames: ReadonlySet<string> = new Set(capabilities.map((c) => c.name.toLowerCase()));
const familyNames: ReadonlySet<string> = new Set(addressFamilies.map((a) => a.name));
const namespaceNames: ReadonlySet<string> = new Set(namespaces.map((n) => n.name));

/** Enough to show what is wrong with a value; a line of thousands of bad items is not worth more. */
const MAX_PROBLEMS = 20;

/**
 * Values already checked. Every line is checked when the unit is read and again by the
 * invalid-value rule, and the units of one system repeat their values. Whether a value is
 * accepted does not depend on the target release (only the wording of a problem does), and most
 * values are: those are kept as a set of texts per setting, which costs next to nothing to keep
 * even for a unit of thousands of distinct values. The problems of the others are kept per
 * release. Both are bounded; past the bound they start over.
 */
const accepted = new Map<DirectiveRow, Set<string>>();
let acceptedCount = 0;
const ACCEPTED_SIZE = 100_000;
const refused = new Map<DirectiveRow, Map<number, Map<string, readonly ValueProblem[]>>>();
let refusedCount = 0;
const REFUSED_SIZE = 4096;
const NO_PROBLEMS: readonly ValueProblem[] = [];

/**
 * The problems of a value for a setting. `version`, the target release, keeps values newer than it
 * out of the values a message lists and the replacements it offers (a value is parsed as the
 * newest release does; values newer than the target are the newer-than-target rule's business).
 * The list is shared: read it, never change it.
 */
export function checkValue(row: DirectiveRow, value: string, version = Number.POSITIVE_INFINITY): readonly ValueProblem[] {
  let ok = accepted.get(row);
  if (ok?.has(value)) return NO_PROBLEMS;
  let byVersion = refused.get(row);
  const known = byVersion?.get(version)?.get(value);
  if (known) return known;
  const problems = problemsOf(row, value, version);
  if (problems.length === 0) {
    if (acceptedCount >= ACCEPTED_SIZE) {
      accepted.clear();
      acceptedCount = 0;
      ok = undefined;
    }
    if (!ok) accepted.set(row, (ok = new Set()));
    ok.add(value);
    acceptedCount++;
    return NO_PROBLEMS;
  }
  if (refusedCount >= REFUSED_SIZE) {
    refused.clear();
    refusedCount = 0;
    byVersion = undefined;
  }
  if (!byVersion) refused.set(row, (byVersion = new Map()));
  let byValue = byVersion.get(version);
  if (!byValue) byVersion.set(version, (byValue = new Map()));
  byValue.set(value, problems);
  refusedCount++;
  return problems;
}

function problemsOf(row: DirectiveRow, value: string, version: number): readonly ValueProblem[] {
  if (value.trim() === '') return [];
  const forms = row.valueKind.forms;
  if (forms.some((f) => f.type === 'ignored')) return [];
  const results = forms.map((form) => checkForm(row, form, value, version));
  if (results.some((r) => r === undefined || r.length === 0)) return [];
  // No form accepts the value: report the problems of the form that got furthest (a list form
  // reports per item), naming the other accepted forms in the message.
  const all = results as ValueProblem[][];
  const best = all.reduce((a, b) => (b.length > 0 && problemsCover(b) < problemsCover(a) ? b : a)).slice(0, MAX_PROBLEMS);
  if (forms.length > 1 && best.length === 1 && best[0].start === 0 && best[0].end >= value.length) {
    return [{ ...best[0], message: `${best[0].message.replace(/\.$/, '')}; ${row.name}= takes ${describeForms(forms)}.` }];
  }
  return best;
}

function problemsCover(problems: readonly ValueProblem[]): number {
  return problems.reduce((sum, p) => sum + (p.end - p.start), 0);
}

function describeForms(forms: readonly ValueForm[]): string {
  const words = forms.map((f) => {
    switch (f.type) {
      case 'keyword':
        return `"${f.word}"`;
      case 'integer':
        return f.min !== undefined && f.max !== undefined ? `a number from ${f.min} to ${f.max}` : 'a number';
      case 'namespace':
        return 'a list of namespace types';
      case 'boolean':
        return 'a boolean';
      case 'bytes':
        return 'a size in bytes';
      case 'percent':
        return 'a percentage';
      case 'timespan':
        return 'a time span';
      default:
        return `a ${f.type.replace(/-/g, ' ')}${f.list ? ' list' : ''}`;
    }
  });
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function whole(value: string, message: string, replacements: string[] = [], preferred?: number): ValueProblem[] {
  const leading = value.length - value.trimStart().length;
  return [{ start: leading, end: value.trimEnd().length, message, replacements, ...(preferred !== undefined ? { preferred } : {}) }];
}

function checkForm(row: DirectiveRow, form: ValueForm, value: string, version: number): FormResult {
  const name = row.name;
  const trimmed = value.trim();
  switch (form.type) {
    case 'boolean': {
      if (parseBoolean(trimmed) !== undefined) return [];
      const close = booleanSuggestions(trimmed);
      return whole(value, `"${trimmed}" is not a boolean (yes/no, true/false, on/off, 1/0).`, close, close.length === 1 ? 0 : undefined);
    }
    case 'keyword':
      return trimmed === form.word ? [] : whole(value, `"${trimmed}" is not "${form.word}".`);
    case 'integer':
      return checkInteger(form, value);
    case 'timespan':
      return isTimespan(trimmed, form.resolution === 'nsec')
        ? []
        : whole(value, `"${trimmed}" is not a time span (a number with an optional unit such as 30s, 5min, 2h, 1d, or "infinity").`);
    case 'bytes':
      return isBytes(trimmed) ? [] : whole(value, `"${trimmed}" is not a size in bytes (a number with an optional K, M, G, T, P or E suffix).`);
    case 'percent':
      return isPercent(trimmed) ? [] : whole(value, `"${trimmed}" is not a percentage such as 50%.`);
    case 'octal-mode':
      return isOctalMode(trimmed) ? [] : whole(value, `"${trimmed}" is not an octal file mode such as 0755.`);
    case 'signal':
      return isSignal(trimmed) ? [] : whole(value, `"${trimmed}" is not a signal name or number (SIGTERM, SIGKILL, HUP, RTMIN+3, ...).`);
    case 'errno':
      return isErrno(trimmed) ? [] : whole(value, `"${trimmed}" is not an errno name such as EPERM, a number, "kill" or "log".`);
    case 'enum':
      return checkEnum(row, value, version);
    case 'architecture':
    case 'securebits':
      return checkEnumList(row, value, enumValues(name === 'SecureBits' || form.type === 'securebits' ? 'SecureBits' : 'SystemCallArchitectures'), version);
    case 'syslog-facility':
      return checkEnum(row, value, version, enumValues('SyslogFacility'));
    case 'personality':
      return checkEnum(row, value, version, enumValues('Personality'));
    case 'capability':
      return checkCapabilities(value);
    case 'syscall':
      return checkSyscalls(name, value);
    case 'address-family':
      return checkAddressFamilies(value);
    case 'namespace':
      return checkNamespaces(value);
    case 'path':
      return checkPaths(name, form, value);
    case 'condition':
      return checkCondition(row, form, value, version);
    case 'unit':
      return checkUnits(form, value);
    case 'command':
      return checkCommand(value);
    default:
      return undefined;
  }
}

function booleanSuggestions(text: string): string[] {
  const found = suggestions(text.toLowerCase(), ['yes', 'no', 'true', 'false', 'on', 'off'], 2);
  return found.filter((s) => s.distance <= 1).map((s) => s.value);
}

function checkInteger(form: ValueForm, value: string): FormResult {
  const trimmed = value.trim();
  const number = parseInteger(trimmed);
  const range = form.min !== undefined && form.max !== undefined ? ` from ${form.min} to ${form.max}` : form.min === 0 ? ' (0 or more)' : '';
  if (number === undefined) return whole(value, `"${trimmed}" is not a whole number${range}.`);
  if ((form.min !== undefined && number < form.min) || (form.max !== undefined && number > form.max)) {
    const nearest = form.min !== undefined && number < form.min ? form.min : (form.max as number);
    return whole(value, `${trimmed} is out of range: the value must be${range}.`, [String(nearest)]);
  }
  return [];
}

// ---------------------------------------------------------------------------
// enumerations

function accepts(info: EnumInfo, text: string): boolean {
  if ((info.acceptsBoolean || info.booleanTrue) && parseBoolean(text) !== undefined) return true;
  if (info.numeric && /^[0-9]+$/.test(text)) return true;
  return info.values.some((v) =>
    v.form === 'prefixed' ? text.startsWith(v.value) && text.length > v.value.length : v.form === 'call' ? text.startsWith(`${v.value}(`) : v.value === text,
  );
}

/** Values the target release has (those without a release are older than every target). */
function atTarget(v: EnumValue, version: number): boolean {
  return v.since === undefined || v.since <= version;
}

function plainValues(info: EnumInfo, version: number): string[] {
  return info.values.filter((v) => !v.form && !v.deprecated && atTarget(v, version)).map((v) => v.value);
}

function listOfValues(info: EnumInfo, version: number): string {
  const values = [...plainValues(info, version), ...info.values.filter((v) => v.form === 'prefixed' && atTarget(v, version)).map((v) => `${v.value}${v.placeholder ?? ''}`)];
  const shown = values.length > 16 ? [...values.slice(0, 16), '...'] : values;
  const bool = info.booleanTrue && info.booleanTrue !== 'yes' ? ` or a boolean (yes means ${info.booleanTrue})` : info.booleanTrue || info.acceptsBoolean ? ' or a boolean' : '';
  return `${shown.join(', ')}${bool}`;
}

function enumProblem(name: string, info: EnumInfo, text: string, start: number, end: number, version: number): ValueProblem {
  const mistake = KNOWN_MISTAKES.find((m) => m.directive === name && m.value === text && plainValues(info, version).includes(m.meant));
  if (mistake) {
    return { start, end, message: `"${text}" is not a value of ${name}=: ${mistake.why}. Accepted: ${listOfValues(info, version)}.`, replacements: [mistake.meant], preferred: 0 };
  }
  const found = suggestions(text, plainValues(info, version));
  const best = bestSuggestion(found);
  return {
    start,
    end,
    message: `"${text}" is not a value of ${name}=. Accepted: ${listOfValues(info, version)}.`,
    replacements: found.map((s) => s.value),
    ...(best ? { preferred: found.indexOf(best) } : {}),
  };
}

/** The enum of a setting whose table also lists conditions and asserts under one name. */
function enumFor(row: DirectiveRow, explicit?: EnumInfo): EnumInfo | undefined {
  if (explicit) return explicit;
  const info = enumValues(row.name);
  if (info && (info.sections as readonly string[]).includes(row.section)) return info;
  return undefined;
}

function checkEnum(row: DirectiveRow, value: string, version: number, explicit?: EnumInfo): FormResult {
  const info = enumFor(row, explicit);
  if (!info) return undefined;
  if (info.list) return checkEnumList(row, value, info, version);
  const trimmed = value.trim();
  if (accepts(info, trimmed)) return [];
  const leading = value.length - value.trimStart().length;
  return [enumProblem(row.name, info, trimmed, leading, leading + trimmed.length, version)];
}

function checkEnumList(row: DirectiveRow, value: string, info: EnumInfo | undefined, version: number): FormResult {
  if (!info) return undefined;
  const trimmed = value.trim();
  if ((info.acceptsBoolean || info.booleanTrue) && parseBoolean(trimmed) !== undefined) return [];
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, info.tilde !== undefined)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (!accepts(info, word.text)) problems.push(enumProblem(row.name, info, word.text, word.start, word.end, version));
  }
  return problems;
}

/** The words of a list value, without a leading `~` (alone or stuck to the first word). */
function itemsAfterTilde(value: string, tildeAllowed: boolean): Word[] {
  // A quoted empty word ("") is read as nothing at all.
  const words = splitWords(value).filter((w) => w.text !== '');
  if (!tildeAllowed || words.length === 0) return words;
  const first = words[0];
  if (first.text === '~') return words.slice(1);
  if (first.text.startsWith('~')) return [{ text: first.text.slice(1), start: first.start + 1, end: first.end }, ...words.slice(1)];
  return words;
}

// ---------------------------------------------------------------------------
// capability, system call, address family and namespace lists

function checkCapabilities(value: string): FormResult {
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const lower = word.text.toLowerCase();
    if (capabilityNames.has(lower) || /^[0-9]+$/.test(word.text) || lower === 'all') continue;
    const candidates = capabilities.map((c) => c.name);
    const found = suggestions(word.text.toUpperCase(), candidates);
    const best = bestSuggestion(found);
    problems.push({
      start: word.start,
      end: word.end,
      message: `Unknown capability "${word.text}"; systemd skips it. Capabilities are named like CAP_NET_ADMIN.`,
      replacements: found.map((s) => s.value),
      ...(best ? { preferred: found.indexOf(best) } : {}),
    });
  }
  return problems;
}

function checkSyscalls(name: string, value: string): FormResult {
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const colon = name === 'SystemCallFilter' ? word.text.indexOf(':') : -1;
    const call = colon >= 0 ? word.text.slice(0, colon) : word.text;
    const start = word.start;
    const end = colon >= 0 ? start + colon : word.end;
    if (call.startsWith('@')) {
      if (syscallGroupNames.includes(call)) continue;
      const mistake = KNOWN_MISTAKES.find((m) => m.directive === name && m.value === call);
      const found = mistake ? [] : suggestions(call, syscallGroupNames);
      const best = bestSuggestion(found);
      problems.push({
        start,
        end,
        message: mistake
          ? `Unknown system call group "${call}": ${mistake.why}.`
          : `Unknown system call group "${call}"; systemd skips it.${found.length > 0 ? ` Did you mean ${found.map((s) => s.value).join(', ')}?` : ''}`,
        replacements: mistake ? [mistake.meant] : found.map((s) => s.value),
        ...(mistake ? { preferred: 0 } : best ? { preferred: found.indexOf(best) } : {}),
      });
      continue;
    }
    if (call.startsWith('~')) {
      problems.push({
        start,
        end,
        message: `"${call}": a "~" only works at the start of the value, where it turns the whole line into a deny-list; systemd skips this name. Write a separate ${name}=${call} line.`,
        replacements: [],
      });
      continue;
    }
    if (!/^[a-z0-9_]+$/.test(call)) {
      problems.push({ start, end, message: `"${call}" is not a system call name or @group.`, replacements: [] });
      continue;
    }
    if (knownSyscalls.has(call)) continue;
    const found = suggestions(call, knownSyscalls);
    const best = bestSuggestion(found);
    problems.push({
      start,
      end,
      message: `Unknown system call "${call}"; systemd skips it.${found.length > 0 ? ` Did you mean ${found.map((s) => s.value).join(', ')}?` : ''}`,
      replacements: found.map((s) => s.value),
      ...(best ? { preferred: found.indexOf(best) } : {}),
    });
  }
  return problems;
}

function checkAddressFamilies(value: string): FormResult {
  const trimmed = value.trim();
  if (addressFamilyKeywords.includes(trimmed)) return [];
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (familyNames.has(word.text)) continue;
    const found = suggestions(word.text, familyNames);
    const best = bestSuggestion(found);
    problems.push({
      start: word.start,
      end: word.end,
      message: `Unknown address family "${word.text}"; systemd skips it. Families are named like AF_UNIX, AF_INET, AF_INET6, AF_NETLINK.`,
      replacements: found.map((s) => s.value),
      ...(best ? { preferred: found.indexOf(best) } : {}),
    });
  }
  return problems;
}

function checkNamespaces(value: string): FormResult {
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (namespaceNames.has(word.text)) continue;
    const found = suggestions(word.text, namespaceNames);
    const best = bestSuggestion(found);
    problems.push({
      start: word.start,
      end: word.end,
      message: `Unknown namespace type "${word.text}"; the types are ${[...namespaceNames].join(', ')}.`,
      replacements: found.map((s) => s.value),
      ...(best ? { preferred: found.indexOf(best) } : {}),
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------
// paths, conditions, units, commands

function isAbsoluteOrSpecifier(path: string): boolean {
  return path.startsWith('/') || path.startsWith('%');
}

function checkPaths(name: string, form: ValueForm, value: string): FormResult {
  if (form.qualifier === 'mqueue-name' || form.glob) return undefined;
  if (form.relative) return checkRelativePaths(name, value);
  if (!ABSOLUTE_PATH_SETTINGS.has(name)) return undefined;
  const prefixes = PATH_PREFIXES[name] ?? '';
  const words = form.list ? splitWords(value) : [{ text: value.trim(), start: value.length - value.trimStart().length, end: value.trimEnd().length }];
  const problems: ValueProblem[] = [];
  for (const word of words) {
    if (problems.length >= MAX_PROBLEMS) break;
    let path = word.text;
    let skipped = 0;
    while (path.length > 0 && prefixes.includes(path[0]) && path[0] !== '~') {
      path = path.slice(1);
      skipped++;
    }
    if (name === 'WorkingDirectory' && (path === '~' || path.startsWith('~/'))) continue;
    if (form.qualifier === 'colon-separated') {
      if (path.split(':').every((p) => p === '' || isAbsoluteOrSpecifier(p))) continue;
    } else if (form.qualifier === 'with-mount-options') {
      if (isAbsoluteOrSpecifier(path.split(':')[0])) continue;
    } else if (isAbsoluteOrSpecifier(path)) continue;
    const allowed = prefixes.replace('~', '');
    const hint = allowed ? ` (optionally after ${[...allowed].map((c) => `"${c}"`).join(' or ')})` : '';
    problems.push({
      start: word.start + skipped,
      end: word.end,
      message: `"${path}" is not an absolute path; ${name}= needs paths starting with /${hint}, so systemd ignores it.`,
      replacements: [],
    });
  }
  return problems;
}

function checkRelativePaths(name: string, value: string): FormResult {
  const problems: ValueProblem[] = [];
  for (const word of splitWords(value)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const path = word.text.split(':')[0];
    if (path.startsWith('/')) {
      problems.push({
        start: word.start,
        end: word.end,
        message: `${name}= takes a path relative to its base folder, not an absolute path; systemd ignores "${word.text}".`,
        replacements: [word.text.replace(/^\/+/, '')].filter((r) => r.length > 0),
      });
    } else if (path.split('/').includes('..')) {
      problems.push({ start: word.start, end: word.end, message: `${name}= paths may not contain "..".`, replacements: [] });
    }
  }
  return problems;
}

/** Condition and assert values may start with `|` (trigger) and `!` (negate). */
function conditionOperand(value: string): { text: string; start: number } {
  const leading = value.length - value.trimStart().length;
  const match = /^\|?!?\|?\s*/.exec(value.trimStart());
  const skip = match ? match[0].length : 0;
  return { text: value.trim().slice(skip).trim(), start: leading + skip };
}

function checkCondition(row: DirectiveRow, form: ValueForm, value: string, version: number): FormResult {
  const { text, start } = conditionOperand(value);
  if (text === '') return undefined;
  switch (form.operand) {
    case 'boolean':
      return parseBoolean(text) !== undefined ? [] : [{ start, end: start + text.length, message: `"${text}" is not a boolean.`, replacements: booleanSuggestions(text) }];
    case 'path':
    case 'path-glob':
      return isAbsoluteOrSpecifier(text)
        ? []
        : [{ start, end: start + text.length, message: `"${text}" is not an absolute path; ${row.name}= needs one.`, replacements: [] }];
    case 'string': {
      const counterpart = row.name.startsWith('Assert') ? `Condition${row.name.slice('Assert'.length)}` : row.name;
      const info = enumValues(counterpart);
      if (!info) return undefined;
      if (row.name.endsWith('Firmware')) return undefined;
      if (accepts(info, text)) return [];
      return [enumProblem(row.name, info, text, start, start + text.length, version)];
    }
    default:
      return undefined;
  }
}

function checkUnits(form: ValueForm, value: string): FormResult {
  const problems: ValueProblem[] = [];
  const words = form.list ? splitWords(value) : [{ text: value.trim(), start: value.length - value.trimStart().length, end: value.trimEnd().length }];
  for (const word of words) {
    if (problems.length >= MAX_PROBLEMS) break;
    const unit = word.text;
    if (unit.includes('%') || unit.includes('$')) continue;
    if (UNIT_SUFFIX.test(unit) && !unit.includes('/')) {
      if (form.qualifier && !unit.endsWith(`.${form.qualifier}`)) {
        problems.push({ start: word.start, end: word.end, message: `"${unit}" is not a .${form.qualifier} unit.`, replacements: [] });
      }
      continue;
    }
    const suffix = form.qualifier ? `.${form.qualifier}` : '';
    problems.push({
      start: word.start,
      end: word.end,
      message: `"${unit}" is not a unit name (a name with a type suffix such as .service or .target); systemd ignores it.`,
      replacements: suffix && !unit.includes('.') ? [`${unit}${suffix}`] : [],
    });
  }
  return problems;
}

function checkCommand(value: string): FormResult {
  const trimmed = value.trimStart();
  const leading = value.length - trimmed.length;
  const prefix = /^[-@:+!|]*/.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(prefix.length);
  if (prefix.includes('+') && prefix.includes('!')) {
    return [{ start: leading, end: leading + prefix.length, message: `The command prefixes "${prefix}" cannot be combined ("+" excludes "!" and "!!").`, replacements: [] }];
  }
  const first = splitWords(rest)[0];
  if (!first) return undefined;
  const exe = first.text;
  if (exe.startsWith('/') || exe.startsWith('%') || exe.startsWith('$') || !exe.includes('/')) return [];
  const start = leading + prefix.length + first.start;
  return [{ start, end: start + (first.end - first.start), message: `"${exe}" is neither an absolute path nor a plain program name; systemd refuses such a command line.`, replacements: [] }];
}
