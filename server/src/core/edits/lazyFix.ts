/**
 * A fix whose edits are worked out only when read. Rules offer many fixes that nobody applies
 * (a long unit has hundreds of duplicate lines, each with a fix): the diagnostics of a keystroke
 * never read the edits, code actions read those of the lines asked about.
 */
import type { Fix, TextEdit } from '../types';
import { sharedText } from '../rules/values/boundedCache';

/** Where a lazy fix keeps the function that makes its edits, then the edits it made. */
const EDITS = Symbol('edits');

interface Pending {
  [EDITS]: TextEdit[] | (() => TextEdit[]);
}

/**
 * One getter and setter shared by every lazy fix. An object literal with `get edits()` would give
 * each fix two closures of its own, and the engine keeps such an object's properties in a table,
 * several times the size of the fix: with a fix on each of tens of thousands of duplicate lines,
 * that is most of what a large unit's findings weigh.
 */
const EDITS_PROPERTY: PropertyDescriptor = {
  get(this: Pending): TextEdit[] {
    const edits = this[EDITS];
    if (typeof edits !== 'function') return edits;
    const made = edits();
    this[EDITS] = made;
    return made;
  },
  set(this: Pending, value: TextEdit[]) {
    this[EDITS] = value;
  },
  enumerable: true,
  configurable: true,
};

/** Where the lines a fix's edits touch lie, from `first` to `last` (0-based, both included). */
export interface LineSpan {
  readonly first: number;
  readonly last: number;
}

/** Where a lazy fix keeps the lines its edits may touch, as its maker said. */
const REACH = Symbol('reach');

/**
 * A fix whose edits are made by `edits` when first read. `reach`, when given, holds every line
 * the edits can touch: what the fix concerns can then be known without making them.
 */
export function lazyFix(title: string, edits: () => TextEdit[], rest: Omit<Fix, 'title' | 'edits'> = {}, reach?: LineSpan): Fix {
  // The same title on many lines ("Remove this Nice= line") is one string, not one built for each.
  const fix = { title: sharedText(title) };
  // Not enumerable: the fix shows its title, edits and the rest, as a plain one does.
  Object.defineProperty(fix, EDITS, { value: edits, writable: true });
  if (reach) Object.defineProperty(fix, REACH, { value: reach });
  Object.defineProperty(fix, 'edits', EDITS_PROPERTY);
  return Object.assign(fix as Fix, rest);
}

/** The lines a lazy fix's edits may touch, when its maker said (see `lazyFix`). */
export function declaredReach(fix: Fix): LineSpan | undefined {
  return (fix as Fix & { [REACH]?: LineSpan })[REACH];
}
