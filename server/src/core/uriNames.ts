/**
 * Reading names out of URIs and making URIs of names. Clients send URIs with malformed
 * percent-escapes (`bad%ZZ.service`), and patches name files with text that no URI can hold (a
 * lone surrogate): these helpers never throw, whatever they are given, so every place that
 * decodes or encodes a URI part uses them.
 */

/** A run of percent-escapes: decoded together, since one character may take several bytes. */
const ESCAPES = /(?:%[0-9a-f]{2})+/gi;

/** Percent-escapes decoded; a run that is not UTF-8 stays as written (`bad%ZZ` and `%E0%A4` alike). */
export function decodeUriText(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(ESCAPES, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** A surrogate without its pair: text that has no UTF-8 form, so no URI can name it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a name can be written in UTF-8 (and so in a URI, or as a path on disk). */
export function isWellFormedName(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** One part of a URI's path, percent-encoded; a lone surrogate becomes U+FFFD, as UTF-8 decoders read it. */
export function encodeUriText(text: string): string {
  return encodeURIComponent(isWellFormedName(text) ? text : text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD'));
}

/** The last part of the URI's path, decoded (`web.service`). */
export function uriFileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeUriText(path.slice(path.lastIndexOf('/') + 1));
}

/** The file name, with its folder for a drop-in (`web.service.d/10-net.conf`), which is known by both. */
export function uriFileLabel(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = uriFileName(path);
  const folder = path.slice(0, path.lastIndexOf('/'));
  const parent = decodeUriText(folder.slice(folder.lastIndexOf('/') + 1));
  return parent.endsWith('.d') && name.endsWith('.conf') ? `${parent}/${name}` : name;
}

/**
 * A file of a unit as a message names it, beside a line number: a drop-in of the unit's own folder
 * by its file name, one of a folder that other units share (`service.d/`, `web-.service.d/`, a
 * template's) with that folder, as drop-ins of those folders may have the same file name.
 */
export function unitFileLabel(uri: string, unitName: string | undefined): string {
  const label = uriFileLabel(uri);
  const slash = label.indexOf('/');
  return slash >= 0 && label.slice(0, slash) === `${unitName}.d` ? label.slice(slash + 1) : label;
}
