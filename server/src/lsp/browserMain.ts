/**
 * The browser entry of the language server: it runs in a Web Worker that the web extension starts
 * (vscode.dev, github.dev) and speaks LSP through the worker's messages. Same server, same
 * handlers; it has no disk, so it works from the open documents alone (browserFeatures.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures, type MessageReader, type MessageWriter } from 'vscode-languageserver/browser';
import type * as BrowserFeatures from './browserFeatures';
import { ProtocolGate } from './protocolGate';
import { startServer } from './server';

/** The worker's own scope: messages from the client arrive on it and replies are posted on it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const reader: MessageReader = new BrowserMessageReader(self);
const writer: MessageWriter = new BrowserMessageWriter(self);

/** The language service, required rather than imported, so that it is set up with the first message that needs it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadFeatures = () => (require('./browserFeatures') as typeof BrowserFeatures).startBrowserFeatures;

startServer((options) => createConnection(ProposedFeatures.all, new ProtocolGate(reader, writer), writer, options), loadFeatures);
