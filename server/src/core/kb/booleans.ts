/**
 * The spellings systemd's boolean parser accepts (src/basic/parse-util.c, parse_boolean): matched
 * without regard to case.
 */
export const BOOLEAN_TRUE: readonly string[] = ['1', 'yes', 'y', 'true', 't', 'on'];
export const BOOLEAN_FALSE: readonly string[] = ['0', 'no', 'n', 'false', 'f', 'off'];

/** true / false for a boolean spelling, undefined for anything else. */
export function booleanValue(text: string): boolean | undefined {
  const word = text.toLowerCase();
  if (BOOLEAN_TRUE.includes(word)) return true;
  if (BOOLEAN_FALSE.includes(word)) return false;
  return undefined;
}
