import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { hover, patchHover } from '../../core';
import type { DocumentStore } from '../documentStore';
import type { PatchDocuments } from '../patchDocuments';
import { requireDocumentUri, requirePosition } from '../params';
import type { UnitState } from '../unitState';
import { rcHover } from './unitguardrcAssist';

/**
 * Hover docs from the core; null where there is nothing to say or the document is not open. On a
 * patch, the lines of hunks that change units get the hover the unit gives at that line.
 */
export function registerHover(connection: Connection, store: DocumentStore, state: UnitState, patches: PatchDocuments): void {
  connection.onHover((params: unknown): Hover | null => {
    const uri = requireDocumentUri(params);
    const position = requirePosition(params);
    if (store.isPatch(uri)) {
      const review = patches.review(uri);
      const result = review ? patchHover(review, position) : undefined;
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
    }
    if (store.isRc(uri)) {
      const rc = store.text(uri);
      return rc ? rcHover(rc.getText(), position) : null;
    }
    const unit = store.get(uri);
    if (!unit) return null;
    const result = hover(unit, position, state.settings(uri), state.files(unit));
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  });
}
