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
import type { FileAccess } from './fileAccess';
import type { BackgroundAnalysisFactory } from './backgroundAnalysis';
import { UnitState } from './unitState';
import { PatchDocuments } from './patchDocuments';
import { Baselines } from './baselines';
import type { Inbox } from './inbox';

/** What differs between the places the server runs: Node (nodeFeatures.ts) and a browser (browserFeatures.ts). */
export interface ServerHost {
  /** The files besides the open documents: the disk, or none. */
  files: FileAccess;
  /** Where large documents are checked: on a worker thread, or with the rest. */
  background: BackgroundAnalysisFactory;
}

/**
 * Starts the language service on a connection: what the server loads after the initialize reply.
 * `inbox` counts the messages the connection has handled.
 */
export type StartFeatures = (connection: Connection, initializeParams: unknown, inbox: Inbox) => void;

/**
 * Wires the language service to an LSP connection: one small handler per feature. `initializeParams`
 * is what the client sent with initialize (undefined when it sent none before its first message).
 */
export function startFeatures(connection: Connection, initializeParams: unknown, inbox: Inbox, host: ServerHost): void {
  const store = new DocumentStore();
  const settings = new SettingsStore();
  const disk = host.files;
  const workspaceUnits = new WorkspaceUnits(store, disk);
  disk.useWorkspaceFolders(() => workspaceUnits.folders);
  // An untrusted workspace (Restricted Mode) is read from open documents only.
  disk.useRestrictedMode(() => settings.get().restrictedMode === true);
  const state = new UnitState(store, settings, disk);
  const patches = new PatchDocuments(store, state, disk, () => workspaceUnits.folders);
  const baselines = new Baselines(store);
  const inBackground = registerDiagnostics(connection, inbox, store, settings, state, disk, patches, host.background);
  const codeLens = registerCodeLens(connection, store, settings, state, patches, baselines, inBackground.lens);
  settings.initialize(initializeParams);
  workspaceUnits.initialize(initializeParams);
  codeLens.initialize(initializeParams);

  disk.listen(connection, () => initializeParams);
  // Patches read their units from the workspace folders: a new folder may hold one.
  workspaceUnits.listen(connection, () => {
    disk.changed();
    codeLens.refresh();
  });
  registerDocumentSymbols(connection, store);
  registerFoldingRanges(connection, store, () => initializeParams);
  settings.listen(connection);
  registerCompletion(connection, store, state, settings, workspaceUnits, () => initializeParams);
  registerHover(connection, store, state, patches);
  baselines.listen(connection, () => codeLens.refresh());
  // A file saved, created or deleted on disk (a drop-in, a .unitguardrc) may change any lens.
  disk.onDidChange(() => codeLens.refresh());
  registerCodeActions(connection, store, state, inBackground.codeActions);
  registerHarden(connection, store, state);

  store.listen(connection);
}
