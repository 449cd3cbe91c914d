import type { Connection } from 'vscode-languageserver';
import type { DocumentStore } from '../documentStore';
import { toLspDiagnostic } from '../convert';
import type { SettingsStore } from '../settings';
import type { DiskFiles } from '../diskFiles';
import type { UnitState } from '../unitState';
import { AnalysisJobs, type AnalysisResult } from '../analysisJobs';
import { limitProblems } from '../problemLimit';

/**
 * Publishes diagnostics when a document is opened or changed, and clears them when it is closed.
 * A unit and its drop-ins are checked together, so a change to one republishes the others that
 * are open; a settings change, or a change of files on disk, republishes every open document.
 *
 * Publishing waits for the messages already received: a burst of keystrokes is checked once, at
 * its last version, and requests that came in meanwhile (hover, completion) are answered first.
 * Large documents are checked on a worker thread, so nothing waits for them.
 */
export function registerDiagnostics(connection: Connection, store: DocumentStore, settings: SettingsStore, state: UnitState, disk: DiskFiles): void {
  const pending = new Set<string>();
  let scheduled = false;
  const publishHere = (uri: string): void => {
    const analysis = state.analysis(uri);
    if (!analysis) return;
    void connection.sendDiagnostics({ uri, version: analysis.document.version, diagnostics: limitProblems(analysis.diagnostics.map((d) => toLspDiagnostic(d, uri)), settings.maxProblems) });
  };
  const fromWorker = (result: AnalysisResult): void => {
    const current = store.text(result.uri);
    // A result for a version that is no longer current is dropped; the current one is queued.
    if (!current || current.version !== result.version) return;
    if ('error' in result) {
      connection.console.warn(`Checking ${result.uri} on the worker failed, checking it here: ${result.error}`);
      publishHere(result.uri);
      return;
    }
    void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: result.diagnostics });
  };
  const jobs = new AnalysisJobs(fromWorker, (message) => connection.console.warn(message));
  const publishPending = (): void => {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      const text = store.text(uri);
      if (!text) continue;
      if (jobs.wants(text.getText().length)) jobs.submit({ uri, text: text.getText(), version: text.version }, state.settings(uri), state.filesOf(uri), settings.maxProblems);
      else publishHere(uri);
    }
  };
  const publish = (uri: string): void => {
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    // A timer runs after the I/O already waiting: messages read meanwhile are handled first.
    setTimeout(publishPending, 0);
  };
  store.onDidChangeContent((uri) => {
    publish(uri);
    for (const other of state.companionsOf(uri)) publish(other);
  });
  store.onDidClose((uri) => {
    pending.delete(uri);
    jobs.cancel(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const other of state.companionsOf(uri)) publish(other);
  });
  const all = (): void => {
    for (const uri of store.uris()) publish(uri);
  };
  settings.onDidChange(all);
  disk.onDidChange(all);
}
