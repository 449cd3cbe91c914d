import type { Connection } from 'vscode-languageserver';
import { DocumentStore } from './documentStore';
import { registerCodeActions } from './handlers/codeActions';
import { registerCodeLens } from './handlers/codeLens';
import { registerCompletion } from './handlers/completion';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentSymbols } from './handlers/documentSymbols';
import { registerFoldingRanges } from './handlers/foldingRanges';
import { registerHover } from './handlers/hover';
import { registerHarden } from './handlers/harden';
import { SettingsStore } from './settings';
import { WorkspaceUnits } from './workspaceUnits';
import { DiskFiles } from './diskFiles';
import { UnitState } from './unitState';
import { PatchDocuments } from './patchDocuments';
import { Baselines } from './baselines';

/**
 * Wires the language service to an LSP connection: one small handler per feature. `initializeParams`
 * is what the client sent with initialize (undefined when it sent none before its first message).
 */
export function startFeatures(connection: Connection, initializeParams: unknown): void {
  const store = new DocumentStore();
  const settings = new SettingsStore();
  const workspaceUnits = new WorkspaceUnits(store);
  // An untrusted workspace (Restricted Mode) is read from open documents only.
  const disk = new DiskFiles(() => settings.get().restrictedMode === true);
  const state = new UnitState(store, settings, disk);
  const patches = new PatchDocuments(store, state, disk, () => workspaceUnits.folders);
  const baselines = new Baselines(store);
  const codeLens = registerCodeLens(connection, store, settings, state, patches, baselines);
  settings.initialize(initializeParams);
  workspaceUnits.initialize(initializeParams);
  codeLens.initialize(initializeParams);

  disk.listen(connection, () => initializeParams);
  // Patches read their units from the workspace folders: a new folder may hold one.
  workspaceUnits.listen(connection, () => {
    disk.changed();
    codeLens.refresh();
  });
  registerDiagnostics(connection, store, settings, state, disk, patches);
  registerDocumentSymbols(connection, store);
  registerFoldingRanges(connection, store);
  settings.listen(connection);
  registerCompletion(connection, store, state, settings, workspaceUnits, () => initializeParams);
  registerHover(connection, store, state, patches);
  baselines.listen(connection, () => codeLens.refresh());
  // A file saved, created or deleted on disk (a drop-in, a .unitguardrc) may change any lens.
  disk.onDidChange(() => codeLens.refresh());
  registerCodeActions(connection, store, state);
  registerHarden(connection, store, state);

  store.listen(connection);
}
