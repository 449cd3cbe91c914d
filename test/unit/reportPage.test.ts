/** The exposure report's page in the VS Code webview: line links become command links, nothing else changes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandLinks, escapeHtml, fixCommandArguments, labelCells, lineCommandArguments, lineLinkTargets, reportPage } from '../../client/src/reportPage';
import { createUnitDocument, DEFAULT_SETTINGS, diagnoseWithFixes } from '../../server/src/core';
import { securityReportMarkdown } from '../../server/src/core/features/securityLens';

const COMMAND = 'unitguard.openLine';
const FIX_COMMAND = 'unitguard.applyReportFix';

/** The arguments of the first `command:NAME?…` link of a text. */
function commandArgs(text: string, name: string): unknown[] | undefined {
  const href = new RegExp(`\\(command:${name.replace(/\./g, '\\.')}\\?([^)\\s]+)\\)`).exec(text)?.[1];
  return href ? (JSON.parse(decodeURIComponent(href)) as unknown[]) : undefined;
}

test('a line link becomes a command link whose arguments are the URI and the line', () => {
  const markdown = '| ✗ | `User=` | runs as root | 1.0 | not set: [[Service] at web.service:6](<file:///srv/a%20b/web.service#L6>) |';
  const out = commandLinks(markdown, COMMAND);
  const href = /\]\((command:[^)]+)\)/.exec(out)?.[1];
  assert.ok(href, out);
  assert.ok(href.startsWith(`command:${COMMAND}?`));
  assert.deepEqual(JSON.parse(decodeURIComponent(href.slice(`command:${COMMAND}?`.length))), ['file:///srv/a%20b/web.service', 6]);
  // Only the link target changes, and the command link has nothing markdown would end early on.
  assert.equal(out.replace(/\(command:[^)]+\)/, '(X)'), markdown.replace(/\(<[^>]+>\)/, '(X)'));
  assert.doesNotMatch(href, /[\s()<>[\]]/);
});

test('every line link of a real report is rewritten, and the rest of the report is kept', () => {
  const uri = 'file:///etc/systemd/system/web.service';
  const report = securityReportMarkdown(createUnitDocument(uri, '[Service]\nExecStart=/usr/bin/web\nUser=web\nPrivateTmp=yes\n'), {}, { systemdVersion: 262 });
  const links = report.match(/\]\(<[^>]+#L\d+>\)/g) ?? [];
  assert.ok(links.length >= 3, 'the report has too few line links');
  const out = commandLinks(report, COMMAND);
  assert.equal((out.match(/\]\(command:unitguard\.openLine\?/g) ?? []).length, links.length);
  assert.doesNotMatch(out, /\]\(<file:/);
  assert.equal(out.split('\n').length, report.split('\n').length);
  // The files the links may open: the unit, once.
  assert.deepEqual(lineLinkTargets(report), [uri]);
});

test('text in a unit cannot make a line link of its own', () => {
  const uri = 'file:///etc/systemd/system/x.service';
  const report = securityReportMarkdown(createUnitDocument(uri, '[Service]\nExecStart=/bin/x\nUser=](<file:///etc/shadow#L1>)\n'), {}, { systemdVersion: 262 });
  assert.deepEqual(lineLinkTargets(report), [uri]);
  assert.doesNotMatch(commandLinks(report, COMMAND), /shadow/);
});

test('the line command takes only a URI and a line from 1', () => {
  assert.deepEqual(lineCommandArguments('file:///a.service', 3), { uri: 'file:///a.service', line: 3 });
  for (const [uri, line] of [['', 1], ['file:///a.service', 0], ['file:///a.service', 1.5], [42, 1], ['file:///a.service', '3'], [undefined, undefined]]) {
    assert.equal(lineCommandArguments(uri, line), undefined, JSON.stringify([uri, line]));
  }
});

test('the page runs no script, loads nothing and escapes its title', () => {
  const page = reportPage('Exposure: <b>&"x"</b>', '<h1>Report</h1>');
  assert.match(page, /default-src 'none'; script-src 'none'; style-src 'unsafe-inline';/);
  assert.doesNotMatch(page, /<script/i);
  assert.ok(page.includes('<title>Exposure: &lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</title>'));
  assert.ok(page.includes('<h1>Report</h1>'));
  assert.equal(escapeHtml('<a href="x">&</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
});

test('a quick fix link becomes a command link with the URI, the line and the title as the light bulb shows it', () => {
  const markdown = '| ✗ | `X=` | d | 0.2 | here | [Add X=native \\(−0.2\\) — review](<file:///srv/a%20b/x.service#L9-fix>)<br>[Other](<file:///srv/a%20b/x.service#L3>) |';
  const out = commandLinks(markdown, COMMAND, FIX_COMMAND);
  assert.deepEqual(commandArgs(out, FIX_COMMAND), ['file:///srv/a%20b/x.service', 9, 'Add X=native (−0.2) — review']);
  assert.deepEqual(commandArgs(out, COMMAND), ['file:///srv/a%20b/x.service', 3]);
  assert.ok(out.includes('[Add X=native \\(−0.2\\) — review](command:'), 'the link text changed');
  assert.doesNotMatch(out, /<file:/);
  assert.deepEqual(lineLinkTargets(markdown), ['file:///srv/a%20b/x.service']);
  // Without a fix command the fix links are left as they are.
  assert.ok(commandLinks(markdown, COMMAND).includes('#L9-fix>)'));
});

test("a real report's quick fixes link to the line of the finding that offers them, by the code action's title", () => {
  const uri = 'file:///etc/systemd/system/filter.service';
  const document = createUnitDocument(uri, '[Service]\nExecStart=/usr/bin/filter\nSystemCallFilter=@system-service\n');
  const pairs = diagnoseWithFixes(document, DEFAULT_SETTINGS).filter((d) => d.pairing !== undefined);
  const fixes = pairs.flatMap((d) => (d.fixes ?? []).map((fix) => ({ ...fix, line: d.range.start.line })));
  const offered = pairs.flatMap((d) => (d.fixes ?? []).map((fix) => ({ line: d.range.start.line + 1, title: fix.risk === 'review' ? `${fix.title} — review` : fix.title })));
  assert.ok(offered.some((f) => f.title.startsWith('Add SystemCallArchitectures=native')), JSON.stringify(offered));
  const out = commandLinks(securityReportMarkdown(document, {}, DEFAULT_SETTINGS, fixes), COMMAND, FIX_COMMAND);
  const links = [...out.matchAll(/\(command:unitguard\.applyReportFix\?([^)\s]+)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1] as string)) as [string, number, string]);
  assert.ok(links.length > 0, out);
  for (const [target, line, title] of links) {
    assert.equal(target, uri);
    assert.ok(offered.some((f) => f.line === line && f.title === title), `no fix "${title}" offered on line ${line}`);
  }
});

test('text in a unit cannot make a quick fix link of its own', () => {
  const uri = 'file:///etc/systemd/system/x.service';
  const report = securityReportMarkdown(createUnitDocument(uri, '[Service]\nExecStart=/bin/x\nUser=[a](<file:///etc/shadow#L1-fix>)\n'), {}, { systemdVersion: 262 });
  assert.deepEqual(lineLinkTargets(report), [uri]);
  assert.equal(commandArgs(commandLinks(report, COMMAND, FIX_COMMAND), FIX_COMMAND), undefined);
});

test('the quick fix command takes only a URI, a line from 1 and a title', () => {
  assert.deepEqual(fixCommandArguments('file:///a.service', 3, 'Add X'), { uri: 'file:///a.service', line: 3, title: 'Add X' });
  for (const [uri, line, title] of [['file:///a.service', 3, ''], ['file:///a.service', 3, 7], ['file:///a.service', 0, 'Add X'], ['', 1, 'Add X'], [undefined, undefined, undefined]]) {
    assert.equal(fixCommandArguments(uri, line, title), undefined, JSON.stringify([uri, line, title]));
  }
});

test("each table cell is labelled with its column's header, for the narrow layout", () => {
  const html = [
    '<h1>Exposure</h1>',
    '<table data-line="4" class="code-line" dir="auto">\n<thead data-line="4" class="code-line">\n<tr data-line="4" class="code-line">\n<th style="text-align:center"></th>\n<th>Check</th>\n<th>Quick <em>fix</em> &amp; &quot;more&quot;</th>\n</tr>\n</thead>',
    '<tbody data-line="6">\n<tr data-line="6" class="code-line">\n<td style="text-align:center">✗</td>\n<td><code>A=</code></td>\n<td><a href="x">Add</a></td>\n</tr>\n<tr>\n<td>✓</td>\n<td>B</td>\n<td></td>\n</tr>\n</tbody>\n</table>',
    '<p>after</p>',
  ].join('\n');
  const out = labelCells(html);
  const labels = [...out.matchAll(/<td data-label="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(labels, ['', 'Check', 'Quick fix &amp; &quot;more&quot;', '', 'Check', 'Quick fix &amp; &quot;more&quot;']);
  assert.equal(out.replace(/ data-label="[^"]*"/g, ''), html);
  assert.equal(labelCells('<p>no table</p>'), '<p>no table</p>');
});

test('below a half-width editor the table rows become cards whose cells show their column names', () => {
  const page = reportPage('Exposure', '<table><thead><tr><th>Where</th></tr></thead><tbody><tr><td>here</td></tr></tbody></table>');
  assert.ok(page.includes('<td data-label="Where">here</td>'), 'the page does not label its cells');
  const narrow = /@media \(max-width: (\d+)px\) \{([\s\S]*?)\n {2}\}/.exec(page);
  assert.ok(narrow, 'no narrow layout');
  assert.ok(Number(narrow[1]) >= 600, `the narrow layout starts below ${narrow[1]} px, narrower than a half-width editor`);
  assert.match(narrow[2], /thead \{ display: none; \}/);
  assert.match(narrow[2], /td \{ display: block; grid-column: 1 \/ -1;/);
  assert.match(narrow[2], /content: attr\(data-label\)/);
});
