/**
 * Small Markdown helpers for hover and completion docs. Editors render the
 * text as CommonMark; text taken from a unit file goes through `code` so
 * that it cannot turn into markup.
 */
import { maxOf } from '../../arrays';

/** Inline code, with a fence long enough for backticks inside the text. */
export function code(text: string): string {
  const longest = Math.max(0, maxOf(text.match(/`+/g) ?? [], (run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function link(label: string, url: string): string {
  return `[${label}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
}

/** `systemd 231+`, the way docs name the version that added something. */
export function sinceText(version: number | undefined): string | undefined {
  return version === undefined ? undefined : `systemd ${version}+`;
}

/** The warning for something added after the target version; undefined when the target has it. */
export function needsVersionText(since: number | undefined, target: number | undefined): string | undefined {
  if (since === undefined || target === undefined || since <= target) return undefined;
  return `**Needs ${sinceText(since)}**: not available in systemd ${target}, the version this file targets.`;
}

/** Joins the non-empty blocks with blank lines between them. */
export function blocks(...parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/**
 * Lists names compactly: the first `max` as inline code, then how many more.
 * `names` are shown as given, in order.
 */
export function compactList(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).map(code).join(', ');
  const rest = names.length - max;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

/** A man page link: `systemd.exec(5)`. */
export function manPageLabel(page: string): string {
  return `${page}(5)`;
}
