/** unit-refused: a unit that systemd refuses to load for what its settings say together. */
import { unitRefusal, type RefusalCause } from '../../model/unitRefusal';
import { formProblem } from '../../security/securityInfo';
import type { UnitModel } from '../../model/unitModel';
import { diagnostic, type RuleContext } from '../context';

/**
 * Refusals a hardening pair reports on its own line already (each cause is said once), when the
 * service writes its Type=; the pairs do not see a type systemd works out by itself.
 */
const SAID_BY_PAIRS: ReadonlySet<RefusalCause> = new Set<RefusalCause>(['oneshot-restart', 'oneshot-exit-type-cgroup', 'dbus-without-bus-name', 'forking-private-pids']);

/** The unit types as the message names them. */
const NOUNS: Readonly<Record<string, string>> = { service: 'service', timer: 'timer', socket: 'socket', path: 'path unit', mount: 'mount unit', automount: 'automount unit' };

/** The section whose header a refusal for what the unit lacks is reported on. */
const SECTIONS: Readonly<Record<string, string>> = { service: 'Service', timer: 'Timer', socket: 'Socket', path: 'Path', mount: 'Mount', automount: 'Automount' };

/**
 * Reports the refusal on the line it rests on, in the file that holds it; one that rests on what
 * the unit lacks is reported on the empty line that cleared it (in a drop-in, say), or when none
 * did on the header of its type's section in the unit file (or its first line).
 */
export function checkUnitLoad(context: RuleContext): void {
  const { document, model } = context;
  // A file systemd does not read at all (a broken header, a line not valid UTF-8) is reported as such.
  if (formProblem(model) !== undefined) return;
  const refusal = unitRefusal(model, context.settings.systemdVersion, context.manager);
  if (refusal === undefined || (SAID_BY_PAIRS.has(refusal.cause) && model.has('Type'))) return;
  // Lines of what it lacks that systemd does not take (a bad value, one too new) are reported on
  // their own lines, which say that systemd ignores them: the refusal is not a second cause.
  if (refusal.lacks?.some((name) => ignoresALine(model, name))) return;
  const type = model.type ?? 'service';
  // The empty line that cleared what the unit lacks (see unitRefusal's clearingLine).
  const cleared = refusal.line !== undefined && refusal.line.entry.isEmpty && refusal.lacks?.includes(refusal.line.entry.key) === true;
  const message = `systemd refuses to load this ${NOUNS[type] ?? 'unit'}: ${refusal.reason}.${cleared ? ` This empty ${refusal.line?.entry.key}= clears the lines before it, and no line after it sets one again.` : advice(refusal.cause, refusal.line?.document !== model.unit)}`;
  if (refusal.line !== undefined) {
    if (refusal.line.document === document) context.report(diagnostic('unit-refused', refusal.line.entry.range, message));
    return;
  }
  if (document !== model.unit) return;
  const own = document.tree.sections.find((s) => s.name === SECTIONS[type] && !s.malformed);
  context.report(diagnostic('unit-refused', own ? own.headerRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message));
}

/** Whether systemd leaves out a line written for a setting (a bad value, a newer setting, a line in the wrong section). */
function ignoresALine(model: UnitModel, name: string): boolean {
  const written = model.written(name);
  if (written.length === 0) return false;
  const taken = new Set(model.assignments(name).map((a) => a.entry));
  return written.some((entry) => !taken.has(entry));
}

/** What to do about it, where one step is plain. */
function advice(cause: RefusalCause, inDropIn: boolean): string {
  if (cause === 'several-start-commands' && inDropIn) return ' An empty ExecStart= line before it replaces the commands read before, instead of adding to them.';
  return '';
}
