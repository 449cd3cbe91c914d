/** The language service of the server in a browser: no disk (the open documents only), every document checked in the server's worker. */
import type { Connection } from 'vscode-languageserver';
import { NO_BACKGROUND_ANALYSIS } from './backgroundAnalysis';
import { startFeatures } from './features';
import type { Inbox } from './inbox';
import { NoDisk } from './noDisk';

export function startBrowserFeatures(connection: Connection, initializeParams: unknown, inbox: Inbox): void {
  startFeatures(connection, initializeParams, inbox, { files: new NoDisk(), background: NO_BACKGROUND_ANALYSIS });
}
