import { runCommand } from './command';
import { securityCommand } from './commands/security';
import { startCli } from './startCli';

/**
 * `unitguard security` on its own (dist/cli-security.js, which bin/unitguard.js runs for that
 * command): a bundle without what only the other commands use (the diagnostics, their fixes and
 * documentation), so that a run over many units does not spend most of its time loading code.
 * It answers exactly as the whole CLI does after the command name.
 */
startCli((argv, io) => runCommand(securityCommand, argv.slice(1), io));
