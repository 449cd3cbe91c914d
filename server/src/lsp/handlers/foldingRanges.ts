import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toFoldingRange } from '../convert';
import { requireDocumentUri } from '../params';

/** Folding ranges; null for a document that is not open. */
export function registerFoldingRanges(connection: Connection, store: DocumentStore): void {
  connection.onFoldingRanges((params: unknown) => {
    const uri = requireDocumentUri(params);
    // A patch is not a unit: it has no sections to fold or list.
    const unit = store.isPatch(uri) ? undefined : store.get(uri);
    return unit ? foldingRanges(unit.tree).map(toFoldingRange) : null;
  });
}
