/** unit-refused: a unit that systemd refuses to load for what its settings say together. */
import { unitNoun, unitRefusal, type RefusalCause } from '../../model/unitRefusal';
import { formProblem } from '../../security/securityInfo';
import type { UnitModel } from '../../model/unitModel';
import { diagnostic, type RuleContext } from '../context';
import { uriFileLabel } from '../../uriNames';
import { sectionHeaderRange } from '../findingHome';

/**
 * Refusals a hardening pair reports on its own line already (each cause is said once), when the
 * service writes its Type=; the pairs do not see a type systemd works out by itself.
 */
const SAID_BY_PAIRS: ReadonlySet<RefusalCause> = new Set<RefusalCause>(['oneshot-restart', 'oneshot-exit-type-cgroup', 'dbus-without-bus-name', 'forking-private-pids']);

/** The section whose header a refusal for what the unit lacks is reported on. */
const SECTIONS: Readonly<Record<string, string>> = { service: 'Service', timer: 'Timer', socket: 'Socket', path: 'Path', mount: 'Mount', automount: 'Automount', swap: 'Swap' };

/**
 * Reports the refusal on the line it rests on, in the file that holds it; one that rests on what
 * the unit lacks on the empty line that cleared it (in a drop-in, say), or when none did on the
 * header of its type's section in the unit file (or its first line). When the line is in a
 * drop-in, the unit file's header says so too, pointing at it.
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
  const said = `systemd refuses to load this ${unitNoun(type)}: ${refusal.reason}.`;
  const line = refusal.line;
  // The empty line that cleared what the unit lacks (see unitRefusal's clearingLine).
  const cleared = line !== undefined && line.entry.isEmpty && refusal.lacks?.includes(line.entry.key) === true;
  if (line !== undefined && line.document === document) {
    const more = cleared ? ` This empty ${line.entry.key}= clears the lines before it, and no line after it sets one again.` : advice(refusal.cause, line.document !== model.unit);
    context.report(diagnostic('unit-refused', line.entry.range, `${said}${more}`));
    return;
  }
  // The unit file says so too when the cause is in a drop-in: a unit checked without its drop-ins'
  // own findings (one file in CI, the unit open in the editor) is refused all the same.
  if (document !== model.unit || !model.complete) return;
  const where = sectionHeaderRange(document, SECTIONS[type]);
  if (line === undefined) {
    context.report(diagnostic('unit-refused', where, said));
    return;
  }
  const at = `line ${line.entry.range.start.line + 1} of ${uriFileLabel(line.document.uri)}`;
  const more = cleared ? ` The empty ${line.entry.key}= on ${at} clears the lines before it, and no line after it sets one again.` : ` The cause is ${at}.`;
  context.report(
    diagnostic('unit-refused', where, `${said}${more}`, {
      related: [{ range: line.entry.range, message: `${line.entry.key}=${line.entry.value}`, uri: line.document.uri }],
    }),
  );
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
