/**
 * Lists in messages: "a", "a and b", "a, b and c". A list longer than `max` names its first
 * `max - 1` items and says how many more there are ("a, b, c and 12 more"), so that a message stays
 * readable and its size does not follow the unit's: a long unit may give a finding thousands of
 * lines of evidence. Only the items shown are named (`name` is called for those alone).
 */
export function andList<T>(items: readonly T[], max: number, name: (item: T) => string, more = 'more'): string {
  const shown = items.length > max ? Math.max(1, max - 1) : items.length;
  const names: string[] = [];
  for (let i = 0; i < shown; i++) names.push(name(items[i]));
  if (shown < items.length) return `${names.join(', ')} and ${items.length - shown} ${more}`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `andList` of words as they are. */
export function andWords(words: readonly string[], max = Infinity, more = 'more'): string {
  return andList(words, max, (w) => w, more);
}
