import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { DocumentStore } from './documentStore';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentSymbols } from './handlers/documentSymbols';
import { registerFoldingRanges } from './handlers/foldingRanges';

export const SERVER_NAME = 'unitguard-language-server';
export const SERVER_VERSION = '0.1.0';

/** Wires the language service to an LSP connection: one small handler per feature. */
export function startServer(connection: Connection): void {
  const store = new DocumentStore();

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    }),
  );

  registerDiagnostics(connection, store);
  registerDocumentSymbols(connection, store);
  registerFoldingRanges(connection, store);

  store.documents.listen(connection);
  connection.listen();
}
