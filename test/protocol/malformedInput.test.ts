/**
 * Bad input at the protocol level: broken framing, broken JSON, broken
 * requests and notifications, huge and binary documents. The server answers
 * requests with a JSON-RPC error or null, never crashes, never writes a
 * malformed message, and still answers a normal request after each case.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient, ResponseMessage } from '../support/lspClient';
import { frame } from '../support/lspClient';
import { closeDocument, coreDiagnostics, coreSymbols, openDocument, readFixture, fixtureUri, startServer, type PublishDiagnosticsParams } from './harness';

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;

/** A document kept open the whole time: the "normal request" after every case asks for its outline. */
const healthyUri = fixtureUri('backup.service');
const healthyText = readFixture('backup.service');

interface Context {
  client: LspClient;
}

interface RawCase {
  name: string;
  /** Writes the bad input. */
  send(client: LspClient): void;
  /** The error the server answers with (id null for input it could not tie to a request). */
  answer?: { id: number | string | null; code: number };
}

const request = (id: number | string, method: string, params?: unknown): string =>
  JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });

const rawCases: RawCase[] = [
  { name: 'a body that is not JSON', send: (c) => c.writeRaw('Content-Length: 7\r\n\r\n{abc: 1'), answer: { id: null, code: PARSE_ERROR } },
  { name: 'a body that is cut-off JSON', send: (c) => c.writeRaw(`Content-Length: 20\r\n\r\n${request(901, 'shutdown').slice(0, 20)}`), answer: { id: null, code: PARSE_ERROR } },
  { name: 'a Content-Length that is not a number', send: (c) => c.writeRaw('Content-Length: abc\r\n\r\n'), answer: { id: null, code: PARSE_ERROR } },
  { name: 'a negative Content-Length', send: (c) => c.writeRaw('Content-Length: -5\r\n\r\n'), answer: { id: null, code: PARSE_ERROR } },
  { name: 'a header block without Content-Length', send: (c) => c.writeRaw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'), answer: { id: null, code: PARSE_ERROR } },
  { name: 'a header line without a colon', send: (c) => c.writeRaw('garbage\r\n\r\n'), answer: { id: null, code: PARSE_ERROR } },
  {
    name: 'a Content-Length shorter than the body (the rest is garbage until the next header)',
    send: (c) => {
      const body = request(902, 'textDocument/foldingRange', { textDocument: { uri: healthyUri } });
      c.writeRaw(`Content-Length: 10\r\n\r\n${body}`);
    },
    answer: { id: null, code: PARSE_ERROR },
  },
  { name: 'binary bytes instead of a message', send: (c) => c.writeRaw(Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10, 13, 10])), answer: { id: null, code: PARSE_ERROR } },
  { name: 'a JSON array (a batch)', send: (c) => c.send([1, 2, 3]), answer: { id: null, code: INVALID_REQUEST } },
  { name: 'JSON null', send: (c) => c.send(null), answer: { id: null, code: INVALID_REQUEST } },
  { name: 'a JSON string', send: (c) => c.send('initialize'), answer: { id: null, code: INVALID_REQUEST } },
  { name: 'a request whose method is a number', send: (c) => c.send({ jsonrpc: '2.0', id: 903, method: 7 }), answer: { id: 903, code: INVALID_REQUEST } },
  { name: 'a request with the wrong jsonrpc version', send: (c) => c.send({ jsonrpc: '1.0', id: 'v1', method: 'shutdown' }), answer: { id: 'v1', code: INVALID_REQUEST } },
  { name: 'a request without a method', send: (c) => c.send({ jsonrpc: '2.0', id: 904 }), answer: { id: 904, code: INVALID_REQUEST } },
  { name: 'a notification without a method (no answer)', send: (c) => c.send({ jsonrpc: '2.0', params: {} }) },
  { name: 'an unknown notification (no answer)', send: (c) => c.notify('unitguard/noSuchNotification', { x: 1 }) },
  { name: '$/cancelRequest for a request that does not exist', send: (c) => c.notify('$/cancelRequest', { id: 123456 }) },
  { name: 'a response to a request the server never sent', send: (c) => c.send({ jsonrpc: '2.0', id: 777, result: 'surprise' }) },
];

interface RequestCase {
  name: string;
  method: string;
  params?: unknown;
  /** An error code, or `null` for a null result. */
  expect: number | null;
}

const requestCases: RequestCase[] = [
  { name: 'an unknown method', method: 'unitguard/noSuchMethod', params: {}, expect: METHOD_NOT_FOUND },
  ...['textDocument/documentSymbol', 'textDocument/foldingRange'].flatMap((method): RequestCase[] => [
    { name: `${method} without params`, method, expect: INVALID_PARAMS },
    { name: `${method} with empty params`, method, params: {}, expect: INVALID_PARAMS },
    { name: `${method} with a textDocument without uri`, method, params: { textDocument: {} }, expect: INVALID_PARAMS },
    { name: `${method} with a uri that is a number`, method, params: { textDocument: { uri: 42 } }, expect: INVALID_PARAMS },
    { name: `${method} with a textDocument that is a string`, method, params: { textDocument: 'file:///x.service' }, expect: INVALID_PARAMS },
    { name: `${method} with params that are a string`, method, params: 'garbage', expect: INVALID_PARAMS },
    { name: `${method} with params by position`, method, params: [{ textDocument: { uri: healthyUri } }], expect: INVALID_PARAMS },
    { name: `${method} for a uri that was never opened`, method, params: { textDocument: { uri: 'file:///never/opened.service' } }, expect: null },
    { name: `${method} for a uri that is not a URI`, method, params: { textDocument: { uri: '\u0000 not a uri' } }, expect: null },
  ]),
];

interface NotificationCase {
  name: string;
  method: string;
  params?: unknown;
}

/** Notifications that must change nothing: afterwards the healthy document still has its outline. */
const notificationCases: NotificationCase[] = [
  { name: 'didChange for a document that is not open', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///not/open.service', version: 2 }, contentChanges: [{ text: '[Unit]' }] } },
  { name: 'didChange without params', method: 'textDocument/didChange' },
  { name: 'didChange with contentChanges that are not an array', method: 'textDocument/didChange', params: { textDocument: { uri: healthyUri, version: 50 }, contentChanges: 'x' } },
  { name: 'didChange with a range of strings', method: 'textDocument/didChange', params: { textDocument: { uri: healthyUri, version: 51 }, contentChanges: [{ range: { start: { line: '0', character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }] } },
  { name: 'didChange with a negative position', method: 'textDocument/didChange', params: { textDocument: { uri: healthyUri, version: 52 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }] } },
  { name: 'didChange with a fractional position', method: 'textDocument/didChange', params: { textDocument: { uri: healthyUri, version: 53 }, contentChanges: [{ range: { start: { line: 0.5, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }] } },
  { name: 'didChange whose text is not a string', method: 'textDocument/didChange', params: { textDocument: { uri: healthyUri, version: 54 }, contentChanges: [{ text: 42 }] } },
  { name: 'didChange without a version', method: 'textDocument/didChange', params: { textDocument: { uri: healthyUri }, contentChanges: [{ text: '' }] } },
  { name: 'didOpen without params', method: 'textDocument/didOpen' },
  { name: 'didOpen whose text is not a string', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///numeric.service', languageId: 'systemd-unit', version: 1, text: 42 } } },
  { name: 'didOpen without a version', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///noversion.service', languageId: 'systemd-unit', text: '[Unit]' } } },
  { name: 'didClose for a document that is not open', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///not/open.service' } } },
  { name: 'didClose with garbage params', method: 'textDocument/didClose', params: [1, 2] },
];

describe('malformed input at the protocol level', () => {
  const context = {} as Context;
  let healthySymbols: unknown;
  let capabilities: Record<string, unknown> = {};

  before(async () => {
    context.client = startServer();
    capabilities = (await context.client.initialize<{ capabilities: Record<string, unknown> }>()).capabilities;
    await openDocument(context.client, healthyUri, healthyText, 1);
    healthySymbols = coreSymbols(healthyUri, healthyText);
  });
  after(() => context.client.kill());

  /** The normal request after every case: the outline of the open document, unchanged. */
  async function assertHealthy(): Promise<void> {
    const { client } = context;
    assert.ok(client.running, `the server is running${client.stderr ? `; stderr: ${client.stderr}` : ''}`);
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: healthyUri } }), healthySymbols);
    assert.deepStrictEqual(client.protocolErrors, [], 'everything the server wrote was well framed JSON-RPC');
  }

  /** Waits for an answer not tied to one of our requests. */
  async function waitForUnmatched(predicate: (r: ResponseMessage) => boolean): Promise<ResponseMessage> {
    const { client } = context;
    // The healthy request after the bad input is answered after the bad
    // input's own answer (the server reads in order), so by then it is here.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: healthyUri } });
    const index = client.unmatchedResponses.findIndex(predicate);
    assert.ok(index >= 0, `an answer matching the test among ${JSON.stringify(client.unmatchedResponses)}`);
    return client.unmatchedResponses.splice(index, 1)[0];
  }

  for (const c of rawCases) {
    test(`raw: ${c.name}`, async () => {
      const { client } = context;
      client.unmatchedResponses.length = 0;
      c.send(client);
      if (c.answer) {
        const expected = c.answer;
        const answer = await waitForUnmatched((r) => r.id === expected.id);
        assert.equal(answer.error?.code, expected.code, JSON.stringify(answer));
        assert.equal(typeof answer.error?.message, 'string');
        assert.equal(answer.result, undefined);
      }
      await assertHealthy();
      if (!c.answer) {
        const answers = context.client.unmatchedResponses.filter((r) => r.error);
        assert.deepEqual(answers, [], 'no error answer for a message that needs none');
      }
    });
  }

  test('raw: a Content-Length longer than the body swallows the next message, and reading resynchronises on the one after', async () => {
    const { client } = context;
    const body = request(905, 'textDocument/foldingRange', { textDocument: { uri: healthyUri } });
    client.writeRaw(`Content-Length: ${Buffer.byteLength(body) + 25}\r\n\r\n${body}`);
    // This one is eaten by the frame above; its answer is not awaited.
    client.writeRaw(frame({ jsonrpc: '2.0', id: 906, method: 'textDocument/foldingRange', params: { textDocument: { uri: healthyUri } } }));
    await assertHealthy();
  });

  test('raw: a body with bytes that are not UTF-8 is read with replacement characters', async () => {
    const { client } = context;
    const uri = 'file:///protocol/broken-utf8.service';
    const before = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'systemd-unit', version: 1, text: '[Service]\nExecStart=/bin/x' } } }), 'utf8');
    const at = before.indexOf(Buffer.from('/bin/x'));
    const body = Buffer.concat([before.subarray(0, at), Buffer.from([0xff, 0xc3]), before.subarray(at)]);
    const published = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    const text = '[Service]\nExecStart=\ufffd\ufffd/bin/x';
    assert.deepStrictEqual(project((await published).diagnostics), coreDiagnostics(uri, text, 1));
    assert.ok((await published).diagnostics.some((d) => d.code === 'invalid-utf8'), 'the replacement characters are reported');
    await assertHealthy();
  });

  for (const c of requestCases) {
    test(`request: ${c.name}`, async () => {
      const response = await context.client.requestRaw(c.method, c.params);
      if (c.expect === null) {
        assert.equal(response.error, undefined, JSON.stringify(response));
        assert.equal(response.result, null);
      } else {
        assert.equal(response.error?.code, c.expect, JSON.stringify(response));
      }
      await assertHealthy();
    });
  }

  for (const c of notificationCases) {
    test(`notification: ${c.name}`, async () => {
      context.client.notify(c.method, c.params);
      await assertHealthy();
      const uri = (c.params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
      if (typeof uri === 'string' && uri !== healthyUri) {
        assert.equal(await context.client.request('textDocument/documentSymbol', { textDocument: { uri } }), null, 'the bad notification did not open the document');
      }
    });
  }

  test('every request the server announces answers garbage params with InvalidParams or an empty result, never an internal error', async () => {
    const { client } = context;
    const announced = Object.keys(capabilities).filter((name) => capabilities[name] !== false && capabilities[name] !== undefined && !NOT_REQUESTS.has(name));
    const unmapped = announced.filter((name) => !(name in REQUEST_OF_CAPABILITY));
    assert.deepEqual(unmapped, [], 'each announced provider has a method in REQUEST_OF_CAPABILITY (malformedInput.test.ts), so its bad params are tried');
    const methods = announced.map((name) => REQUEST_OF_CAPABILITY[name]);
    assert.ok(methods.includes('textDocument/documentSymbol') && methods.includes('textDocument/foldingRange'));
    for (const method of methods) {
      for (const params of unusableParams(method)) {
        const label = `${method} with ${JSON.stringify(params)}`;
        const response = await client.requestRaw(method, params);
        if (response.error) {
          assert.equal(response.error.code, INVALID_PARAMS, `${label}: ${JSON.stringify(response.error)}`);
        } else {
          assert.ok(isEmptyResult(response.result), `${label} answered ${JSON.stringify(response.result)?.slice(0, 200)}`);
        }
      }
      for (const params of partlyBadParams()) {
        // The document is fine, other fields are not: a handler that needs
        // them answers InvalidParams, one that does not answers as usual.
        const label = `${method} with ${JSON.stringify(params)}`;
        const response = await client.requestRaw(method, params);
        if (response.error) assert.equal(response.error.code, INVALID_PARAMS, `${label}: ${JSON.stringify(response.error)}`);
      }
      for (const params of wellFormedParams(method)) {
        const label = `${method} with ${JSON.stringify(params)}`;
        const response = await client.requestRaw(method, params);
        assert.equal(response.error, undefined, `${label}: ${JSON.stringify(response.error)}`);
      }
    }
    await assertHealthy();
  });

  test('a 10 MB single-line document is parsed, reported and edited', async () => {
    const { client } = context;
    const uri = 'file:///protocol/huge.service';
    const size = 10 * 1024 * 1024;
    const text = `[Service]\nExecStart=/bin/${'a'.repeat(size)}\n`;
    const published = await openDocument(client, uri, text, 1);
    assert.deepStrictEqual(project(published.diagnostics), coreDiagnostics(uri, text, 1));
    assert.ok(published.diagnostics.some((d) => d.code === 'line-too-long'), 'the long line is reported');
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), coreSymbols(uri, text));

    // Cut the line down to a normal length with one incremental edit.
    const changed = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 15 + size } }, text: '' }],
    });
    const shortText = `[Service]\nExecStart=/bin/a\n`;
    assert.deepStrictEqual(project((await changed).diagnostics), coreDiagnostics(uri, shortText, 2), 'the server applied the edit');
    assert.ok(!(await changed).diagnostics.some((d) => d.code === 'line-too-long'), 'after the edit the line is short');
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), coreSymbols(uri, shortText));
    await closeDocument(client, uri);
    await assertHealthy();
  });

  test('a single 10 MB line without any section is reported too', async () => {
    const { client } = context;
    const uri = 'file:///protocol/huge-garbage.service';
    const text = 'x'.repeat(10 * 1024 * 1024);
    const published = await openDocument(client, uri, text, 1);
    assert.deepStrictEqual(project(published.diagnostics), coreDiagnostics(uri, text, 1));
    assert.deepStrictEqual((await closeDocument(client, uri)).diagnostics, []);
    await assertHealthy();
  });

  test('binary text with NUL bytes, control characters and lone surrogates', async () => {
    const { client } = context;
    const uri = 'file:///protocol/binary.service';
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 0x10000)).join('');
    const text = `[Service]\nExecStart=/bin/a\u0000b\nK=\ud800\udc00\udc00\n\u0001\u0002\u0003\u007f\n${binary}`;
    const published = await openDocument(client, uri, text, 1);
    assert.deepStrictEqual(project(published.diagnostics), coreDiagnostics(uri, text, 1));
    assert.ok(published.diagnostics.some((d) => d.code === 'nul-byte' || d.code === 'binary-content'), 'the binary content is reported');
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), coreSymbols(uri, text));
    assert.deepStrictEqual((await closeDocument(client, uri)).diagnostics, []);
    await assertHealthy();
  });

  test('after all of it, shutdown and exit still end the process with code 0', async () => {
    const exit = await context.client.shutdown();
    assert.deepEqual(exit, { code: 0, signal: null }, context.client.stderr);
  });
});

function project(diagnostics: PublishDiagnosticsParams['diagnostics']): unknown[] {
  return diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
}

/** Capabilities that announce no request of their own. */
const NOT_REQUESTS = new Set(['textDocumentSync', 'positionEncoding', 'workspace', 'experimental']);

/** The request behind each provider capability. */
const REQUEST_OF_CAPABILITY: Record<string, string> = {
  documentSymbolProvider: 'textDocument/documentSymbol',
  foldingRangeProvider: 'textDocument/foldingRange',
  completionProvider: 'textDocument/completion',
  hoverProvider: 'textDocument/hover',
  codeActionProvider: 'textDocument/codeAction',
  definitionProvider: 'textDocument/definition',
  declarationProvider: 'textDocument/declaration',
  typeDefinitionProvider: 'textDocument/typeDefinition',
  implementationProvider: 'textDocument/implementation',
  referencesProvider: 'textDocument/references',
  documentHighlightProvider: 'textDocument/documentHighlight',
  documentLinkProvider: 'textDocument/documentLink',
  documentFormattingProvider: 'textDocument/formatting',
  documentRangeFormattingProvider: 'textDocument/rangeFormatting',
  renameProvider: 'textDocument/rename',
  signatureHelpProvider: 'textDocument/signatureHelp',
  selectionRangeProvider: 'textDocument/selectionRange',
  codeLensProvider: 'textDocument/codeLens',
  inlayHintProvider: 'textDocument/inlayHint',
  colorProvider: 'textDocument/documentColor',
  linkedEditingRangeProvider: 'textDocument/linkedEditingRange',
  semanticTokensProvider: 'textDocument/semanticTokens/full',
  diagnosticProvider: 'textDocument/diagnostic',
  workspaceSymbolProvider: 'workspace/symbol',
  executeCommandProvider: 'workspace/executeCommand',
};

/** Params no handler can use: no document (or, for workspace requests, no query or command). */
function unusableParams(method: string): unknown[] {
  const point = { line: 0, character: 0 };
  if (method.startsWith('workspace/')) return [undefined, {}, 'garbage', { query: 42 }, { command: 7, arguments: 'x' }];
  return [
    undefined,
    {},
    'garbage',
    { textDocument: {} },
    { textDocument: { uri: 42 }, position: point, range: { start: point, end: point } },
    { textDocument: 'file:///x.service', position: point },
  ];
}

/** An open document, with every other field wrong. */
function partlyBadParams(): unknown[] {
  return [
    { textDocument: { uri: healthyUri }, position: { line: -1, character: 'x' }, range: { start: 'a', end: null } },
    { textDocument: { uri: healthyUri }, position: null, range: [], context: 'x', options: 7, newName: 5 },
    { textDocument: { uri: healthyUri }, position: { line: 0.5, character: 1e300 }, range: { start: { line: NaN }, end: {} }, context: { only: 5, diagnostics: 'x' } },
    { textDocument: { uri: healthyUri }, position: { line: 3, character: 2 }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, context: { diagnostics: [{ range: 'x', code: {} }], only: [7] } },
  ];
}

/** Well-formed params a handler must answer without an error, however odd the place. */
function wellFormedParams(method: string): unknown[] {
  if (method === 'workspace/symbol') return [{ query: '' }, { query: '\u0000📦' }];
  if (method === 'workspace/executeCommand') return [];
  const far = { line: 1_000_000, character: 1_000_000 };
  const base = {
    context: { diagnostics: [], triggerKind: 1, includeDeclaration: true },
    options: { tabSize: 4, insertSpaces: true },
    newName: 'X',
    positions: [far],
  };
  return [
    { ...base, textDocument: { uri: healthyUri }, position: far, range: { start: far, end: far } },
    { ...base, textDocument: { uri: healthyUri }, position: { line: 10, character: 500 }, range: { start: { line: 14, character: 0 }, end: { line: 2, character: 0 } } },
    { ...base, textDocument: { uri: 'file:///never/opened.service' }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
  ];
}

/** null, an empty list, or an object holding only empty lists (a CompletionList with no items). */
function isEmptyResult(result: unknown): boolean {
  if (result === null || result === undefined) return true;
  if (Array.isArray(result)) return result.length === 0;
  if (typeof result === 'object') return Object.values(result).every((v) => typeof v === 'boolean' || (Array.isArray(v) && v.length === 0));
  return false;
}
