/**
 * Words that recur in every unit (setting and section names), each kept as one string. The parser
 * gives a key or section name that is one of them as that very string, so the maps and
 * comparisons that look it up later find it by identity instead of comparing characters, and a
 * long unit keeps one copy of `ProtectSystem` instead of one per line. Only which string object
 * is returned depends on this table, never what it reads.
 */
const words = new Map<string, string>();

/** Adds words to the table (the knowledge base adds its names when it loads). */
export function addKnownWords(list: Iterable<string>): void {
  for (const word of list) if (!words.has(word)) words.set(word, word);
}

/** The table's own string for `text` when it holds the same word. */
export function knownWord(text: string): string | undefined {
  return words.get(text);
}
