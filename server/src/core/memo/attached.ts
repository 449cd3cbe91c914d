/**
 * A value kept on an object for as long as the object lives, under a symbol no one else knows
 * (invisible to iteration, JSON and comparison).
 *
 * This is what a WeakMap would do, but a WeakMap keyed by short-lived objects (a document, its
 * tree: one per keystroke, one per file of a folder) is costly: the engine's young-generation
 * collections keep every value of such a map alive until a full collection, so each unit's model
 * outlived the next units and the garbage collector became most of the cost of a check.
 */
export interface Attached<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

export function attached<K extends object, V>(description: string): Attached<K, V> {
  const slot = Symbol(description);
  type Holder = { [slot]?: V };
  return {
    get: (key) => (key as Holder)[slot],
    set: (key, value) => {
      if (Object.prototype.hasOwnProperty.call(key, slot)) (key as Holder)[slot] = value;
      // A frozen object keeps nothing: the value is worked out again when asked.
      else if (Object.isExtensible(key)) Object.defineProperty(key, slot, { value, writable: true });
    },
  };
}
