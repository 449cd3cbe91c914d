/**
 * Where each key's lines are in a tree, told by place rather than by node: for each key, the
 * places of its lines among the lines of well-formed sections (the order systemd reads them in),
 * one number a line, and for the tree the first place of each section that has lines, which tells
 * the section and the line of a place. Lines of malformed sections are left out, as systemd reads
 * none of them.
 *
 * Places do not move when an edit keeps every key where it was (a keystroke in a value): the
 * revised tree then shares its older version's places (see reparse.ts), and whoever looks up
 * a key's lines in a long unit need not go through all its lines again on every keystroke.
 */
import { attached } from '../memo/attached';
import type { Section, SyntaxTree } from './syntaxTree';

export interface KeyPlaces {
  /** Each key's places, in reading order. */
  readonly byKey: ReadonlyMap<string, Int32Array>;
  /** The well-formed sections with lines, in order: their indexes in the tree's sections. */
  readonly sections: Int32Array;
  /** And the place of the first line of each. */
  readonly firsts: Int32Array;
}

/** The section (its index in the tree's sections) and the line in it at a place, written into `into`. */
export function lineAtPlace(places: KeyPlaces, place: number, into: { section: number; line: number }): void {
  const firsts = places.firsts;
  // The last section whose first line is at or before the place.
  let low = 0;
  let high = firsts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (firsts[mid] <= place) low = mid;
    else high = mid - 1;
  }
  into.section = places.sections[low];
  into.line = place - firsts[low];
}

const known = attached<SyntaxTree, KeyPlaces>('lines by key');

/** The tree's places by key, worked out the first time. */
export function keyPlaces(tree: SyntaxTree): KeyPlaces {
  let places = known.get(tree);
  if (places === undefined) known.set(tree, (places = placesOf(tree.sections)));
  return places;
}

/** The tree's places when already worked out (or shared), without working them out. */
export function knownKeyPlaces(tree: SyntaxTree): KeyPlaces | undefined {
  return known.get(tree);
}

/**
 * Gives `revised` the places of `tree` when it has them and they hold there too: `revised` has
 * `tree`'s sections, except that `replaced` of them, from `from` on, were read again as `read`.
 */
export function sharePlaces(tree: SyntaxTree, revised: SyntaxTree, from: number, replaced: number, read: readonly Section[]): void {
  const places = known.get(tree);
  if (places === undefined || read.length !== replaced) return;
  for (let i = 0; i < replaced; i++) if (!sameKeys(tree.sections[from + i], read[i])) return;
  known.set(revised, places);
}

function sameKeys(a: Section, b: Section): boolean {
  if (a.malformed !== b.malformed || a.entries.length !== b.entries.length) return false;
  for (let i = 0; i < a.entries.length; i++) if (a.entries[i].key !== b.entries[i].key) return false;
  return true;
}

function placesOf(sections: readonly Section[]): KeyPlaces {
  // Two passes: the lines of each key are counted first, so that each key's places are written
  // into a list of their size. Lists grown a line at a time left three times their size behind
  // (15 MB on a unit of 200,000 lines), most of it after it had lived long enough to be kept.
  const counts = new Map<string, number>();
  let withLines = 0;
  for (const section of sections) {
    if (section.malformed) continue;
    const entries = section.entries;
    if (entries.length > 0) withLines++;
    for (let e = 0; e < entries.length; e++) {
      const key = entries[e].key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const byKey = new Map<string, Int32Array>();
  for (const [key, count] of counts) {
    byKey.set(key, new Int32Array(count));
    // From here on: where the key's next place goes.
    counts.set(key, 0);
  }
  const sectionsWithLines = new Int32Array(withLines);
  const firsts = new Int32Array(withLines);
  let order = 0;
  let k = 0;
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    if (section.malformed) continue;
    const entries = section.entries;
    if (entries.length === 0) continue;
    sectionsWithLines[k] = s;
    firsts[k++] = order;
    for (let e = 0; e < entries.length; e++) {
      const key = entries[e].key;
      const at = counts.get(key) as number;
      counts.set(key, at + 1);
      (byKey.get(key) as Int32Array)[at] = order++;
    }
  }
  return { byKey, sections: sectionsWithLines, firsts };
}
