import type { Diagnostic, Fix, FixRisk, Range } from '../../core';
import type { FileReport, Formatter, RunReport } from './report';

/** The JSON output: every checked file, with 0-based LSP ranges (UTF-16 characters). */
export interface JsonOutput {
  files: JsonFile[];
}

export interface JsonFile {
  path: string;
  diagnostics: JsonDiagnostic[];
}

export interface JsonDiagnostic {
  range: Range;
  severity: Diagnostic['severity'];
  code: string;
  /** The hardening pair, for findings of one. */
  pairing?: string;
  message: string;
  /** Other lines involved: in this file unless `uri` names another (a drop-in, the unit). */
  related?: Array<{ range: Range; message: string; uri?: string }>;
  /**
   * Always present; empty when the diagnostic has no fix. `risk` is `safe` (applied by --fix) or
   * `review` (changes the sandbox: applied by --fix=review); `mayBreak` says what a review fix's
   * new restrictions may break.
   */
  fixes: Array<{ title: string; risk: FixRisk; mayBreak?: string; edits: Array<{ range: Range; newText: string }> }>;
}

export function toJsonOutput(run: RunReport): JsonOutput {
  return { files: run.files.map(toJsonFile) };
}

function toJsonFile(report: FileReport): JsonFile {
  return { path: report.path, diagnostics: report.diagnostics.map(toJsonDiagnostic) };
}

function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    range: copyRange(d.range),
    severity: d.severity,
    code: d.code,
    ...(d.pairing !== undefined ? { pairing: d.pairing } : {}),
    message: d.message,
    ...(d.related && d.related.length > 0
      ? { related: d.related.map((r) => ({ range: copyRange(r.range), message: r.message, ...(r.uri !== undefined ? { uri: r.uri } : {}) })) }
      : {}),
    fixes: (d.fixes ?? []).map((fix: Fix) => ({
      title: fix.title,
      risk: fix.risk ?? 'review',
      ...(fix.mayBreak !== undefined ? { mayBreak: fix.mayBreak } : {}),
      edits: fix.edits.map((edit) => ({ range: copyRange(edit.range), newText: edit.newText })),
    })),
  };
}

function copyRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export const jsonFormatter: Formatter = {
  showsFixes: true,
  printsAtEnd: true,
  file: () => undefined,
  end: (run, write) => write(`${JSON.stringify(toJsonOutput(run), null, 2)}\n`),
};
