import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type ConnectionOptions } from 'vscode-languageserver/node';
import { ProtocolGate } from './protocolGate';
import { namedTransport } from './nodeTransports';
import { FrameReader } from './frameReader';
import { reusingJsonEncoder } from './messageEncoder';
import { boundHeapGrowth } from '../node/heapGrowth';
import { tierUpSooner } from '../node/tierUp';
import { startServer, SERVER_NAME, SERVER_VERSION } from './server';
import type * as NodeFeatures from './nodeFeatures';

/**
 * The node entry of the language server. The transport comes from the
 * command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
 */
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
  process.exit(0);
}
// Without a transport flag the server speaks stdio, unless a person is at the
// terminal: `npx unitguard-language-server --stdio` hands --stdio to npm, not to us.
const otherTransport = args.some((a) => /^--(node-ipc|socket|pipe)\b/.test(a));
const stdio = args.includes('--stdio') || (!otherTransport && !process.stdin.isTTY);
const help = args.includes('--help') || args.includes('-h');
if (help || !(stdio || otherTransport)) {
  (help ? process.stdout : process.stderr).write(
    `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n\nThe UnitGuard language server for systemd unit files. It speaks LSP over stdio unless told otherwise.\n`,
  );
  process.exit(help ? 0 : 2);
}

// Each keystroke in a large document leaves a parsed copy behind: collect before the heap doubles.
boundHeapGrowth();
tierUpSooner();

/** The language service, required rather than imported, so that loading it waits for the first message that needs it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadFeatures = () => (require('./nodeFeatures') as typeof NodeFeatures).startNodeFeatures;

const connection = startServer((options) => (stdio ? stdioConnection(options) : otherConnection(options)), loadFeatures);
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

/**
 * stdio with a reader that answers malformed input with JSON-RPC errors and
 * keeps reading; console output goes to the client's log, since stdout
 * carries the protocol.
 */
function stdioConnection(options: ConnectionOptions): Connection {
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: reusingJsonEncoder() });
  process.stdout.on('error', () => process.exit(1));
  const reader = new FrameReader(process.stdin, (bad) => {
    void writer.write({ jsonrpc: '2.0', id: bad.id, error: { code: bad.code, message: bad.message } } as Parameters<typeof writer.write>[0]);
  });
  const gate = new ProtocolGate(reader, writer);
  const result = createConnection(ProposedFeatures.all, gate, writer, options);
  const log = (write: (message: string) => void) => (...values: unknown[]) => write(format(...values));
  console.log = console.info = console.debug = log((m) => result.console.log(m));
  console.warn = log((m) => result.console.warn(m));
  console.error = log((m) => result.console.error(m));
  gate.onClose(() => process.exit(gate.shutdownRequested ? 0 : 1));
  return result;
}

/** The transport of --node-ipc, --socket or --pipe, through the same gate as stdio. */
function otherConnection(options: ConnectionOptions): Connection {
  const [reader, writer] = namedTransport(args);
  return createConnection(ProposedFeatures.all, new ProtocolGate(reader, writer), writer, options);
}
