/**
 * A unit's review in short: the exposure change in one line, the changed checks grouped by the
 * lines that decide them, and marks for how each check moved. Every report (the CLI's formats, an
 * editor's lens and report page) says it in these words.
 */
import { formatExposure } from '../../security';
import type { ReviewFinding } from './findings';
import type { CheckChange, DecidingLine, UnitReview } from './review';

/** `−6.9`, `+0.3`, `±0.0` (exposure is kept in tenths). */
export function signedExposure(delta: number): string {
  if (delta === 0) return '±0.0';
  return `${delta < 0 ? '−' : '+'}${formatExposure(Math.abs(delta))}`;
}

/** The exposure before and after in one line: `9.4 UNSAFE 😨 → 2.5 OK 🙂 (−6.9)`. */
export function exposureSummary(review: UnitReview): string {
  const exposure = review.exposure;
  if (!exposure) return 'no exposure score (not a service)';
  const side = (state: NonNullable<typeof exposure.before>) => (state.scored ? state.text : `not scored (${state.reason})`);
  const before = exposure.before ? side(exposure.before) : 'none (new unit)';
  const after = exposure.after ? side(exposure.after) : 'none (unit removed)';
  const change = review.exposureChange !== undefined ? ` (${signedExposure(review.exposureChange)})` : '';
  return `${before} → ${after}${change}`;
}

/** A lens title: `nftables.service: exposure 9.4 → 2.5 (target 262), from the hunks only`. */
export function exposureLensTitle(review: UnitReview): string {
  const exposure = review.exposure;
  const value = (state: NonNullable<typeof exposure>['before']) => (state === undefined ? '–' : state.scored ? formatExposure(state.exposure) : 'not scored');
  const scores = exposure ? `exposure ${value(exposure.before)} → ${value(exposure.after)}` : 'no exposure score';
  const partial = review.fromHunksOnly.before || review.fromHunksOnly.after ? ', from the hunks only' : '';
  return `${review.unit}: ${scores} (target ${review.systemdVersion})${partial}`;
}

/**
 * A unit's lens title with the score of its committed text when the two differ:
 * `Exposure 4.2 OK 🙂 (HEAD 9.6)`. Either score unknown, or both the same: the title as it is.
 */
export function withHeadExposure(title: string, exposure: number | undefined, head: number | undefined): string {
  if (exposure === undefined || head === undefined || formatExposure(head) === formatExposure(exposure)) return title;
  return `${title} (HEAD ${formatExposure(head)})`;
}

/** Why the texts may not tell the whole story; undefined when they do. */
export function hunksOnlyNote(review: UnitReview): string | undefined {
  if (!review.fromHunksOnly.before && !review.fromHunksOnly.after) return undefined;
  return 'from the hunks only: the file is not at hand, so lines the patch does not show are unknown, and the score counts only the settings it shows';
}

/** ✓ now passes, ✗ now fails, ↓ fails less, ↑ fails more, – no longer applies. */
export function checkMark(change: CheckChange): string {
  const { before, after } = change;
  if (!after.scored) return '–';
  if (after.badness === 0) return '✓';
  if (!before.scored || before.badness === 0) return '✗';
  return (after.badness ?? 0) < (before.badness ?? 0) ? '↓' : '↑';
}

/** What the marks of `checkMark` mean, for a legend. */
export const CHECK_MARKS_LEGEND = '✓ passes now, ✗ fails now, ↓ fails less, ↑ fails more, – does not apply';

/** Changed checks that the same lines decide. */
export interface CheckGroup {
  /** The lines after the change; the lines before for checks whose lines the change removed. */
  lines: DecidingLine[];
  /** The lines are the ones the change removed. */
  removed: boolean;
  checks: CheckChange[];
  /** The checks' shares of the score before and after, added up (tenths). */
  before: number;
  after: number;
}

/** The changed checks grouped by the lines that decide them, the largest change first. */
export function checkGroups(review: UnitReview): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const change of review.checks) {
    const removed = change.after.lines.length === 0 && change.before.lines.length > 0;
    const lines = removed ? change.before.lines : change.after.lines;
    const key = `${removed}\0${lines.map((l) => `${l.uri}#${l.range.start.line}`).join('\0')}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { lines, removed, checks: [], before: 0, after: 0 }));
    group.checks.push(change);
    group.before += change.before.exposure;
    group.after += change.after.exposure;
  }
  return [...groups.values()].sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
}

/** The findings a report lists: hints are knowledge, not findings to review. */
export function reportedFindings(findings: readonly ReviewFinding[]): ReviewFinding[] {
  return findings.filter((f) => f.diagnostic.severity !== 'hint');
}
