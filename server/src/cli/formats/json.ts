import type { Diagnostic, Fix, Range } from '../../core';
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
  message: string;
  /** Always present; empty when the diagnostic has no fix. */
  fixes: Array<{ title: string; edits: Array<{ range: Range; newText: string }> }>;
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
    message: d.message,
    fixes: (d.fixes ?? []).map((fix: Fix) => ({
      title: fix.title,
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
  file: () => '',
  end: (run) => `${JSON.stringify(toJsonOutput(run), null, 2)}\n`,
};
