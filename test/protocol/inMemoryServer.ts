/**
 * The server started in this process over in-memory streams, for tests that look inside it (what
 * it has loaded, a handler made to fail). The language service is loaded as the server loads it,
 * with the first message after initialize.
 */
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/server';
import type * as NodeFeatures from '../../server/src/lsp/nodeFeatures';

export interface InMemoryServer {
  connection: Connection;
  /** Sends a message (its `jsonrpc` field is added). */
  send(message: object): void;
}

/** Starts the server; `onMessage` gets every message it writes. */
export function inMemoryServer(onMessage: (message: unknown) => void): InMemoryServer {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const connection = startServer(
    (options) => createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(fromServer), options),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => (require('../../server/src/lsp/nodeFeatures') as typeof NodeFeatures).startNodeFeatures,
  );
  new StreamMessageReader(fromServer).listen((message) => onMessage(message));
  const writer = new StreamMessageWriter(toServer);
  return { connection, send: (message) => void writer.write({ jsonrpc: '2.0', ...message } as Parameters<typeof writer.write>[0]) };
}
