/**
 * Evidence before advice: a fix that the unit's own lines show would break something (a new
 * finding of the breakage and merge rules on the fixed text) is not offered, and a recommendation
 * whose every fix would is not made. Trying a fix on the text costs a check of the unit, so three
 * things keep it off the keystroke:
 * - each evidence check records which settings it read on the unit; a fix that changes none of
 *   them cannot change what that check finds, so only the checks it concerns are run again (none,
 *   for most fixes);
 * - those checks already ran on the unit itself as part of its diagnostics: their findings there
 *   are what the fixed text is compared with;
 * - an `EvidenceCache` kept from one version of a document to the next remembers results by the
 *   values of the settings read, so an edit elsewhere in the unit reuses them.
 */
import { Fingerprint } from '../memo/fingerprint';
import type { ReadSet, UnitModel } from '../model/unitModel';
import type { Settings } from '../settings';
import type { Diagnostic, Fix } from '../types';
import { editedUnitDocument, type UnitDocument } from '../unitDocument';
import type { RuleContext } from './context';
import { settingsChanged } from './fixTargets';
import { findingIdentity } from './findingIdentity';

export type Check = (context: RuleContext) => void;

/** What one evidence check found on the unit, and the settings it read to decide. */
export interface EvidenceResult {
  readonly check: Check;
  readonly found: readonly Diagnostic[];
  readonly reads: ReadSet;
}

/**
 * Runs some evidence checks on another text of the document: what they find. `reading` names the
 * settings the checks are expected to read there (a run may take only those lines into its model).
 */
export type EvidenceRun = (document: UnitDocument, checks: readonly Check[], reading: ReadSet) => Diagnostic[];

/** A map that forgets its oldest entries past a size. */
class RecentMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  get size(): number {
    return this.map.size;
  }

  /** The keys, oldest first. */
  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
}

/**
 * What the findings of a run test their fixes with (see fixesWhenRead.ts): the contradictions of
 * the latest version that keeps those findings. A later version that keeps them points it at its
 * own, so that the findings no longer hold the version they were made on.
 */
export class Verdicts {
  current: (fix: Fix) => Diagnostic[] = () => [];
  readonly test = (fix: Fix): Diagnostic[] => this.current(fix);
}

/** The last run of the checks that read the unit only through its model, on one version of a document. */
export interface LastRun {
  readonly document: UnitDocument;
  readonly model: UnitModel;
  readonly systemdVersion: number;
  readonly files: readonly UnitDocument[];
  readonly runs: ReadonlyMap<Check, EvidenceResult>;
  /** What the run's hardening findings test their fixes with. */
  readonly verdicts: Verdicts;
}

/**
 * What the rules found on earlier versions of one document: what fixes brought, by the values the
 * checks read, and the last run, whose findings a keystroke elsewhere leaves standing.
 */
export class EvidenceCache {
  readonly results = new RecentMap<Diagnostic[]>(256);
  lastRun: LastRun | undefined;
}

/**
 * The values some checks read, in reading order, with what else they may depend on (the release,
 * whether the unit file is known, its type): equal signatures, equal findings. A fingerprint of
 * them, not the text: checks that read every setting of a long unit read all of its lines, and the
 * results kept by signature would each keep a copy of the unit.
 */
function signature(model: UnitModel, reads: readonly ReadSet[], settings: Readonly<Settings>): string {
  const names = new Set<string>();
  for (const read of reads) for (const name of read === 'all' ? [...model.all()].map((s) => s.name) : read) names.add(name);
  const lines = [...names].flatMap((name) => model.assignments(name)).sort((a, b) => a.order - b.order);
  const print = new Fingerprint().add(`${settings.systemdVersion}|${model.complete}|${model.type ?? ''}|${model.manager}`);
  // Each piece ends with a character no key, section or file name holds, so that pieces cannot run into each other.
  // Piece by piece: the same fingerprint as of the pieces joined, without a string made for each line.
  for (const a of lines) print.add('\n').add(a.document === model.unit ? '' : a.document.uri).add('\u0000').add(a.section).add('\u0000').add(a.entry.key).add('\u0000').add(a.entry.value);
  return print.toString();
}

/** What identifies a fix wherever it lands: the text it writes and the settings it changes. */
function fixKey(fix: Fix, changed: ReadonlySet<string>): string {
  return `${fix.edits.map((e) => e.newText).join('\u0001')}\u0002${[...changed].sort().join(',')}`;
}

function concerns(result: EvidenceResult, changed: ReadonlySet<string>): boolean {
  if (result.reads === 'all') return true;
  for (const name of changed) if (result.reads.has(name)) return true;
  return false;
}

/**
 * The new evidence findings each fix would bring on `document` (empty when evidence does not
 * contradict it). `model` is the document's model at the target release, `before` what each
 * evidence check found on it; `run` runs checks on a fixed text. `cache`, kept from one version of
 * a document to the next, remembers results by the values the checks read; without one, they are
 * remembered for this version only, where those values are the same for every fix.
 */
export function contradictionsOf(
  document: UnitDocument,
  model: UnitModel,
  settings: Readonly<Settings>,
  before: readonly EvidenceResult[],
  run: EvidenceRun,
  cache?: EvidenceCache,
): (fix: Fix) => Diagnostic[] {
  let identities: ReadonlySet<string> | undefined;
  const signatures = new Map<string, string>();
  const results = cache?.results ?? new RecentMap<Diagnostic[]>(256);
  return (fix) => {
    const changed = settingsChanged(fix, document.tree);
    const selected = before.filter((result) => concerns(result, changed));
    if (selected.length === 0) return [];
    const which = selected.map((result) => before.indexOf(result)).join(',');
    let known = cache === undefined ? '' : signatures.get(which);
    if (known === undefined) signatures.set(which, (known = signature(model, selected.map((result) => result.reads), settings)));
    const resultKey = `${which}\u0003${known}\u0003${fixKey(fix, changed)}`;
    const cached = results.get(resultKey);
    if (cached) return cached;
    let fixed: UnitDocument;
    try {
      // What the checks find is counted, never placed (see findingIdentity.ts).
      fixed = editedUnitDocument(document, fix.edits, true);
    } catch {
      return [];
    }
    identities ??= new Set(before.flatMap((result) => result.found.map(findingIdentity)));
    const seen = identities;
    const reading = selected.some((result) => result.reads === 'all') ? 'all' : new Set([...changed, ...selected.flatMap((result) => [...result.reads])]);
    const after = run(fixed, selected.map((result) => result.check), reading);
    const contradictions = after.filter((d) => !seen.has(findingIdentity(d)));
    results.set(resultKey, contradictions);
    return contradictions;
  };
}
