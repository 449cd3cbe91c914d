import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../../core';
import type { DocumentStore } from '../documentStore';
import { toFoldingRange } from '../convert';
import { requireDocumentUri, valueAt } from '../params';

/** The most folding ranges the client said it takes (`foldingRange.rangeLimit`; VS Code: 5,000), if it said. */
export function rangeLimitOf(initializeParams: unknown): number {
  const limit = valueAt(initializeParams, 'capabilities', 'textDocument', 'foldingRange', 'rangeLimit');
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : Infinity;
}

/**
 * Folding ranges; null for a document that is not open. No more than the client takes: editors
 * ask after every change, and a long unit has tens of thousands.
 */
export function registerFoldingRanges(connection: Connection, store: DocumentStore, initializeParams: () => unknown): void {
  let limit: number | undefined;
  connection.onFoldingRanges((params: unknown) => {
    const uri = requireDocumentUri(params);
    // A patch is not a unit: it has no sections to fold or list.
    const unit = store.isPatch(uri) ? undefined : store.get(uri);
    return unit ? foldingRanges(unit.tree, (limit ??= rangeLimitOf(initializeParams()))).map(toFoldingRange) : null;
  });
}
