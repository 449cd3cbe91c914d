import { dirname } from 'node:path';
import { GuardError, readGuarded, Scope, UNIT_FILE_MAX_BYTES } from './guardedFs';
import { tooLargeToCheck } from './memoryRoom';

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
 * instead of an exception. A unit too large to check in the memory left to
 * the process is refused (a GuardError), not decoded: see memoryRoom.ts.
 */
export function decodeUnitText(bytes: Uint8Array): string {
  const tooLarge = tooLargeToCheck(bytes);
  if (tooLarge !== undefined) throw new GuardError(tooLarge, 'too-large');
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}
