/**
 * Evidence before advice: a fix that the unit's own lines show would break something (a new
 * finding of the breakage and merge rules on the fixed text) is not offered, and a recommendation
 * whose every fix would is not made. Trying a fix on the text costs a whole check of the unit, so
 * two things keep it off the keystroke:
 * - the evidence rules record which settings they read; a fix that changes none of them cannot
 *   change what they find;
 * - an `EvidenceCache` kept from one version of a document to the next remembers results by the
 *   values of those settings, so an edit elsewhere in the unit reuses them.
 */
import { applyEdits } from '../edits/apply';
import type { ReadSet, UnitModel } from '../model/unitModel';
import type { Settings } from '../settings';
import type { Diagnostic, Fix } from '../types';
import { createUnitDocument, type UnitDocument } from '../unitDocument';
import { settingsChanged } from './fixTargets';

/** Runs the evidence rules on a document: what they find, and the settings they read. */
export type EvidenceRun = (document: UnitDocument) => { found: Diagnostic[]; reads: ReadSet };

interface Before {
  identities: ReadonlySet<string>;
  reads: ReadSet;
}

/** A map that forgets its oldest entries past a size. */
class RecentMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
}

/** What the evidence rules found on earlier versions of one document, by the values they read. */
export class EvidenceCache {
  readonly befores = new RecentMap<Before>(16);
  readonly results = new RecentMap<Diagnostic[]>(256);
  lastReads: ReadSet | undefined;
}

/** A finding's identity across texts: line numbers in messages shift when a fix adds lines. */
function identity(d: Diagnostic): string {
  return `${d.code}|${d.message.replace(/lines? [0-9][0-9, ]*/g, 'line N')}`;
}

/**
 * The values the evidence rules read, in reading order, with what else they may depend on (the
 * release, whether the unit file is known, its type): equal signatures, equal findings.
 */
function signature(model: UnitModel, reads: ReadSet, settings: Readonly<Settings>): string {
  const names = reads === 'all' ? [...new Set([...model.all()].map((s) => s.name))] : [...reads];
  const lines = names.flatMap((name) => model.assignments(name)).sort((a, b) => a.order - b.order);
  const parts = [`${settings.systemdVersion}|${model.complete}|${model.type ?? ''}|${model.manager}`];
  for (const a of lines) parts.push(`${a.document === model.unit ? '' : a.document.uri}|${a.section}|${a.entry.key}|${a.entry.value}`);
  return parts.join('\n');
}

/** What identifies a fix wherever it lands: the text it writes and the settings it changes. */
function fixKey(fix: Fix, changed: ReadonlySet<string>): string {
  return `${fix.edits.map((e) => e.newText).join('\u0001')}\u0002${[...changed].sort().join(',')}`;
}

/**
 * The new evidence findings each fix would bring on `document` (empty when evidence does not
 * contradict it). `model` is the document's model at the target release; `run` checks a text.
 */
export function contradictionsOf(document: UnitDocument, model: UnitModel, settings: Readonly<Settings>, run: EvidenceRun, cache = new EvidenceCache()): (fix: Fix) => Diagnostic[] {
  let before: (Before & { signature: string }) | undefined;
  const current = (): Before & { signature: string } => {
    if (before) return before;
    const last = cache.lastReads;
    if (last !== undefined) {
      const known = signature(model, last, settings);
      const found = cache.befores.get(known);
      if (found) return (before = { ...found, signature: known });
    }
    const { found, reads } = run(document);
    const computed = { identities: new Set(found.map(identity)), reads };
    const key = signature(model, reads, settings);
    cache.befores.set(key, computed);
    cache.lastReads = reads;
    return (before = { ...computed, signature: key });
  };
  return (fix) => {
    const { identities, reads, signature: key } = current();
    const changed = settingsChanged(fix, document.tree);
    if (reads !== 'all' && ![...changed].some((name) => reads.has(name))) return [];
    const resultKey = `${key}\u0003${fixKey(fix, changed)}`;
    const known = cache.results.get(resultKey);
    if (known) return known;
    let text: string;
    try {
      text = applyEdits(document.tree.text, fix.edits);
    } catch {
      return [];
    }
    const after = run(createUnitDocument(document.uri, text, document.version)).found;
    const contradictions = after.filter((d) => !identities.has(identity(d)));
    cache.results.set(resultKey, contradictions);
    return contradictions;
  };
}
