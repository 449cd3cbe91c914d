/**
 * Diagnostics reach VS Code's diagnostic collection (and so the Problems panel) with the same
 * codes, positions, severities and messages the CLI reports for the file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliDiagnostics } from '../../e2e/support/cliOracle';
import { openInEditor, repoRoot, waitFor } from './helpers';

const severities: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

suite('diagnostics', () => {
  test('malformed.service: the line without = is reported as the CLI reports it', async () => {
    const document = await openInEditor('malformed.service');
    const expected = cliDiagnostics(repoRoot, document.uri.fsPath);
    const missingEquals = expected.find((diagnostic) => diagnostic.code === 'missing-equals');
    assert.ok(missingEquals, `the CLI reports no missing-equals: ${JSON.stringify(expected)}`);
    assert.equal(missingEquals.range.start.line, document.getText().split('\n').indexOf('Nice 10'));

    const shown = await waitFor('diagnostics for malformed.service', () => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.length >= expected.length ? list : undefined;
    });
    const actual = shown.map((diagnostic) => ({
      code: codeOf(diagnostic),
      line: diagnostic.range.start.line,
      character: diagnostic.range.start.character,
      endLine: diagnostic.range.end.line,
      endCharacter: diagnostic.range.end.character,
      severity: diagnostic.severity,
      message: diagnostic.message,
      source: diagnostic.source,
    }));
    const wanted = expected.map((diagnostic) => ({
      code: diagnostic.code,
      line: diagnostic.range.start.line,
      character: diagnostic.range.start.character,
      endLine: diagnostic.range.end.line,
      endCharacter: diagnostic.range.end.character,
      severity: severities[diagnostic.severity],
      message: diagnostic.message,
      source: 'unitguard',
    }));
    const order = (a: { line: number; code: string }, b: { line: number; code: string }): number => a.line - b.line || a.code.localeCompare(b.code);
    assert.deepEqual(actual.sort(order), wanted.sort(order));
  });
});
