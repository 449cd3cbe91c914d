/** The exposure report's page in the VS Code webview: line links become command links, nothing else changes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandLinks, escapeHtml, lineCommandArguments, lineLinkTargets, reportPage } from '../../client/src/reportPage';
import { createUnitDocument } from '../../server/src/core';
import { securityReportMarkdown } from '../../server/src/core/features/securityLens';

const COMMAND = 'unitguard.openLine';

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
