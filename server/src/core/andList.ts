/**
 * Lists in messages: "a", "a and b", "a, b and c". A list longer than `max` names its first
 * `max - 1` items and says how many more there are ("a, b, c and 12 more"), so that a message stays
 * readable and its size does not follow the unit's: a long unit may give a finding thousands of
 * lines of evidence. Only the items shown are named (`name` is called for those alone).
 */
export function andList<T>(items: readonly T[], max: number, name: (item: T) => string, more = 'more'): string {
  const names = shownOf(items, max).map(name);
  if (names.length < items.length) return `${names.join(', ')} and ${items.length - names.length} ${more}`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The items a list of at most `max` shows: all of them, or past `max`, the first `max - 1` (at least
 * one), the last place being for how many more there are.
 */
export function shownOf<T>(items: readonly T[], max: number): readonly T[] {
  return items.length > max ? items.slice(0, Math.max(1, max - 1)) : items;
}

/** `andList` of words as they are. */
export function andWords(words: readonly string[], max = Infinity, more = 'more'): string {
  return andList(words, max, (w) => w, more);
}
