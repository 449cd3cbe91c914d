import { knownWord } from './knownWords';

/**
 * A copy of a string that does not share the text it was cut from. The engine makes a longer
 * string cut from a text a view into that text, which keeps all of it alive: something kept from
 * one version of a document to the next (a node, a finding) or in a module-level memo would keep
 * every older text it was read from (a full copy of the document for each fix tried on it).
 */
export function ownCopy(text: string): string {
  // Short cuts are copies already; a known word is the table's own string; a join is flattened
  // into a fresh string, which the cut shares.
  if (text.length < 13) return text;
  return knownWord(text) ?? (' ' + text).slice(1);
}
