import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toFoldingRange } from '../convert';

export function registerFoldingRanges(connection: Connection, store: DocumentStore): void {
  connection.onFoldingRanges((params) => {
    const unit = store.get(params.textDocument.uri);
    return unit ? foldingRanges(unit.tree).map(toFoldingRange) : null;
  });
}
