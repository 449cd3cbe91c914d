/**
 * Refusals that do not depend on the unit's type: after a unit of any type passes its own checks
 * (unitRefusal.ts), systemd checks what its [Unit] section and its execution settings say together
 * (`unit_load()`, and from 257 `unit_verify_contexts()`). As there, the first that fails is the
 * one reported. Checks whose first release the oracles do not pin down (they sit between two
 * releases the tests unpack) start at the later one: UnitGuard never calls a unit refused that
 * systemd loads.
 */
import { booleanValue } from '../kb/booleans';
import { trimBlanks } from '../syntax/blanks';
import { UNIT_TYPES } from '../unitFile';
import type { ManagerKind } from './manager';
import type { Assignment, UnitModel } from './unitModel';
import { enumValueAt, knownSetting, lastOf, switchedOn } from './settingLines';

export type ContextRefusalCause =
  | 'isolate-several-units'
  | 'dynamic-user-user-manager'
  | 'private-pids-not-service'
  | 'working-directory-home-dynamic-user'
  | 'pam-private-pids'
  | 'private-users-namespace-path'
  | 'private-users-managed-user';

export interface ContextRefusal {
  cause: ContextRefusalCause;
  reason: string;
  line: Assignment | undefined;
}

/** The unit types that run processes, with the execution settings (an execution context). */
export const EXEC_TYPES: ReadonlySet<string> = new Set(['service', 'socket', 'mount', 'swap']);

/** The first release that checks the execution settings of every unit type (254 loads what 257 refuses). */
const CONTEXT_CHECKS_SINCE = 257;

/** The first release seen refusing PAMName= with PrivatePIDs=, PrivateUsers= with UserNamespacePath=, and PrivateUsers=managed with a user (257 loads them). */
const LATER_CONTEXT_CHECKS_SINCE = 262;

/** Why systemd of `version` refuses the unit for its [Unit] section or its execution settings. */
export function contextRefusal(model: UnitModel, version: number, manager: ManagerKind): ContextRefusal | undefined {
  const type = model.type;
  if (type !== undefined && EXEC_TYPES.has(type) && version >= CONTEXT_CHECKS_SINCE) {
    const found = execRefusal(model, type, version, manager);
    if (found) return found;
  }
  return isolateRefusal(model, 'OnFailure', 'OnFailureJobMode', version) ?? isolateRefusal(model, 'OnSuccess', 'OnSuccessJobMode', version);
}

function execRefusal(model: UnitModel, type: string, version: number, manager: ManagerKind): ContextRefusal | undefined {
  const dynamicUser = switchedOn(model, 'DynamicUser', version);
  if (manager === 'user' && dynamicUser) return { cause: 'dynamic-user-user-manager', reason: 'a user\'s service manager cannot allocate users, so DynamicUser= is for system units only', line: dynamicUser };
  const privatePids = switchedOn(model, 'PrivatePIDs', version);
  if (type !== 'service' && privatePids) return { cause: 'private-pids-not-service', reason: 'PrivatePIDs= is for services only', line: privatePids };
  const workingDirectory = lastSet(model, 'WorkingDirectory', version);
  if (dynamicUser && workingDirectory && ['~', '-~'].includes(trimBlanks(workingDirectory.entry.value))) {
    return { cause: 'working-directory-home-dynamic-user', reason: 'with DynamicUser=yes there is no home directory for WorkingDirectory=~ to name', line: workingDirectory };
  }
  if (version < LATER_CONTEXT_CHECKS_SINCE) return undefined;
  const pam = lastSet(model, 'PAMName', version);
  if (pam && privatePids) return { cause: 'pam-private-pids', reason: 'a PAM session (PAMName=) cannot be opened with PrivatePIDs=yes', line: privatePids };
  const privateUsers = lastOf(model, 'PrivateUsers', (v) => privateUsersMode(v, version) !== undefined, version);
  const users = privateUsers === undefined ? 'no' : privateUsersMode(trimBlanks(privateUsers.entry.value), version);
  if (users !== undefined && users !== 'no' && lastSet(model, 'UserNamespacePath', version)) {
    return { cause: 'private-users-namespace-path', reason: 'PrivateUsers= and UserNamespacePath= both set up the user namespace; only one may', line: privateUsers };
  }
  if (users === 'managed') {
    const user = lastSet(model, 'User', version) ?? lastSet(model, 'Group', version) ?? dynamicUser ?? pam;
    if (user) return { cause: 'private-users-managed-user', reason: `PrivateUsers=managed picks the user itself, so ${user.entry.key}= may not be set`, line: privateUsers };
  }
  return undefined;
}

/**
 * `OnFailure=` (or `OnSuccess=`) with more than one unit while its job mode is isolate: only one
 * unit can be isolated. An empty line does not clear the units named before it.
 */
function isolateRefusal(model: UnitModel, dependency: string, modeSetting: string, version: number): ContextRefusal | undefined {
  if (!knownSetting(dependency, version)) return undefined;
  // The units systemd adds: valid names, not the unit itself; a name with a specifier is not counted.
  const own = model.unit.file.unitName;
  const units = new Set<string>();
  for (const line of model.assignments(dependency)) {
    for (const written of trimBlanks(line.entry.value).split(/[ \t]+/)) {
      const word = own === undefined ? written : nameSpecifiers(written, own);
      if (word !== undefined && UNIT_NAME.test(word) && word !== own) units.add(word);
    }
  }
  if (units.size < 2) return undefined;
  // OnFailureIsolate=yes is the old spelling of OnFailureJobMode=isolate: the last of the two counts.
  const modes = [...model.assignments(modeSetting), ...(dependency === 'OnFailure' ? model.assignments('OnFailureIsolate') : [])].sort((a, b) => a.order - b.order);
  let isolating: Assignment | undefined;
  for (const line of modes) {
    const value = trimBlanks(line.entry.value);
    if (line.entry.key === 'OnFailureIsolate') {
      const on = booleanValue(value);
      if (on !== undefined) isolating = on ? line : undefined;
    } else if (value === '' || enumValueAt(modeSetting, value, version) !== undefined) isolating = value === 'isolate' ? line : undefined;
  }
  if (!isolating) return undefined;
  return { cause: 'isolate-several-units', reason: `${dependency}= names ${units.size} units, and a job mode of isolate can start only one`, line: isolating };
}

/**
 * A word with the specifiers that the unit's own name fills in (`%n`, `%N`, `%p`, `%i`, `%%`)
 * filled in; undefined when it holds another, whose value the files do not tell.
 */
function nameSpecifiers(word: string, unit: string): string | undefined {
  const dot = unit.lastIndexOf('.');
  const name = dot > 0 ? unit.slice(0, dot) : unit;
  const at = name.indexOf('@');
  const values: Readonly<Record<string, string>> = { n: unit, N: name, p: at >= 0 ? name.slice(0, at) : name, i: at >= 0 ? name.slice(at + 1) : '', '%': '%' };
  let unknown = false;
  const filled = word.replace(/%(.)/g, (_m, c: string) => {
    if (Object.prototype.hasOwnProperty.call(values, c)) return values[c];
    unknown = true;
    return '';
  });
  return unknown ? undefined : filled;
}

/** A unit name a dependency may name: a plain name or a template's instance, with a unit type. */
const UNIT_NAME = new RegExp(`^[A-Za-z0-9:_.\\\\-]+(?:@[A-Za-z0-9:_.\\\\-]+)?\\.(?:${UNIT_TYPES.join('|')})$`);

/** The line in force of a setting with a value, none when the setting came after `version`. */
function lastSet(model: UnitModel, name: string, version: number): Assignment | undefined {
  return lastOf(model, name, () => true, version);
}

/** What a PrivateUsers= value sets up: a boolean is `self` or `no`. */
function privateUsersMode(value: string, version: number): string | undefined {
  const on = booleanValue(value);
  return on === undefined ? enumValueAt('PrivateUsers', value, version) : on ? 'self' : 'no';
}
