import { readFileSync } from 'node:fs';
import { EXIT } from './command';
import { boundCommandHeapGrowth, keepYoungSpaceSmall } from '../node/heapGrowth';
import { errorLine, type CliIo } from './io';
import { processWriter } from './writeAll';
import { terminalText } from './terminalText';

/**
 * Runs a command line in this process: its streams, its exit code, and a crash said as one line.
 * A reader that stops early (`unitguard check . | head`) is not an error: the rest of the report
 * is dropped, and the command ends with the exit code of what it found. A report that cannot be
 * written (a full disk) ends the command with exit 2 and says why.
 */
export function startCli(run: (argv: readonly string[], io: CliIo) => number): void {
  keepYoungSpaceSmall();
  boundCommandHeapGrowth();
  const toStdout = processWriter(1);
  const toStderr = processWriter(2);
  let stdoutOpen = true;
  let stderrOpen = true;
  let stdoutFailure: string | undefined;

  const stderr = (text: string): void => {
    if (!text || !stderrOpen) return;
    try {
      // Every message may quote a file's name or words: see terminalText.
      stderrOpen = toStderr(terminalText(text));
    } catch {
      // Nowhere left to say it; the exit code still tells.
      stderrOpen = false;
    }
  };
  const processIo: CliIo = {
    stdout: (text) => {
      if (!text || !stdoutOpen) return;
      try {
        stdoutOpen = toStdout(text);
      } catch (error) {
        stdoutOpen = false;
        stdoutFailure = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      }
    },
    stderr,
    readStdin: () => readFileSync(0),
    stdoutIsTerminal: process.stdout.isTTY === true,
    cwd: process.cwd(),
  };

  try {
    process.exitCode = run(process.argv.slice(2), processIo);
  } catch (error) {
    stderr(errorLine(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    process.exitCode = EXIT.failure;
  }
  if (stdoutFailure !== undefined) {
    stderr(errorLine(`cannot write the output: ${stdoutFailure}`));
    process.exitCode = EXIT.failure;
  }
}
