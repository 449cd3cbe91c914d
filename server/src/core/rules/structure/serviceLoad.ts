/** service-refused: a service that systemd refuses to load for what its settings say together. */
import { serviceRefusal, type RefusalCause } from '../../model/serviceRefusal';
import { formProblem } from '../../security/securityInfo';
import { diagnostic, type RuleContext } from '../context';

/**
 * Refusals a hardening pair reports on its own line already (each cause is said once), when the
 * service writes its Type=; the pairs do not see a type systemd works out by itself.
 */
const SAID_BY_PAIRS: ReadonlySet<RefusalCause> = new Set<RefusalCause>(['oneshot-restart', 'oneshot-exit-type-cgroup', 'dbus-without-bus-name', 'forking-private-pids']);

/** The settings whose lack a refusal rests on: none of their lines is in force. */
const LACKS = new Map<RefusalCause, readonly string[]>([
  ['nothing-to-run', ['ExecStart', 'ExecStop', 'SuccessAction']],
  ['no-start-command', ['ExecStart']],
  ['no-start-not-remaining', ['ExecStart', 'SuccessAction']],
]);

/**
 * Reports the refusal on the line it rests on, in the file that holds it; one that rests on what
 * the service lacks is reported on the unit file's [Service] header (or its first line).
 */
export function checkServiceLoad(context: RuleContext): void {
  const { document, model } = context;
  // A file systemd does not read at all (a broken header, a line not valid UTF-8) is reported as such.
  if (formProblem(model) !== undefined) return;
  const refusal = serviceRefusal(model, context.settings.systemdVersion, context.manager);
  if (refusal === undefined || (SAID_BY_PAIRS.has(refusal.cause) && model.has('Type'))) return;
  // Lines of what it lacks that systemd does not take (a bad value, one too new) are reported on
  // their own lines, which say that systemd ignores them: the refusal is not a second cause.
  const lacking = LACKS.get(refusal.cause);
  if (lacking?.some((name) => model.written(name).length > 0)) return;
  const message = `systemd refuses to load this service: ${refusal.reason}.${advice(refusal.cause, refusal.line?.document !== model.unit)}`;
  if (refusal.line !== undefined) {
    if (refusal.line.document === document) context.report(diagnostic('service-refused', refusal.line.entry.range, message));
    return;
  }
  if (document !== model.unit) return;
  const service = document.tree.sections.find((s) => s.name === 'Service' && !s.malformed);
  context.report(diagnostic('service-refused', service ? service.headerRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message));
}

/** What to do about it, where one step is plain. */
function advice(cause: RefusalCause, inDropIn: boolean): string {
  if (cause === 'several-start-commands' && inDropIn) return ' An empty ExecStart= line before it replaces the commands read before, instead of adding to them.';
  return '';
}
