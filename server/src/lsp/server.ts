import { Message, type Connection, type ConnectionOptions, type InitializeResult } from 'vscode-languageserver';
import { serverCapabilities } from './capabilities';
import type * as Features from './features';

export const SERVER_NAME = 'unitguard-language-server';
export const SERVER_VERSION = '0.1.0';

/**
 * Starts the server on the connection `connect` makes. The initialize reply is only the list of
 * capabilities, so it goes out before the language service (knowledge base, rules, handlers) is
 * loaded: that happens when the next message arrives, before it is handled. An editor starting
 * the server gets its reply without waiting for what only the features need.
 */
export function startServer(connect: (options: ConnectionOptions) => Connection): Connection {
  let initializeParams: unknown;
  let loaded = false;
  const load = (): void => {
    loaded = true;
    // Required here rather than imported, so that loading it waits for the first message that needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./features') as typeof Features).startFeatures(connection, initializeParams);
  };
  const connection = connect({
    messageStrategy: {
      handleMessage(message, handle) {
        if (!loaded && !(Message.isRequest(message) && message.method === 'initialize')) load();
        handle(message);
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
