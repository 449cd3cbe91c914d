import { entryAt, entryCount, type Entry, type Section, type SyntaxTree } from '../syntax/syntaxTree';
import type { Position, Range } from '../types';

export type UnitSymbolKind = 'section' | 'directive';

export interface UnitSymbol {
  name: string;
  detail: string;
  kind: UnitSymbolKind;
  range: Range;
  selectionRange: Range;
  children: UnitSymbol[];
}

const MAX_DETAIL = 80;

/**
 * The most sections and settings an outline lists. Editors ask for the outline after each change
 * (breadcrumbs, sticky scroll): the outline of the 10 MB bench unit was 245,901 symbols, 63 MB of
 * JSON that held every other request for seconds on each keystroke. A unit written by hand has a
 * few dozen.
 */
export const MAX_OUTLINE_SYMBOLS = 5_000;

function entrySymbol(entry: Entry): UnitSymbol {
  return {
    name: entry.key,
    detail: entry.value.length > MAX_DETAIL ? `${entry.value.slice(0, MAX_DETAIL - 1)}…` : entry.value,
    kind: 'directive',
    range: entry.range,
    selectionRange: entry.keyRange,
    children: [],
  };
}

/**
 * The outline: each section with its assignments, in document order. Past `max` symbols, what is
 * left is one symbol that says how much was not listed, over the rest of the unit.
 */
export function documentSymbols(tree: SyntaxTree, max = MAX_OUTLINE_SYMBOLS): UnitSymbol[] {
  const symbols: UnitSymbol[] = [];
  let left = max;
  const orphans = tree.orphans;
  const listedOrphans = Math.min(orphans.length, left);
  for (let i = 0; i < listedOrphans; i++) symbols.push(entrySymbol(orphans[i]));
  left -= listedOrphans;
  const sections = tree.sections;
  let s = 0;
  // Where the first symbol not listed starts, and how many are not.
  let rest: Position | undefined = listedOrphans < orphans.length ? orphans[listedOrphans].range.start : undefined;
  let unlisted = orphans.length - listedOrphans;
  for (; s < sections.length && rest === undefined; s++) {
    const section = sections[s];
    if (left === 0) {
      rest = section.headerRange.start;
      break;
    }
    left--;
    const count = entryCount(section);
    const listed = Math.min(count, left);
    const children = new Array<UnitSymbol>(listed);
    // Read one at a time: a section moved by an edit copies only those read.
    for (let i = 0; i < listed; i++) children[i] = entrySymbol(entryAt(section, i) as Entry);
    left -= listed;
    symbols.push({ name: `[${section.name}]`, detail: '', kind: 'section', range: section.range, selectionRange: section.nameRange, children });
    if (listed < count) {
      rest = (entryAt(section, listed) as Entry).range.start;
      unlisted += count - listed;
    }
  }
  if (rest === undefined) return symbols;
  for (; s < sections.length; s++) unlisted += 1 + entryCount(sections[s]);
  const end = lastEnd(tree, sections[sections.length - 1]) ?? rest;
  symbols.push({
    name: `… ${unlisted.toLocaleString('en-US')} more not listed`,
    detail: `the outline lists the first ${max.toLocaleString('en-US')} sections and settings`,
    kind: 'section',
    range: { start: rest, end },
    selectionRange: { start: rest, end: rest },
    children: [],
  });
  return symbols;
}

/** The end of the unit's last section, or of its last assignment before any section. */
function lastEnd(tree: SyntaxTree, last: Section | undefined): Position | undefined {
  return last ? last.range.end : tree.orphans[tree.orphans.length - 1]?.range.end;
}
