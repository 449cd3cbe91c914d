/** What a value check reports: a range of the value, a message, and replacement texts. */
import { trimBlanksEnd, trimBlanksStart } from '../../syntax/blanks';

export interface ValueProblem {
  /** Offsets in the value string. */
  start: number;
  end: number;
  message: string;
  /** Texts that could replace `[start, end)`, best first. */
  replacements: string[];
  /** Index in `replacements` of the one safe to apply without asking. */
  preferred?: number;
  /**
   * The preferred replacement keeps what systemd does with the line (it drops a part systemd
   * ignores): a `safe` fix, applied by `--fix` and fix-all. Otherwise value fixes are for review.
   */
  keepsEffect?: true;
  /** Title of the preferred fix, when "Change to <text>" does not say what it does. */
  title?: string;
  /**
   * `warning`: systemd takes the line but the value does not do what it says (an unknown name it
   * skips, a condition that can only fail, a value only another machine accepts). Absent: systemd
   * refuses the value, the rule's own severity.
   */
  severity?: 'warning';
  /**
   * systemd ignores the whole line for this problem, though the problem points at a part of it (a
   * command line with one bad word); otherwise a problem on a part drops only that part.
   */
  ignoresLine?: true;
  /**
   * `newer-than-target`: the value is right for a later release but not for the target one (a
   * spelling or prefix that came later); reported by that rule rather than as an invalid value.
   */
  rule?: 'newer-than-target';
}

/** `undefined`: the form does not apply / is not checked; `[]`: accepted; else the problems. */
export type FormResult = ValueProblem[] | undefined;

/** A problem covering the whole value (without its surrounding blanks). */
export function whole(value: string, message: string, replacements: string[] = [], preferred?: number): ValueProblem[] {
  const leading = value.length - trimBlanksStart(value).length;
  return [{ start: leading, end: Math.max(leading, trimBlanksEnd(value).length), message, replacements, ...(preferred !== undefined ? { preferred } : {}) }];
}

/** The same problems, as warnings. */
export function asWarnings(problems: FormResult): FormResult {
  return problems?.map((p) => ({ ...p, severity: 'warning' as const }));
}
