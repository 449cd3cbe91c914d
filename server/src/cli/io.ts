/** What a command may touch besides the file system: its streams and folder. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (for the path `-`). */
  readStdin(): Uint8Array;
  /** The folder relative paths are resolved against. */
  cwd: string;
  /** Standard output is a terminal: a patch printed there is read by a person, not applied. */
  stdoutIsTerminal?: boolean;
}

/** Every message to stderr carries the program's name, as Unix tools do. */
export function errorLine(message: string): string {
  return `unitguard: ${message}\n`;
}

/** A stderr reporter that says each message once per run (settings-file problems shared by many units). */
export function onceReporter(io: CliIo): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    io.stderr(errorLine(message));
  };
}
