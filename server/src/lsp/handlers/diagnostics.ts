import type { Connection } from 'vscode-languageserver';
import { diagnose } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toLspDiagnostic } from '../convert';

/** Publishes diagnostics whenever a document is opened or changed, and clears them on close. */
export function registerDiagnostics(connection: Connection, store: DocumentStore): void {
  const publish = (uri: string): void => {
    const unit = store.get(uri);
    if (!unit) return;
    const diagnostics = diagnose(unit).map((d) => toLspDiagnostic(d, uri));
    void connection.sendDiagnostics({ uri, version: unit.version, diagnostics });
  };
  store.documents.onDidOpen((event) => publish(event.document.uri));
  store.documents.onDidChangeContent((event) => publish(event.document.uri));
  store.documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
}
