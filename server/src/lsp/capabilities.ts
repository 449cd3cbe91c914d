/**
 * What the server tells the client it can do. The initialize reply is made of this alone, so it
 * imports nothing of the language service: the reply goes out before the service is loaded.
 */
import { CodeActionKind, TextDocumentSyncKind, type CompletionOptions, type ServerCapabilities } from 'vscode-languageserver';
import { COMPLETION_TRIGGER_CHARACTERS } from '../core/features/completion/types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.unitguard`;
/** The command fix-all's action carries: the server runs it (any client forwards it) and says what was applied and left. */
export const FIX_ALL_REPORT_COMMAND = 'unitguard.fixAllReport';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

export function completionOptions(): CompletionOptions {
  return { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: true };
}

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    completionProvider: completionOptions(),
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    executeCommandProvider: { commands: [FIX_ALL_REPORT_COMMAND] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
