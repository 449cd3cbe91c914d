/**
 * A unit's review as markdown: what a reviewer pastes into a reply to a patch mail or a
 * pull-request comment, and what an editor shows as the review report. The exposure change in the
 * heading, the new and resolved findings with their lines, the changed checks by the lines that
 * decide them, the sandbox before and after. Plain markdown (lists and tables), readable as text.
 */
import type { Severity } from '../../types';
import type { ReviewFinding } from './findings';
import type { CheckChange, UnitReview } from './review';
import { SANDBOX_ASPECTS } from './sandbox';
import { checkGroups, checkMark, CHECK_MARKS_LEGEND, exposureSummary, hunksOnlyNote, reportedFindings } from './summary';
import { formatExposure } from '../../security';

export interface ReviewMarkdownOptions {
  /** The unit as the heading names it (a path); the unit's name by default. */
  title?: string;
  /** How a file is named in the report (a path relative to the repository); its URI by default. */
  pathOf?: (uri: string) => string;
  /** Things to tell under the heading (the patch is already applied to the file, ...). */
  notes?: readonly string[];
  /** What went wrong reading the unit (a patch that does not apply). */
  errors?: readonly string[];
}

const SEVERITY_MARK: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', information: 'ℹ️ information', hint: 'hint' };

/**
 * Text in running markdown: characters that would start markup are escaped. Underscores inside a
 * word start no emphasis, so CAP_NET_ADMIN stays readable in a mail.
 */
function text(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/([\\`*[\]<>|~])/g, '\\$1').replace(/(^|\s)_/g, '$1\\_');
}

/** A code span that survives backticks in the text and pipes in a table. */
function code(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

/** The checks of a group, their common `Key=` written once: `CapabilityBoundingSet=` ✓ `~CAP_SYS_ADMIN`, ✓ `~CAP_BPF`. */
function checkList(checks: readonly CheckChange[]): string {
  const keyOf = (id: string) => id.slice(0, id.indexOf('=') + 1);
  const key = keyOf(checks[0]?.id ?? '');
  const shared = checks.length > 1 && key !== '' && checks.every((c) => keyOf(c.id) === key && c.id !== key);
  const items = checks.map((c) => `${checkMark(c)} ${code(shared ? c.id.slice(key.length) : c.id)}`).join(', ');
  return shared ? `${code(key)} ${items}` : items;
}

/** One unit's review as a markdown section (a `###` heading and what follows). */
export function reviewMarkdown(review: UnitReview, options: ReviewMarkdownOptions = {}): string {
  const pathOf = options.pathOf ?? ((uri: string) => uri);
  const place = (uri: string, line: number) => `${pathOf(uri)}:${line + 1}`;
  const finding = (f: ReviewFinding) => {
    const d = f.diagnostic;
    const line = f.lineText.trim();
    return `- ${SEVERITY_MARK[d.severity]} ${text(place(f.uri, d.range.start.line))}${line ? ` ${code(line)}` : ''}: ${text(d.message)} (${code(d.code)})`;
  };
  const out: string[] = [`### ${text(options.title ?? review.unit)}: exposure ${text(exposureSummary(review))}`, ''];
  const change = review.change === 'modified' ? '' : ` The change ${review.change === 'added' ? 'adds' : 'removes'} the unit.`;
  out.push(`As \`systemd-analyze security\` of systemd ${review.systemdVersion} scores it: 0.0 is fully locked down, 10.0 fully exposed.${change}`, '');
  const note = hunksOnlyNote(review);
  if (note) out.push(`*${text(note.charAt(0).toUpperCase() + note.slice(1))}.*`, '');
  for (const n of options.notes ?? []) out.push(`*Note: ${text(n)}.*`, '');
  for (const e of options.errors ?? []) out.push(`**Error: ${text(e)}.**`, '');

  const added = reportedFindings(review.newFindings);
  const resolved = reportedFindings(review.resolvedFindings);
  out.push(`#### New findings (${added.length})`, '', ...(added.length > 0 ? added.map(finding) : ['None.']), '');
  out.push(`#### Resolved findings (${resolved.length})`, '', ...(resolved.length > 0 ? resolved.map(finding) : ['None.']), '');

  const groups = checkGroups(review);
  if (groups.length > 0) {
    out.push(`#### Checks that changed (${review.checks.length})`, '', '| Decided by | Checks | Exposure |', '|---|---|--:|');
    for (const group of groups) {
      const lines = group.lines.map((l) => `${code(l.text)} (${text(place(l.uri, l.range.start.line))})`).join('<br>') || 'other settings';
      out.push(`| ${group.removed ? 'removed: ' : ''}${lines} | ${checkList(group.checks)} | ${formatExposure(group.before)} → ${formatExposure(group.after)} |`);
    }
    out.push('', `${CHECK_MARKS_LEGEND}.`, '');
  }

  const sandbox = review.sandbox;
  if (sandbox && (sandbox.before || sandbox.after)) {
    out.push('#### Sandbox', '', '| | Before | After |', '|---|---|---|');
    for (const aspect of SANDBOX_ASPECTS) {
      const before = sandbox.before?.[aspect.id];
      const after = sandbox.after?.[aspect.id];
      const label = sandbox.changed.includes(aspect.id) ? `**${aspect.label}**` : aspect.label;
      out.push(`| ${label} | ${before === undefined ? '–' : text(before)} | ${after === undefined ? '–' : before === after ? 'same' : text(after)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
