import { UsageError } from './args';
import { EXIT, type Command } from './command';
import { checkCommand } from './commands/check';
import { securityCommand } from './commands/security';
import { commandHelp, mainHelp } from './help';
import { errorLine, type CliIo } from './io';
import { packageInfo } from '../node/packageInfo';

/** The `unitguard` command line: argument dispatch only, each command lives in commands/. */
const COMMANDS: readonly Command[] = [checkCommand, securityCommand];

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
  try {
    return command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message, io, command);
    throw error;
  }
}

function usageError(message: string, io: CliIo, command?: Command): number {
  const hint = command ? `unitguard ${command.name} --help` : 'unitguard --help';
  io.stderr(errorLine(message) + `Try '${hint}' for more information.\n`);
  return EXIT.failure;
}
