import { maxOf } from '../core/arrays';
import { describeOptions } from './args';
import type { Command } from './command';

export function commandHelp(command: Command): string {
  return [
    `usage: unitguard ${command.name} ${command.synopsis}`,
    '',
    command.summary,
    '',
    'options:',
    describeOptions(command.options),
    command.details,
  ].join('\n');
}

export function mainHelp(commands: readonly Command[]): string {
  const width = maxOf(commands, (c) => c.name.length);
  return [
    'usage: unitguard COMMAND [OPTIONS] ...',
    '',
    'Checks systemd unit files: syntax, directives and service hardening.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    '  -h, --help     show this help (unitguard COMMAND --help for a command)',
    '  -V, --version  print the version',
    '',
  ].join('\n');
}
