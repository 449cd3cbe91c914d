/**
 * The committed text of open unit files, as the client sends it (`unitguard/baseline`), for the
 * lens to say what the working copy changed: `Exposure 4.2 OK 🙂 (HEAD 9.6)`. The server runs no
 * version control itself; a client that knows the repository (VS Code's git extension, in a
 * trusted workspace) sends the text, or null when the file is not in HEAD.
 */
import type { Connection } from 'vscode-languageserver';
import { createUnitDocument, type Settings, type UnitDocument, type UnitFiles } from '../core';
import { securityLens } from '../core/features/securityLens';
import type { DocumentStore } from './documentStore';
import { isObject } from './params';

/** `{ uri, text }`: the text of the document's file at HEAD; `text: null` forgets it. */
export const BASELINE_NOTIFICATION = 'unitguard/baseline';

/** Texts kept for documents that are not open (sent before didOpen, or after didClose), at most. */
const MAX_UNOPENED = 64;

interface Scored {
  text: string;
  settings: Settings;
  files: readonly UnitDocument[];
  exposure: number | undefined;
}

function filesList(files: UnitFiles): UnitDocument[] {
  return [...(files.unit ? [files.unit] : []), ...(files.dropIns ?? [])];
}

export class Baselines {
  private readonly texts = new Map<string, string>();
  private readonly scores = new Map<string, Scored>();

  constructor(private readonly store: DocumentStore) {
    store.onDidClose((uri) => {
      this.texts.delete(uri);
      this.scores.delete(uri);
    });
  }

  /** Takes the client's notifications; `changed` runs with the URI whose baseline changed. */
  listen(connection: Connection, changed: (uri: string) => void): void {
    connection.onNotification(BASELINE_NOTIFICATION, (params: unknown) => {
      if (!isObject(params) || typeof params.uri !== 'string' || !(typeof params.text === 'string' || params.text === null)) {
        connection.console.warn(`Ignored ${BASELINE_NOTIFICATION} without { uri: string, text: string | null }.`);
        return;
      }
      const { uri, text } = params as { uri: string; text: string | null };
      if (text === null ? !this.texts.has(uri) : this.texts.get(uri) === text) return;
      if (text === null) this.texts.delete(uri);
      else this.texts.set(uri, text);
      this.scores.delete(uri);
      this.forgetUnopened();
      changed(uri);
    });
  }

  /**
   * The exposure of the document's committed text, scored with the unit's files as they are now
   * (the change this file makes, and only it); undefined without a baseline or a score.
   */
  exposure(document: UnitDocument, settings: Settings, files: UnitFiles): number | undefined {
    const text = this.texts.get(document.uri);
    if (text === undefined) return undefined;
    const list = filesList(files);
    const hit = this.scores.get(document.uri);
    if (hit && hit.text === text && hit.settings === settings && hit.files.length === list.length && hit.files.every((f, i) => f === list[i])) return hit.exposure;
    const exposure = securityLens(createUnitDocument(document.uri, text), files, settings)?.exposure;
    this.scores.set(document.uri, { text, settings, files: list, exposure });
    return exposure;
  }

  private forgetUnopened(): void {
    const unopened = [...this.texts.keys()].filter((uri) => !this.store.text(uri));
    for (const uri of unopened.slice(0, Math.max(0, unopened.length - MAX_UNOPENED))) {
      this.texts.delete(uri);
      this.scores.delete(uri);
    }
  }
}
