import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, SERVER_NAME, SERVER_VERSION } from './server';

/**
 * The node entry of the language server. The transport comes from the
 * command line: --stdio, --node-ipc or --socket=PORT.
 */
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  process.stdout.write(
    `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT\n\nThe UnitGuard language server for systemd unit files.\n`,
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? String(error)}`));
startServer(connection);
