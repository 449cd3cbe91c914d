import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toFoldingRange } from '../convert';
import { requireDocumentUri } from '../params';

/** Folding ranges; null for a document that is not open. */
export function registerFoldingRanges(connection: Connection, store: DocumentStore): void {
  connection.onFoldingRanges((params: unknown) => {
    const unit = store.get(requireDocumentUri(params));
    return unit ? foldingRanges(unit.tree).map(toFoldingRange) : null;
  });
}
