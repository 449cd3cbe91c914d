/**
 * Code actions: the quick fixes of the diagnostics under the cursor, and
 * `source.fixAll.unitguard`, which applies every safe fix of the document at once.
 */
import { CodeActionKind, MessageType, type CodeAction, type Connection } from 'vscode-languageserver';
import { fixAll, minimalEdit, type Range } from '../../core';
import { isReadOnlyView } from '../documentKinds';
import type { DocumentStore } from '../documentStore';
import { isObject, isRange } from '../params';
import { FIX_ALL_KIND, FIX_ALL_REPORT_COMMAND } from '../capabilities';
import type { UnitState } from '../unitState';
import { hardenAction } from './harden';
import { uriFileName } from '../../core/uriNames';
import { appendAll } from '../../core/arrays';
import { quickFixesIn } from '../quickFixActions';

/**
 * Where the quick fixes of a large document are worked out, when not here: a promise of them, or
 * undefined when the document is worked out on this thread (see registerDiagnostics).
 */
export type BackgroundQuickFixes = (uri: string, range: Range) => Promise<CodeAction[]> | undefined;

/** Whether the client asked only for other kinds (`only: ["refactor"]`). */
function wants(only: unknown, kind: string): boolean {
  if (!Array.isArray(only)) return true;
  return only.some((k) => typeof k === 'string' && (kind === k || kind.startsWith(`${k}.`)));
}

/** What fix-all applied and left, said to the user once its edit is made (any client runs the command through the server). */
function reportFixAll(connection: Connection, args: unknown): void {
  if (!isObject(args) || !Array.isArray(args.applied) || !Array.isArray(args.left)) return;
  const applied = args.applied.filter((t): t is string => typeof t === 'string');
  const left = args.left.filter(isObject);
  const file = typeof args.uri === 'string' ? uriFileName(args.uri) : 'the unit';
  const leftText = left.length > 0 ? `, ${left.length} left for review (they change what the service may do; see the light bulb on their lines)` : '';
  void connection.sendNotification('window/showMessage', { type: MessageType.Info, message: `UnitGuard: ${applied.length} safe ${applied.length === 1 ? 'fix' : 'fixes'} applied${leftText}.` });
  const lines = [...applied.map((t) => `  applied: ${t}`), ...left.map((l) => `  left for review, line ${Number(l.line) + 1}: ${String(l.title)} [${String(l.code)}]`)];
  connection.console.info(`Fix all in ${file}:\n${lines.join('\n')}`);
}

export function registerCodeActions(connection: Connection, store: DocumentStore, state: UnitState, inBackground: BackgroundQuickFixes): void {
  connection.onExecuteCommand((params: unknown) => {
    if (isObject(params) && params.command === FIX_ALL_REPORT_COMMAND && Array.isArray(params.arguments)) reportFixAll(connection, params.arguments[0]);
    return null;
  });
  connection.onCodeAction((params: unknown): CodeAction[] | Promise<CodeAction[]> => {
    if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string' || !isRange(params.range)) return [];
    const uri = params.textDocument.uri;
    const range = params.range as Range;
    const only = isObject(params.context) ? params.context.only : undefined;
    // A patch is not a unit to fix, and a read-only view of another version cannot take an edit.
    if (store.isPatch(uri) || isReadOnlyView(uri)) return [];
    const document = store.get(uri);
    if (!document) return [];
    const actions: CodeAction[] = [];
    let background: Promise<CodeAction[]> | undefined;

    if (wants(only, CodeActionKind.QuickFix)) {
      // Trying a fix checks the whole fixed text: a large document's are tried on the worker that
      // checks it, and hover, completion and the rest are answered meanwhile.
      background = inBackground(uri, range);
      const analysis = background ? undefined : state.analysis(uri);
      if (analysis) appendAll(actions, quickFixesIn(analysis, range, uri));
    }
    if (wants(only, CodeActionKind.RefactorRewrite)) {
      const action = hardenAction(store, state, uri, range);
      if (action) actions.push(action);
    }
    if (Array.isArray(only) && wants(only, FIX_ALL_KIND)) {
      const action = fixAllAction(store, state, uri);
      if (action) actions.push(action);
    }
    // The quick fixes come first, as they do when worked out here.
    return background ? background.then((fixes) => [...fixes, ...actions]) : actions;
  });
}

function fixAllAction(store: DocumentStore, state: UnitState, uri: string): CodeAction | undefined {
  const document = store.get(uri);
  if (!document) return undefined;
  const text = document.tree.text;
  const result = fixAll(uri, text, state.settings(uri), state.files(document));
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
