/**
 * Names that make no URI, and URIs that decode to no name: a patch whose file names hold a lone
 * surrogate (no UTF-8 form, so no URI and no path on disk) is reviewed from its hunks, with the
 * name written as it can be; documents opened with it in one burst get their diagnostics as well;
 * a URI with a malformed percent-escape works for fix-all's report as it does for everything else.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { frame, type LspClient } from '../support/lspClient';
import { openDocument, startServer, type PublishDiagnosticsParams } from './harness';

/** A patch that adds a setting with an unknown value to the unit `name`. */
function patchOf(name: string): string {
  return `diff --git a/${name} b/${name}\n--- a/${name}\n+++ b/${name}\n@@ -1,2 +1,3 @@\n [Service]\n ExecStart=/bin/true\n+SystemCallFilter=@bogus\n`;
}

describe('names that make no URI, and URIs with malformed escapes', () => {
  let client: LspClient;
  let folder: string;
  let uriIn: (name: string) => string;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'unitguard-uri-names-'));
    uriIn = (name) => pathToFileURL(path.join(folder, name)).href;
    client = startServer();
    await client.initialize({ rootUri: uriIn(''), workspaceFolders: [{ uri: uriIn(''), name: 'ws' }] });
  });
  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  for (const [label, name] of [
    ['a lone high surrogate', '\uD800.service'],
    ['a lone low surrogate', 'a\uDC00b.service'],
  ] as const) {
    test(`a patch of a file named with ${label} is reviewed from its hunks: diagnostics, lens, hover and report`, async () => {
      const uri = uriIn(`${label.replace(/ /g, '-')}.patch`);
      const published = await openDocument(client, uri, patchOf(name), 1, 'diff');
      assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
      assert.match(published.diagnostics[0].message, /\uFFFD/, 'the name is written with U+FFFD where it has no character');
      assert.equal(published.diagnostics[0].range && (published.diagnostics[0].range as { start: { line: number } }).start.line, 6);
      const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(lenses.length, 1);
      assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 3 } }));
      const report = await client.request<{ markdown: string }>('unitguard/reviewReport', { uri });
      assert.match(report.markdown, /SystemCallFilter/);
    });
  }

  test('a unit and a good patch opened in the same write as such a patch get their diagnostics', async () => {
    const bad = uriIn('burst-bad.patch');
    const unit = uriIn('burst.service');
    const good = uriIn('burst-good.patch');
    const wait = (uri: string) => client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 5000);
    const published = [wait(bad), wait(unit), wait(good)];
    const open = (uri: string, languageId: string, text: string) => frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId, version: 1, text } } });
    client.writeRaw(
      Buffer.concat([
        open(bad, 'diff', patchOf('\uD800.service')),
        open(unit, 'systemd-unit', '[Service]\nExecStart=/bin/true\nSystemCallFilter=@bogus\n'),
        open(good, 'diff', patchOf('ok.service')),
      ]),
    );
    const [badDiagnostics, unitDiagnostics, goodDiagnostics] = await Promise.all(published);
    for (const [what, p] of [
      ['the patch with the bad name', badDiagnostics],
      ['the unit', unitDiagnostics],
      ['the good patch', goodDiagnostics],
    ] as const) {
      assert.ok(p.diagnostics.some((d) => /system call group/i.test(d.message)), `${what}: ${JSON.stringify(p.diagnostics)}`);
    }
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && /Unexpected|failed/i.test(String((n.params as { message?: unknown }).message)));
    assert.deepEqual(errors, []);
  });

  test('fix-all of a unit whose URI has a malformed percent-escape: its report command is run like any other', async () => {
    const uri = 'file:///tmp/bad%ZZ%E0%A4.service';
    await openDocument(client, uri, '[Service]\nExecStart=/bin/true\nPrivateTmp=yes\nPrivateTmp=yes\nMemoryLimit=1G\n');
    const actions = await client.request<Array<{ command?: { command: string; arguments?: unknown[] } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.unitguard'] },
    });
    const command = actions.find((a) => a.command)?.command;
    assert.ok(command, `fix-all has a command: ${JSON.stringify(actions)}`);
    const logged = client.waitForNotification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Fix all in '));
    assert.equal(await client.request('workspace/executeCommand', { command: command.command, arguments: command.arguments }), null);
    assert.match((await logged).message, /^Fix all in bad%ZZ%E0%A4\.service:/, 'the file is named as written where it does not decode');
  });
});
