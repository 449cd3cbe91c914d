/**
 * The exposure report as a page of the extension's own webview. The server writes the report in
 * markdown with `file:` links to lines (`[web.service:12](<file:///…/web.service#L12>)`) and to
 * the quick fixes offered on a line (`[Add …](<file:///…/web.service#L9-fix>)`); VS Code's
 * markdown preview neither renders nor follows such links, so here they become links to commands
 * that open the file at that line or apply the fix, and the page only allows those commands.
 * Pure: no `vscode`.
 */

/** A line link of the report: `](<URI#L12>)`. */
const LINE_LINK = /\]\(<([^<>\s]+)#L(\d+)>\)/g;
/** A quick fix link of the report: `[TITLE](<URI#L12-fix>)`, the title escaped as markdown. */
const FIX_LINK = /\[((?:\\.|[^\]\\])+)\]\(<([^<>\s]+)#L(\d+)-fix>\)/g;

/** A `command:` link; parentheses are encoded too, which would end a markdown link early. */
function commandHref(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * The report's links rewritten as `command:` links, which a webview that allows the commands runs
 * on a click: line links as `command:LINE?["URI",12]`, quick fix links as
 * `command:FIX?["URI",12,"TITLE"]` (the arguments URI-encoded JSON).
 */
export function commandLinks(markdown: string, lineCommand: string, fixCommand?: string): string {
  const fixed = fixCommand
    ? markdown.replace(FIX_LINK, (_match, text: string, uri: string, line: string) => `[${text}](${commandHref(fixCommand, [uri, Number(line), unescapeMarkdown(text)])})`)
    : markdown;
  return fixed.replace(LINE_LINK, (_match, uri: string, line: string) => `](${commandHref(lineCommand, [uri, Number(line)])})`);
}

/** Markdown's backslash escapes taken out: the text the link shows. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** The files the report's links point to, to a line or to a quick fix (their URIs, without the line). */
export function lineLinkTargets(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(LINE_LINK), ...markdown.matchAll(FIX_LINK)].map((m) => m[m.length - 2] as string))];
}

/** The arguments of a line command, checked: the URI and the 1-based line, or undefined. */
export function lineCommandArguments(uri: unknown, line: unknown): { uri: string; line: number } | undefined {
  if (typeof uri !== 'string' || uri === '') return undefined;
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 1) return undefined;
  return { uri, line };
}

/** The arguments of a quick fix command, checked: the URI, the 1-based line and the fix's title, or undefined. */
export function fixCommandArguments(uri: unknown, line: unknown, title: unknown): { uri: string; line: number; title: string } | undefined {
  const at = lineCommandArguments(uri, line);
  if (!at || typeof title !== 'string' || title.trim() === '') return undefined;
  return { ...at, title };
}

/**
 * Each table cell of rendered HTML labelled with its column's header (`<td data-label="Where">`),
 * so that a narrow page can show the cells of a row one under the other, each with its name.
 */
export function labelCells(html: string): string {
  // The markdown extension's renderer gives its elements attributes of its own (`data-line`, `class`).
  return html.replace(/<table\b[^>]*>([\s\S]*?)<\/table>/g, (table: string) => {
    const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
    const labels = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => escapeHtml(decodeEntities((m[1] as string).replace(/<[^>]*>/g, '')).trim()));
    if (labels.length === 0) return table;
    return table.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g, (row: string) => {
      let column = 0;
      return row.replace(/<td\b/g, () => `<td data-label="${labels[column++] ?? ''}"`);
    });
  });
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A whole page around the rendered report: no scripts, no resources, styles from the theme's
 * colours and fonts. Below 720 px (a half-width editor) a table's rows become compact cards: the
 * mark, the check and its exposure on the first line, the description under them, then each other
 * cell under its column's name, so nothing is off-screen; empty cells take no room.
 */
export function reportPage(title: string, bodyHtml: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; line-height: 1.45; }
  h1 { font-size: 1.5em; font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.3em; }
  a { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
  code { font-family: var(--vscode-editor-font-family); font-size: 0.95em; }
  table { border-collapse: collapse; margin-top: 0.5em; font-size: 0.92em; }
  th, td { border: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35)); padding: 3px 8px; vertical-align: top; }
  th { text-align: left; font-weight: 600; }
  tbody tr:nth-child(odd) { background: var(--vscode-editor-inactiveSelectionBackground, transparent); }
  h2 { font-size: 1.15em; font-weight: 600; margin-top: 1.5em; }
  @media (max-width: 720px) {
    body { padding: 0 10px 12px; }
    h1 { font-size: 1.3em; }
    table, thead, tbody { display: block; }
    thead { display: none; }
    table { border: 0; font-size: 1em; }
    tr { display: grid; grid-template-columns: auto 1fr auto; column-gap: 8px; align-items: baseline; border: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35)); border-radius: 4px; margin: 0 0 6px; padding: 3px 8px; }
    tbody tr:nth-child(odd) { background: transparent; }
    td { display: block; grid-column: 1 / -1; border: 0; padding: 1px 0; text-align: left !important; overflow-wrap: anywhere; }
    td:empty { display: none; }
    td[data-label]::before { content: attr(data-label) ": "; opacity: 0.75; font-weight: normal; }
    td[data-label=""] { grid-column: 1; grid-row: 1; }
    td[data-label="Check"] { grid-column: 2; grid-row: 1; font-weight: 600; }
    td[data-label="Exposure"] { grid-column: 3; grid-row: 1; font-weight: 600; }
    td[data-label=""]::before, td[data-label="Check"]::before, td[data-label="Description"]::before { content: none; }
  }
</style>
</head>
<body>
${labelCells(bodyHtml)}
</body>
</html>
`;
}
