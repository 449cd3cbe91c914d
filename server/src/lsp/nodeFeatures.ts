/** The language service of the server under Node: files from disk, large documents checked on a worker thread. */
import type { Connection } from 'vscode-languageserver';
import { AnalysisJobs } from './analysisJobs';
import { DiskFiles } from './diskFiles';
import { startFeatures } from './features';
import type { Inbox } from './inbox';

export function startNodeFeatures(connection: Connection, initializeParams: unknown, inbox: Inbox): void {
  startFeatures(connection, initializeParams, inbox, {
    files: new DiskFiles(),
    background: (done, log) => new AnalysisJobs(done, log),
  });
}
