/**
 * Value completions, chosen by the setting's value kind: booleans, enumerated
 * words, capabilities, system calls and `@groups` (with `~` and `:errno`),
 * address families, namespace types, signals, error names, unit names, and
 * units after a number (`5min`, `512M`). In space-separated lists the
 * completion goes on after a blank and leaves out what the list already holds.
 */
import {
  addressFamilies,
  addressFamilyKeywords,
  capabilities,
  enumValues,
  errnos,
  namespaces,
  securityTests,
  signals,
  sizeSuffixes,
  specialUnits,
  syscallGroup,
  syscallGroupNames,
  timeUnits,
  type DirectiveRow,
  type EnumInfo,
  type TimeUnit,
  type ValueForm,
  type ValueType,
} from '../../kb';
import { code } from '../docs/markdown';
import { enumValueSpelling } from '../docs/valueMarkdown';
import type { Range } from '../../types';
import { rankKey } from './ranking';
import { TRIGGER_SUGGEST, type CompletionData, type UnitCompletionItem, type UnitCompletionKind } from './types';
import { appendAll, maxOf } from '../../arrays';

interface Candidate {
  /** The value as inserted (without a `~` or `group:` prefix, which are added later). */
  text: string;
  label?: string;
  kind: UnitCompletionKind;
  /** What its docs and detail are looked up by. */
  data: CompletionData;
  tier: number;
  deprecated?: boolean;
  command?: UnitCompletionItem['command'];
  /** Comparable form for "already in the list". */
  key?: string;
}

export interface ValueCompletionInput {
  row: DirectiveRow;
  /** The word under the cursor up to the cursor, and the whole word. */
  word: string;
  fullWord: string;
  /** Replaced by the chosen value. */
  range: Range;
  /** The value before the word (all lines). */
  valueBeforeWord: string;
  /** The whole value as parsed, when the line parses. */
  value: string | undefined;
  systemdVersion: number;
  /** Unit names to offer for dependency settings. */
  units: readonly string[];
  /** The name of the unit being edited, never offered as its own dependency. */
  ownUnit: string | undefined;
}

/** Value types with something to offer beyond what an enum table holds. */
const OFFERING_TYPES: ReadonlySet<ValueType> = new Set<ValueType>([
  'boolean',
  'enum',
  'keyword',
  'flag',
  'capability',
  'syscall',
  'address-family',
  'namespace',
  'signal',
  'errno',
  'exit-status',
  'unit',
  'unit-name',
  'rlimit',
]);

/** Whether a setting's value can be completed right after `=` (so inserting `Name=` re-opens the list). */
export function hasValueCompletions(row: DirectiveRow): boolean {
  return enumValues(row.name) !== undefined || row.valueKind.forms.some((f) => OFFERING_TYPES.has(f.type) || (f.type === 'condition' && f.operand === 'boolean'));
}

/** The boolean words in the order offered, with what they mean. */
const BOOLEANS: readonly (readonly [string, string])[] = [
  ['yes', 'true'],
  ['no', 'false'],
  ['true', 'true'],
  ['false', 'false'],
  ['on', 'true'],
  ['off', 'false'],
];

function booleanCandidates(tier: number): Candidate[] {
  return BOOLEANS.map(([word], i) => ({ text: word, kind: 'boolean', data: { k: 'bool', n: word }, tier: i < 2 ? tier : tier + 1 }));
}

/** `boolean: true` for `yes`, ...; undefined for other words. */
export function booleanDetail(word: string): string | undefined {
  const meaning = BOOLEANS.find(([w]) => w === word)?.[1];
  return meaning && `boolean: ${meaning}`;
}

/** Capabilities users reach for most when granting (allow-lists); deny-lists rank by security weight instead. */
const COMMON_GRANTS = ['CAP_NET_BIND_SERVICE', 'CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_DAC_READ_SEARCH', 'CAP_SYS_NICE', 'CAP_CHOWN', 'CAP_SETUID', 'CAP_SETGID', 'CAP_KILL', 'CAP_SYS_RESOURCE'];
const COMMON_FAMILIES = ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK', 'AF_PACKET'];
const COMMON_ERRNOS = ['EPERM', 'EACCES', 'ENOSYS', 'EUCLEAN'];
/** The stop and reload signals services use, in the order offered. */
const COMMON_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGKILL'];
/** The common names first, in their order, then the rest in table order. */
function commonFirst<T>(list: readonly T[], name: (item: T) => string, common: readonly string[]): T[] {
  const rank = (item: T) => {
    const at = common.indexOf(name(item));
    return at < 0 ? common.length : at;
  };
  return list.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i).map((x) => x.item);
}

/** The heaviest systemd-analyze weight a deny-list entry of this target earns. */
function denyWeight(matches: (t: (typeof securityTests)[number]) => boolean): number {
  return Math.max(0, maxOf(securityTests.filter(matches), (t) => t.weight));
}

/** What leaving out a capability in a deny-list weighs in systemd-analyze security (0 for nothing). */
export function capabilityDenyWeight(name: string): number {
  return denyWeight((t) => t.target.kind === 'capabilities' && t.target.names.includes(name));
}

/** What denying a system call group weighs in systemd-analyze security (0 for nothing). */
export function syscallGroupDenyWeight(name: string): number {
  return denyWeight((t) => t.target.kind === 'syscall-group' && t.target.group === name);
}

/** Orders candidates by a numeric score, highest first; equal scores keep their order. */
function byScore<T extends Candidate>(list: readonly T[], score: (c: T) => number): T[] {
  return list
    .map((c, i) => ({ c, i, s: score(c) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}

function capabilityCandidates(deny: boolean): Candidate[] {
  const list = capabilities.map((cap) => {
    const weight = capabilityDenyWeight(cap.name);
    const tier = deny ? (weight > 0 ? 0 : 1) : COMMON_GRANTS.includes(cap.name) ? 0 : 1;
    return {
      text: cap.name,
      kind: 'capability' as const,
      data: { k: 'cap' as const, n: cap.name, ...(deny ? { i: 1 as const } : {}) },
      tier,
      key: cap.name,
      weight,
    };
  });
  // Deny-lists: the heaviest systemd-analyze checks first; allow-lists: the common grants in their order.
  return deny ? byScore(list, (c) => c.weight) : byScore(list, (c) => (COMMON_GRANTS.includes(c.text) ? COMMON_GRANTS.length - COMMON_GRANTS.indexOf(c.text) : 0));
}

function syscallCandidates(deny: boolean): Candidate[] {
  const groups = syscallGroupNames.map((name) => {
    const weight = syscallGroupDenyWeight(name);
    const preferred = deny ? weight > 0 : name === '@system-service';
    return {
      text: name,
      kind: 'syscall-group' as const,
      data: { k: 'group' as const, n: name, ...(deny ? { i: 1 as const } : {}) },
      tier: preferred ? 0 : 1,
      key: name,
      weight,
    };
  });
  const calls = (syscallGroup('@known')?.members ?? []).map((name) => ({
    text: name,
    kind: 'syscall' as const,
    data: { k: 'call' as const, n: name },
    tier: 2,
    key: name,
  }));
  return [...(deny ? byScore(groups, (g) => g.weight) : groups), ...calls];
}

function addressFamilyCandidates(first: boolean, deny: boolean): Candidate[] {
  const keywords: Candidate[] =
    first && !deny
      ? addressFamilyKeywords.map((word) => ({ text: word, kind: 'keyword' as const, data: { k: 'af' as const, n: word }, tier: 1, key: word }))
      : [];
  return [
    ...keywords,
    ...addressFamilies.map((f) => ({
      text: f.name,
      kind: 'address-family' as const,
      data: { k: 'af' as const, n: f.name },
      tier: COMMON_FAMILIES.includes(f.name) ? 0 : f.aliasOf || f.name === 'AF_FILE' ? 2 : 1,
      key: f.name,
    })),
  ];
}

function signalCandidates(tier: number): Candidate[] {
  const names = signals.filter((s) => !s.aliasOf);
  return commonFirst(names, (s) => s.name, COMMON_SIGNALS).map((s) => ({
    text: s.name,
    kind: 'signal' as const,
    data: { k: 'sig' as const, n: s.name },
    tier: COMMON_SIGNALS.includes(s.name) ? tier : tier + 1,
    key: s.name,
  }));
}

function errnoCandidates(withKill: boolean): Candidate[] {
  const kill: Candidate[] = withKill
    ? [{ text: 'kill', kind: 'keyword', data: { k: 'text', n: 'kill' }, tier: 1 }]
    : [];
  return [
    ...kill,
    ...errnos.map((e) => ({
      text: e.name,
      kind: 'errno' as const,
      data: { k: 'errno' as const, n: e.name },
      tier: COMMON_ERRNOS.includes(e.name) ? 0 : 2,
      key: e.name,
    })),
  ];
}

/** The boolean words offered first for enumerated settings that also take a boolean. */
const ENUM_BOOLEANS = ['yes', 'no'];

/**
 * The detail of the value offered as `spelling` (placeholder included) for the
 * enumerated setting `directive`: the release that added it, the spelling it
 * is old for, whether it is deprecated; for the `yes`/`no` added to a table
 * that lacks them, what they mean. Undefined when there is nothing to say.
 */
export function enumValueDetail(directive: string, spelling: string): string | undefined {
  const info = enumValues(directive);
  if (!info) return undefined;
  const v = info.values.find((value) => enumValueSpelling(value) === spelling);
  if (v) {
    return [v.since !== undefined ? `systemd ${v.since}+` : undefined, v.canonical ? `old spelling of ${v.canonical}` : undefined, v.deprecated ? 'deprecated' : undefined]
      .filter(Boolean)
      .join(' · ') || undefined;
  }
  if (!ENUM_BOOLEANS.includes(spelling) || !(info.booleanTrue || info.acceptsBoolean)) return undefined;
  return spelling === 'yes' && info.booleanTrue ? `same as ${info.booleanTrue}` : booleanDetail(spelling);
}

function enumCandidates(row: DirectiveRow, info: EnumInfo, systemdVersion: number, first: boolean): Candidate[] {
  const namespaceKind = row.valueKind.forms.some((f) => f.type === 'namespace');
  const out: Candidate[] = [];
  info.values.forEach((v) => {
    if (v.since !== undefined && v.since > systemdVersion) return;
    const spelling = enumValueSpelling(v);
    out.push({
      text: v.value,
      label: spelling,
      kind: namespaceKind ? 'namespace' : 'value',
      data: { k: namespaceKind ? 'nsval' : 'val', n: spelling, d: row.name },
      tier: v.deprecated || v.canonical ? 2 : 1,
      ...(v.deprecated ? { deprecated: true } : {}),
      key: v.value,
    });
  });
  if (first && (info.booleanTrue || info.acceptsBoolean)) {
    const have = new Set(info.values.map((v) => v.value));
    for (const word of ENUM_BOOLEANS) {
      if (have.has(word)) continue;
      out.push({ text: word, kind: 'boolean', data: { k: 'val', n: word, d: row.name }, tier: 0, key: word });
    }
  }
  return out;
}

/** The value's items without the one under the cursor, in comparable form. */
function existingItems(value: string | undefined, fullWord: string): Set<string> {
  const words = (value ?? '').split(/[ \t]+/).filter((w) => w.length > 0);
  const at = words.indexOf(fullWord);
  if (at >= 0) words.splice(at, 1);
  return new Set(words.map((w) => w.replace(/^[~!]/, '').replace(/:.*$/, '')));
}

const NUMBER = /^(\d+(?:\.\d+)?)([A-Za-zμ]*)$/;

/** `minutes`, or `months of 30.44 days` where the length is systemd's own convention. */
function timeUnitName(unit: TimeUnit): string {
  const days = unit.usec / 86_400_000_000;
  return unit.name === 'months' || unit.name === 'years' ? `${unit.name} of ${Number(days.toFixed(2))} days` : unit.name;
}

/** `` `min`: minutes (also `minute`, `minutes`, `m`). `` for the unit first spelled `spelling`. */
export function timeUnitMarkdown(spelling: string): string | undefined {
  const unit = timeUnits.find((u) => u.spellings[0] === spelling);
  if (!unit) return undefined;
  const others = unit.spellings.slice(1).map(code).join(', ');
  const bare = unit.name === 'seconds' ? '; a bare number means seconds too' : '';
  return `${code(unit.spellings[0])}: ${timeUnitName(unit)}${others ? ` (also ${others})` : ''}${bare}.`;
}

/** `K`, `M`, ...: what the suffix multiplies by. */
function sizeSuffixMeaning(index: number): string {
  const s = sizeSuffixes[index];
  return `${s.name} (1024 ${index === 0 ? 'bytes' : sizeSuffixes[index - 1].suffix})`;
}

export function sizeSuffixMarkdown(suffix: string): string | undefined {
  const index = sizeSuffixes.findIndex((s) => s.suffix === suffix);
  return index < 0 ? undefined : `${code(suffix)}: ${sizeSuffixMeaning(index)}.`;
}

/** `minutes` for `min`: the detail of a number with the time unit first spelled `spelling`. */
export function timeUnitDetail(spelling: string): string | undefined {
  const unit = timeUnits.find((u) => u.spellings[0] === spelling);
  return unit && timeUnitName(unit);
}

/** `mebibytes (1024 K)` for `M`: the detail of a number with that size suffix. */
export function sizeSuffixDetail(suffix: string): string | undefined {
  const index = sizeSuffixes.findIndex((s) => s.suffix === suffix);
  return index < 0 ? undefined : sizeSuffixMeaning(index);
}

/** Explanations of the items that stand for syntax rather than a table entry. */
export const FIXED_DOCS: Readonly<Record<string, string>> = {
  '~': 'Start an inverted list: everything except the names that follow (a deny-list for capabilities, system calls and address families).',
  kill: 'Kill the process with `SIGSYS` instead of returning an error: the default without this setting.',
};

/** The detail of those items (and of `infinity`, which has no docs). */
export const FIXED_DETAILS: Readonly<Record<string, string>> = {
  '~': 'invert the list',
  kill: 'terminate the process',
  infinity: 'no limit',
};

function numberUnitCandidates(forms: readonly ValueForm[], word: string): Candidate[] {
  const match = NUMBER.exec(word);
  if (!match) return [];
  const num = match[1];
  const out: Candidate[] = [];
  for (const form of forms) {
    if (form.type === 'timespan' || form.type === 'device-timespan') {
      for (const unit of timeUnits) {
        if (unit.nsecOnly && form.resolution !== 'nsec') continue;
        const text = `${num}${unit.spellings[0]}`;
        out.push({ text, kind: 'number-unit', data: { k: 'time', n: unit.spellings[0] }, tier: 0 });
      }
    }
    if (form.type === 'bytes' || form.type === 'device-bytes') {
      for (const s of sizeSuffixes) {
        out.push({ text: `${num}${s.suffix}`, kind: 'number-unit', data: { k: 'size', n: s.suffix }, tier: 0 });
      }
    }
  }
  return out;
}

function unitCandidates(form: ValueForm, input: ValueCompletionInput): Candidate[] {
  const suffix = form.qualifier ? `.${form.qualifier}` : undefined;
  const fits = (name: string) => name !== input.ownUnit && (!suffix || name.endsWith(suffix));
  const workspace = [...new Set(input.units)].filter(fits).sort();
  const special = specialUnits.filter((name) => fits(name) && !workspace.includes(name));
  return [
    ...workspace.map((name) => ({ text: name, kind: 'unit' as const, data: { k: 'ws' as const, n: name }, tier: 0, key: name })),
    // The knowledge base lists the most named first: the first eight that fit rank above the rest.
    ...special.map((name, i) => ({
      text: name,
      kind: 'unit' as const,
      data: { k: 'unit' as const, n: name },
      tier: i < 8 ? 1 : 2,
      key: name,
    })),
  ];
}

export function valueItems(input: ValueCompletionInput): UnitCompletionItem[] {
  const { row, word, systemdVersion } = input;
  const forms = row.valueKind.forms;
  const info = enumValues(row.name);
  const before = input.valueBeforeWord.trim();
  const first = before === '';
  const isList = forms.some((f) => f.list) || info?.list === true;
  const tildeForms = forms.some((f) => f.type === 'capability' || f.type === 'syscall' || f.type === 'address-family' || f.type === 'namespace') || info?.tilde !== undefined;
  const typedTilde = first && tildeForms && word.startsWith('~');
  const deny = typedTilde || before.startsWith('~');
  const candidates: Candidate[] = [];

  if (!first && !isList) {
    // A single value is complete after a blank; only a time span goes on (`1min 30s`).
    return build(numberUnitCandidates(forms, word), input, '');
  }

  // `SystemCallFilter=~@privileged:EPERM`: an action after the colon of a deny-list item.
  const colon = word.indexOf(':');
  if (colon > 0 && forms.some((f) => f.type === 'syscall') && row.name === 'SystemCallFilter') {
    if (!deny) return [];
    return build(errnoCandidates(true), input, word.slice(0, colon + 1));
  }

  if (info) appendAll(candidates, enumCandidates(row, info, systemdVersion, first));
  for (const form of forms) {
    switch (form.type) {
      case 'boolean':
        if (first && !info) appendAll(candidates, booleanCandidates(0));
        break;
      case 'condition':
        if (form.operand === 'boolean' && first) appendAll(candidates, booleanCandidates(0));
        break;
      case 'keyword':
        if (first && form.word) candidates.push({ text: form.word, kind: 'keyword', data: { k: 'kw', n: form.word }, tier: 0, key: form.word });
        break;
      case 'rlimit':
        if (first) candidates.push({ text: 'infinity', kind: 'keyword', data: { k: 'text', n: 'infinity' }, tier: 0, key: 'infinity' });
        break;
      case 'flag':
        for (const w of form.words ?? []) candidates.push({ text: w, kind: 'value', data: { k: 'flag', n: w }, tier: 0, key: w });
        break;
      case 'capability':
        if (!info) appendAll(candidates, capabilityCandidates(deny));
        break;
      case 'syscall':
        if (!info) appendAll(candidates, syscallCandidates(deny));
        break;
      case 'address-family':
        if (!info) appendAll(candidates, addressFamilyCandidates(first, deny));
        break;
      case 'namespace':
        if (!info) appendAll(candidates, namespaces.map((n) => ({ text: n.name, kind: 'namespace' as const, data: { k: 'ns' as const, n: n.name }, tier: 1, key: n.name })));
        break;
      case 'signal':
        appendAll(candidates, signalCandidates(0));
        break;
      case 'exit-status':
        appendAll(candidates, signalCandidates(1));
        break;
      case 'errno':
        appendAll(candidates, errnoCandidates(row.name === 'SystemCallErrorNumber'));
        break;
      case 'unit':
      case 'unit-name':
        appendAll(candidates, unitCandidates(form, input));
        break;
      default:
        break;
    }
  }
  appendAll(candidates, numberUnitCandidates(forms, word));

  const existing = isList ? existingItems(input.value, input.fullWord) : new Set<string>();
  // Booleans and `none` stand alone: they make no sense in an inverted list.
  const fresh = candidates.filter((c) => (c.key === undefined || !existing.has(c.key)) && !(deny && (c.kind === 'boolean' || c.kind === 'keyword')));
  // One `~` entry opens the deny-list form rather than doubling every name.
  if (first && tildeForms && word === '') {
    fresh.unshift({
      text: '~',
      kind: 'operator',
      data: { k: 'text', n: '~' },
      tier: 0,
      command: TRIGGER_SUGGEST,
    });
  }
  return build(fresh, input, typedTilde ? '~' : '');
}

/** Turns candidates into items replacing the word under the cursor; `prefix` (`~`, `@group:`) is kept in front. */
function build(candidates: readonly Candidate[], input: ValueCompletionInput, prefix: string): UnitCompletionItem[] {
  const seen = new Set<string>();
  const items: UnitCompletionItem[] = [];
  candidates.forEach((c, index) => {
    const newText = c.text === '~' ? '~' : `${prefix}${c.text}`;
    if (seen.has(newText)) return;
    seen.add(newText);
    items.push({
      label: c.label && !prefix ? c.label : newText,
      kind: c.kind,
      data: c.data,
      insertText: newText,
      textEdit: { range: input.range, newText },
      sortText: rankKey(newText, input.word, { tier: c.tier, index }),
      filterText: newText,
      ...(c.deprecated ? { deprecated: true } : {}),
      ...(c.command ? { command: c.command } : {}),
    });
  });
  return items;
}
