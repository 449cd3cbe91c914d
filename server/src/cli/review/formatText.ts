/**
 * `unitguard review` for a terminal: per unit, the exposure change, the new and resolved findings
 * as `path:line:col: severity: message [code]` (as `check` prints them), the changed checks by the
 * lines that decide them, and the sandbox aspects that changed.
 */
import { maxOf } from '../../core/arrays';
import { checkGroups, checkMark, exposureSummary, hunksOnlyNote, reportedFindings, SANDBOX_ASPECTS, type ReviewFinding } from '../../core';
import { formatExposure } from '../../core/security';
import { displayPath } from './inputs';
import type { ReviewFormatter, ReviewReport, ReviewedUnit } from './report';
import { terminalText } from '../terminalText';

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function findingLine(f: ReviewFinding, cwd: string): string {
  const d = f.diagnostic;
  return `    ${displayPath(f.uri, cwd)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${oneLine(d.message)} [${d.code}]\n`;
}

function unitText(unit: ReviewedUnit, cwd: string): string {
  const { review, job } = unit;
  const out: string[] = [`${job.path}: exposure ${exposureSummary(review)}, systemd ${review.systemdVersion}${review.change === 'modified' ? '' : ` (unit ${review.change})`}\n`];
  const note = hunksOnlyNote(review);
  if (note) out.push(`  (${note})\n`);
  for (const n of job.notes) out.push(`  note: ${n}\n`);
  for (const e of job.errors) out.push(`  error: ${e}\n`);
  const added = reportedFindings(review.newFindings);
  const resolved = reportedFindings(review.resolvedFindings);
  out.push(added.length > 0 ? `  new findings (${added.length}):\n` : '  new findings: none\n');
  for (const f of added) out.push(findingLine(f, cwd));
  out.push(resolved.length > 0 ? `  resolved findings (${resolved.length}):\n` : '  resolved findings: none\n');
  for (const f of resolved) out.push(findingLine(f, cwd));
  const groups = checkGroups(review);
  if (groups.length > 0) {
    out.push(`  checks that changed (${review.checks.length}):\n`);
    for (const group of groups) {
      const lines = group.lines.map((l) => `${l.text} (${displayPath(l.uri, cwd)}:${l.range.start.line + 1})`).join(', ') || 'no line of its own';
      out.push(`    ${group.removed ? 'removed: ' : ''}${lines}: ${formatExposure(group.before)} → ${formatExposure(group.after)}\n`);
      for (const c of group.checks) out.push(`      ${checkMark(c)} ${c.id}: ${c.before.description} → ${c.after.description}\n`);
    }
  }
  const sandbox = review.sandbox;
  if (sandbox && (sandbox.before || sandbox.after)) {
    out.push('  sandbox:\n');
    const width = maxOf(SANDBOX_ASPECTS, (a) => a.label.length);
    for (const aspect of SANDBOX_ASPECTS) {
      const before = sandbox.before?.[aspect.id];
      const after = sandbox.after?.[aspect.id];
      const value = before === after ? (after ?? '') : `${before ?? '(none)'} → ${after ?? '(none)'}`;
      out.push(`    ${aspect.label.padEnd(width)}  ${value}\n`);
    }
  }
  return out.join('');
}

export const reviewTextFormatter: ReviewFormatter = {
  format(report: ReviewReport): string {
    const parts = report.units.map((u) => unitText(u, report.cwd));
    const tail: string[] = [];
    if (report.skipped.length > 0) tail.push(`not units, not reviewed: ${report.skipped.join(', ')}\n`);
    if (report.units.length === 0 && report.errors.length === 0) tail.push('no unit changed\n');
    return terminalText([...parts, ...(tail.length > 0 ? [tail.join('')] : [])].join('\n'));
  },
};
