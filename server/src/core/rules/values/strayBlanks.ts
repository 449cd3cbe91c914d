/**
 * A value that begins or ends with a space systemd does not strip (a no-break space pasted from a
 * web page, a byte order mark) looks right and is refused: the problem says which character it is.
 */
import { trimBlanks } from '../../syntax/blanks';
import type { ValueProblem } from './problem';

const NAMES: Readonly<Record<number, string>> = {
  0x0b: 'a vertical tab',
  0x0c: 'a form feed',
  0xa0: 'a no-break space (U+00A0)',
  0x2003: 'an em space (U+2003)',
  0x200b: 'a zero-width space (U+200B)',
  0x202f: 'a narrow no-break space (U+202F)',
  0x3000: 'an ideographic space (U+3000)',
  0xfeff: 'a byte order mark (U+FEFF)',
};

/** Spaces JavaScript would strip that systemd keeps. */
const STRAY = /[\v\f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function described(c: number): string {
  return NAMES[c] ?? `the space character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What to add to the first problem of a value with such a character at either end, if any. */
export function strayBlankNote(value: string): string | undefined {
  const text = trimBlanks(value);
  if (text === '') return undefined;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (STRAY.test(text[0] as string)) return ` The value begins with ${described(first)}, which systemd does not strip.`;
  if (STRAY.test(text[text.length - 1] as string)) return ` The value ends with ${described(last)}, which systemd does not strip.`;
  return undefined;
}

export function withStrayBlankNote(value: string, problems: readonly ValueProblem[]): readonly ValueProblem[] {
  const note = problems.length > 0 ? strayBlankNote(value) : undefined;
  if (note === undefined) return problems;
  return [{ ...problems[0], message: `${problems[0].message}${note}` }, ...problems.slice(1)];
}
