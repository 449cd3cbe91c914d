import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Connection } from 'vscode-languageserver';
import { complete, type UnitCompletionItem, type UnitCompletionKind } from '../../core';
import type { DocumentStore } from '../documentStore';
import { requireDocumentUri, requirePosition } from '../params';
import type { SettingsStore } from '../settings';
import type { WorkspaceUnits } from '../workspaceUnits';

const KIND: Record<UnitCompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  directive: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  boolean: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  specifier: CompletionItemKind.Variable,
  unit: CompletionItemKind.File,
  'number-unit': CompletionItemKind.Unit,
  syscall: CompletionItemKind.Function,
  'syscall-group': CompletionItemKind.Module,
  capability: CompletionItemKind.Constant,
  'address-family': CompletionItemKind.Constant,
  namespace: CompletionItemKind.EnumMember,
  signal: CompletionItemKind.Event,
  errno: CompletionItemKind.Constant,
  operator: CompletionItemKind.Operator,
};

/**
 * Clients known to run `editor.action.triggerSuggest` locally. Others would
 * send it to the server as workspace/executeCommand, so they do not get it.
 */
const TRIGGER_SUGGEST_CLIENTS = /code|codium|cursor|theia/i;

export function toCompletionItem(item: UnitCompletionItem, withCommand: boolean): CompletionItem {
  return {
    label: item.label,
    kind: KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: item.textEdit,
    sortText: item.sortText,
    filterText: item.filterText,
    ...(item.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    ...(item.preselect ? { preselect: true } : {}),
    ...(item.command && withCommand ? { command: item.command } : {}),
  };
}

/** Completions from the core; null for a document that is not open. */
export function registerCompletion(connection: Connection, store: DocumentStore, settings: SettingsStore, workspace: WorkspaceUnits): void {
  connection.onCompletion(async (params: unknown): Promise<CompletionList | null> => {
    const uri = requireDocumentUri(params);
    const position = requirePosition(params);
    const unit = store.get(uri);
    if (!unit) return null;
    const workspaceUnits = await workspace.names();
    // The document may have changed while the names were gathered.
    const current = store.get(uri) ?? unit;
    const withCommand = TRIGGER_SUGGEST_CLIENTS.test(settings.client);
    const items = complete(current, position, settings.get(), { workspaceUnits }).map((item) => toCompletionItem(item, withCommand));
    return { isIncomplete: false, items };
  });
}
