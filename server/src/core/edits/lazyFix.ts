/**
 * A fix whose edits are worked out only when read. Rules offer many fixes that nobody applies
 * (a long unit has hundreds of duplicate lines, each with a fix): the diagnostics of a keystroke
 * never read the edits, code actions read those of the lines asked about.
 */
import type { Fix, TextEdit } from '../types';

export function lazyFix(title: string, edits: () => TextEdit[], rest: Omit<Fix, 'title' | 'edits'> = {}): Fix {
  let made: TextEdit[] | undefined;
  const fix = {
    title,
    get edits(): TextEdit[] {
      return (made ??= edits());
    },
    set edits(value: TextEdit[]) {
      made = value;
    },
  };
  return Object.assign(fix, rest);
}
