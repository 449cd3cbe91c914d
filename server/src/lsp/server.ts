import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { DocumentStore } from './documentStore';
import { CODE_ACTION_KINDS, FIX_ALL_REPORT_COMMAND, registerCodeActions } from './handlers/codeActions';
import { registerCodeLens } from './handlers/codeLens';
import { completionOptions, registerCompletion } from './handlers/completion';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentSymbols } from './handlers/documentSymbols';
import { registerFoldingRanges } from './handlers/foldingRanges';
import { registerHover } from './handlers/hover';
import { SettingsStore } from './settings';
import { WorkspaceUnits } from './workspaceUnits';
import { DiskFiles } from './diskFiles';
import { UnitState } from './unitState';

export const SERVER_NAME = 'unitguard-language-server';
export const SERVER_VERSION = '0.1.0';

/** Wires the language service to an LSP connection: one small handler per feature. */
export function startServer(connection: Connection): void {
  const store = new DocumentStore();
  const settings = new SettingsStore();
  const workspaceUnits = new WorkspaceUnits(store);
  const disk = new DiskFiles();
  const state = new UnitState(store, settings, disk);
  const codeLens = registerCodeLens(connection, store, settings, state);
  let initializeParams: unknown;

  connection.onInitialize((params: unknown): InitializeResult => {
    initializeParams = params;
    settings.initialize(params);
    workspaceUnits.initialize(params);
    codeLens.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        completionProvider: completionOptions(),
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [FIX_ALL_REPORT_COMMAND] },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  disk.listen(connection, () => initializeParams);
  registerDiagnostics(connection, store, settings, state, disk);
  registerDocumentSymbols(connection, store);
  registerFoldingRanges(connection, store);
  settings.listen(connection);
  registerCompletion(connection, store, state, settings, workspaceUnits, () => initializeParams);
  registerHover(connection, store, state);
  registerCodeActions(connection, store, state);

  store.listen(connection);
  connection.listen();
}
