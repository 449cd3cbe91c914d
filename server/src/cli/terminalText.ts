/**
 * Text that came from files (a unit's keys and values, a file's name, a settings file's words) as
 * a terminal is given it. A terminal acts on control characters: they move the cursor, clear the
 * screen, set the window's title or hide what follows, so a unit could hide its own findings from
 * the person reading them. Marks that reorder the characters after them (bidirectional overrides)
 * could make a line read as something else. Each is written as an escape (`\x1b`, `\u202e`), and
 * line breaks inside a line of text as `\n`; tabs and the text's own line ends stay.
 */

/** Control characters other than tab and line feed, DEL, C1 controls, and the bidirectional marks. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escaped(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Lines of text for a terminal: each line's unsafe characters escaped, the line ends kept. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** One line of text for a terminal: unsafe characters and line breaks escaped. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/\n/g, '\\n');
}
