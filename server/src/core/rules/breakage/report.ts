/**
 * How breakage findings are reported: once per unit, on the hardening line that breaks something,
 * with its lines of evidence in the message's related information (the first RELATED_LINES of a
 * long unit's, the message saying how many there are). A unit read with its
 * drop-ins is diagnosed once per file; the finding belongs to the file that holds the hardening
 * line, so the unit and its drop-ins never show the same cause twice.
 */
import type { Assignment } from '../../model/unitModel';
import type { Fix, RelatedInformation } from '../../types';
import { diagnostic, type RuleContext } from '../context';
import { lineText } from '../pairings/text';
import { unitFileLabel } from '../../uriNames';
import { reportAbout, shownHere } from '../findingHome';
import { andList } from '../../andList';

/**
 * How many lines a message names: more than any unit written by hand gives one finding. A longer
 * list names the first few and how many more there are.
 */
export const NAMED_LINES = 12;

/**
 * How many lines a finding lists in its related information, in the order its evidence gives them:
 * past it, the lines that explain the others and the first of the rest (see relatedOf).
 */
export const RELATED_LINES = 20;

/** A line of the unit that shows what the service needs, and what it shows, in a few words. */
export interface Evidence {
  line: Assignment;
  /** For the related information: "sd_notify() needs AF_UNIX". */
  note: string;
  /**
   * The line explains the others (the user the commands run as, the variable that names a device):
   * kept in the related information however many lines the others are.
   */
  explains?: true;
}

/** `Key=value` of a line, shortened for messages. */
export { lineText };

/** `Key=value (line N)`, naming the file too when it is another one than the diagnosed document. */
export function lineRef(context: RuleContext, a: Assignment): string {
  const where = a.document === context.document ? `line ${a.entry.range.start.line + 1}` : `${unitFileLabel(a.document.uri, context.model.unit.file.unitName)} line ${a.entry.range.start.line + 1}`;
  return `${lineText(a)} (${where})`;
}

/**
 * Each of `lines` once, as the message names them: `A (line 1), B (line 4) and C (line 9)`, or past
 * NAMED_LINES, `A (line 1), B (line 4), C (line 9) and 12 more lines`.
 */
export function lineRefs(context: RuleContext, lines: readonly Assignment[]): string {
  return andList([...new Set(lines)], NAMED_LINES, (line) => lineRef(context, line), 'more lines');
}

/**
 * The related information of `evidence`, in its order: each line once, at most RELATED_LINES of
 * them. Past that, the lines that explain the others are kept, and the first of the others.
 */
export function relatedOf(context: RuleContext, evidence: readonly Evidence[]): RelatedInformation[] {
  const seen = new Set<Assignment>();
  const lines: Evidence[] = [];
  for (const e of evidence) {
    if (seen.has(e.line)) continue;
    seen.add(e.line);
    lines.push(e);
  }
  let others = RELATED_LINES - Math.min(RELATED_LINES, lines.filter((e) => e.explains).length);
  const related: RelatedInformation[] = [];
  for (const { line, note, explains } of lines) {
    if (related.length === RELATED_LINES) break;
    if (!explains && others-- <= 0) continue;
    related.push({ range: line.entry.range, message: `${note}: ${lineText(line)}`, ...(line.document !== context.document ? { uri: line.document.uri } : {}) });
  }
  return related;
}

/**
 * Reports a finding on `subject` (the line that breaks something) when the diagnosed document shows
 * it (see findingHome.ts); fixes default to risk `review` (they change the sandbox).
 */
export function reportBreakage(context: RuleContext, code: string, subject: Assignment, message: string, evidence: readonly Evidence[], fixes: readonly Fix[] = []): void {
  if (!shownHere(context, subject)) return;
  // Object.assign rather than a spread with more fields: V8 copies it many times faster.
  const reviewed = fixes.map((f) => Object.assign({}, f, { risk: f.risk ?? ('review' as const) }));
  reportAbout(
    context,
    subject,
    diagnostic(code, subject.entry.range, message, {
      ...(evidence.length > 0 ? { related: relatedOf(context, evidence) } : {}),
      ...(reviewed.length > 0 ? { fixes: reviewed } : {}),
    }),
  );
}
