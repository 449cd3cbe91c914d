/** The view of a unit that hardening pairs are judged on. */
import { pairings, type Pairing, type PairingSetting } from '../../kb';
import { MODEL_FACTS, type Assignment, type UnitModel } from '../../model/unitModel';
import type { RuleContext } from '../context';
import { hasSetting, isEnabling, normalizeValue, syscallFilter, valueOf, type SyscallFilter } from './effects';
import { once } from './unitFacts';

/** Settings switched on by other settings: for a directive, its normalized values, each with the line that implies it. */
export interface ImpliedSettings {
  get(directive: string): ReadonlyMap<string, Assignment> | undefined;
}

export interface PairContext extends RuleContext {
  readonly filter: SyscallFilter;
  /** Settings switched on by other settings, from the `implies` pairs that hold. */
  readonly implied: ImpliedSettings;
  /** DefaultDependencies= is not switched off. */
  readonly defaultDependencies: boolean;
  /** The subject lines of each row, found once: the implications and the pairs both read them. */
  readonly subjects: Map<Pairing, readonly Assignment[]>;
  /** The same, those in the diagnosed document only. */
  readonly ownSubjects: Map<Pairing, readonly Assignment[]>;
  /**
   * What each named setting of the rows holds on (`settingHolds`), loosely compared, then exactly:
   * several rows ask the same of a unit (eight about ExecStart= with "+", each through every command line).
   */
  readonly held: readonly [Map<PairingSetting, Assignment[] | undefined>, Map<PairingSetting, Assignment[] | undefined>];
}

/**
 * A lookup of rows by the setting they are about: for a unit, the rows (in table order) whose
 * subject some line in force sets, worked out once per unit. Rows of settings a unit does not have
 * say nothing about it, and a unit has a few dozen settings where the table has hundreds of rows.
 */
export function rowsBySubject(rows: readonly Pairing[]): (model: UnitModel) => readonly Pairing[] {
  const bySubject = new Map<string, number[]>();
  rows.forEach((p, i) => {
    const list = bySubject.get(p.subject.directive);
    if (list) list.push(i);
    else bySubject.set(p.subject.directive, [i]);
  });
  const key = {};
  // Marks of the rows found, cleared again as they are collected (a unit is read to the end before the next).
  const marked = new Uint8Array(rows.length);
  return (model) =>
    once(model, key, () => {
      let count = 0;
      // The subjects some line in force sets: only the keys that are subjects are worked out.
      for (const name of model.keysFor(MODEL_FACTS.settingsInForce)) {
        const at = bySubject.get(name);
        if (!at || !hasSetting(model, name)) continue;
        for (const i of at) marked[i] = 1;
        count += at.length;
      }
      const found: Pairing[] = [];
      for (let i = 0; count > 0 && i < rows.length; i++) {
        if (marked[i] === 0) continue;
        marked[i] = 0;
        found.push(rows[i]);
        count--;
      }
      return found;
    });
}

/** What an `implies` row switches on: each setting with its concrete values, normalized. */
interface Implication {
  pairing: Pairing;
  implies: readonly { directive: string; normalized: string }[];
}

/** The `implies` rows with a single setting as subject (a family or a line position implies nothing here). */
const IMPLIES_ROWS: readonly Pairing[] = pairings.filter((p) => p.relation === 'implies' && !p.subject.family && !p.subject.position);
const IMPLIES = rowsBySubject(IMPLIES_ROWS);
const IMPLICATIONS = new Map<Pairing, Implication>(
  IMPLIES_ROWS.map((pairing) => {
    const implies: { directive: string; normalized: string }[] = [];
    for (const alternative of pairing.objects) {
      if (alternative.kind !== 'settings') continue;
      for (const setting of alternative.settings) {
        for (const value of concreteValues(setting)) implies.push({ directive: setting.directive, normalized: normalizeValue(setting.directive, value) });
      }
    }
    return [pairing, { pairing, implies }];
  }),
);

export type ImpliesCheck = (context: PairContext, pairing: Pairing, subject: Assignment) => boolean;

type SubjectLines = (context: PairContext, pairing: Pairing, anyDocument: boolean) => readonly Assignment[];

/** Where a pair context keeps its system call filter once worked out. */
const FILTER = Symbol('filter');

interface PendingFilter {
  model: UnitModel;
  settings: RuleContext['settings'];
  [FILTER]?: SyscallFilter;
}

/**
 * One getter shared by every context. A getter of its own (a closure per unit) gives each context
 * an object shape of its own: the engine keeps those shapes outside the young generation, and
 * through its closure each one holds its whole unit past the next few collections, which made the
 * garbage collector most of the cost of judging pairs.
 */
const FILTER_PROPERTY: PropertyDescriptor = {
  get(this: PendingFilter): SyscallFilter {
    return (this[FILTER] ??= syscallFilter(this.model, this.settings.systemdVersion));
  },
  enumerable: true,
  configurable: true,
};

/**
 * Builds the context of a unit's pairs. The system call filter and the settings that the unit's
 * `implies` rows switch on are worked out when a row first reads them: a hover asks a few rows
 * about one line, and most of them read neither.
 */
export function pairContext(base: RuleContext, implicationHolds: ImpliesCheck, subjectLines: SubjectLines): PairContext {
  let implied: ReadonlyMap<string, ReadonlyMap<string, Assignment>> | undefined;
  const dd = valueOf(base.model, 'DefaultDependencies');
  const fields = Object.assign({}, base, {
    report: base.report,
    implied: { get: (directive: string) => (implied ??= impliedSettings(context, implicationHolds, subjectLines)).get(directive) },
    defaultDependencies: dd === undefined || isEnabling('DefaultDependencies', dd),
    subjects: new Map<Pairing, readonly Assignment[]>(),
    ownSubjects: new Map<Pairing, readonly Assignment[]>(),
    held: [new Map(), new Map()] as PairContext['held'],
  });
  const context = Object.defineProperty(fields, 'filter', FILTER_PROPERTY) as PairContext;
  return context;
}

/**
 * What the unit's `implies` rows switch on. Only the rows of settings the unit has can switch
 * anything on. Whether a row holds is read from the unit's own lines (its subject lines and its
 * condition), never from what other rows switch on, so one pass over the rows in table order
 * finds all there is.
 */
function impliedSettings(context: PairContext, implicationHolds: ImpliesCheck, subjectLines: SubjectLines): Map<string, Map<string, Assignment>> {
  const implied = new Map<string, Map<string, Assignment>>();
  for (const pairing of IMPLIES(context.model)) {
    const subjects = subjectLines(context, pairing, true);
    if (subjects.length === 0 || !implicationHolds(context, pairing, subjects[0])) continue;
    for (const { directive, normalized } of IMPLICATIONS.get(pairing)?.implies ?? []) {
      let values = implied.get(directive);
      if (!values) implied.set(directive, (values = new Map()));
      if (!values.has(normalized)) values.set(normalized, subjects[0]);
    }
  }
  return implied;
}

function concreteValues(setting: PairingSetting): string[] {
  return setting.value.kind === 'one-of' ? setting.value.values.filter((v) => !v.includes('<')) : [];
}
