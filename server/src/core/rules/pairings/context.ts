/** The view of a unit that hardening pairs are judged on. */
import { pairings, type Pairing, type PairingSetting } from '../../kb';
import type { Assignment } from '../../model/unitModel';
import type { RuleContext } from '../context';
import { isEnabling, normalizeValue, syscallFilter, valueOf, type SyscallFilter } from './effects';

export interface PairContext extends RuleContext {
  readonly filter: SyscallFilter;
  /** Settings switched on by other settings (directive → normalized values), from the `implies` pairs that hold. */
  readonly implied: ReadonlyMap<string, ReadonlyMap<string, Assignment>>;
  /** DefaultDependencies= is not switched off. */
  readonly defaultDependencies: boolean;
}

export type ImpliesCheck = (context: PairContext, pairing: Pairing, subject: Assignment) => boolean;

/**
 * Builds the context, resolving implications to a fixed point: a setting implied by an implied
 * setting counts too (ProtectKernelTunables= → MountAPIVFS= → BindLogSockets=).
 */
export function pairContext(
  base: RuleContext,
  implicationHolds: ImpliesCheck,
  subjectLines: (context: PairContext, pairing: Pairing, anyDocument: boolean) => Assignment[],
): PairContext {
  const implied = new Map<string, Map<string, Assignment>>();
  const dd = valueOf(base.model, 'DefaultDependencies');
  const context: PairContext = {
    ...base,
    report: base.report,
    filter: syscallFilter(base.model, base.settings.systemdVersion),
    implied,
    defaultDependencies: dd === undefined || isEnabling('DefaultDependencies', dd),
  };
  const rows = pairings.filter((p) => p.relation === 'implies');
  for (let round = 0; round < 4; round++) {
    let added = false;
    for (const pairing of rows) {
      const subjects = subjectLines(context, pairing, true);
      if (subjects.length === 0 || !implicationHolds(context, pairing, subjects[0])) continue;
      for (const alternative of pairing.objects) {
        if (alternative.kind !== 'settings') continue;
        for (const setting of alternative.settings) {
          for (const value of concreteValues(setting)) {
            let values = implied.get(setting.directive);
            if (!values) implied.set(setting.directive, (values = new Map()));
            const normalized = normalizeValue(setting.directive, value);
            if (!values.has(normalized)) {
              values.set(normalized, subjects[0]);
              added = true;
            }
          }
        }
      }
    }
    if (!added) break;
  }
  return context;
}

function concreteValues(setting: PairingSetting): string[] {
  return setting.value.kind === 'one-of' ? setting.value.values.filter((v) => !v.includes('<')) : [];
}
