import type { Connection } from 'vscode-languageserver';
import { createUnitDocument, revisedUnitDocument, type UnitDocument } from '../core';
import { isPatchDocument, isRcDocument } from './documentKinds';
import { isCheckedSize } from './documentLimits';
import { documentUri, isCount, isObject, isRange } from './params';
import { OpenText, spanEdit, thenSpan, type ContentChange, type Span } from './textSync';

type Listener = (uri: string) => void;

/**
 * The open documents: their text kept in sync incrementally, one parse per
 * version (of the parts that changed since the version parsed before). Notifications with malformed params, or for documents that are not
 * open, are logged and ignored; they never throw.
 */
export class DocumentStore {
  private readonly texts = new Map<string, OpenText>();
  private readonly parsed = new Map<string, UnitDocument>();
  /** What changed since the version parsed, by document (a version number may not change with the text). */
  private readonly since = new Map<string, Span>();
  private readonly changeListeners: Listener[] = [];
  private readonly closeListeners: Listener[] = [];
  private log: (message: string) => void = () => undefined;

  /** Runs after a document is opened or its text changes. */
  onDidChangeContent(listener: Listener): void {
    this.changeListeners.push(listener);
  }

  /** Runs after a document is closed. */
  onDidClose(listener: Listener): void {
    this.closeListeners.push(listener);
  }

  /** The document's text, or undefined when it is not open. */
  text(uri: string): OpenText | undefined {
    return this.texts.get(uri);
  }

  /**
   * The parsed document, or undefined when it is not open, is a `.unitguardrc` (which is no unit)
   * or is too long to check (see documentLimits.ts).
   */
  get(uri: string): UnitDocument | undefined {
    const text = this.texts.get(uri);
    if (!text || isRcDocument(uri, text.languageId) || this.isTooLong(uri)) return undefined;
    const cached = this.parsed.get(uri);
    const since = this.since.get(uri);
    if (cached && !since) return cached;
    // The version parsed before gives the parts that did not change; what did is known from the edits.
    const change = since && spanEdit(since, text.source);
    const unit = cached ? revisedUnitDocument(cached, text.source, text.version, change) : createUnitDocument(uri, text.getText(), text.version);
    this.parsed.set(uri, unit);
    this.since.delete(uri);
    return unit;
  }

  /** Whether the open document at `uri` is too long to be parsed and checked. */
  isTooLong(uri: string): boolean {
    const text = this.texts.get(uri);
    return text !== undefined && !isCheckedSize(text.length, () => text.lineCount);
  }

  /** Whether the open document at `uri` is a patch (read for the units it changes, never as a unit). */
  isPatch(uri: string): boolean {
    const text = this.texts.get(uri);
    return text !== undefined && isPatchDocument(uri, text.languageId);
  }

  /** Whether the open document at `uri` is a `.unitguardrc` (checked as settings, never as a unit). */
  isRc(uri: string): boolean {
    const text = this.texts.get(uri);
    return text !== undefined && isRcDocument(uri, text.languageId);
  }

  /** The URIs of the open documents. */
  uris(): string[] {
    return [...this.texts.keys()];
  }

  listen(connection: Connection): void {
    this.log = (message) => connection.console.warn(message);
    connection.onDidOpenTextDocument((params: unknown) => {
      const uri = documentUri(params);
      const document = isObject(params) && isObject(params.textDocument) ? params.textDocument : undefined;
      if (uri === undefined || !document || typeof document.text !== 'string' || !Number.isSafeInteger(document.version)) {
        return this.log('Ignored textDocument/didOpen without a textDocument {uri, languageId, version, text}.');
      }
      const languageId = typeof document.languageId === 'string' ? document.languageId : '';
      this.texts.set(uri, new OpenText(uri, languageId, document.version as number, document.text));
      this.parsed.delete(uri);
      this.since.delete(uri);
      this.fire(this.changeListeners, uri);
    });
    connection.onDidChangeTextDocument((params: unknown) => {
      const uri = documentUri(params);
      const current = uri === undefined ? undefined : this.texts.get(uri);
      if (uri === undefined || !current) return this.log(`Ignored textDocument/didChange for a document that is not open: ${String(uri)}`);
      const version = isObject(params) && isObject(params.textDocument) ? params.textDocument.version : undefined;
      const changes = isObject(params) ? params.contentChanges : undefined;
      if (!Number.isSafeInteger(version) || !Array.isArray(changes) || !changes.every(isContentChange)) {
        return this.log(`Ignored a malformed textDocument/didChange for ${uri}.`);
      }
      const next = current.update(changes, version as number);
      this.texts.set(uri, next);
      const span = next.changes?.span;
      if (this.parsed.has(uri) && span) this.since.set(uri, thenSpan(this.since.get(uri), span));
      this.fire(this.changeListeners, uri);
    });
    connection.onDidCloseTextDocument((params: unknown) => {
      const uri = documentUri(params);
      if (uri === undefined || !this.texts.delete(uri)) return this.log(`Ignored textDocument/didClose for a document that is not open: ${String(uri)}`);
      this.parsed.delete(uri);
      this.since.delete(uri);
      this.fire(this.closeListeners, uri);
    });
  }

  private fire(listeners: Listener[], uri: string): void {
    for (const listener of listeners) {
      try {
        listener(uri);
      } catch (error) {
        this.log(`Handling ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
}

function isContentChange(change: unknown): change is ContentChange {
  if (!isObject(change) || typeof change.text !== 'string') return false;
  if (change.range === undefined) return true;
  return isRange(change.range) && (change.rangeLength === undefined || isCount(change.rangeLength));
}
