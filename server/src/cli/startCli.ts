import { readFileSync } from 'node:fs';
import { EXIT } from './command';
import { errorLine, type CliIo } from './io';

/** Runs a command line in this process: its streams, its exit code, and a crash said as one line. */
export function startCli(run: (argv: readonly string[], io: CliIo) => number): void {
  const processIo: CliIo = {
    stdout: (text) => {
      if (text) process.stdout.write(text);
    },
    stderr: (text) => {
      if (text) process.stderr.write(text);
    },
    readStdin: () => readFileSync(0),
    cwd: process.cwd(),
  };

  // A reader that stops early (`unitguard check . | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });

  try {
    process.exitCode = run(process.argv.slice(2), processIo);
  } catch (error) {
    process.stderr.write(errorLine(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    process.exitCode = EXIT.failure;
  }
}
