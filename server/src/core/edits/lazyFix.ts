/**
 * A fix whose edits are worked out only when read. Rules offer many fixes that nobody applies
 * (a long unit has hundreds of duplicate lines, each with a fix): the diagnostics of a keystroke
 * never read the edits, code actions read those of the lines asked about.
 */
import type { Fix, TextEdit } from '../types';

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

export function lazyFix(title: string, edits: () => TextEdit[], rest: Omit<Fix, 'title' | 'edits'> = {}): Fix {
  const fix = { title };
  // Not enumerable: the fix shows its title, edits and the rest, as a plain one does.
  Object.defineProperty(fix, EDITS, { value: edits, writable: true });
  Object.defineProperty(fix, 'edits', EDITS_PROPERTY);
  return Object.assign(fix as Fix, rest);
}
