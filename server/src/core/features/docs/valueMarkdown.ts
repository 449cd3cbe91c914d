/**
 * The Markdown shown for one value: an enumerated word, a `@group` of system
 * calls, a system call, a capability, an address family, a namespace type, a
 * specifier, a signal, an error name, a well-known unit. Our words come from kb/docs, the facts
 * (numbers, members, versions, security checks) from the knowledge base.
 */
import {
  addressFamilies,
  booleanValue,
  capabilities,
  enumValues,
  errno,
  namespaces,
  securityTests,
  signal,
  specialUnits,
  specifier,
  syscallGroup,
  syscallGroupNames,
  type EnumValue,
  type SecurityTest,
} from '../../kb';
import {
  addressFamilyDoc,
  atRelease,
  capabilityDoc,
  enumValueDoc,
  errnoDoc,
  namespaceDoc,
  signalDoc,
  specialUnitDoc,
  specifierDoc,
  syscallGroupDoc,
} from '../../kb/docs';
import { blocks, code, compactList, needsVersionText, sinceText } from './markdown';

export type Detail = 'completion' | 'hover';

/** How an enumerated value is written, placeholder included: `file:PATH`, `smbios-field(FIELD OP VALUE)`. */
export function enumValueSpelling(value: EnumValue): string {
  if (value.form === 'prefixed') return `${value.value}${value.placeholder ?? ''}`;
  if (value.form === 'call') return `${value.value}(${value.placeholder ?? ''})`;
  return value.value;
}

function securityLine(tests: readonly SecurityTest[]): string | undefined {
  if (tests.length === 0) return undefined;
  return `**systemd-analyze security:** ${tests.map((t) => `${code(t.id)} (weight ${t.weight})`).join(', ')}`;
}

/** The docs of `value` as a value of `directive`; undefined when the setting has no such value. */
export function enumValueMarkdown(directive: string, value: string, detail: Detail, systemdVersion?: number): string | undefined {
  const info = enumValues(directive);
  const entry = info?.values.find((v) => (v.form ? value.startsWith(v.value) : v.value === value));
  const boolean = entry ? undefined : booleanValue(value);
  const isBooleanWord = boolean !== undefined && info !== undefined && (info.booleanTrue !== undefined || info.acceptsBoolean === true);
  if (!entry && !isBooleanWord) return undefined;
  const key = entry ? enumValueSpelling(entry) : value;
  let doc = atRelease(enumValueDoc(directive, key) ?? (entry ? undefined : enumValueDoc(directive, boolean ? 'yes' : 'no')), systemdVersion);
  if (!doc && isBooleanWord && info?.booleanTrue) doc = boolean ? `Same as ${code(info.booleanTrue)}.` : undefined;
  const since = entry?.since;
  const needsVersion = needsVersionText(since, systemdVersion);
  return blocks(
    detail === 'hover' ? `${code(`${directive}=${key}`)}${since !== undefined ? ` · ${sinceText(since)}` : ''}` : undefined,
    doc,
    entry?.canonical ? `**Deprecated:** an old spelling of ${code(entry.canonical)}; systemd rewrites it and logs a notice.` : undefined,
    entry?.deprecated && !entry.canonical ? '**Deprecated:** still accepted, but systemd warns about it.' : undefined,
    needsVersion,
    detail === 'completion' && since !== undefined && !needsVersion ? `Added in systemd ${since}.` : undefined,
  );
}

/** Groups that contain a system call, directly or through nested groups (`@known` left out: it holds them all). */
export function groupsContaining(call: string): string[] {
  return syscallGroupNames.filter((g) => g !== '@known' && syscallGroup(g)?.members.includes(call));
}

/** Most names a hover lists before counting the rest. */
const HOVER_NAMES = 40;
const COMPLETION_NAMES = 12;

export function syscallGroupMarkdown(name: string, detail: Detail): string | undefined {
  const group = syscallGroup(name);
  if (!group) return undefined;
  const max = detail === 'hover' ? HOVER_NAMES : COMPLETION_NAMES;
  const tests = securityTests.filter((t) => t.target.kind === 'syscall-group' && t.target.group === name);
  return blocks(
    detail === 'hover' ? `**${name}** · system call group · ${group.members.length} calls` : undefined,
    syscallGroupDoc(name),
    group.nested.length > 0 ? `**Includes:** ${group.nested.map(code).join(', ')}` : undefined,
    group.direct.length > 0 ? `**${group.nested.length > 0 ? 'Plus' : 'Calls'}:** ${compactList(group.direct, max)}` : undefined,
    detail === 'hover' ? securityLine(tests) : undefined,
  );
}

export function syscallMarkdown(name: string): string | undefined {
  if (!syscallGroup('@known')?.members.includes(name)) return undefined;
  const groups = groupsContaining(name);
  return blocks(
    `${code(name)} · system call`,
    groups.length > 0 ? `In ${groups.map(code).join(', ')}.` : 'In no group other than `@known`.',
  );
}

export function capabilityMarkdown(name: string, detail: Detail): string | undefined {
  const cap = capabilities.find((c) => c.name === name);
  if (!cap) return undefined;
  const tests = securityTests.filter((t) => t.target.kind === 'capabilities' && t.target.names.includes(name));
  return blocks(
    detail === 'hover' ? `**${name}** · capability ${cap.number}` : undefined,
    capabilityDoc(name),
    detail === 'hover' ? securityLine(tests) : undefined,
  );
}

export function addressFamilyMarkdown(name: string, detail: Detail): string | undefined {
  const family = addressFamilies.find((f) => f.name === name);
  if (!family && name !== 'none') return undefined;
  const aliases = family ? addressFamilies.filter((f) => f.number === family.number && f.name !== name).map((f) => f.name) : [];
  const tests = family
    ? securityTests.filter(
        (t) =>
          (t.target.kind === 'address-families' && t.target.names.some((n) => n === name || aliases.includes(n))) ||
          (t.target.kind === 'other-address-families' && !t.target.except.some((n) => n === name || aliases.includes(n))),
      )
    : [];
  return blocks(
    detail === 'hover' ? (family ? `**${name}** · address family ${family.number}` : `${code('none')} · no address family`) : undefined,
    addressFamilyDoc(name),
    aliases.length > 0 ? `Same family as ${aliases.map(code).join(', ')}.` : undefined,
    detail === 'hover' ? securityLine(tests) : undefined,
  );
}

export function namespaceMarkdown(name: string, detail: Detail): string | undefined {
  const ns = namespaces.find((n) => n.name === name);
  if (!ns) return undefined;
  const tests = securityTests.filter((t) => t.target.kind === 'namespace' && t.target.name === name);
  return blocks(
    detail === 'hover' ? `**${name}** · namespace type (${code(ns.cloneFlag)})` : undefined,
    namespaceDoc(name),
    detail === 'hover' ? securityLine(tests) : undefined,
  );
}

/** `letter` is the character after `%` (`%` for `%%`). */
export function specifierMarkdown(letter: string, detail: Detail, systemdVersion?: number): string | undefined {
  const spec = specifier(letter);
  if (!spec) return undefined;
  return blocks(
    detail === 'hover' ? `${code(`%${letter}`)} · specifier: ${spec.meaning}${spec.since !== undefined ? ` · ${sinceText(spec.since)}` : ''}` : undefined,
    specifierDoc(letter) ?? spec.meaning,
    spec.deprecated ? '**Deprecated:** still expanded, but systemd logs a warning; it is no longer documented.' : undefined,
    needsVersionText(spec.since, systemdVersion),
  );
}

export function signalMarkdown(name: string): string | undefined {
  const found = signal(name);
  if (!found) return undefined;
  return blocks(
    `${code(found.name)} · signal ${found.number}`,
    found.aliasOf ? `Another name for ${code(found.aliasOf)}.` : undefined,
    signalDoc(found.aliasOf ?? found.name),
  );
}

export function errnoMarkdown(name: string): string | undefined {
  const found = errno(name);
  if (!found) return undefined;
  return blocks(`${code(found.name)} · error ${found.number}`, errnoDoc(found.name));
}

/** `detail: 'completion'` leaves out the heading the completion item already shows. */
export function specialUnitMarkdown(name: string, detail: Detail): string | undefined {
  if (!specialUnits.includes(name)) return undefined;
  return blocks(detail === 'hover' ? `${code(name)} · well-known unit` : undefined, specialUnitDoc(name));
}
