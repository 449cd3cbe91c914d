/**
 * Which findings a change brings and which it resolves. A finding is the same before and after
 * when it is in the same file, from the same rule, and says the same thing once line numbers are
 * set aside: lines move when others are added above them, and a finding that only moved is
 * neither new nor resolved.
 */
import type { Diagnostic } from '../../types';

/** A finding in one file of a unit. */
export interface ReviewFinding {
  /** The document the finding is in. */
  uri: string;
  /** The file's name on both sides of the change (`nftables.service`, `nftables.service.d/10-x.conf`). */
  file: string;
  diagnostic: Diagnostic;
  /** The text of the line the finding starts on, for reports. */
  lineText: string;
}

/** A message with its line numbers left out: `(line 12)`, `line 3 and 5`, `lines 4-6`. */
export function normalizeMessage(message: string): string {
  return message.replace(/\blines? \d+(?:(?:, and |, | and |[-–])\d+)*/g, 'line #');
}

function keyOf(f: ReviewFinding): string {
  const d = f.diagnostic;
  return `${f.file}\0${d.code}\0${d.pairing ?? ''}\0${normalizeMessage(d.message)}`;
}

/**
 * The findings only after the change (`added`) and only before it (`resolved`). Findings with the
 * same key are paired in order, so a second copy of a finding is new even when the first is old.
 */
export function compareFindings(before: readonly ReviewFinding[], after: readonly ReviewFinding[]): { added: ReviewFinding[]; resolved: ReviewFinding[]; kept: number } {
  const left = new Map<string, number>();
  for (const f of before) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  const added: ReviewFinding[] = [];
  let kept = 0;
  for (const f of after) {
    const key = keyOf(f);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      kept++;
    } else added.push(f);
  }
  const resolved: ReviewFinding[] = [];
  // The old findings that no new one took: walk from the end, so that the last copies are the resolved ones.
  for (let i = before.length - 1; i >= 0; i--) {
    const key = keyOf(before[i]);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      resolved.unshift(before[i]);
    }
  }
  return { added, resolved, kept };
}
