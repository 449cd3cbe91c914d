/**
 * Code actions: the quick fixes of the diagnostics under the cursor, and
 * `source.fixAll.unitguard`, which applies every safe fix of the document at once.
 */
import { CodeActionKind, type CodeAction, type Connection, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { fixAll, minimalEdit, type Diagnostic, type Range } from '../../core';
import type { DocumentStore } from '../documentStore';
import { isObject, isRange } from '../params';
import type { SettingsStore } from '../settings';
import { toLspDiagnostic } from '../convert';
import { companionFiles, diagnosticsFor, documentSettings } from '../unitDiagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.unitguard`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether the client asked only for other kinds (`only: ["refactor"]`). */
function wants(only: unknown, kind: string): boolean {
  if (!Array.isArray(only)) return true;
  return only.some((k) => typeof k === 'string' && (kind === k || kind.startsWith(`${k}.`)));
}

export function registerCodeActions(connection: Connection, store: DocumentStore, settings: SettingsStore): void {
  connection.onCodeAction((params: unknown): CodeAction[] => {
    if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string' || !isRange(params.range)) return [];
    const uri = params.textDocument.uri;
    const range = params.range as Range;
    const only = isObject(params.context) ? params.context.only : undefined;
    const document = store.get(uri);
    if (!document) return [];
    const actions: CodeAction[] = [];

    if (wants(only, CodeActionKind.QuickFix)) {
      const diagnostics = diagnosticsFor(store, settings.get(), uri) ?? [];
      for (const diagnostic of diagnostics.filter((d) => overlaps(d.range, range))) actions.push(...quickFixes(diagnostic, uri));
    }
    if (Array.isArray(only) && wants(only, FIX_ALL_KIND)) {
      const action = fixAllAction(store, settings, uri);
      if (action) actions.push(action);
    }
    return actions;
  });
}

function quickFixes(diagnostic: Diagnostic, uri: string): CodeAction[] {
  return (diagnostic.fixes ?? []).map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(diagnostic, uri)],
    ...(fix.isPreferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: fix.edits.map((e): LspTextEdit => ({ range: e.range, newText: e.newText })) } },
  }));
}

function fixAllAction(store: DocumentStore, settings: SettingsStore, uri: string): CodeAction | undefined {
  const document = store.get(uri);
  if (!document) return undefined;
  const text = document.tree.text;
  const result = fixAll(uri, text, documentSettings(settings.get(), uri), companionFiles(store, document));
  const edit = minimalEdit(text, result.text);
  if (!edit) return undefined;
  return {
    title: `Fix all UnitGuard problems (${result.applied.length})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range: edit.range, newText: edit.newText }] } },
  };
}
