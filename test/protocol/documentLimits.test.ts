/**
 * What the server keeps of one document: a document longer than it checks gets one diagnostic
 * that says so and no other work, until an edit brings it back under the limit; a check that runs
 * out of the worker's memory ends the worker, not the server, which says the document was not
 * checked and goes on serving every other one.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CHECKED_LENGTH, MAX_CHECKED_LINES, NOT_CHECKED } from '../../server/src/lsp/documentLimits';
import { generateUnit } from '../bench/generate';
import { openDocument, startServer, type PublishDiagnosticsParams } from './harness';

const LINE = 'Description=a line repeated past the length the server checks\n';

describe('document limits', () => {
  test('a document longer than the limit is not parsed; an edit that shortens it is checked again', async () => {
    const client = startServer({ timeoutMs: 120_000 });
    try {
      await client.initialize();
      const uri = 'file:///limits/huge.service';
      const head = '[Service]\nExecStart=/usr/bin/huge\nNice=5\nNice=6\n';
      const text = head + LINE.repeat(Math.ceil(MAX_CHECKED_LENGTH / LINE.length) + 1);
      assert.ok(text.length > MAX_CHECKED_LENGTH);
      const published = await openDocument(client, uri, text, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        [NOT_CHECKED],
      );
      assert.match(published.diagnostics[0].message, /^Not checked: UnitGuard checks documents of up to 32\.0 MB, and this one is 32\.\d MB\./);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } }), null);
      // Everything after the fourth line goes: the duplicate Nice= is found again.
      const lines = text.split('\n').length - 1;
      const next = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: lines, character: 0 } }, text: '' }],
      });
      const shortened = await next;
      assert.ok(!shortened.diagnostics.some((d) => d.code === NOT_CHECKED));
      assert.ok(shortened.diagnostics.some((d) => d.code === 'duplicate-directive'));
    } finally {
      client.kill();
    }
  });

  test('a document of more lines than the limit is not parsed, however short', async () => {
    const client = startServer({ timeoutMs: 120_000 });
    try {
      await client.initialize();
      const uri = 'file:///limits/lines.service';
      // 6 MB, far under the length limit: each line is still an entry of the tree, and a finding.
      const text = '[Service]\nNice=5\nNice=6\n' + 'A=\n'.repeat(MAX_CHECKED_LINES);
      const published = await openDocument(client, uri, text, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        [NOT_CHECKED],
      );
      assert.match(published.diagnostics[0].message, /^Not checked: UnitGuard checks documents of up to 2,000,000 lines, and this one has 2,000,004\./);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } }), null);
      const next = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: MAX_CHECKED_LINES + 3, character: 0 } }, text: '' }],
      });
      const shortened = await next;
      assert.ok(!shortened.diagnostics.some((d) => d.code === NOT_CHECKED));
      assert.ok(shortened.diagnostics.some((d) => d.code === 'duplicate-directive'));
    } finally {
      client.kill();
    }
  });

  test('a check that needs more than the worker may take is reported, and the server goes on', async () => {
    const client = startServer({ timeoutMs: 120_000, env: { ...process.env, UNITGUARD_WORKER_HEAP_MB: '16' } });
    try {
      await client.initialize();
      const large = 'file:///limits/large.service';
      // Past the worker threshold (about 700 KB): checked on the worker, whose 16 MB do not suffice.
      const published = await openDocument(client, large, generateUnit(24_000), 1);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        [NOT_CHECKED],
      );
      assert.match(published.diagnostics[0].message, /needed more than the 16 MB of memory/);
      // The server still answers, and checks small documents as before.
      const small = await openDocument(client, 'file:///limits/small.service', '[Service]\nExecStart=/usr/bin/x\nNice=5\nNice=6\n', 1);
      assert.ok(small.diagnostics.some((d) => d.code === 'duplicate-directive'));
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: 'file:///limits/small.service' }, position: { line: 2, character: 1 } });
      assert.ok(hover && hover.contents);
    } finally {
      client.kill();
    }
  });
});
