import { EXIT, runCommand, usageError, type Command } from './command';
import { checkCommand } from './commands/check';
import { hardenCommand } from './commands/harden';
import { reviewCommand } from './commands/review';
import { securityCommand } from './commands/security';
import { commandHelp, mainHelp } from './help';
import type { CliIo } from './io';
import { packageInfo } from '../node/packageInfo';

/** The `unitguard` command line: argument dispatch only, each command lives in commands/. */
const COMMANDS: readonly Command[] = [checkCommand, securityCommand, reviewCommand, hardenCommand];

export function runCli(argv: readonly string[], io: CliIo): number {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(mainHelp(COMMANDS));
    return EXIT.failure;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && !command) return usageError(`unknown command '${topic}'`, io);
    io.stdout(command ? commandHelp(command) : mainHelp(COMMANDS));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`unitguard ${packageInfo().version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    return usageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`, io);
  }
  return runCommand(command, rest, io);
}
