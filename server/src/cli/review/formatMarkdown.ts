/** `unitguard review --format markdown`: each unit's review as the core writes it, paths as given. */
import { reviewMarkdown } from '../../core';
import { displayPath } from './inputs';
import type { ReviewFormatter, ReviewReport } from './report';

export const reviewMarkdownFormatter: ReviewFormatter = {
  format(report: ReviewReport): string {
    const parts = report.units.map(({ job, review }) =>
      reviewMarkdown(review, { title: job.path, pathOf: (uri) => displayPath(uri, report.cwd), notes: job.notes, errors: job.errors }),
    );
    if (report.units.length === 0 && report.errors.length === 0) parts.push('No unit changed.\n');
    if (report.skipped.length > 0) parts.push(`Not units, not reviewed: ${report.skipped.map((p) => `\`${p.replace(/`/g, "'")}\``).join(', ')}.\n`);
    return parts.join('\n');
  },
};
