import type { Connection } from 'vscode-languageserver';
import type { DocumentStore } from '../documentStore';
import { toLspDiagnostic } from '../convert';
import type { SettingsStore } from '../settings';
import type { DiskFiles } from '../diskFiles';
import type { UnitState } from '../unitState';

/**
 * Publishes diagnostics when a document is opened or changed, and clears them when it is closed.
 * A unit and its drop-ins are checked together, so a change to one republishes the others that
 * are open; a settings change, or a change of files on disk, republishes every open document.
 *
 * Publishing waits for the messages already received: a burst of keystrokes is checked once, at
 * its last version, and requests that came in meanwhile (hover, completion) are answered first.
 */
export function registerDiagnostics(connection: Connection, store: DocumentStore, settings: SettingsStore, state: UnitState, disk: DiskFiles): void {
  const pending = new Set<string>();
  let scheduled = false;
  const publishPending = (): void => {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      const analysis = state.analysis(uri);
      if (!analysis) continue;
      void connection.sendDiagnostics({ uri, version: analysis.document.version, diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(d, uri)) });
    }
  };
  const publish = (uri: string): void => {
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    // A timer runs after the I/O already waiting: messages read meanwhile are handled first.
    setTimeout(publishPending, 0);
  };
  store.onDidChangeContent((uri) => {
    publish(uri);
    for (const other of state.companionsOf(uri)) publish(other);
  });
  store.onDidClose((uri) => {
    pending.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const other of state.companionsOf(uri)) publish(other);
  });
  const all = (): void => {
    for (const uri of store.uris()) publish(uri);
  };
  settings.onDidChange(all);
  disk.onDidChange(all);
}
