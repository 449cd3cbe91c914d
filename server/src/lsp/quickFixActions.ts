/**
 * The quick fixes of the diagnostics on a range, as code actions: worked out on the server's main
 * thread for most documents, and on the analysis worker for large ones (their fixes are tried on
 * the whole text, which takes seconds there, and the main thread keeps answering meanwhile).
 */
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { withFixes, type Analysis, type Diagnostic, type Range } from '../core';
import { appendAll } from '../core/arrays';
import { toLspDiagnostic } from './convert';

export function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The quick fixes of the diagnostics on `range`: only theirs are tried, on the analysis already made of this version. */
export function quickFixesIn(analysis: Analysis, range: Range, uri: string): CodeAction[] {
  const here = (d: Diagnostic): boolean => overlaps(d.range, range);
  const actions: CodeAction[] = [];
  for (const diagnostic of withFixes(analysis, here).filter(here)) appendAll(actions, quickFixes(diagnostic, uri));
  return actions;
}

/**
 * A review fix says so in its title, since editors show nothing else of a code action; only a
 * safe fix may be the preferred one (editors apply preferred fixes on "auto fix").
 */
function quickFixes(diagnostic: Diagnostic, uri: string): CodeAction[] {
  return (diagnostic.fixes ?? []).map((fix) => ({
    title: fix.risk === 'safe' ? fix.title : `${fix.title} — review`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(diagnostic, uri)],
    ...(fix.isPreferred && fix.risk === 'safe' ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: fix.edits.map((e): LspTextEdit => ({ range: e.range, newText: e.newText })) } },
  }));
}
