import type { Connection } from 'vscode-languageserver';
import { documentSymbols } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toDocumentSymbol } from '../convert';
import { requireDocumentUri } from '../params';

/** The outline; null for a document that is not open. */
export function registerDocumentSymbols(connection: Connection, store: DocumentStore): void {
  connection.onDocumentSymbol((params: unknown) => {
    const uri = requireDocumentUri(params);
    // A patch is not a unit: it has no sections to fold or list.
    const unit = store.isPatch(uri) ? undefined : store.get(uri);
    return unit ? documentSymbols(unit.tree).map(toDocumentSymbol) : null;
  });
}
