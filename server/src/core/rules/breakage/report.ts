/**
 * How breakage findings are reported: once per unit, on the hardening line that breaks something,
 * with every line of evidence named in the message's related information. A unit read with its
 * drop-ins is diagnosed once per file; the finding belongs to the file that holds the hardening
 * line, so the unit and its drop-ins never show the same cause twice.
 */
import type { Assignment } from '../../model/unitModel';
import type { Fix, RelatedInformation } from '../../types';
import { diagnostic, type RuleContext } from '../context';
import { lineText } from '../pairings/text';
import { unitFileLabel } from '../../uriNames';
import { reportAbout, shownHere } from '../findingHome';

/** A line of the unit that shows what the service needs, and what it shows, in a few words. */
export interface Evidence {
  line: Assignment;
  /** For the related information: "sd_notify() needs AF_UNIX". */
  note: string;
}

/** `Key=value` of a line, shortened for messages. */
export { lineText };

/** `Key=value (line N)`, naming the file too when it is another one than the diagnosed document. */
export function lineRef(context: RuleContext, a: Assignment): string {
  const where = a.document === context.document ? `line ${a.entry.range.start.line + 1}` : `${unitFileLabel(a.document.uri, context.model.unit.file.unitName)} line ${a.entry.range.start.line + 1}`;
  return `${lineText(a)} (${where})`;
}

export function relatedOf(context: RuleContext, evidence: readonly Evidence[]): RelatedInformation[] {
  const seen = new Set<Assignment>();
  const related: RelatedInformation[] = [];
  for (const { line, note } of evidence) {
    if (seen.has(line)) continue;
    seen.add(line);
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
