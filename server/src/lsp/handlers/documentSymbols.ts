import type { Connection } from 'vscode-languageserver';
import { documentSymbols } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toDocumentSymbol } from '../convert';

export function registerDocumentSymbols(connection: Connection, store: DocumentStore): void {
  connection.onDocumentSymbol((params) => {
    const unit = store.get(params.textDocument.uri);
    return unit ? documentSymbols(unit.tree).map(toDocumentSymbol) : null;
  });
}
