import { dirname } from 'node:path';
import { GuardError, readGuarded, Scope, UNIT_FILE_MAX_BYTES } from './guardedFs';
import { tooLargeToCheck } from './memoryRoom';
import { COMPACT_FROM, CompactText } from './compactText';

/**
 * Reads a file as systemd would see its text: UTF-8, with invalid sequences turned into U+FFFD so
 * the parser can point at them. Only regular files are read, through links that stay in `scope`
 * (by default the file's own folder).
 */
export function readUnitFile(path: string, scope: Scope = Scope.within([dirname(path)])): string {
  return decodeUnitText(readGuarded(path, UNIT_FILE_MAX_BYTES, scope));
}

/**
 * A unit file's text, with `held` when it is held compactly: `text` is then the string that
 * stands for it in the parser (see CompactText.standIn).
 */
export interface UnitText {
  text: string;
  held?: CompactText;
}

/** A file's text as readUnitFile() reads it; with `compactly`, a long one held compactly where it can be (see node/compactText.ts). */
export function readUnitText(path: string, scope: Scope, compactly: boolean): UnitText {
  return decodeUnitBytes(readGuarded(path, UNIT_FILE_MAX_BYTES, scope), compactly);
}

/**
 * Decodes the bytes of a unit file. A leading byte order mark is kept (the
 * parser reports on it as systemd reads it) and invalid UTF-8 becomes U+FFFD
 * instead of an exception. A unit too large to check in the memory left to
 * the process is refused (a GuardError), not decoded: see memoryRoom.ts.
 */
export function decodeUnitText(bytes: Uint8Array): string {
  return decodeUnitBytes(bytes, false).text;
}

/** The text of a unit file's bytes (see decodeUnitText); with `compactly`, a long one held compactly where it can be. */
export function decodeUnitBytes(bytes: Uint8Array, compactly: boolean): UnitText {
  const tooLarge = tooLargeToCheck(bytes);
  if (tooLarge !== undefined) throw new GuardError(tooLarge, 'too-large');
  const held = compactly && bytes.length >= COMPACT_FROM ? CompactText.standIn(bytes) : undefined;
  return held ?? { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes) };
}
