import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { hover } from '../../core';
import type { DocumentStore } from '../documentStore';
import { requireDocumentUri, requirePosition } from '../params';
import type { UnitState } from '../unitState';

/** Hover docs from the core; null where there is nothing to say or the document is not open. */
export function registerHover(connection: Connection, store: DocumentStore, state: UnitState): void {
  connection.onHover((params: unknown): Hover | null => {
    const uri = requireDocumentUri(params);
    const position = requirePosition(params);
    const unit = store.get(uri);
    if (!unit) return null;
    const result = hover(unit, position, state.settings(uri), state.files(unit));
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  });
}
