/** The language service of the server under Node: files from disk, large documents checked on a worker thread. */
import type { Connection } from 'vscode-languageserver';
import { AnalysisJobs } from './analysisJobs';
import { DiskFiles } from './diskFiles';
import { startFeatures } from './features';

export function startNodeFeatures(connection: Connection, initializeParams: unknown): void {
  startFeatures(connection, initializeParams, {
    files: new DiskFiles(),
    background: (done, log) => new AnalysisJobs(done, log),
  });
}
