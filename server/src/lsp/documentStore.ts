import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createUnitDocument, type UnitDocument } from '../core';

/**
 * The open documents, with their text kept in sync incrementally, and one
 * parse per document version.
 */
export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly parsed = new Map<string, UnitDocument>();

  constructor() {
    this.documents.onDidClose((event) => this.parsed.delete(event.document.uri));
  }

  /** The parsed document, or undefined when it is not open. */
  get(uri: string): UnitDocument | undefined {
    const text = this.documents.get(uri);
    if (!text) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.version === text.version) return cached;
    const unit = createUnitDocument(uri, text.getText(), text.version);
    this.parsed.set(uri, unit);
    return unit;
  }
}
