/**
 * The knowledge base: typed, read-only views of the generated systemd tables plus the few
 * hand-kept tables (assignment semantics, NEWS versions, legacy values, specifier wording,
 * signals, error names, time-span units and size suffixes, well-known units).
 * Features read facts here and never restate them.
 */
import { addKnownWords } from '../syntax/knownWords';
import { UNIT_TYPES, type UnitType } from '../unitFile';
import { assignmentSemantics } from './assignment';
import { ADDRESS_FAMILIES, ADDRESS_FAMILY_KEYWORDS } from './generated/addressFamilies';
import { CAPABILITIES } from './generated/capabilities';
import { DEPRECATIONS, DIRECTIVE_RECORDS, VALUE_KINDS } from './generated/directives';
import { ENUMS } from './generated/enums';
import { NAMESPACES } from './generated/namespaces';
import { PAIRINGS } from './generated/pairings';
import { PAIRING_IDS } from './generated/pairingIds';
import { SECTION_UNIT_TYPES } from './generated/sections';
import { SECURITY_TESTS } from './generated/securityTests';
import { SOURCE } from './generated/source';
import { SPECIFIER_LETTERS } from './generated/specifiers';
import { SYSCALL_GROUPS } from './generated/syscallGroups';
import { ERRNO_ALIASES, ERRNOS } from './errnos';
import { LEGACY_VALUES } from './legacyValues';
import { PARSER_UNIT_TYPES } from './parserUnitTypes';
import { SIGNALS } from './signals';
import { SPECIAL_UNITS } from './specialUnits';
import { SPECIFIER_MEANINGS } from './specifierMeanings';
import type {
  AddressFamily,
  Capability,
  DirectiveInfo,
  DirectiveRow,
  EnumInfo,
  Errno,
  EnumValue,
  ManPage,
  NamespaceType,
  Pairing,
  SectionName,
  SecurityTest,
  Signal,
  Specifier,
  SyscallGroup,
} from './types';
import { DIRECTIVE_VERSIONS_FROM_NEWS, VALUE_VERSIONS_FROM_NEWS } from './versionsFromNews';

export * from './types';
export { PARSER_SEMANTICS, INSTALL_SEMANTICS, SHARED_LISTS } from './assignment';
export { BOOLEAN_TRUE, BOOLEAN_FALSE, booleanValue } from './booleans';
export { TIME_UNITS as timeUnits, SIZE_SUFFIXES as sizeSuffixes } from './numberUnits';
export { EXIT_STATUS_NAMES as exitStatusNames } from './exitStatuses';
export { ABSOLUTE_PATH_SPECIFIERS } from './specifierMeanings';
export {
  CGROUP_CONTROLLERS,
  NETLINK_FAMILIES,
  COREDUMP_FILTERS,
  NFT_SET_SOURCES,
  NFT_FAMILIES,
  OPEN_FILE_OPTIONS,
  ADDRESS_FAMILY_SINCE,
  KEYWORD_SINCE,
  FILESYSTEM_GROUPS,
  BPF_ATTACH_TYPES,
  IMAGE_POLICY_PARTITIONS,
  IMAGE_POLICY_FLAGS,
  IMAGE_POLICY_UNKNOWN_NAMES_SINCE,
} from './valueNames';
export {
  EMPTY_REFUSED_PARSERS,
  EMPTY_VALUE_CHANGES,
  emptyValueRefused,
  INTEGER_RANGES,
  NUMERIC_ENUM_RANGES,
  QUANTITY_PARSERS,
  TASKS_MAX_MIN,
  VALUE_SYNTAX_SINCE as valueSyntaxSince,
  FORM_CHANGES,
  SPECIFIER_EXPANDING_PARSERS,
} from './valueParsing';

/** The systemd release the tables describe. */
export const KB_SYSTEMD_VERSION: number = SOURCE.systemdVersion;

const MAN_BASE = 'https://www.freedesktop.org/software/systemd/man/latest/';

/** Link to a setting's entry in a man page. */
export function manUrl(page: ManPage, directive: string): string {
  return `${MAN_BASE}${page}.html#${directive}=`;
}

// ---------------------------------------------------------------------------
// directives

function splitList(text: string): string[] {
  return text === '' ? [] : text.split(',');
}

const allNames: string[] = [...new Set(DIRECTIVE_RECORDS.map((r) => r[0]))];

/**
 * The man page dates every Assert*= setting by the release that introduced assertions (218), but
 * an assertion comes with its condition: AssertVersion= is as new as ConditionVersion= (258).
 */
const conditionSince = new Map(DIRECTIVE_RECORDS.filter((r) => r[0].startsWith('Condition')).map((r) => [r[0], r[3]]));
function assertionSince(name: string, since: number): number {
  if (!name.startsWith('Assert')) return since;
  const condition = conditionSince.get(`Condition${name.slice('Assert'.length)}`);
  return condition && condition > since ? condition : since;
}

/** The releases that NEWS gives settings, by setting (a few dozen; most settings have none). */
const newsByName = new Map<string, (typeof DIRECTIVE_VERSIONS_FROM_NEWS)[number][]>();
for (const v of DIRECTIVE_VERSIONS_FROM_NEWS) {
  const list = newsByName.get(v.directive);
  if (list) list.push(v);
  else newsByName.set(v.directive, [v]);
}

/** The unit types whose `section` takes a line of the setting that `parser` reads. */
function typesTaking(parser: string, section: SectionName): readonly UnitType[] {
  const types = SECTION_UNIT_TYPES[section];
  const only = PARSER_UNIT_TYPES[parser];
  return only === undefined ? types : types.filter((type) => only.includes(type));
}

function buildRows(): DirectiveRow[] {
  const rows: DirectiveRow[] = [];
  for (const [name, sections, page, manSince, deprecation, kind, context, parser, build, shared] of DIRECTIVE_RECORDS) {
    const since = assertionSince(name, manSince);
    const assignment = assignmentSemantics(name, parser, allNames);
    if (!assignment) throw new Error(`knowledge base: parser ${parser} of ${name}= is not classified`);
    for (const section of splitList(sections) as SectionName[]) {
      const news = newsByName.get(name)?.find((v) => v.section === undefined || v.section === section);
      const sinceValue = news ? news.since : since || undefined;
      rows.push({
        name,
        section,
        unitTypes: typesTaking(parser, section),
        context,
        parser,
        valueKind: VALUE_KINDS[kind],
        assignment,
        ...(page ? { manPage: page, url: manUrl(page, name) } : {}),
        ...(sinceValue !== undefined ? { since: sinceValue, sinceSource: news ? 'news' : 'man' } : {}),
        ...(shared && !news ? { sinceSharedWith: splitList(shared) } : {}),
        ...(deprecation >= 0 ? { deprecation: DEPRECATIONS[deprecation] } : {}),
        ...(build ? { buildCondition: build } : {}),
      });
    }
  }
  return rows;
}

/** Every (setting, section) row, in the parser table's order. */
export const directiveRows: readonly DirectiveRow[] = buildRows();

const byName = new Map<string, DirectiveRow[]>();
for (const row of directiveRows) {
  const list = byName.get(row.name);
  if (list) list.push(row);
  else byName.set(row.name, [row]);
}
const infoByName = new Map<string, DirectiveInfo>([...byName].map(([name, rows]) => [name, { name, rows }]));

/** Every setting name (case-sensitive, as systemd matches them). */
export const directiveNames: readonly string[] = allNames;

// The parser gives these names as the table's own strings (see syntax/knownWords.ts).
addKnownWords(allNames);
addKnownWords(Object.keys(SECTION_UNIT_TYPES));

/** A setting with all sections accepting it, or undefined for an unknown name. */
export function getDirective(name: string): DirectiveInfo | undefined {
  return infoByName.get(name);
}

/** Rows by setting name, then section: the first row of the table for each pair, as a search of the name's rows finds it. */
const byNameAndSection = new Map<string, Map<string, DirectiveRow>>();
for (const [name, rows] of byName) {
  const sections = new Map<string, DirectiveRow>();
  for (const row of rows) if (!sections.has(row.section)) sections.set(row.section, row);
  byNameAndSection.set(name, sections);
}

/** The row of a setting in one section, or undefined when that section does not accept it. */
export function directiveRow(name: string, section: string): DirectiveRow | undefined {
  return byNameAndSection.get(name)?.get(section);
}

const bySectionAndType = new Map<string, DirectiveRow[]>();
for (const row of directiveRows) {
  for (const type of row.unitTypes) {
    const key = `${row.section}\0${type}`;
    const list = bySectionAndType.get(key);
    if (list) list.push(row);
    else bySectionAndType.set(key, [row]);
  }
}

/** Settings a section accepts in a unit of the given type (empty when the type has no such section). */
export function directivesFor(section: string, unitType: UnitType): readonly DirectiveRow[] {
  return bySectionAndType.get(`${section}\0${unitType}`) ?? [];
}

const SECTION_ORDER = Object.keys(SECTION_UNIT_TYPES) as SectionName[];

const sectionsByType = new Map<UnitType, readonly SectionName[]>();

/** Sections a unit of the given type accepts: [Unit], its own type section, [Install]. */
export function sectionsFor(unitType: UnitType): readonly SectionName[] {
  let sections = sectionsByType.get(unitType);
  if (sections === undefined) {
    const own = SECTION_ORDER.filter((s) => s !== 'Unit' && s !== 'Install' && SECTION_UNIT_TYPES[s].includes(unitType));
    sectionsByType.set(unitType, (sections = Object.freeze(['Unit', ...own, 'Install'] as SectionName[])));
  }
  return sections;
}

/** Every section name. */
export const sectionNames: readonly SectionName[] = SECTION_ORDER;

// ---------------------------------------------------------------------------
// enumerated values

function buildEnums(): Map<string, EnumInfo> {
  const map = new Map<string, EnumInfo>();
  for (const info of ENUMS) {
    const values: EnumValue[] = info.values.map((v) => {
      const news = VALUE_VERSIONS_FROM_NEWS.find((n) => n.directive === info.directive && n.value === v.value);
      if (news && v.since === undefined) return { ...v, since: news.since, sinceSource: 'news' };
      return v;
    });
    for (const legacy of LEGACY_VALUES.filter((l) => l.directive === info.directive))
      values.push({ value: legacy.value, canonical: legacy.canonical, deprecated: true, undocumented: true });
    map.set(info.directive, { ...info, values });
  }
  return map;
}
const enumsByName = buildEnums();

/** Accepted values of an enumerated setting, or undefined when the setting is not enumerated. */
export function enumValues(directive: string): EnumInfo | undefined {
  return enumsByName.get(directive);
}

/** Per enumerated setting: its plain words (the first of each spelling) and its prefixed forms, in table order. */
interface EnumLookup {
  plain: ReadonlyMap<string, EnumValue>;
  prefixed: readonly EnumValue[];
}
const enumLookups = new Map<string, EnumLookup>();
for (const [directive, info] of enumsByName) {
  const plain = new Map<string, EnumValue>();
  for (const v of info.values) if (!v.form && !plain.has(v.value)) plain.set(v.value, v);
  enumLookups.set(directive, { plain, prefixed: info.values.filter((v) => v.form === 'prefixed') });
}

/** The value of an enumerated setting a text is written as: a plain word, or a prefixed form such as `private:NAME`. */
export function matchEnumValue(directive: string, text: string): EnumValue | undefined {
  const lookup = enumLookups.get(directive);
  if (!lookup) return undefined;
  const plain = lookup.plain.get(text);
  if (plain) return plain;
  for (const v of lookup.prefixed) if (text.startsWith(v.value) && text.length > v.value.length) return v;
  return undefined;
}

/** The version that added a value, where known (man page marker or NEWS). */
export function valueSince(directive: string, value: string): number | undefined {
  return matchEnumValue(directive, value)?.since;
}

// ---------------------------------------------------------------------------
// lists

const groupData = new Map(SYSCALL_GROUPS.map(([name, nested, direct]) => [name, { nested, direct }]));
const groupCache = new Map<string, SyscallGroup>();

/** A `@group` of system calls with nested groups resolved, or undefined for an unknown name. */
export function syscallGroup(name: string): SyscallGroup | undefined {
  const cached = groupCache.get(name);
  if (cached) return cached;
  const data = groupData.get(name);
  if (!data) return undefined;
  const members = new Set(data.direct);
  for (const nested of data.nested) for (const s of syscallGroup(nested)?.members ?? []) members.add(s);
  const group: SyscallGroup = { name, nested: data.nested, direct: data.direct, members: [...members].sort() };
  groupCache.set(name, group);
  return group;
}

/** Names of every system call group. */
export const syscallGroupNames: readonly string[] = SYSCALL_GROUPS.map(([name]) => name);

export const capabilities: readonly Capability[] = CAPABILITIES.map(([name, number]) => ({ name, number }));

export const addressFamilies: readonly AddressFamily[] = ADDRESS_FAMILIES.map(([name, number, aliasOf]) =>
  aliasOf ? { name, number, aliasOf } : { name, number },
);

/** Words RestrictAddressFamilies= accepts besides family names (`none`). */
export const addressFamilyKeywords: readonly string[] = ADDRESS_FAMILY_KEYWORDS;

export const namespaces: readonly NamespaceType[] = NAMESPACES.map(([name, cloneFlag]) => ({ name, cloneFlag }));

export const specifiers: readonly Specifier[] = SPECIFIER_LETTERS.map((s) => {
  const meaning = SPECIFIER_MEANINGS[s.letter];
  if (meaning === undefined) throw new Error(`knowledge base: no meaning for specifier %${s.letter}`);
  return { ...s, meaning };
});

/** A specifier by its letter (`%` for `%%`). */
export function specifier(letter: string): Specifier | undefined {
  return specifiers.find((s) => s.letter === letter);
}

/** Signals by name, aliases included (each with `aliasOf`). */
export const signals: readonly Signal[] = SIGNALS;

/** A signal by name, with or without `SIG` (`TERM`, `SIGTERM`); undefined for an unknown name. */
const signalsByName = new Map<string, Signal>();
for (const s of SIGNALS) if (!signalsByName.has(s.name)) signalsByName.set(s.name, s);

export function signal(name: string): Signal | undefined {
  const full = name.startsWith('SIG') ? name : `SIG${name}`;
  return signalsByName.get(full);
}

/** Linux error names with their numbers. */
export const errnos: readonly Errno[] = ERRNOS;

/** An error name (`EPERM`), or undefined when it is not one. */
const errnosByName = new Map<string, Errno>();
for (const e of ERRNOS) if (!errnosByName.has(e.name)) errnosByName.set(e.name, e);

export function errno(name: string): Errno | undefined {
  return errnosByName.get(name);
}

/** An error name as systemd reads it in unit files: without regard to case, aliases included. */
const errnosByUpperName = new Map<string, Errno>([...ERRNOS, ...ERRNO_ALIASES].map((e) => [e.name.toUpperCase(), e]));
export function errnoByAnyCase(name: string): Errno | undefined {
  return errnosByUpperName.get(name.toUpperCase());
}

/** Well-known units of systemd.special(7) that unit files commonly name. */
export const specialUnits: readonly string[] = SPECIAL_UNITS;

export const securityTests: readonly SecurityTest[] = SECURITY_TESTS;

export const pairings: readonly Pairing[] = PAIRINGS;

/**
 * The id of every pair, for what only names them (the rule registry, `.unitguardrc`): code that
 * never judges a pair, such as `unitguard security`, then loads no pairing table at all.
 */
export const pairingIds: readonly string[] = PAIRING_IDS;

let pairingsBySubject: Map<string, Pairing[]> | undefined;

/** Pairings whose subject is the given setting (`Condition` for the condition-family rows). */
export function pairingsFor(directive: string): readonly Pairing[] {
  if (!pairingsBySubject) {
    pairingsBySubject = new Map();
    for (const p of PAIRINGS) {
      const list = pairingsBySubject.get(p.subject.directive);
      if (list) list.push(p);
      else pairingsBySubject.set(p.subject.directive, [p]);
    }
  }
  return pairingsBySubject.get(directive) ?? [];
}

/** All unit types, re-exported for callers that only import the knowledge base. */
export const unitTypes: readonly UnitType[] = UNIT_TYPES;
