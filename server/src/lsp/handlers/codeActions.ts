/**
 * Code actions: the quick fixes of the diagnostics under the cursor, and
 * `source.fixAll.unitguard`, which applies every safe fix of the document at once.
 */
import { CodeActionKind, MessageType, type CodeAction, type Connection } from 'vscode-languageserver';
import type { Range } from '../../core';
import { isReadOnlyView } from '../documentKinds';
import type { DocumentStore } from '../documentStore';
import { isObject, isRange } from '../params';
import { FIX_ALL_KIND, FIX_ALL_REPORT_COMMAND } from '../capabilities';
import type { UnitState } from '../unitState';
import { hardenAction } from './harden';
import { uriFileName } from '../../core/uriNames';
import { appendAll } from '../../core/arrays';
import { fixAllAction, quickFixesIn } from '../quickFixActions';
import type { CodeActionAsk, WorkedActions } from '../backgroundAnalysis';

/**
 * Where the code actions that try fixes on a large document are worked out, when not here: a
 * promise of them, or undefined when the document is worked out on this thread (see
 * registerDiagnostics).
 */
export type BackgroundCodeActions = (uri: string, ask: CodeActionAsk) => Promise<WorkedActions> | undefined;

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

export function registerCodeActions(connection: Connection, store: DocumentStore, state: UnitState, inBackground: BackgroundCodeActions): void {
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
    const quickFix = wants(only, CodeActionKind.QuickFix);
    // Fix-all only when asked for by its kind (on save, or by the command).
    const allFixed = Array.isArray(only) && wants(only, FIX_ALL_KIND);
    // Trying a fix checks the whole fixed text: a large document's fixes are tried on the worker
    // that checks it, and hover, completion and the rest are answered meanwhile.
    const background = quickFix || allFixed ? inBackground(uri, { ...(quickFix ? { fixesIn: range } : {}), ...(allFixed ? { fixAll: true } : {}) }) : undefined;
    const quickFixes: CodeAction[] = [];
    let fixAll: CodeAction | undefined;
    if (!background) {
      // The fixes of this range's diagnostics alone are tried, on the analysis already made of this version.
      const analysis = quickFix ? state.analysis(uri) : undefined;
      if (analysis) appendAll(quickFixes, quickFixesIn(analysis, range, uri));
      if (allFixed) fixAll = fixAllAction(uri, document.tree.text, state.settings(uri), state.files(document));
    }
    const harden = wants(only, CodeActionKind.RefactorRewrite) ? hardenAction(store, state, uri, range) : undefined;
    // Quick fixes first, then the plan, then fix-all.
    const listed = (fixes: readonly CodeAction[], all: CodeAction | undefined): CodeAction[] => [...fixes, ...(harden ? [harden] : []), ...(all ? [all] : [])];
    return background ? background.then((answered) => listed(answered.quickFixes, answered.fixAll)) : listed(quickFixes, fixAll);
  });
}
