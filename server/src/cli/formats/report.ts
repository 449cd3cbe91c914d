import type { Diagnostic } from '../../core';
import type { InputError } from '../files';

/** The diagnostics of one checked file. */
export interface FileReport {
  /** The path as shown to the user (as given, or joined below a given folder). */
  path: string;
  /** Absolute path on disk; undefined for standard input without `--stdin-filename`. */
  absolutePath: string | undefined;
  diagnostics: Diagnostic[];
}

/** Everything a run found, for the formats that print once at the end. */
export interface RunReport {
  files: FileReport[];
  /** Paths that could not be read. */
  errors: InputError[];
  /** The folder SARIF locations are relative to. */
  cwd: string;
  /** How many files were given to `file` (all checked files, printed as they went or not). */
  fileCount: number;
}

/** Where a format writes its output, piece by piece. */
export type Write = (text: string) => void;

/**
 * An output format. `file` is called as each file is checked (so text output
 * streams), `end` once after the last one.
 */
export interface Formatter {
  /** Whether the output lists the fixes of each diagnostic (they are then tried and scored first). */
  readonly showsFixes: boolean;
  /**
   * Whether `end` prints the files' diagnostics. When it does not, a file's
   * report is let go as soon as it is printed, and `end` gets no files.
   */
  readonly printsAtEnd: boolean;
  /** One checked file's report; `index` counts the files given before it. */
  file(report: FileReport, write: Write, index: number): void;
  end(run: RunReport, write: Write): void;
}
