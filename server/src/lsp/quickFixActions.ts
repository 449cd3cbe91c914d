/**
 * The code actions that try fixes: the quick fixes of the diagnostics on a range, and fix-all.
 * Worked out on the server's main thread for most documents, and on the analysis worker for large
 * ones (their fixes are tried on the whole text, which takes seconds there, and the main thread
 * keeps answering meanwhile).
 */
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { fixAll, minimalEdit, withFixes, type Analysis, type Diagnostic, type Range, type Settings, type UnitFiles } from '../core';
import { appendAll } from '../core/arrays';
import { toLspDiagnostic } from './convert';
import { FIX_ALL_KIND, FIX_ALL_REPORT_COMMAND } from './capabilities';

function overlaps(a: Range, b: Range): boolean {
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

/** Fix-all of a document's text: every safe fix, applied as one edit; undefined when none applies. */
export function fixAllAction(uri: string, text: string, settings: Readonly<Settings>, files: UnitFiles): CodeAction | undefined {
  const result = fixAll(uri, text, settings, files);
  const edit = minimalEdit(text, result.text);
  if (!edit) return undefined;
  const left = result.left.length > 0 ? `; ${result.left.length} left for review` : '';
  const more = result.stoppedEarly ? '; more after these (a long unit)' : '';
  return {
    title: `Fix all UnitGuard problems: ${result.applied.length} safe ${result.applied.length === 1 ? 'fix' : 'fixes'}${left}${more}`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range: edit.range, newText: edit.newText }] } },
    // The client shows what was applied and what was left once the edit is made.
    command: { title: 'Report what fix-all did', command: FIX_ALL_REPORT_COMMAND, arguments: [{ uri, applied: result.applied, left: result.left }] },
  };
}
