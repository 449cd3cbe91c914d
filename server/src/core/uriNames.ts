/** How a document is named to the user, from its URI: never throws, whatever the URI holds. */

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The last part of the URI's path, decoded (`web.service`). */
export function uriFileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return safeDecode(path.slice(path.lastIndexOf('/') + 1));
}

/** The file name, with its folder for a drop-in (`web.service.d/10-net.conf`), which is known by both. */
export function uriFileLabel(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = uriFileName(path);
  const folder = path.slice(0, path.lastIndexOf('/'));
  const parent = safeDecode(folder.slice(folder.lastIndexOf('/') + 1));
  return parent.endsWith('.d') && name.endsWith('.conf') ? `${parent}/${name}` : name;
}
