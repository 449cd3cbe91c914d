import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { patchDiagnostics } from '../../core';
import { checkRcText } from '../../core/config/rcDiagnostics';
import { isReadOnlyView } from '../documentKinds';
import type { DocumentStore } from '../documentStore';
import type { PatchDocuments } from '../patchDocuments';
import type { SettingsStore } from '../settings';
import type { FileAccess } from '../fileAccess';
import type { UnitState } from '../unitState';
import type { AnalysisResult, BackgroundAnalysisFactory, Submitted } from '../backgroundAnalysis';
import { publishedProblems } from '../problemLimit';
import { companionsNotReadNotice, notCheckedNotice } from '../documentLimits';
import { EncodedDiagnostic } from '../publishedJson';
import type { Inbox } from '../inbox';
import { checkFailedNotice } from '../checkFailed';
import type { BackgroundCodeActions } from './codeActions';
import type { BackgroundLens } from './codeLens';

/** What is worked out in the background with a large document's analysis, when asked for. */
export interface InBackground {
  codeActions: BackgroundCodeActions;
  lens: BackgroundLens;
}

/**
 * Publishes diagnostics when a document is opened or changed, and clears them when it is closed.
 * A unit and its drop-ins are checked together, so a change to one republishes the others that
 * are open; a settings change, or a change of files on disk, republishes every open document.
 * A patch gets the new findings of the change it makes, on its own lines, and is republished when
 * a file it applies to changes. Read-only views of another version of a file (`git:` and the
 * like) get none: the Problems panel lists the working copy's problems once.
 *
 * Publishing waits for the messages already received: a burst of keystrokes is checked once, at
 * its last version, and requests that came in meanwhile (hover, completion) are answered first.
 * Large documents are checked in the background where the server has one (a worker thread under
 * Node), so nothing waits for them. The code actions that try their fixes, and the exposure lens,
 * are worked out there too: what it returns asks for them.
 */
export function registerDiagnostics(
  connection: Connection,
  inbox: Inbox,
  store: DocumentStore,
  settings: SettingsStore,
  state: UnitState,
  disk: FileAccess,
  patches: PatchDocuments,
  background: BackgroundAnalysisFactory,
): InBackground {
  const pending = new Set<string>();
  let scheduled = false;
  /**
   * Runs one document's part of a publication on its own: when it throws, the error is logged and
   * the document gets a diagnostic saying so, and the other documents of the batch are published.
   */
  const forDocument = (uri: string, work: () => void): void => {
    try {
      work();
    } catch (error) {
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const text = store.text(uri);
      if (text) void connection.sendDiagnostics({ uri, version: text.version, diagnostics: [checkFailedNotice(error)] });
    }
  };
  const publishPatch = (uri: string): void => {
    const text = store.text(uri);
    const review = patches.review(uri);
    if (!text || !review) return;
    void connection.sendDiagnostics({ uri, version: text.version, diagnostics: publishedProblems(patchDiagnostics(review), uri, settings.maxProblems) });
  };
  const publishRc = (uri: string): void => {
    const text = store.text(uri);
    if (!text) return;
    const path = disk.pathOf(uri);
    const policyProblem = path === undefined ? undefined : (value: string) => disk.policyProblem(path, value);
    const found = checkRcText(text.getText(), policyProblem ? { policyProblem } : {});
    void connection.sendDiagnostics({ uri, version: text.version, diagnostics: publishedProblems(found, uri, settings.maxProblems) });
  };
  /** What a unit's check says first when its other files on disk were too large to read with it. */
  const filesNotice = (uri: string): LspDiagnostic[] => {
    const path = disk.pathOf(uri);
    const problem = path === undefined ? undefined : disk.unitFilesProblem(path);
    return problem === undefined ? [] : [companionsNotReadNotice(problem)];
  };
  const publishHere = (uri: string): void => {
    if (store.isPatch(uri)) return publishPatch(uri);
    if (store.isRc(uri)) return publishRc(uri);
    const analysis = state.analysis(uri);
    if (!analysis) return;
    const diagnostics = publishedProblems(analysis.diagnostics, uri, settings.maxProblems);
    void connection.sendDiagnostics({ uri, version: analysis.document.version, diagnostics: [...filesNotice(uri), ...diagnostics] });
  };
  const fromWorker = (result: AnalysisResult): void => {
    const current = store.text(result.uri);
    // A result for a version that is no longer current is dropped; the current one is queued.
    if (!current || current.version !== result.version) return;
    if ('error' in result) {
      if (result.heapLimitMb !== undefined) {
        // Checking it here would take the same memory from the thread that serves every document.
        connection.console.warn(`Checking ${result.uri} on the worker ran out of its memory; it is not checked.`);
        void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: [notCheckedNotice(current.length, () => current.lineCount, result.heapLimitMb)] });
        return;
      }
      connection.console.warn(`Checking ${result.uri} on the worker failed, checking it here: ${result.error}`);
      forDocument(result.uri, () => publishHere(result.uri));
      return;
    }
    // Written as the worker encoded them; read as diagnostics by anything else (see EncodedDiagnostic).
    const diagnostics = result.diagnosticsJson.map((json) => new EncodedDiagnostic(json)) as unknown as LspDiagnostic[];
    void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: [...filesNotice(result.uri), ...diagnostics] });
  };
  const jobs = background(fromWorker, (message) => connection.console.warn(message));
  const publishOne = (uri: string): void => {
    const text = store.text(uri);
    if (!text || isReadOnlyView(uri)) return;
    if (store.isTooLong(uri)) void connection.sendDiagnostics({ uri, version: text.version, diagnostics: [notCheckedNotice(text.length, () => text.lineCount)] });
    else if (store.isPatch(uri)) publishPatch(uri);
    else if (store.isRc(uri)) publishRc(uri);
    else if (jobs.wants(text.length)) jobs.submit({ uri, text: () => text.getText(), version: text.version, changes: text.changes }, state.settings(uri), state.filesOf(uri), settings.maxProblems);
    else publishHere(uri);
  };
  const publishPending = (): void => {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) forDocument(uri, () => publishOne(uri));
  };
  const publish = (uri: string): void => {
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    // The messages already received are handled first: the last of a burst of changes, a hover.
    inbox.afterReceived(publishPending);
  };
  store.onDidChangeContent((uri) => {
    const text = store.text(uri);
    if (text && jobs.wants(text.length)) jobs.follow({ uri, version: text.version, changes: text.changes });
    // Changes to a document analysed here are not followed: the background forgets it, and takes its whole text if it grows again.
    else jobs.cancel(uri);
    publish(uri);
    for (const other of [...state.companionsOf(uri), ...patches.dependents(uri)]) publish(other);
  });
  store.onDidClose((uri) => {
    pending.delete(uri);
    jobs.cancel(uri);
    if (!isReadOnlyView(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const other of [...state.companionsOf(uri), ...patches.dependents(uri)]) publish(other);
  });
  const all = (): void => {
    for (const uri of store.uris()) publish(uri);
  };
  settings.onDidChange(all);
  disk.onDidChange(all);
  /** The current version of a document checked in the background, or undefined when it is checked here. */
  const inBackground = (uri: string): Submitted | undefined => {
    const text = store.text(uri);
    if (!text || !jobs.wants(text.length) || store.isTooLong(uri) || store.isPatch(uri) || store.isRc(uri)) return undefined;
    return { uri, text: () => text.getText(), version: text.version, changes: text.changes };
  };
  return {
    codeActions: (uri, ask) => {
      const asked = inBackground(uri);
      return asked && jobs.codeActions(asked, state.settings(uri), state.filesOf(uri), settings.maxProblems, ask).then((actions) => actions ?? { quickFixes: [] });
    },
    lens: (uri) => {
      const asked = inBackground(uri);
      return asked && jobs.lens(asked, state.settings(uri), state.filesOf(uri), settings.maxProblems);
    },
  };
}
