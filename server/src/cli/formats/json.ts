import type { Diagnostic, Fix, FixRisk, Range } from '../../core';
import { writeJsonArray } from './jsonArray';
import type { FileReport, Formatter, RunReport, Write } from './report';

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

/**
 * `JSON.stringify(toJsonOutput(run), null, 2)`, written a file at a time and a diagnostic at a
 * time as each file is checked: a large report is never held whole, as one object or one string.
 */
export const jsonFormatter: Formatter = {
  showsFixes: true,
  printsAtEnd: false,
  file: (report, write, index) => {
    write(index === 0 ? '{\n  "files": [\n' : ',\n');
    writeJsonFile(report, write);
  },
  end: (run, write) => write(run.fileCount === 0 ? '{\n  "files": []\n}\n' : '\n  ]\n}\n'),
};

/** One file of the `files` list, at its depth in the output, without the comma that separates it from the next. */
function writeJsonFile(report: FileReport, write: Write): void {
  const head = `    {\n      "path": ${JSON.stringify(report.path)},\n      "diagnostics": `;
  writeJsonArray(head, (function* () {
    for (const d of report.diagnostics) yield toJsonDiagnostic(d);
  })(), 3, '\n    }', write);
}
