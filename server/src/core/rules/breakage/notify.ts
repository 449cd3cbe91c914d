/**
 * notify-socket-blocked: readiness and watchdog messages need AF_UNIX.
 *
 * sd_notify() (and systemd-notify) opens a datagram socket of the family of $NOTIFY_SOCKET, which
 * the service manager points at its AF_UNIX socket, from inside the service's own process. That
 * socket() call is subject to the seccomp filter RestrictAddressFamilies= installs, so a list that
 * leaves out AF_UNIX makes every notification fail: Type=notify never gets READY=1 and the start
 * times out, a watchdog never gets WATCHDOG=1 and kills the service. Commands prefixed with `+` run
 * without the sandbox, so a main process started that way is not restricted.
 */
import { addressFamilies } from '../../kb';
import { removeEntryEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { Assignment } from '../../model/unitModel';
import type { Diagnostic, Fix, TextEdit } from '../../types';
import type { RuleContext } from '../context';
import { timespanSeconds } from '../values/scalars';
import { splitWords, valueRange } from '../values/words';
import { mainProcessUnsandboxed } from './commandLines';
import { lineRef, lineRefs, reportBreakage, type Evidence } from './report';
import { effectiveLines, lastLine } from '../pairings/effects';
import { findingCopy } from '../lineFinding';
import { trimBlanks } from '../../syntax/blanks';

const CODE = 'notify-socket-blocked';

/** Type=notify-reload is known from this release on. */
const NOTIFY_RELOAD_SINCE = 253;

/** RestrictAddressFamilies=none means "nothing" from this release on; older ones skip the word. */
const RAF_NONE_SINCE = 249;

/** The number of AF_UNIX (AF_LOCAL and AF_FILE are other names for it). */
const AF_UNIX_NUMBER = 1;

const FAMILY_NUMBERS: ReadonlyMap<string, number> = new Map(addressFamilies.map((f) => [f.name, f.number]));

// ---------------------------------------------------------------------------
// evidence: the service talks to the notification socket

interface NotifyUse {
  evidence: Evidence[];
  /** What fails, for the message: "the start times out", ... */
  effects: string[];
  /** Readiness or watchdog depend on it (otherwise only status messages are lost). */
  essential: boolean;
}

function notifyUse(context: RuleContext): NotifyUse {
  const { model } = context;
  const evidence: Evidence[] = [];
  const effects: string[] = [];
  let essential = false;
  const type = lastLine(model, 'Type');
  const typeValue = trimBlanks(type?.entry.value);
  if (type && (typeValue === 'notify' || (typeValue === 'notify-reload' && context.settings.systemdVersion >= NOTIFY_RELOAD_SINCE))) {
    evidence.push({ line: type, note: 'readiness is reported with sd_notify()' });
    effects.push('sd_notify() cannot open its socket, so READY=1 never arrives and the start times out');
    essential = true;
  }
  // A D-Bus service reaches the bus over an AF_UNIX socket; Type=dbus waits for its name.
  const busName = lastLine(model, 'BusName');
  if ((type && typeValue === 'dbus') || busName) {
    const line = type && typeValue === 'dbus' ? type : (busName as Assignment);
    evidence.push({ line, note: 'the service takes a name on the D-Bus bus' });
    effects.push(typeValue === 'dbus' ? 'it cannot connect to the D-Bus bus, so its name never appears and the start times out' : 'it cannot connect to the D-Bus bus');
    essential = true;
  }
  const watchdog = lastLine(model, 'WatchdogSec');
  const seconds = watchdog ? timespanSeconds(watchdog.entry.value) : undefined;
  if (watchdog && seconds !== undefined && seconds > 0 && seconds !== Infinity) {
    evidence.push({ line: watchdog, note: 'the watchdog expects WATCHDOG=1 over the notification socket' });
    effects.push('WATCHDOG=1 never arrives and the watchdog kills the service');
    essential = true;
  }
  const access = lastLine(model, 'NotifyAccess');
  if (access && trimBlanks(access.entry.value) !== 'none') evidence.push({ line: access, note: 'the unit accepts notification messages' });
  if (!essential) effects.push('sd_notify() cannot open its socket, so the status messages the unit accepts never arrive');
  return { evidence, effects, essential };
}

// ---------------------------------------------------------------------------
// RestrictAddressFamilies= as systemd merges the lines (config_parse_address_families)

interface FamilyState {
  /** True: only the listed families are allowed; false: the listed ones are refused. */
  allow: boolean;
  families: Set<number>;
}

interface UnixVerdict {
  allowed: boolean;
  /** The line that made AF_UNIX unavailable (the last one that decides). */
  decider?: Assignment;
  /** The lines of the list in force, from the one that started it. */
  current: Assignment[];
  allow: boolean;
}

function isNone(line: Assignment, version: number): boolean {
  return trimBlanks(line.entry.value) === 'none' && version >= RAF_NONE_SINCE;
}

function unixAllowed(state: FamilyState | undefined): boolean {
  if (!state) return true;
  return state.allow === state.families.has(AF_UNIX_NUMBER);
}

/**
 * Replays the lines: the first line (or the first after an empty one or `none`) fixes whether
 * the list allows or refuses; later lines of the same form add, of the other form take away.
 * `none` leaves an empty allow-list that the next line starts over.
 */
function unixVerdict(lines: readonly Assignment[], version: number): UnixVerdict {
  let state: FamilyState | undefined;
  let fresh = true;
  let decider: Assignment | undefined;
  let current: Assignment[] = [];
  for (const line of lines) {
    const value = trimBlanks(line.entry.value);
    const before = unixAllowed(state);
    if (value === '') {
      state = undefined;
      fresh = true;
      current = [];
      continue;
    }
    if (isNone(line, version)) {
      state = { allow: true, families: new Set() };
      fresh = true;
      current = [line];
      decider = line;
      continue;
    }
    const invert = value.startsWith('~');
    const started = !state || fresh;
    if (started) {
      state = { allow: !invert, families: new Set() };
      current = [];
    }
    fresh = false;
    current.push(line);
    const set = state as FamilyState;
    for (const word of splitWords(invert ? value.slice(1) : value)) {
      const number = FAMILY_NUMBERS.get(word.text);
      if (number === undefined) continue;
      if (!invert === set.allow) set.families.add(number);
      else set.families.delete(number);
    }
    if (!unixAllowed(state) && (before || started)) decider = line;
  }
  return { allowed: unixAllowed(state), decider, current, allow: state?.allow ?? false };
}

// ---------------------------------------------------------------------------
// fix: give AF_UNIX back

function isUnixName(word: string): boolean {
  return FAMILY_NUMBERS.get(word) === AF_UNIX_NUMBER;
}

/** The line without its AF_UNIX names: a new value, or undefined when nothing else is left. */
function withoutUnix(line: Assignment): string | undefined {
  const value = trimBlanks(line.entry.value);
  const invert = value.startsWith('~');
  const kept = splitWords(invert ? value.slice(1) : value)
    .filter((w) => !isUnixName(w.text))
    .map((w) => (invert ? value.slice(1) : value).slice(w.start, w.end));
  if (kept.length === 0) return undefined;
  return `${invert ? '~' : ''}${kept.join(' ')}`;
}

/** A `~` line naming AF_UNIX takes it away in either form: out of an allow-list, into a refuse-list. */
function takesUnixAway(line: Assignment): boolean {
  const value = trimBlanks(line.entry.value);
  return value.startsWith('~') && splitWords(value.slice(1)).some((w) => isUnixName(w.text));
}

/**
 * Edits that leave AF_UNIX allowed: lines of the list in force that take it away lose their
 * AF_UNIX names, and an allow-list gets AF_UNIX added to its last allow line. Undefined when a
 * line to change is in another file than the diagnosed one.
 */
function unixFix(context: RuleContext, verdict: UnixVerdict): Fix | undefined {
  const { document } = context;
  const edits: TextEdit[] = [];
  for (const [index, line] of verdict.current.entries()) {
    if (!takesUnixAway(line)) continue;
    if (line.document !== document) return undefined;
    const value = withoutUnix(line);
    if (value !== undefined) edits.push(replaceValueEdit(line.entry, value));
    // Removing the line that starts a refuse-list would let the next line start the list over.
    else if (index === 0 && verdict.current.length > 1) return undefined;
    else edits.push(removeEntryEdit(document, line.entry));
  }
  const named = verdict.current.some((l) => !trimBlanks(l.entry.value).startsWith('~') && splitWords(l.entry.value).some((w) => isUnixName(w.text)));
  if (verdict.allow && !named) {
    const allowLines = verdict.current.filter((l) => !trimBlanks(l.entry.value).startsWith('~'));
    const last = allowLines[allowLines.length - 1];
    if (!last || last.document !== document) return undefined;
    if (trimBlanks(last.entry.value) === 'none') edits.push(replaceValueEdit(last.entry, 'AF_UNIX'));
    else {
      const end = last.entry.value.length;
      edits.push({ range: valueRange(last.entry, document.tree.lines, end, end), newText: ' AF_UNIX' });
    }
  }
  if (edits.length === 0) return undefined;
  const title = verdict.allow ? 'Allow AF_UNIX in RestrictAddressFamilies= (sd_notify needs it)' : 'Stop refusing AF_UNIX in RestrictAddressFamilies= (sd_notify needs it)';
  return { title, edits };
}

// ---------------------------------------------------------------------------

function verdictWords(verdict: UnixVerdict): string {
  const value = trimBlanks(verdict.decider?.entry.value) ?? '';
  if (value === 'none' && verdict.current[0] === verdict.decider) return 'allows no address family';
  if (!verdict.allow) return 'refuses AF_UNIX';
  return value.startsWith('~') ? 'takes AF_UNIX out of the allowed families' : 'leaves out AF_UNIX';
}


export function checkNotifySocket(context: RuleContext): void {
  const { model } = context;
  // Without the unit file, lines it may hold (an earlier allow-list, a `+` command) are unknown.
  if (context.type !== 'service' || !model.complete) return;
  const lines = effectiveLines(model, 'RestrictAddressFamilies');
  if (lines.length === 0) return;
  const use = notifyUse(context);
  if (use.evidence.length === 0) return;
  const verdict = unixVerdict(lines, context.settings.systemdVersion);
  if (verdict.allowed || !verdict.decider) return;
  if (mainProcessUnsandboxed(model)) return;

  const refs = lineRefs(context, use.evidence.map((e) => e.line));
  const message =
    `${lineRef(context, verdict.decider)} ${verdictWords(verdict)}, which the service needs (${refs}): ${use.effects.join('; ')}.`;
  const fix = unixFix(context, verdict);
  const target = use.essential ? context : { ...context, report: (d: Diagnostic) => context.report(Object.assign(findingCopy(d), { severity: 'information' as const })) };
  reportBreakage(target, CODE, verdict.decider, message, use.evidence, fix ? [fix] : []);
}
