import { Message, type Connection, type ConnectionOptions, type InitializeResult } from 'vscode-languageserver';
import { serverCapabilities } from './capabilities';
import type { StartFeatures } from './features';
import { Inbox } from './inbox';

export const SERVER_NAME = 'unitguard-language-server';
export const SERVER_VERSION = '0.1.0';

/**
 * Starts the server on the connection `connect` makes. The initialize reply is only the list of
 * capabilities, so it goes out before the language service (knowledge base, rules, handlers) is
 * loaded: that happens when the next message arrives, before it is handled. An editor starting
 * the server gets its reply without waiting for what only the features need. `loadFeatures` loads
 * the language service for where the server runs (Node, or a browser's worker) and is called then.
 */
export function startServer(connect: (options: ConnectionOptions) => Connection, loadFeatures: () => StartFeatures): Connection {
  let initializeParams: unknown;
  let loaded = false;
  const inbox = new Inbox();
  const load = (): void => {
    loaded = true;
    loadFeatures()(connection, initializeParams, inbox);
  };
  const connection = connect({
    messageStrategy: {
      handleMessage(message, handle) {
        if (!loaded && !(Message.isRequest(message) && message.method === 'initialize')) load();
        handle(message);
        inbox.handledOne();
      },
    },
  });

  connection.onInitialize((params: unknown): InitializeResult => {
    initializeParams = params;
    return { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });
  connection.listen();
  return connection;
}
