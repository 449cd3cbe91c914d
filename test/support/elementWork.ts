/**
 * A deterministic measure of work: how many elements the code walks through arrays, maps and
 * sets while `run` runs. Every iteration (`for…of`, spread, destructuring) and every array
 * method that visits elements counts the length of what it walks. A rule that is quadratic in
 * the lines of a unit walks quadratically many elements, however fast the machine; timing it
 * instead would make a flaky test.
 */

type Walker = (this: unknown, ...args: unknown[]) => unknown;

const ARRAY_WALKERS = ['filter', 'map', 'some', 'every', 'find', 'findIndex', 'findLast', 'forEach', 'reduce', 'includes', 'indexOf', 'lastIndexOf', 'flatMap', 'flat', 'join', 'sort', 'slice', 'concat', 'values', 'entries', 'keys'] as const;
const COLLECTION_WALKERS = ['forEach', 'values', 'entries', 'keys'] as const;

function sizeOf(value: unknown): number {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return (value as ArrayLike<unknown>).length;
  if (value instanceof Map || value instanceof Set) return value.size;
  return 0;
}

/** Runs `run` and returns its result with the number of elements walked meanwhile. */
export function countingElementWork<T>(run: () => T): { result: T; elements: number } {
  let elements = 0;
  const restore: Array<() => void> = [];
  const patch = (proto: object, name: string | symbol): void => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    const original = descriptor?.value as Walker | undefined;
    if (typeof original !== 'function') return;
    Object.defineProperty(proto, name, {
      ...descriptor,
      value: function (this: unknown, ...args: unknown[]): unknown {
        elements += sizeOf(this);
        return original.apply(this, args);
      },
    });
    restore.push(() => Object.defineProperty(proto, name, descriptor as PropertyDescriptor));
  };
  for (const name of [...ARRAY_WALKERS, Symbol.iterator]) patch(Array.prototype, name);
  for (const proto of [Map.prototype, Set.prototype]) for (const name of [...COLLECTION_WALKERS, Symbol.iterator]) patch(proto, name);
  try {
    return { result: run(), elements };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
