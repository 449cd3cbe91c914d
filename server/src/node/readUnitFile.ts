import { readFileSync } from 'node:fs';

/**
 * Reads a file as systemd would see its text: UTF-8, with invalid sequences
 * turned into U+FFFD so the parser can point at them.
 */
export function readUnitFile(path: string): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(readFileSync(path));
}
