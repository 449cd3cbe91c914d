/**
 * The documentation written for UnitGuard, joined into lookups. Each file
 * holds the words for one group of settings or values; a test checks that
 * no name is documented twice and that every documented setting has words.
 */
import { docs as execHardening } from './directives/exec-hardening';
import { docs as execServiceSocket } from './directives/exec-service-socket';
import { docs as otherHardening } from './directives/other-hardening';
import { docs as unitAndOthers } from './directives/unit-and-others';
import type { DirectiveDoc, DirectiveDocs, ValueDocs } from './types';
import { addressFamilyDocs } from './values/addressFamilies';
import { capabilityDocs } from './values/capabilities';
import { enumValueDocs } from './values/enumValues';
import { errnoDocs } from './values/errnos';
import { namespaceDocs } from './values/namespaces';
import { signalDocs } from './values/signals';
import { specialUnitDocs } from './values/specialUnits';
import { specifierDocs } from './values/specifiers';
import { syscallGroupDocs } from './values/syscallGroups';

export type { DirectiveDoc, DirectiveDocs, ValueDocs } from './types';

/** The directive doc files, by name, so a test can check they do not overlap. */
export const directiveDocSources: Readonly<Record<string, DirectiveDocs>> = {
  'exec-hardening': execHardening,
  'other-hardening': otherHardening,
  'exec-service-socket': execServiceSocket,
  'unit-and-others': unitAndOthers,
};

const directiveDocs = new Map<string, DirectiveDoc>();
for (const source of Object.values(directiveDocSources)) {
  for (const [name, doc] of Object.entries(source)) directiveDocs.set(name, doc);
}

/**
 * Doc text as it holds for a release. A sentence (or part of one) that only holds from a release
 * on is written `{since 257:...}`, one that only held before it `{before 257:...}`; the text for
 * the target release keeps the parts that hold and drops the others (no release: the newest).
 */
export function atRelease(text: string, version: number | undefined): string;
export function atRelease(text: string | undefined, version: number | undefined): string | undefined;
export function atRelease(text: string | undefined, version: number | undefined): string | undefined {
  if (text === undefined || !text.includes('{')) return text;
  const target = version ?? Number.POSITIVE_INFINITY;
  return text.replace(/\{(since|before) ([0-9]+):([^{}]*)\}/g, (_whole, kind: string, release: string, part: string) => {
    const holds = kind === 'since' ? target >= Number(release) : target < Number(release);
    return holds ? part : '';
  });
}

/** Our words on a setting, or undefined when it has none (legacy names). */
export function directiveDoc(name: string): DirectiveDoc | undefined {
  return directiveDocs.get(name);
}

/** The value doc tables, by name, so a test can check them against the knowledge base. */
export const valueDocSources: Readonly<Record<string, ValueDocs>> = {
  syscallGroups: syscallGroupDocs,
  capabilities: capabilityDocs,
  addressFamilies: addressFamilyDocs,
  namespaces: namespaceDocs,
  specifiers: specifierDocs,
  signals: signalDocs,
  errnos: errnoDocs,
  specialUnits: specialUnitDocs,
};

function lookup(table: ValueDocs, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Our words on one value of an enumerated setting (`PrivateTmp`, `disconnected`), including `yes`/`no` where they stand for a value. */
export function enumValueDoc(directive: string, value: string): string | undefined {
  const table = Object.prototype.hasOwnProperty.call(enumValueDocs, directive) ? enumValueDocs[directive] : undefined;
  return table ? lookup(table, value) : undefined;
}

/** Our words on a system call group (`@mount`; the `@` may be left out). */
export function syscallGroupDoc(name: string): string | undefined {
  return lookup(syscallGroupDocs, name.startsWith('@') ? name : `@${name}`);
}

/** Our words on a capability (`CAP_SYS_ADMIN`). */
export function capabilityDoc(name: string): string | undefined {
  return lookup(capabilityDocs, name);
}

/** Our words on an address family (`AF_INET`) or on the keyword `none`. */
export function addressFamilyDoc(name: string): string | undefined {
  return lookup(addressFamilyDocs, name);
}

/** Our words on a namespace type (`net`). */
export function namespaceDoc(name: string): string | undefined {
  return lookup(namespaceDocs, name);
}

/** Our words on a specifier, by its letter (`n`) or as written (`%n`); `%` or `%%` for the literal percent sign. */
export function specifierDoc(letterOrSpecifier: string): string | undefined {
  const key = letterOrSpecifier.startsWith('%') && letterOrSpecifier.length === 2 ? letterOrSpecifier : `%${letterOrSpecifier}`;
  return lookup(specifierDocs, key);
}

/** Our words on a signal (`SIGTERM`). */
export function signalDoc(name: string): string | undefined {
  return lookup(signalDocs, name);
}

/** Our words on an error a system call filter can return (`EPERM`); only the common choices have any. */
export function errnoDoc(name: string): string | undefined {
  return lookup(errnoDocs, name);
}

/** Our words on a well-known unit (`network-online.target`). */
export function specialUnitDoc(name: string): string | undefined {
  return lookup(specialUnitDocs, name);
}
