/**
 * Value checks per value form. Each check says whether systemd's parser would accept a value,
 * and, when not, what is wrong: for list values, per item. The checks err on the side of
 * accepting: a value systemd takes must never be reported as an error (specifiers `%x` and quotes
 * are allowed wherever systemd expands or strips them). A setting's parser may know more than its
 * value kind says (parserChecks.ts), and what is accepted may depend on the target release.
 */
import {
  ADDRESS_FAMILY_SINCE,
  KEYWORD_SINCE,
  emptyValueRefused,
  FORM_CHANGES,
  NUMERIC_ENUM_RANGES,
  SPECIFIER_EXPANDING_PARSERS,
  addressFamilies,
  addressFamilyKeywords,
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
import { parseCInteger, parsePermyriad } from './numbers';
import { PARSER_CHECKS, errnoProblem, isSystemdSignal } from './parserChecks';
import { whole, type FormResult, type ValueProblem } from './problem';
import { checkIntegerRange, checkSize, checkTimespan } from './quantityChecks';
import { hasDotDot, isAbsoluteOrSpecifier } from './paths';
import { commandSpans, splitCommand } from './commandWords';
import { unknownSpecifierProblems } from './specifiers';
import { withStrayBlankNote } from './strayBlanks';
import { parseBoolean } from './scalars';
import { ABSOLUTE_PATH_SETTINGS, KNOWN_MISTAKES, ONE_PATH_PER_LINE, PATH_PREFIXES } from './tables';
import { ownCopy } from '../../syntax/ownCopy';
import { Admission, MAX_KEY_LENGTH } from './boundedCache';
import { splitWords, wordsIn, type Word } from './words';
import { trimBlanks, trimBlanksEnd, trimBlanksStart } from '../../syntax/blanks';

export type { ValueProblem } from './problem';

const UNIT_SUFFIX = /\.(service|socket|device|mount|automount|swap|target|path|timer|slice|scope)$/;

const knownSyscalls: ReadonlySet<string> = new Set([
  ...(syscallGroup('@known')?.members ?? []),
  ...syscallGroupNames.flatMap((g) => syscallGroup(g)?.members ?? []),
]);
/** systemd matches address family names without regard to case (af_unix is AF_UNIX). */
const familyNames: ReadonlyMap<string, string> = new Map(addressFamilies.map((a) => [a.name.toUpperCase(), a.name]));
const namespaceNames: ReadonlySet<string> = new Set(namespaces.map((n) => n.name));

/** Enough to show what is wrong with a value; a line of thousands of bad items is not worth more. */
const MAX_PROBLEMS = 20;

/**
 * Values already checked. Every line is checked when the unit is read and again by the
 * invalid-value rule, and the units of one system repeat their values. Most values are accepted:
 * those are kept as a set of texts per setting and release. The problems of the others are kept
 * per release too. Both are bounded; past the bound they start over. What is kept is a copy (a
 * cut of a unit's text would keep all of that text alive), so accepted values are kept only while
 * values recur (see Admission): a unit of thousands of distinct values would otherwise have each
 * copied for nothing.
 */
const accepted = new Map<DirectiveRow, Map<number, Set<string>>>();
const acceptance = new Admission();
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
  // A long value is checked every time it is asked about, not copied into the memo (see MAX_KEY_LENGTH).
  if (value.length > MAX_KEY_LENGTH) return problemsOf(row, value, version);
  let ok = accepted.get(row)?.get(version);
  const hit = ok?.has(value) === true;
  acceptance.record(hit);
  if (hit) return NO_PROBLEMS;
  let byVersion = refused.get(row);
  const known = byVersion?.get(version)?.get(value);
  if (known) return known;
  const problems = problemsOf(row, value, version);
  if (problems.length === 0) {
    if (!acceptance.admit()) return NO_PROBLEMS;
    if (acceptedCount >= ACCEPTED_SIZE) {
      accepted.clear();
      acceptedCount = 0;
      ok = undefined;
    }
    if (!ok) {
      let byRelease = accepted.get(row);
      if (!byRelease) accepted.set(row, (byRelease = new Map()));
      byRelease.set(version, (ok = new Set()));
    }
    // A value cut from a unit's text would keep all of that text alive in the memo.
    ok.add(ownCopy(value));
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
  byValue.set(ownCopy(value), problems);
  refusedCount++;
  return problems;
}

function problemsOf(row: DirectiveRow, value: string, version: number): readonly ValueProblem[] {
  return withStrayBlankNote(value, valueProblems(row, value, version));
}

function valueProblems(row: DirectiveRow, value: string, version: number): readonly ValueProblem[] {
  if (trimBlanks(value) === '') return emptyValueRefused(row, version) ? emptyProblem(row) : [];
  const forms = row.valueKind.forms;
  if (forms.some((f) => f.type === 'ignored')) return [];
  if (SPECIFIER_EXPANDING_PARSERS.has(row.parser)) {
    const unknown = unknownSpecifierProblems(value);
    if (unknown.length > 0) return unknown;
  }
  const changed = formBefore(row, version);
  if (changed) return changed(value) ?? [];
  const byParser = PARSER_CHECKS[row.parser];
  if (byParser) {
    const result = byParser(row, value, version);
    if (result !== undefined) return result.slice(0, MAX_PROBLEMS);
  }
  const results = forms.map((form) => checkForm(row, form, value, version));
  if (results.some((r) => r === undefined || r.length === 0)) return [];
  // A form that fits but came after the target release says more than the forms that do not fit.
  const newer = results.find((r) => r?.every((p) => p.rule === 'newer-than-target'));
  if (newer) return newer;
  // No form accepts the value: report the problems of the form that got furthest (a list form
  // reports per item), naming the other accepted forms in the message.
  const all = results as ValueProblem[][];
  const best = all.reduce((a, b) => (b.length > 0 && problemsCover(b) < problemsCover(a) ? b : a)).slice(0, MAX_PROBLEMS);
  if (forms.length > 1 && best.length === 1 && best[0].start === 0 && best[0].end >= value.length) {
    return [{ ...best[0], message: `${best[0].message.replace(/\.$/, '')}; ${row.name}= takes ${describeForms(forms)}.` }];
  }
  return best;
}

function emptyProblem(row: DirectiveRow): ValueProblem[] {
  const list = row.assignment.kind === 'list';
  return [
    {
      start: 0,
      end: 0,
      message: `${row.name}= cannot be empty: systemd refuses an empty value and ignores the line${list ? '' : `, so it does not reset ${row.name}= to its default`}.`,
      replacements: [],
    },
  ];
}

/** A check for a setting whose value the target release read differently (an older parser). */
function formBefore(row: DirectiveRow, version: number): ((value: string) => FormResult) | undefined {
  const change = FORM_CHANGES.find((c) => c.directive === row.name && c.section === row.section && version <= c.until);
  if (!change) return undefined;
  if (change.form === 'long') return (value) => checkIntegerRange(row, value, { min: -9223372036854775808n, max: 9223372036854775807n });
  return (value) => checkPaths(row.name, { type: 'path' }, value, true);
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


function checkForm(row: DirectiveRow, form: ValueForm, value: string, version: number): FormResult {
  const name = row.name;
  const trimmed = trimBlanks(value);
  switch (form.type) {
    case 'boolean': {
      if (parseBoolean(trimmed) !== undefined) return [];
      const close = booleanSuggestions(trimmed);
      return whole(value, `"${trimmed}" is not a boolean (yes/no, true/false, on/off, 1/0).`, close, close.length === 1 ? 0 : undefined);
    }
    case 'keyword': {
      if (trimmed !== form.word) return whole(value, `"${trimmed}" is not "${form.word}".`);
      const added = KEYWORD_SINCE.find((k) => k.directive === name && k.word === trimmed);
      if (added && added.since > version) {
        return [{ ...(whole(value, `${name}=${trimmed} came with systemd ${added.since}; systemd ${version}, the target version, cannot parse it and ignores the line.`)[0] as ValueProblem), rule: 'newer-than-target' }];
      }
      return [];
    }
    case 'flag':
      return checkFlags(form, value);
    case 'integer':
      return checkInteger(form, value);
    case 'timespan':
      return checkTimespan(value, version, { nsec: form.resolution === 'nsec' });
    case 'bytes':
      return checkSize(value);
    case 'percent':
      return parsePermyriad(trimmed, version).ok ? [] : whole(value, `"${trimmed}" is not a percentage such as 50%.`);
    case 'octal-mode':
      return /^0?[0-7]{1,4}$/.test(trimmed) ? [] : whole(value, `"${trimmed}" is not an octal file mode such as 0755.`);
    case 'signal':
      return isSystemdSignal(trimmed) ? [] : whole(value, `"${trimmed}" is not a signal name or number (SIGTERM, SIGKILL, HUP, RTMIN+3, ...).`);
    case 'errno': {
      const problem = errnoProblem(trimmed);
      return problem ? whole(value, problem) : [];
    }
    case 'enum':
      return checkEnum(row, value, version);
    case 'architecture':
    case 'securebits':
      return checkEnumList(row, value, enumValues(name === 'SecureBits' || form.type === 'securebits' ? 'SecureBits' : 'SystemCallArchitectures'), version);
    case 'syslog-facility':
      return checkEnum(row, value, version, enumValues('SyslogFacility'));
    case 'personality':
      return checkEnum(row, value, version, enumValues('Personality'));
    case 'syscall':
      return checkSyscalls(name, value, version);
    case 'address-family':
      return checkAddressFamilies(value, version);
    case 'namespace':
      return checkNamespaces(name, value);
    case 'path':
      return checkPaths(name, form, value, false, version);
    case 'regex':
      // A lone "~" is an inverted pattern with nothing to match.
      return trimBlanks(value) === '~' ? whole(value, `"~" needs a pattern after it; systemd ignores the line.`) : undefined;
    case 'condition':
      return checkCondition(row, form, value);
    case 'unit':
      return checkUnits(row, form, value);
    case 'command':
      // One bad word makes systemd ignore the whole command line.
      return checkCommand(value, version)?.map((p) => (p.severity === undefined && p.rule === undefined ? { ...p, ignoresLine: true as const } : p));
    default:
      return undefined;
  }
}

function booleanSuggestions(text: string): string[] {
  const found = suggestions(text.toLowerCase(), ['yes', 'no', 'true', 'false', 'on', 'off'], 2);
  return found.filter((s) => s.distance <= 1).map((s) => s.value);
}

function checkInteger(form: ValueForm, value: string): FormResult {
  const trimmed = trimBlanks(value);
  const number = parseCInteger(trimmed);
  const range = form.min !== undefined && form.max !== undefined ? ` from ${form.min} to ${form.max}` : form.min === 0 ? ' (0 or more)' : '';
  if (number === undefined) return whole(value, `"${trimmed}" is not a whole number${range}.`);
  if ((form.min !== undefined && number < BigInt(form.min)) || (form.max !== undefined && number > BigInt(form.max))) {
    const nearest = form.min !== undefined && number < BigInt(form.min) ? form.min : (form.max as number);
    return whole(value, `${trimmed} is out of range: the value must be${range}.`, [String(nearest)]);
  }
  return [];
}

// ---------------------------------------------------------------------------
// enumerations

function accepts(info: EnumInfo, text: string, version = Number.POSITIVE_INFINITY): boolean {
  if ((info.acceptsBoolean || info.booleanTrue) && parseBoolean(text) !== undefined) return true;
  if (info.numeric && /^[0-9]+$/.test(text)) return numericInRange(info.directive, Number(text), version);
  return info.values.some((v) =>
    v.form === 'prefixed'
      ? text.startsWith(v.value) && (text.length > v.value.length || PREFIX_ALONE.has(v.value))
      : v.form === 'call'
        ? text.startsWith(`${v.value}(`)
        : v.value === text,
  );
}

/** Prefixed forms systemd takes with nothing after the prefix: `fd:` alone names the unit's own socket. */
const PREFIX_ALONE: ReadonlySet<string> = new Set(['fd:']);

/** A number given instead of a name, within what the target release takes. */
function numericInRange(directive: string, n: number, version: number): boolean {
  const ranges = NUMERIC_ENUM_RANGES[directive];
  if (!ranges) return true;
  const range = ranges.find((r) => r.until === undefined || version <= r.until);
  return range === undefined || n <= range.max;
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
  const trimmed = trimBlanks(value);
  if (accepts(info, trimmed, version)) return [];
  const leading = value.length - trimBlanksStart(value).length;
  return [enumProblem(row.name, info, trimmed, leading, leading + trimmed.length, version)];
}

function checkEnumList(row: DirectiveRow, value: string, info: EnumInfo | undefined, version: number): FormResult {
  if (!info) return undefined;
  const trimmed = trimBlanks(value);
  if ((info.acceptsBoolean || info.booleanTrue) && parseBoolean(trimmed) !== undefined) return [];
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, info.tilde !== undefined)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (!accepts(info, word.text, version)) problems.push(enumProblem(row.name, info, word.text, word.start, word.end, version));
  }
  return problems;
}

/** The words of a list value, without a leading `~` (alone or stuck to the first word). */
function* itemsAfterTilde(value: string, tildeAllowed: boolean): Generator<Word, void, undefined> {
  let first = true;
  for (const word of wordsIn(value)) {
    // A quoted empty word ("") is read as nothing at all.
    if (word.text === '') continue;
    if (first && tildeAllowed && word.text.startsWith('~')) {
      first = false;
      if (word.text !== '~') yield { text: word.text.slice(1), start: word.start + 1, end: word.end };
      continue;
    }
    first = false;
    yield word;
  }
}

/** A list of flag words (RefreshOnReload=extensions credentials), with an optional leading "~". */
function checkFlags(form: ValueForm, value: string): FormResult {
  const words = form.words ?? [];
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (!words.includes(word.text)) problems.push({ start: word.start, end: word.end, message: `"${word.text}" is not one of ${words.join(', ')}.`, replacements: suggestions(word.text, words).map((s) => s.value) });
  }
  return problems;
}

// ---------------------------------------------------------------------------
// system call, address family and namespace lists

function checkSyscalls(name: string, value: string, version: number): FormResult {
  const problems: ValueProblem[] = [];
  // A filter that does not start with "~" lists what is allowed; an allowed call cannot take an
  // error number (systemd 248 on refuses the item).
  const allowList = !trimBlanksStart(value).startsWith('~');
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const colon = name === 'SystemCallFilter' ? word.text.indexOf(':') : -1;
    const call = colon >= 0 ? word.text.slice(0, colon) : word.text;
    const start = word.start;
    const end = colon >= 0 ? start + colon : word.end;
    if (colon >= 0) {
      const action = word.text.slice(colon + 1);
      const problem = errnoProblem(action);
      if (problem) {
        problems.push({ start: start + colon + 1, end: word.end, message: `${problem} systemd ignores "${word.text}".`, replacements: [] });
        continue;
      }
      if (allowList && version >= 248) {
        problems.push({
          start,
          end: word.end,
          message: `"${word.text}": only denied system calls (a list starting with "~") take an error number; systemd ignores this item. Drop ":${action}", or move it to a SystemCallFilter=~ line.`,
          replacements: [call],
        });
        continue;
      }
    }
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

function checkAddressFamilies(value: string, version: number): FormResult {
  const trimmed = trimBlanks(value);
  const added = (name: string) => {
    const since = ADDRESS_FAMILY_SINCE[name];
    return since !== undefined && since > version ? since : undefined;
  };
  if (addressFamilyKeywords.includes(trimmed)) {
    const since = added(trimmed);
    return since ? [{ ...(whole(value, `RestrictAddressFamilies=${trimmed} came with systemd ${since}; systemd ${version}, the target version, cannot parse it and ignores the line.`)[0] as ValueProblem), rule: 'newer-than-target' }] : [];
  }
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const family = familyNames.get(word.text.toUpperCase());
    if (family) {
      const since = added(family);
      if (since) problems.push({ start: word.start, end: word.end, message: `${family} came with systemd ${since}; systemd ${version}, the target version, does not know it and skips it.`, replacements: [], rule: 'newer-than-target' });
      continue;
    }
    const found = suggestions(word.text, [...familyNames.values()]);
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

function checkNamespaces(name: string, value: string): FormResult {
  const problems: ValueProblem[] = [];
  for (const word of itemsAfterTilde(value, true)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (name === 'DelegateNamespaces' && word.text === 'user' && !trimBlanksStart(value).startsWith('~')) {
      problems.push({ start: word.start, end: word.end, message: `The user namespace cannot be delegated (it is the one the others are delegated into); systemd ignores the line.`, replacements: [] });
      continue;
    }
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

function pathProblem(name: string, path: string, start: number, end: number, hint = ''): ValueProblem | undefined {
  if (!isAbsoluteOrSpecifier(path)) {
    return { start, end, message: `"${path}" is not an absolute path; ${name}= needs paths starting with /${hint}, so systemd ignores it.`, replacements: [] };
  }
  if (hasDotDot(path)) return { start, end, message: `"${path}" contains "..": systemd takes only normalized paths and ignores it.`, replacements: [] };
  return undefined;
}

function checkPaths(name: string, form: ValueForm, value: string, force = false, version = Number.POSITIVE_INFINITY): FormResult {
  if (form.relative) return checkRelativePaths(name, value, version);
  if (!force && !ABSOLUTE_PATH_SETTINGS.has(name) && !form.glob && form.qualifier !== 'mqueue-name') return undefined;
  const prefixes = PATH_PREFIXES[name] ?? '';
  // A ":"-separated search path is one string, blanks included.
  const oneWord = !form.list || ONE_PATH_PER_LINE.has(name) || form.qualifier === 'colon-separated';
  const words = oneWord ? [{ text: trimBlanks(value), start: value.length - trimBlanksStart(value).length, end: trimBlanksEnd(value).length }] : splitWords(value);
  const allowed = prefixes.replace('~', '');
  const hint = allowed ? ` (optionally after ${[...allowed].map((c) => `"${c}"`).join(' then ')})` : '';
  const problems: ValueProblem[] = [];
  for (const word of words) {
    if (problems.length >= MAX_PROBLEMS) break;
    // Prefixes come in the order systemd reads them ("-" before "+"), each once.
    let path = word.text;
    let skipped = 0;
    for (const c of allowed) {
      if (path.startsWith(c)) {
        path = path.slice(1);
        skipped++;
      }
    }
    if (name === 'WorkingDirectory' && path === '~') continue;
    const at = (p: ValueProblem | undefined) => p && problems.push(p);
    const start = word.start + skipped;
    if (form.qualifier === 'colon-separated') {
      const bad = path.split(':').find((p) => !isAbsoluteOrSpecifier(p) || hasDotDot(p));
      if (bad !== undefined) at(pathProblem(name, bad === '' ? '(empty)' : bad, start, word.end, ', separated by ":"'));
    } else if (form.qualifier === 'with-mount-options') {
      at(pathProblem(name, path.split(':')[0] as string, start, word.end, hint));
    } else if (form.qualifier === 'mqueue-name') {
      if (!path.startsWith('/')) problems.push({ start, end: word.end, message: `"${path}" is not a message queue name: it starts with "/"; systemd ignores it.`, replacements: [] });
    } else at(pathProblem(name, path, start, word.end, hint));
  }
  return problems;
}

function checkRelativePaths(name: string, value: string, version: number): FormResult {
  const problems: ValueProblem[] = [];
  for (const word of splitWords(value)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const path = word.text.split(':')[0];
    // ConfigurationDirectory= takes no ":" suffix (its siblings take a second path there).
    if (name === 'ConfigurationDirectory' && word.text.includes(':') && version >= 252) {
      problems.push({ start: word.start, end: word.end, message: `ConfigurationDirectory= takes no ":" suffix; systemd ignores "${word.text}".`, replacements: [word.text.split(':')[0] as string] });
      continue;
    }
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

/**
 * Condition and assert values may start with `|` (trigger), then `!` (negate), in that order;
 * blanks may follow the `|` but not the `!`.
 */
function conditionOperand(value: string): { text: string; start: number } {
  const leading = value.length - trimBlanksStart(value).length;
  const match = /^(?:\|[ \t\n\r]*)?!?/.exec(trimBlanksStart(value));
  const skip = match ? match[0].length : 0;
  return { text: trimBlanks(value).slice(skip), start: leading + skip };
}

function checkCondition(row: DirectiveRow, form: ValueForm, value: string): FormResult {
  const { text, start } = conditionOperand(value);
  if (text === '') return undefined;
  switch (form.operand) {
    case 'path':
    case 'path-glob': {
      const problem = pathProblem(row.name, text, start, start + text.length);
      if (!problem) return [];
      if (/^[|! \t\n\r]/.test(text)) problem.message = `"${trimBlanks(value)}": write "|" before "!", with nothing between "!" and the path; systemd ignores the line.`;
      else problem.message = problem.message.replace(`${row.name}= needs paths starting with /`, `${row.name}= needs one`);
      return [problem];
    }
    default:
      return undefined;
  }
}

function checkUnits(row: DirectiveRow, form: ValueForm, value: string): FormResult {
  const problems: ValueProblem[] = [];
  const words = form.list ? splitWords(value) : [{ text: trimBlanks(value), start: value.length - trimBlanksStart(value).length, end: trimBlanksEnd(value).length }];
  for (const word of words) {
    if (problems.length >= MAX_PROBLEMS) break;
    const unit = word.text;
    if (unit.includes('%')) {
      // %n is the unit's own name: never the .socket of Sockets=, the .service of a socket's
      // Service= or a slice, and a timer or path unit cannot trigger itself.
      if (unit === '%n' && (form.qualifier || row.parser === 'config_parse_trigger_unit')) {
        const message = form.qualifier ? `"%n" expands to this unit's own name, which is not a .${form.qualifier} unit; systemd ignores it.` : `"%n" names this unit itself, and a unit cannot trigger itself; systemd ignores the line.`;
        problems.push({ start: word.start, end: word.end, message, replacements: [] });
        continue;
      }
      const suffix = /\.([a-z]+)$/.exec(unit)?.[1];
      if (form.qualifier && suffix && UNIT_SUFFIX.test(`.${suffix}`) && suffix !== form.qualifier) {
        problems.push({ start: word.start, end: word.end, message: `"${unit}" is not a .${form.qualifier} unit.`, replacements: [] });
      }
      continue;
    }
    if (unit.includes('$')) continue;
    if (UNIT_SUFFIX.test(unit) && !unit.includes('/') && !unit.startsWith('.') && !unit.startsWith('@')) {
      if (form.qualifier && !unit.endsWith(`.${form.qualifier}`)) {
        problems.push({ start: word.start, end: word.end, message: `"${unit}" is not a .${form.qualifier} unit.`, replacements: [] });
      } else if (form.qualifier && !form.list && /@\.[a-z]+$/.test(unit)) {
        // Service= and Slice= name one unit to load: a template without an instance is none.
        problems.push({ start: word.start, end: word.end, message: `"${unit}" is a template without an instance name; systemd cannot load it and ignores the line.`, replacements: [] });
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

/** Characters systemd 258 on refuses in the name of a program it looks up in the search path. */
const GLOB_CHARACTERS = /[*?[]/;

/**
 * Where a quote opened and never closed, as systemd splits a command line into words (a backslash
 * escapes the character after it, inside quotes too): -1 when every quote closes.
 */
function unclosedQuote(value: string): number {
  let open = -1;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (quote === '' && (c === '"' || c === "'")) {
      quote = c;
      open = i;
    } else if (c === quote) quote = '';
  }
  return quote === '' ? -1 : open;
}

/** The prefixes systemd reads once each (`!` twice: `!!`); a repeated one ends them and becomes part of the path. */
function repeatedPrefix(prefix: string): string | undefined {
  for (const c of new Set(prefix)) if (prefix.split(c).length - 1 > (c === '!' ? 2 : 1)) return c;
  return undefined;
}

/**
 * A command line: the first command, and each one after a lone `;` (systemd reads them as commands
 * of their own, and ignores the whole line when one of them is bad).
 */
function checkCommand(value: string, version: number): FormResult {
  const open = unclosedQuote(value);
  if (open >= 0) return [{ start: open, end: trimBlanksEnd(value).length, message: 'This quote is never closed; systemd refuses the command line ("Unbalanced quoting") and ignores it.', replacements: [] }];
  const problems: ValueProblem[] = [];
  for (const span of commandSpans(value)) {
    for (const p of checkOneCommand(value.slice(span.start, span.end), version) ?? []) problems.push({ ...p, start: p.start + span.start, end: p.end + span.start });
  }
  return problems;
}

function checkOneCommand(value: string, version: number): FormResult {
  const { prefix, prefixOffsets, program, args } = splitCommand(value);
  const trimmed = trimBlanksStart(value);
  const prefixStart = prefixOffsets[0] ?? 0;
  const prefixEnd = (prefixOffsets[prefixOffsets.length - 1] ?? -1) + 1;
  const prefixProblem = (message: string, extra: Partial<ValueProblem> = {}): ValueProblem[] => [{ start: prefixStart, end: prefixEnd, message, replacements: [], ...extra }];
  if (prefix.includes('+') && prefix.includes('!')) return prefixProblem(`The command prefixes "${prefix}" cannot be combined ("+" excludes "!" and "!!").`);
  const repeated = repeatedPrefix(prefix);
  if (repeated !== undefined) return prefixProblem(`The prefix "${repeated}" is written more than once; systemd reads it once and takes the rest as part of the program's path, which it refuses, and ignores the line.`);
  if (prefix.includes('|') && version < 258) {
    return prefixProblem(`The "|" prefix came with systemd 258; systemd ${version}, the target version, cannot parse the line and ignores it.`, { rule: 'newer-than-target' });
  }
  if (!program || program.text === '') return whole(value, `"${trimmed}" has command prefixes but no command; systemd ignores the line.`);
  if (prefix.includes('@') && args.length < 1) {
    return whole(value, `With "@", the word after the program is the name it runs under (argv[0]); "${trimmed}" has none, so systemd ignores the line.`);
  }
  if (prefix.includes('!!') && version >= 258) {
    // "!!" acted only on kernels without ambient capabilities; dropping it changes nothing elsewhere.
    const wordStart = Math.min(prefixStart, program.start);
    return [
      {
        start: wordStart,
        end: program.end,
        message: `systemd 258 dropped the "!!" prefix and ignores it. It only ever acted on kernels without ambient capabilities, so the command runs as it did: remove "!!".`,
        replacements: [value.slice(wordStart, program.end).replace('!!', '')],
        preferred: 0,
        keepsEffect: true,
        title: 'Remove the "!!" prefix',
        severity: 'warning',
      },
    ];
  }
  const exe = program.text;
  const { start, end } = program;
  if (exe.startsWith('/') || exe.startsWith('%') || exe.startsWith('$')) return [];
  if (!exe.includes('/')) {
    if (version >= 258 && GLOB_CHARACTERS.test(exe)) return [{ start, end, message: `"${exe}" contains "*", "?" or "[": systemd 258 on refuses such a program name and ignores the line.`, replacements: [] }];
    return [];
  }
  return [{ start, end, message: `"${exe}" is neither an absolute path nor a plain program name; systemd refuses such a command line.`, replacements: [] }];
}
