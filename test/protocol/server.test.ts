/**
 * The built language server over real stdio, spoken to as an editor does:
 * initialize, open, outline, folding, incremental edits, close, shutdown.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseProblems } from '../../server/src/core';
import { frame, type LspClient } from '../support/lspClient';
import { plainOffset, plainPositionAt } from '../support/plainText';
import {
  assertMatches,
  closeDocument,
  coreDiagnostics,
  coreFoldingRanges,
  coreSymbols,
  fixtureUri,
  fixturesDir,
  openDocument,
  readFixture,
  repoRoot,
  startServer,
  type PublishDiagnosticsParams,
} from './harness';

interface FixtureCase {
  name: string;
  file: string;
  diagnostics: unknown[];
  symbols: unknown[];
  foldingRanges: unknown[];
}

const cases = JSON.parse(readFileSync(path.join(fixturesDir, 'cases.json'), 'utf8')) as FixtureCase[];
const packageVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const project = (diagnostics: PublishDiagnosticsParams['diagnostics']): unknown[] =>
  diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));

describe('language server over stdio', () => {
  let client: LspClient;

  before(() => {
    client = startServer();
  });
  after(() => client.kill());

  test('initialize announces incremental sync, symbols, folding and serverInfo', async () => {
    const result = await client.initialize<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }>();
    const sync = result.capabilities.textDocumentSync;
    const change = typeof sync === 'number' ? sync : (sync as { change?: number } | undefined)?.change;
    assert.equal(change, 2, 'textDocumentSync must be Incremental (2)');
    if (typeof sync === 'object') assert.equal((sync as { openClose?: boolean }).openClose, true);
    assert.ok(result.capabilities.documentSymbolProvider, 'documentSymbolProvider');
    assert.ok(result.capabilities.foldingRangeProvider, 'foldingRangeProvider');
    assert.deepEqual(result.serverInfo, { name: 'unitguard-language-server', version: packageVersion });
  });

  for (const c of cases) {
    test(`fixture ${c.file}: ${c.name}`, async () => {
      const uri = fixtureUri(c.file);
      const text = readFixture(c.file);
      const published = await openDocument(client, uri, text, 1);
      // The form problems are exactly the expected ones; whatever else is
      // published is what the core computes for the text.
      const formProblems = published.diagnostics.filter((d) => typeof d.code === 'string' && d.code in parseProblems);
      assertMatches(formProblems, c.diagnostics, 'published diagnostics');
      assert.deepStrictEqual(project(published.diagnostics), coreDiagnostics(uri, text, 1), 'the core computes the same diagnostics');

      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assertMatches(symbols, c.symbols, 'document symbols');

      const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepStrictEqual(folds, c.foldingRanges, 'folding ranges');

      const cleared = await closeDocument(client, uri);
      assert.deepStrictEqual(cleared.diagnostics, [], 'didClose clears the diagnostics');
      assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), null, 'a closed document has no outline');
    });
  }

  test('incremental didChange sequences leave the server with the client text', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(initialText, editSequence, async (text, notifications) => {
        const uri = `file:///protocol/edits/run-${++run}.service`;
        let version = 1;
        // The reference is a plain string: each edit replaces the characters between two offsets.
        let expectedText = text;
        await openDocument(client, uri, text, version);
        for (const edits of notifications) {
          version++;
          const changes = edits.map((edit) => {
            const { change, text: after } = toChange(expectedText, edit);
            expectedText = after;
            return change;
          });
          client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        }
        const published = await client.waitForNotification<PublishDiagnosticsParams>(
          'textDocument/publishDiagnostics',
          (p) => p.uri === uri && p.version === version,
        );
        assert.deepStrictEqual(project(published.diagnostics), coreDiagnostics(uri, expectedText, version), 'diagnostics after the edits');
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepStrictEqual(symbols, coreSymbols(uri, expectedText), 'symbols after the edits');
        const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
        assert.deepStrictEqual(folds, coreFoldingRanges(uri, expectedText), 'folding ranges after the edits');
        await closeDocument(client, uri);
        client.takeNotifications('textDocument/publishDiagnostics');
      }),
      { numRuns: 150 },
    );
  });

  test('a didChange that keeps the version number is applied: diagnostics, symbols and folds follow the text', async () => {
    const uri = 'file:///protocol/edits/same-version.service';
    const before = '[Service]\nType=bogusX\n';
    const after = '[Service]\nType=bogusY\n\n[Install]\nWantedBy=multi-user.target\n';
    const opened = await openDocument(client, uri, before, 3);
    assert.deepStrictEqual(project(opened.diagnostics), coreDiagnostics(uri, before, 3));
    // Asked once at this version: the store has parsed it.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 10 }, end: { line: 2, character: 0 } }, text: 'Y\n\n[Install]\nWantedBy=multi-user.target\n' }],
    });
    const published = await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.message.includes('bogusY')));
    assert.deepStrictEqual(project(published.diagnostics), coreDiagnostics(uri, after, 3));
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), coreSymbols(uri, after));
    assert.deepStrictEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), coreFoldingRanges(uri, after));
    await closeDocument(client, uri);
    client.takeNotifications('textDocument/publishDiagnostics');
  });

  test('a burst of changes that arrives at once is checked once, at its last version, after the hover that came with it', async () => {
    const uri = 'file:///protocol/edits/burst.service';
    const text = '[Service]\nType=simple\nExecStart=/bin/true\n';
    await openDocument(client, uri, text, 1);
    const typed = 'bogus';
    const changes = [...typed].map((character, i) => ({
      jsonrpc: '2.0',
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range: { start: { line: 1, character: 5 + i }, end: { line: 1, character: 5 + i } }, text: character }],
      },
    }));
    const hoverId = client.allocateId();
    const hover = { jsonrpc: '2.0', id: hoverId, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 2, character: 2 } } };
    const order: string[] = [];
    const last = typed.length + 1;
    const answered = client.waitForResponse(hoverId).then((response) => {
      order.push('hover');
      return response;
    });
    const published = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === last).then((p) => {
      order.push('diagnostics');
      return p;
    });
    // One write: the server reads the six messages together, as it does from a client that sent them in a burst.
    client.writeRaw(Buffer.concat([...changes.slice(0, 3), hover, ...changes.slice(3)].map((message) => frame(message))));
    const [response, diagnostics] = await Promise.all([answered, published]);
    assert.ok(response.result, 'the hover is answered');
    assert.deepEqual(order, ['hover', 'diagnostics']);
    assert.deepStrictEqual(project(diagnostics.diagnostics), coreDiagnostics(uri, '[Service]\nType=bogussimple\nExecStart=/bin/true\n', last));
    const others = client.takeNotifications<PublishDiagnosticsParams>('textDocument/publishDiagnostics').filter((p) => p.uri === uri);
    assert.deepEqual(others.map((p) => p.version), [], 'no diagnostics for the versions in between');
    await closeDocument(client, uri);
    client.takeNotifications('textDocument/publishDiagnostics');
  });

  test('shutdown then exit ends the process with code 0', async () => {
    const exit = await client.shutdown();
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.deepEqual(client.protocolErrors, [], 'everything the server wrote was well framed JSON-RPC');
  });
});

describe('server lifecycle', () => {
  test('exit without shutdown ends the process with code 1', async () => {
    const client = startServer();
    try {
      await client.initialize();
      client.notify('exit');
      assert.deepEqual(await client.waitForExit(), { code: 1, signal: null });
    } finally {
      client.kill();
    }
  });

  test('the process ends when the client closes stdin (code 0 after shutdown, 1 without)', async () => {
    for (const [shutdownFirst, code] of [[true, 0], [false, 1]] as const) {
      const client = startServer();
      try {
        await client.initialize();
        if (shutdownFirst) await client.request('shutdown');
        client.process.stdin.end();
        assert.deepEqual(await client.waitForExit(), { code, signal: null }, `shutdown first: ${shutdownFirst}`);
      } finally {
        client.kill();
      }
    }
  });
});

/** Lines of unit files, broken ones included. */
const line = fc.constantFrom(
  '[Unit]', '[Service]', '[Install]', '[Install] trailing', '[Bad', 'Description=Nightly backup', 'ExecStart=/usr/bin/backup \\',
  '    --all', 'ProtectSystem=strict', 'not an assignment', '=no key', '# comment', '; note', '', 'Key=📦', 'A=b\u0000c', '\ufeffK=v',
);
const initialText = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

/** An edit, placed relative to the text it applies to when the sequence runs. */
interface Edit {
  at: number;
  length: number;
  text: string;
  shape: 'range' | 'full' | 'pastEnd';
}
const insertion = fc.oneof(
  line,
  fc.constantFrom('\n', '\r\n', '\r', '=', '[', ']', '\\', '#', ' ', '\t', '📦', '\ud83d', '\u0000', 'é'),
  fc.string({ maxLength: 6 }),
);
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 40 })),
  text: fc.oneof(fc.constant(''), insertion),
  shape: fc.constantFrom<Edit['shape']>('range', 'range', 'range', 'range', 'range', 'range', 'full', 'pastEnd'),
});
/** Up to eight didChange notifications, each with one to three content changes. */
const editSequence = fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

/** The change to send for an edit of `text`, and the text after it. */
function toChange(text: string, e: Edit): { change: unknown; text: string } {
  if (e.shape === 'full') return { change: { text: e.text }, text: e.text };
  const start = plainOffset(text, e.at % (text.length + 1));
  if (e.shape === 'pastEnd') {
    // A range running past the last line: it ends at the end of the text.
    const range = { start: plainPositionAt(text, start), end: { line: plainPositionAt(text, text.length).line + 3, character: 7 } };
    return { change: { range, text: e.text }, text: text.slice(0, start) + e.text };
  }
  const end = plainOffset(text, Math.min(text.length, start + e.length));
  const range = { start: plainPositionAt(text, start), end: plainPositionAt(text, end) };
  return { change: { range, rangeLength: end - start, text: e.text }, text: text.slice(0, start) + e.text + text.slice(Math.max(start, end)) };
}
