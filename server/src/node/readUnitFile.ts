import { readFileSync } from 'node:fs';

/**
 * Reads a file as systemd would see its text: UTF-8, with invalid sequences
 * turned into U+FFFD so the parser can point at them.
 */
export function readUnitFile(path: string): string {
  return decodeUnitText(readFileSync(path));
}

/**
 * Decodes the bytes of a unit file. A leading byte order mark is kept (the
 * parser reports on it as systemd reads it) and invalid UTF-8 becomes U+FFFD
 * instead of an exception.
 */
export function decodeUnitText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}
