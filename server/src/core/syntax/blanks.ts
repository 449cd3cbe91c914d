/**
 * The blanks systemd knows: space, tab, newline and carriage return (its WHITESPACE). They are the
 * only characters it strips around a value or splits words on. Any other space (U+00A0, U+2003,
 * U+FEFF, a vertical tab, a form feed) is part of the value, and usually makes it invalid, so the
 * value readers must not strip it the way JavaScript's trim() and \s do.
 */

export function isSystemdBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The value without systemd's blanks at either end. */
export function trimBlanks<T extends string | undefined>(value: T): T {
  return (value === undefined ? value : trimBlanksEnd(trimBlanksStart(value))) as T;
}

export function trimBlanksStart(value: string): string {
  let i = 0;
  while (i < value.length && isSystemdBlank(value.charCodeAt(i))) i++;
  return i === 0 ? value : value.slice(i);
}

export function trimBlanksEnd(value: string): string {
  let i = value.length;
  while (i > 0 && isSystemdBlank(value.charCodeAt(i - 1))) i--;
  return i === value.length ? value : value.slice(0, i);
}
