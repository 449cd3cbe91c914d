/** `unitguard review --format json`: the review of every unit, with 0-based LSP ranges. */
import type { ExposureState, ReviewFinding, UnitReview } from '../../core';
import { displayPath } from './inputs';
import type { ReviewFormatter, ReviewReport } from './report';

function exposure(state: ExposureState | undefined): unknown {
  if (!state) return null;
  if (!state.scored) return { error: state.reason };
  return { exposure: state.exposure / 10, level: state.level, complete: state.complete };
}

function finding(f: ReviewFinding, cwd: string): unknown {
  const d = f.diagnostic;
  return {
    path: displayPath(f.uri, cwd),
    range: d.range,
    severity: d.severity,
    code: d.code,
    ...(d.pairing !== undefined ? { pairing: d.pairing } : {}),
    message: d.message,
    line: f.lineText,
  };
}

function unitJson(path: string, review: UnitReview, notes: string[], errors: string[], cwd: string): unknown {
  return {
    path,
    unit: review.unit,
    change: review.change,
    systemdVersion: review.systemdVersion,
    fromHunksOnly: review.fromHunksOnly,
    exposure: review.exposure
      ? { before: exposure(review.exposure.before), after: exposure(review.exposure.after), change: review.exposureChange === undefined ? null : review.exposureChange / 10 }
      : null,
    checks: review.checks.map((c) => ({
      name: c.id,
      before: { ...c.before, exposure: c.before.exposure / 10, badness: c.before.badness ?? null, lines: c.before.lines.map((l) => ({ path: displayPath(l.uri, cwd), range: l.range, text: l.text })) },
      after: { ...c.after, exposure: c.after.exposure / 10, badness: c.after.badness ?? null, lines: c.after.lines.map((l) => ({ path: displayPath(l.uri, cwd), range: l.range, text: l.text })) },
    })),
    newFindings: review.newFindings.map((f) => finding(f, cwd)),
    resolvedFindings: review.resolvedFindings.map((f) => finding(f, cwd)),
    keptFindings: review.keptFindings,
    sandbox: review.sandbox ?? null,
    notes,
    errors,
  };
}

export const reviewJsonFormatter: ReviewFormatter = {
  format(report: ReviewReport): string {
    const output = {
      units: report.units.map((u) => unitJson(u.job.path, u.review, u.job.notes, u.job.errors, report.cwd)),
      unchanged: report.unchanged,
      skipped: report.skipped,
      errors: report.errors,
    };
    return `${JSON.stringify(output, null, 2)}\n`;
  },
};
