import type { Connection } from 'vscode-languageserver';
import type { DocumentStore } from '../documentStore';
import { toLspDiagnostic } from '../convert';
import type { SettingsStore } from '../settings';
import { diagnosticsFor, unitKey } from '../unitDiagnostics';

/**
 * Publishes diagnostics when a document is opened or changed, and clears them when it is closed.
 * A unit and its drop-ins are checked together, so a change to one republishes the others that
 * are open; a settings change republishes every open document.
 */
export function registerDiagnostics(connection: Connection, store: DocumentStore, settings: SettingsStore): void {
  const publish = (uri: string): void => {
    const unit = store.get(uri);
    const found = diagnosticsFor(store, settings.get(), uri);
    if (!unit || !found) return;
    void connection.sendDiagnostics({ uri, version: unit.version, diagnostics: found.map((d) => toLspDiagnostic(d, uri)) });
  };
  const companionsOf = (uri: string): string[] => {
    const key = unitKey(uri);
    return key ? store.uris().filter((other) => other !== uri && unitKey(other) === key) : [];
  };
  store.onDidChangeContent((uri) => {
    publish(uri);
    for (const other of companionsOf(uri)) publish(other);
  });
  store.onDidClose((uri) => {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const other of companionsOf(uri)) publish(other);
  });
  settings.onDidChange(() => {
    for (const uri of store.uris()) publish(uri);
  });
}
