/**
 * The exposure report as a page of the extension's own webview. The server writes the report in
 * markdown with `file:` links to lines (`[web.service:12](<file:///…/web.service#L12>)`); VS Code's
 * markdown preview neither renders nor follows such links, so here they become links to a command
 * that opens the file at that line, and the page only allows that command. Pure: no `vscode`.
 */

/** A line link of the report: `](<URI#L12>)`. */
const LINE_LINK = /\]\(<([^<>\s]+)#L(\d+)>\)/g;

/**
 * The report's line links rewritten as `command:` links: `command:NAME?["URI",12]` (the arguments
 * URI-encoded JSON), which a webview that allows the command runs on a click.
 */
export function commandLinks(markdown: string, command: string): string {
  return markdown.replace(LINE_LINK, (_match, uri: string, line: string) => {
    const args = encodeURIComponent(JSON.stringify([uri, Number(line)]));
    return `](command:${command}?${args})`;
  });
}

/** The files the report's line links point to (their URIs, without the line). */
export function lineLinkTargets(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(LINE_LINK)].map((m) => m[1] as string))];
}

/** The arguments of a line command, checked: the URI and the 1-based line, or undefined. */
export function lineCommandArguments(uri: unknown, line: unknown): { uri: string; line: number } | undefined {
  if (typeof uri !== 'string' || uri === '') return undefined;
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 1) return undefined;
  return { uri, line };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A whole page around the rendered report: no scripts, no resources, styles from the theme's
 * colours and fonts.
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
</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}
