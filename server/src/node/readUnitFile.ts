import { dirname } from 'node:path';
import { readGuarded, Scope, UNIT_FILE_MAX_BYTES } from './guardedFs';

/**
 * Reads a file as systemd would see its text: UTF-8, with invalid sequences turned into U+FFFD so
 * the parser can point at them. Only regular files are read, through links that stay in `scope`
 * (by default the file's own folder).
 */
export function readUnitFile(path: string, scope: Scope = Scope.within([dirname(path)])): string {
  return decodeUnitText(readGuarded(path, UNIT_FILE_MAX_BYTES, scope));
}

/**
 * Decodes the bytes of a unit file. A leading byte order mark is kept (the
 * parser reports on it as systemd reads it) and invalid UTF-8 becomes U+FFFD
 * instead of an exception.
 */
export function decodeUnitText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}
