/** Specifier completions after `%` anywhere in a value: `%n`, `%i`, `%%`, ... */
import { specifiers } from '../../kb';
import type { Range } from '../../types';
import { rankKey } from './ranking';
import type { UnitCompletionItem } from './types';

/**
 * The `%` that starts a specifier right before the cursor, if any: the text
 * up to the cursor ends in an odd run of `%` (an even run is escaped percent
 * signs), optionally followed by the one letter already typed.
 * Returns how many characters before the cursor the specifier starts.
 */
export function specifierStart(before: string): number | undefined {
  const match = /(%+)([A-Za-z]?)$/.exec(before);
  if (!match) return undefined;
  const [, run, letter] = match;
  return run.length % 2 === 1 ? 1 + letter.length : undefined;
}

/** `range` covers the `%` (and a letter typed after it). */
export function specifierItems(range: Range, typed: string, systemdVersion: number): UnitCompletionItem[] {
  return specifiers
    .filter((s) => s.since === undefined || s.since <= systemdVersion)
    .map((s, index) => {
      const text = `%${s.letter}`;
      return {
        label: text,
        kind: 'specifier' as const,
        data: { k: 'spec' as const, n: s.letter },
        insertText: text,
        textEdit: { range, newText: text },
        sortText: rankKey(text, typed, { tier: s.deprecated ? 2 : 0, index }),
        filterText: text,
        ...(s.deprecated ? { deprecated: true } : {}),
      };
    });
}
