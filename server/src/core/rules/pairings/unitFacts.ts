/**
 * Facts about one unit that several rules read again and again (the lines of a setting in force,
 * the settings it has, a capability set), worked out once per unit. A unit's model never changes
 * once built, so what is read from it stays true for as long as the model lives. Every fact is
 * read through the model's methods the first time, so a model that records what is read from it
 * sees each setting a fact rests on (a fresh model does: nothing is cached on it yet).
 */
import type { Assignment, UnitModel } from '../../model/unitModel';

export class UnitFacts {
  /** The lines in force of the settings read so far that the unit has (`model.effective`). */
  readonly effective = new Map<string, readonly Assignment[]>();
  /** Every line of the settings read so far that the unit assigns (`model.assignments`). */
  readonly assignments = new Map<string, readonly Assignment[]>();
  /** Other facts, each under the key of the code that works it out. */
  readonly derived = new Map<object, unknown>();
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
  const derived = factsOf(model).derived;
  if (derived.has(key)) return derived.get(key) as T;
  const value = compute();
  derived.set(key, value);
  return value;
}
