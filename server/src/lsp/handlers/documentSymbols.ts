import type { Connection } from 'vscode-languageserver';
import { documentSymbols } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toDocumentSymbol } from '../convert';
import { requireDocumentUri } from '../params';

/** The outline; null for a document that is not open. */
export function registerDocumentSymbols(connection: Connection, store: DocumentStore): void {
  connection.onDocumentSymbol((params: unknown) => {
    const unit = store.get(requireDocumentUri(params));
    return unit ? documentSymbols(unit.tree).map(toDocumentSymbol) : null;
  });
}
