/** Readers for the scalar values other rules compare (booleans, time spans), as systemd reads them. */

import { booleanValue } from '../../kb';
import { parseTimespan } from './numbers';
import { trimBlanks } from '../../syntax/blanks';

/** systemd's boolean spellings (case-insensitive); undefined when the text is none of them. */
export function parseBoolean(text: string): boolean | undefined {
  return booleanValue(trimBlanks(text));
}

const INFINITY_USEC = (1n << 64n) - 1n;

/** The time span in seconds, when it is one (for comparisons such as `RestartSec=0`). */
export function timespanSeconds(text: string): number | undefined {
  const parsed = parseTimespan(trimBlanks(text));
  if (!parsed.ok) return undefined;
  return parsed.value === INFINITY_USEC ? Infinity : Number(parsed.value) / 1_000_000;
}
