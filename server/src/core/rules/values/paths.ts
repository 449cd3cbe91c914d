/** What makes a path acceptable to systemd's path parsers: absolute after specifiers, and normalized. */
import { ABSOLUTE_PATH_SPECIFIERS } from '../../kb';

/** Specifiers that expand to a name or a number rather than a path. */
const NAME_SPECIFIERS: ReadonlySet<string> = new Set([...'aAbBgGHiIjJlmMnNopPquUvwW%']);

/**
 * Whether a path is absolute as systemd sees it after expanding specifiers: it starts with "/",
 * or with a specifier that expands to an absolute path (%t, %h, %S, ...). One that expands to a
 * name (%n, %i, ...) makes the path relative; an unknown one is left to systemd.
 */
export function isAbsoluteOrSpecifier(path: string): boolean {
  if (path.startsWith('/')) return true;
  if (!path.startsWith('%')) return false;
  const letter = path[1] ?? '';
  return ABSOLUTE_PATH_SPECIFIERS.has(letter) || !NAME_SPECIFIERS.has(letter);
}

/** A path with a ".." component, which systemd calls not normalized and ignores. */
export function hasDotDot(path: string): boolean {
  return path.split('/').includes('..');
}

/** An absolute, normalized path (specifiers allowed where they expand to one). */
export function isAbsoluteNormalized(path: string): boolean {
  return isAbsoluteOrSpecifier(path) && !hasDotDot(path);
}
