/**
 * Array helpers that hold for arrays of any length. A spread call
 * (`push(...items)`, `Math.max(...items)`, `String.fromCharCode(...codes)`)
 * passes each element as an argument on the stack and throws a RangeError past
 * about 120,000 elements: a unit with that many findings, lines or words must
 * not crash the check, so nothing whose length follows the input is spread.
 */

/** Appends `items` to `into`, in order, and returns `into`. */
export function appendAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
  return into;
}

/** The smallest of `values` as measured by `measure`; Infinity when there are none. */
export function minOf<T>(values: readonly T[], measure: (value: T) => number): number {
  let min = Infinity;
  for (const value of values) min = Math.min(min, measure(value));
  return min;
}

/** The largest of `values` as measured by `measure`; -Infinity when there are none. */
export function maxOf<T>(values: readonly T[], measure: (value: T) => number): number {
  let max = -Infinity;
  for (const value of values) max = Math.max(max, measure(value));
  return max;
}

/** The items in order, each kept only the first time its `key` comes. */
export function distinctBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Each byte as the character of that code (Latin-1), in slices short enough to pass as arguments. */
export function latin1Text(bytes: readonly number[]): string {
  const SLICE = 8192;
  let text = '';
  for (let at = 0; at < bytes.length; at += SLICE) text += String.fromCharCode(...bytes.slice(at, at + SLICE));
  return text;
}

/** The first `shown` names, space-separated, and how many more there are: "a b c and 12 more". */
export function someNames(names: readonly string[], shown = 8): string {
  return names.length <= shown ? names.join(' ') : `${names.slice(0, shown).join(' ')} and ${names.length - shown} more`;
}
