/**
 * Facts about one unit that several rules read again and again (the lines of a setting in force,
 * the settings it has, a capability set), worked out once per unit. A unit's model never changes
 * once built, so what is read from it stays true for as long as the model lives. Every fact
 * remembers the settings it was worked out from and counts them as read again whenever it is read,
 * so a model that records what is read from it sees each setting a fact rests on.
 */
import type { Assignment, ReadSet, UnitModel } from '../../model/unitModel';

export class UnitFacts {
  /** The lines in force of the settings read so far that the unit has (`model.effective`). */
  readonly effective = new Map<string, readonly Assignment[]>();
  /** Every line of the settings read so far that the unit assigns (`model.assignments`). */
  readonly assignments = new Map<string, readonly Assignment[]>();
  /** Other facts, each under the key of the code that works it out. */
  readonly derived = new Map<object, unknown>();
  /** The settings each of those facts was worked out from. */
  readonly derivedReads = new Map<object, ReadSet>();
}

/**
 * The facts ride on the model itself, under a symbol no one else knows and invisible to iteration
 * and comparison: a WeakMap keyed by the model costs several microseconds per unit, as each unit's
 * model is short-lived, and the facts must live exactly as long as the model.
 */
const FACTS = Symbol('unit facts');

type WithFacts = UnitModel & { readonly [FACTS]?: UnitFacts };

export function factsOf(model: UnitModel): UnitFacts {
  let facts = (model as WithFacts)[FACTS];
  if (!facts) {
    facts = new UnitFacts();
    Object.defineProperty(model, FACTS, { value: facts });
  }
  return facts;
}

/** A fact worked out once per unit; `key` names it (a value of the module that computes it). */
export function once<T>(model: UnitModel, key: object, compute: () => T): T {
  const facts = factsOf(model);
  if (facts.derived.has(key)) {
    if (model.recording) model.noteReads(facts.derivedReads.get(key) as ReadSet);
    return facts.derived.get(key) as T;
  }
  const stop = model.recordReads();
  let value: T;
  try {
    value = compute();
  } finally {
    facts.derivedReads.set(key, stop());
  }
  facts.derived.set(key, value);
  return value;
}

/**
 * Forgets facts of the model, which are worked out again, the same, if read again: for facts that
 * only some checks read and that would otherwise live as long as the model.
 */
export function forget(model: UnitModel, ...keys: object[]): void {
  const facts = factsOf(model);
  for (const key of keys) {
    facts.derived.delete(key);
    facts.derivedReads.delete(key);
  }
}
