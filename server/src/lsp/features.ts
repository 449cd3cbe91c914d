import type { Connection } from 'vscode-languageserver';
import { DocumentStore } from './documentStore';
import { registerCodeActions } from './handlers/codeActions';
import { registerCodeLens } from './handlers/codeLens';
import { registerCompletion } from './handlers/completion';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentSymbols } from './handlers/documentSymbols';
import { registerFoldingRanges } from './handlers/foldingRanges';
import { registerHover } from './handlers/hover';
import { SettingsStore } from './settings';
import { WorkspaceUnits } from './workspaceUnits';
import { DiskFiles } from './diskFiles';
import { UnitState } from './unitState';

/**
 * Wires the language service to an LSP connection: one small handler per feature. `initializeParams`
 * is what the client sent with initialize (undefined when it sent none before its first message).
 */
export function startFeatures(connection: Connection, initializeParams: unknown): void {
  const store = new DocumentStore();
  const settings = new SettingsStore();
  const workspaceUnits = new WorkspaceUnits(store);
  const disk = new DiskFiles();
  const state = new UnitState(store, settings, disk);
  const codeLens = registerCodeLens(connection, store, settings, state);
  settings.initialize(initializeParams);
  workspaceUnits.initialize(initializeParams);
  codeLens.initialize(initializeParams);

  disk.listen(connection, () => initializeParams);
  registerDiagnostics(connection, store, settings, state, disk);
  registerDocumentSymbols(connection, store);
  registerFoldingRanges(connection, store);
  settings.listen(connection);
  registerCompletion(connection, store, state, settings, workspaceUnits, () => initializeParams);
  registerHover(connection, store, state);
  registerCodeActions(connection, store, state);

  store.listen(connection);
}
