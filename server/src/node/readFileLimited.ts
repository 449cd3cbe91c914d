import { readFileSync, statSync } from 'node:fs';

/**
 * Reads a regular file of at most `maxBytes`. Anything else (a FIFO, a device such as /dev/zero,
 * a folder, a file too large) is refused with an error that says why, before a byte is read, so
 * that a path named in a workspace cannot hang or exhaust the server or the CLI.
 */
export function readFileLimited(path: string, maxBytes: number): Buffer {
  const stat = statSync(path);
  if (!stat.isFile()) throw new Error(`${path} is not a regular file`);
  if (stat.size > maxBytes) throw new Error(`${path} is larger than ${maxBytes} bytes`);
  return readFileSync(path);
}

/** Settings files (.unitguardrc, security policies): 1 MiB is far more than any needs. */
export const SETTINGS_FILE_MAX_BYTES = 1024 * 1024;

/** Unit files: generous, so that an oversized file still reaches the parser and gets its diagnostic. */
export const UNIT_FILE_MAX_BYTES = 256 * 1024 * 1024;
