/**
 * `unitguard review --format sarif`: the findings the change brings, and only those, on the lines
 * of the new files, for code-scanning services that annotate a pull request.
 */
import { fileURLToPath } from 'node:url';
import type { ReviewFinding } from '../../core';
import { toSarif } from '../formats/sarif';
import type { FileReport } from '../formats/report';
import { displayPath } from './inputs';
import type { ReviewFormatter, ReviewReport } from './report';

function absolutePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const reviewSarifFormatter: ReviewFormatter = {
  format(report: ReviewReport): string {
    const byFile = new Map<string, ReviewFinding[]>();
    for (const unit of report.units) {
      for (const f of unit.review.newFindings) byFile.set(f.uri, [...(byFile.get(f.uri) ?? []), f]);
    }
    const files: FileReport[] = [...byFile].map(([uri, findings]) => ({
      path: displayPath(uri, report.cwd),
      absolutePath: absolutePath(uri),
      diagnostics: findings.map((f) => f.diagnostic),
    }));
    return `${JSON.stringify(toSarif({ files, errors: report.errors, cwd: report.cwd, fileCount: files.length }), null, 2)}\n`;
  },
};
