import { readFileSync } from 'node:fs';
import { EXIT } from './command';
import { errorLine, type CliIo } from './io';
import { writeAll } from './writeAll';

/** Runs a command line in this process: its streams, its exit code, and a crash said as one line. */
export function startCli(run: (argv: readonly string[], io: CliIo) => number): void {
  // A reader that stops early (`unitguard check . | head`) is not an error: the rest of the
  // report is dropped, and the command ends with the exit code of what it found.
  let stdoutOpen = true;
  let stderrOpen = true;
  const processIo: CliIo = {
    stdout: (text) => {
      if (text && stdoutOpen) stdoutOpen = writeAll(1, text);
    },
    stderr: (text) => {
      if (text && stderrOpen) stderrOpen = writeAll(2, text);
    },
    readStdin: () => readFileSync(0),
    cwd: process.cwd(),
  };

  try {
    process.exitCode = run(process.argv.slice(2), processIo);
  } catch (error) {
    processIo.stderr(errorLine(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    process.exitCode = EXIT.failure;
  }
}
