/**
 * The sandbox a service runs in, in the few words a reviewer reads at a glance: who it runs as,
 * what it may still do, what it sees of the file system. Everything is read from what the
 * language service already knows: the exposure checks' reading of the unit (which applies what
 * systemd adds when it loads a unit), their verdicts' own words, the list settings as systemd
 * merges their lines, and the knowledge base's implications ("ProtectHome=yes hides /home /root
 * /run/user") as `explain` finds them in force in this unit.
 */
import { addressFamilies, booleanValue, capabilities, namespaces as namespaceTypes, pairings, type Pairing } from '../../kb';
import type { UnitModel } from '../../model/unitModel';
import { bindDestination, DIRECTORY_BASES, stripPathPrefix } from '../../rules/pairings/effects';
import { combine, expandGroup, LIST_SEMANTICS } from '../../rules/merge/listSemantics';
import type { TestResult } from '../../security';
import { readSecurityInfo, type SecurityInfo } from '../../security/securityInfo';
import { groupItems } from '../../security/syscallFilter';
import { words } from '../../security/words';
import type { Diagnostic } from '../../types';
import { appendAll, someNames } from '../../arrays';
import { trimBlanks } from '../../syntax/blanks';

export type SandboxAspect = 'user' | 'capabilities' | 'systemCalls' | 'addressFamilies' | 'namespaces' | 'writable' | 'hidden' | 'devices' | 'noNewPrivileges';

/** The aspects in the order reports show them, with their labels. */
export const SANDBOX_ASPECTS: readonly { id: SandboxAspect; label: string }[] = [
  { id: 'user', label: 'User' },
  { id: 'capabilities', label: 'Capabilities' },
  { id: 'systemCalls', label: 'System calls' },
  { id: 'addressFamilies', label: 'Address families' },
  { id: 'namespaces', label: 'Namespaces' },
  { id: 'writable', label: 'Writable' },
  { id: 'hidden', label: 'Hidden' },
  { id: 'devices', label: 'Devices' },
  { id: 'noNewPrivileges', label: 'NoNewPrivileges' },
];

/** Each aspect in a few words: `root`, `CAP_NET_ADMIN`, `allow-list @system-service except @mount`. */
export type Sandbox = Record<SandboxAspect, string>;

/** What the sandbox is read from. */
export interface SandboxInput {
  model: UnitModel;
  /** The exposure checks of the unit, as scored. */
  tests: readonly TestResult[];
  systemdVersion: number;
  /** What the unit's settings imply (`explain` over its files): the implications in force. */
  implications: readonly Diagnostic[];
}

const PAIRINGS_BY_ID: ReadonlyMap<string, Pairing> = new Map(pairings.map((p) => [p.id, p]));

/** A list of names, shortened after `max`: `a b c and 12 more`. */
function description(tests: readonly TestResult[], jsonField: string): string | undefined {
  return tests.find((t) => t.jsonField === jsonField)?.description;
}

function user(input: SandboxInput): string {
  return description(input.tests, 'UserOrDynamicUser') ?? 'runs as root';
}

function capabilitySet(info: SecurityInfo): string {
  const has = (set: bigint, n: number) => (set & (1n << BigInt(n))) !== 0n;
  const kept = capabilities.filter((c) => has(info.capabilityBoundingSet, c.number)).map((c) => c.name);
  const dropped = capabilities.filter((c) => !has(info.capabilityBoundingSet, c.number)).map((c) => c.name);
  const ambient = capabilities.filter((c) => has(info.ambientCapabilities, c.number)).map((c) => c.name);
  const bounding = dropped.length === 0 ? 'all' : kept.length === 0 ? 'none' : kept.length > dropped.length ? `all but ${someNames(dropped)}` : someNames(kept);
  return ambient.length > 0 ? `${bounding}; ambient ${someNames(ambient)}` : bounding;
}

/** Items of the lines of a list setting in force, `~` lines apart from the others. */
function itemsOf(model: UnitModel, name: string): { allow: string[]; deny: string[] } {
  const allow: string[] = [];
  const deny: string[] = [];
  const named = new Set<string>();
  for (const a of model.effective(name)) {
    const value = trimBlanks(a.entry.value);
    const invert = value.startsWith('~');
    const fresh = words(invert ? value.slice(1) : value).filter((w) => !named.has(w));
    for (const w of fresh) named.add(w);
    appendAll(invert ? deny : allow, fresh);
  }
  return { allow, deny };
}

/** Whether systemd of the release knows a filter item (a call or a `@group`; an `:errno` suffix aside). */
function knownSyscallItem(item: string, version: number): boolean {
  const name = item.replace(/:.*$/, '');
  if (name.startsWith('@')) return groupItems(name, version) !== undefined;
  return (expandGroup('@known', version) ?? []).includes(name);
}

function systemCalls(input: SandboxInput, info: SecurityInfo): string {
  const { allow, deny } = itemsOf(input.model, 'SystemCallFilter');
  const known = (items: string[]) => items.filter((i) => knownSyscallItem(i, input.systemdVersion));
  const allowed = known(allow);
  const denied = known(deny);
  let filter: string;
  if (info.syscallFilterAllowList) {
    // An allow-list always holds @default, even when its lines name nothing systemd knows.
    filter = `allow-list ${allowed.length > 0 ? someNames(allowed) : '@default only'}${denied.length > 0 ? ` except ${someNames(denied)}` : ''}`;
  } else if (info.syscallFilter.size > 0) {
    filter = `deny-list ${someNames(denied)}${allowed.length > 0 ? ` except ${someNames(allowed)}` : ''}`;
  } else filter = 'no filter';
  const abi = description(input.tests, 'SystemCallArchitectures');
  return abi ? `${filter}; ${abi}` : filter;
}

const FAMILY_NAMES: ReadonlyMap<string, string> = new Map(addressFamilies.filter((f) => f.aliasOf === undefined).map((f) => [`#${f.number}`, f.name]));

function families(input: SandboxInput): string {
  const semantics = LIST_SEMANTICS.find((s) => s.directive === 'RestrictAddressFamilies');
  const combined = semantics ? combine(semantics, input.model.assignments('RestrictAddressFamilies'), input.systemdVersion, input.model.complete) : undefined;
  const value = combined?.value;
  if (!value) return 'any';
  const names = [...value.items].map((m) => combined.display.get(m) ?? FAMILY_NAMES.get(m) ?? m);
  if (value.kind === 'only') return names.length === 0 ? 'none' : `only ${someNames(names)}`;
  return names.length === 0 ? 'any' : `all but ${someNames(names)}`;
}

function namespaces(info: SecurityInfo): string {
  const all = namespaceTypes.map((n) => n.name);
  const allowed = info.restrictNamespaces === 'all' ? all : all.filter((n) => (info.restrictNamespaces as Set<string>).has(n));
  const refused = all.filter((n) => !allowed.includes(n));
  const creates = refused.length === 0 ? 'may create any' : allowed.length === 0 ? 'may create none' : allowed.length <= refused.length ? `may create only ${someNames(allowed)}` : `may create all but ${someNames(refused)}`;
  const own: string[] = [];
  if (info.flags.PrivateNetwork) own.push('network');
  if (info.flags.PrivateUsers) own.push('user');
  if (info.flags.PrivateMounts) own.push('mount');
  return own.length > 0 ? `${creates}; own ${own.join(', ')}` : creates;
}

type PathEffect = 'read-only' | 'hidden' | 'empty' | 'writable';

const PATH_SETTINGS: Readonly<Record<string, PathEffect>> = {
  ReadOnlyPaths: 'read-only',
  InaccessiblePaths: 'hidden',
  TemporaryFileSystem: 'empty',
  ReadWritePaths: 'writable',
};

interface Paths {
  byEffect: Record<PathEffect, string[]>;
  /** Destinations of BindReadOnlyPaths=: shown again, read-only, inside what is hidden or emptied. */
  boundReadOnly: string[];
  /** Folders a read-only `/` leaves as they are (ProtectSystem=strict: /dev, /proc, /sys). */
  excluded: string[];
}

/** Path settings an implied setting stands for: one step further along the knowledge base's implications. */
function impliedRows(directive: string, value: string): Pairing[] {
  return pairings.filter(
    (p) => p.relation === 'implies' && p.subject.directive === directive && p.subject.value.kind === 'one-of' && p.subject.value.values.includes(value),
  );
}

function paths(input: SandboxInput, info: SecurityInfo): Paths {
  const byEffect: Record<PathEffect, string[]> = { 'read-only': [], hidden: [], empty: [], writable: [] };
  const excluded: string[] = [];
  const boundReadOnly: string[] = [];
  const add = (effect: PathEffect, items: readonly string[]) => {
    for (const item of items) {
      const path = stripPathPrefix(effect === 'empty' ? item.replace(/:.*$/, '') : item);
      if (path !== '' && !byEffect[effect].includes(path)) byEffect[effect].push(path);
    }
  };
  const fromRows = (rows: readonly Pairing[], depth: number) => {
    for (const row of rows) {
      for (const alternative of row.objects) {
        if (alternative.kind !== 'settings') continue;
        for (const setting of alternative.settings) {
          if (setting.value.kind !== 'one-of') continue;
          const effect = PATH_SETTINGS[setting.directive];
          if (effect) {
            for (const value of setting.value.values) add(effect, words(value));
            if (setting.excludes) for (const e of setting.excludes) if (!excluded.includes(e)) excluded.push(e);
          } else if (depth === 0) {
            // DynamicUser=yes implies ProtectSystem=strict, which stands for a read-only /.
            for (const value of setting.value.values) fromRows(impliedRows(setting.directive, value), depth + 1);
          }
        }
      }
    }
  };
  const rows = input.implications.map((n) => (n.pairing ? PAIRINGS_BY_ID.get(n.pairing) : undefined)).filter((p): p is Pairing => p !== undefined);
  fromRows(rows, 0);
  for (const [directive, effect] of Object.entries(PATH_SETTINGS)) {
    for (const a of input.model.effective(directive)) add(effect, words(a.entry.value));
  }
  for (const [directive, base] of Object.entries(DIRECTORY_BASES)) {
    for (const a of input.model.effective(directive)) add('writable', words(a.entry.value).map((w) => `${base}/${w.replace(/:.*$/, '')}`));
  }
  for (const a of input.model.effective('BindPaths')) add('writable', words(a.entry.value).map(bindDestination));
  const bound = new Set<string>();
  for (const a of input.model.effective('BindReadOnlyPaths')) {
    const fresh = words(a.entry.value).map(bindDestination).filter((p) => !bound.has(p));
    for (const p of fresh) bound.add(p);
    appendAll(boundReadOnly, fresh);
  }
  if (info.flags.PrivateTmp) add('writable', ['/tmp', '/var/tmp']);
  return { byEffect, excluded, boundReadOnly };
}

function writable(p: Paths, info: SecurityInfo): string {
  const readOnly = p.byEffect['read-only'];
  const own = p.byEffect.writable.map((w) => (info.flags.PrivateTmp && (w === '/tmp' || w === '/var/tmp') ? `${w} (private)` : w));
  if (readOnly.includes('/')) {
    const only = own.length > 0 ? `only ${someNames(own)}` : 'nothing';
    return p.excluded.length > 0 ? `${only}; ${p.excluded.join(' ')} left to other settings` : only;
  }
  if (readOnly.length > 0) return `all but ${someNames(readOnly)}`;
  return 'everything';
}

function hidden(p: Paths): string {
  const parts: string[] = [];
  if (p.byEffect.hidden.length > 0) parts.push(someNames(p.byEffect.hidden, 24));
  if (p.byEffect.empty.length > 0) parts.push(`empty ${someNames(p.byEffect.empty)}`);
  if (parts.length > 0 && p.boundReadOnly.length > 0) parts.push(`bound back read-only ${someNames(p.boundReadOnly)}`);
  return parts.length > 0 ? parts.join('; ') : 'nothing';
}

function devices(input: SandboxInput): string {
  const own = description(input.tests, 'PrivateDevices');
  const allowList = description(input.tests, 'DeviceAllow');
  return [own, allowList].filter((d) => d !== undefined).join('; ') || 'the host /dev';
}

/** The implied settings a note of `explain` says are switched on: `NoNewPrivileges=yes` for DynamicUser=yes. */
function impliesSetting(note: Diagnostic, directive: string, value: string): boolean {
  const row = note.pairing ? PAIRINGS_BY_ID.get(note.pairing) : undefined;
  return (
    row?.objects.some((o) => o.kind === 'settings' && o.settings.some((s) => s.directive === directive && s.value.kind === 'one-of' && s.value.values.includes(value))) ?? false
  );
}

function noNewPrivileges(input: SandboxInput): string {
  const line = input.model.last('NoNewPrivileges');
  if (line && booleanValue(trimBlanks(line.entry.value)) === true) return 'yes';
  const implied = input.implications.find((n) => impliesSetting(n, 'NoNewPrivileges', 'yes'));
  const subject = implied?.pairing ? PAIRINGS_BY_ID.get(implied.pairing)?.subject.directive : undefined;
  const by = subject ? input.model.last(subject) : undefined;
  if (implied) return `yes, implied by ${by ? `${by.entry.key}=${by.entry.value}` : 'another setting'}`;
  return line ? 'no' : 'not set';
}

/** The sandbox of a service, aspect by aspect. */
export function sandboxOf(input: SandboxInput): Sandbox {
  const info = readSecurityInfo(input.model, input.systemdVersion, input.model.manager);
  const p = paths(input, info);
  return {
    user: user(input),
    capabilities: capabilitySet(info),
    systemCalls: systemCalls(input, info),
    addressFamilies: families(input),
    namespaces: namespaces(info),
    writable: writable(p, info),
    hidden: hidden(p),
    devices: devices(input),
    noNewPrivileges: noNewPrivileges(input),
  };
}
