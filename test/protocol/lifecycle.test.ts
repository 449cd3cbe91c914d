/**
 * The protocol's rules for the order and shape of messages: nothing but initialize is served
 * before initialize, and nothing but exit after shutdown; initialize comes once; a request id is a
 * number or a string; request params are an object or an array; a malformed notification that the
 * JSON-RPC library reads itself ($/cancelRequest) is ignored without holding up the messages after it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { frame, type LspClient, type NotificationMessage } from '../support/lspClient';
import { openDocument, startServer } from './harness';

const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
const SERVER_NOT_INITIALIZED = -32002;

const uri = 'file:///protocol/lifecycle/a.service';
const text = '[Service]\nExecStart=/bin/true\nProtectSystem=strict\n';
const hoverParams = { textDocument: { uri }, position: { line: 2, character: 2 } };

function logged(client: LspClient, pattern: RegExp): NotificationMessage[] {
  return client.notifications.filter((n) => n.method === 'window/logMessage' && pattern.test(String((n.params as { message?: unknown }).message)));
}

describe('protocol lifecycle and message shapes', () => {
  test('before initialize, requests are answered with ServerNotInitialized and notifications are dropped', async () => {
    const client = startServer();
    try {
      const early = await client.requestRaw('textDocument/hover', hoverParams);
      assert.equal(early.error?.code, SERVER_NOT_INITIALIZED, JSON.stringify(early));
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'systemd-unit', version: 1, text } });
      const shutdownEarly = await client.requestRaw('shutdown');
      assert.equal(shutdownEarly.error?.code, SERVER_NOT_INITIALIZED, JSON.stringify(shutdownEarly));

      await client.initialize();
      // The didOpen before initialize was dropped: the document is not known.
      assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
      assert.deepEqual(client.takeNotifications('textDocument/publishDiagnostics'), []);
      assert.equal((await client.shutdown()).code, 0, 'the shutdown after initialize counts');
    } finally {
      client.kill();
    }
  });

  test('initialize with params that are missing or not an object is InvalidParams and leaves the server waiting for a good one', async () => {
    const client = startServer();
    try {
      const bad = await client.requestRaw('initialize', null);
      assert.equal(bad.error?.code, INVALID_PARAMS, JSON.stringify(bad));
      // Without params at all, the same.
      const missing = await client.requestRaw('initialize');
      assert.equal(missing.error?.code, INVALID_PARAMS, JSON.stringify(missing));
      await client.initialize();
      await openDocument(client, uri, text);
    } finally {
      client.kill();
    }
  });

  describe('on an initialized server', () => {
    let client: LspClient;
    before(async () => {
      client = startServer();
      await client.initialize();
      await openDocument(client, uri, text);
    });
    after(() => client.kill());

    test('a second initialize is InvalidRequest', async () => {
      const again = await client.requestRaw('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(again.error?.code, INVALID_REQUEST, JSON.stringify(again));
    });

    for (const method of ['textDocument/documentSymbol', 'workspace/executeCommand', 'textDocument/hover', 'unitguard/hardenPlan']) {
      test(`${method} with params null is InvalidParams`, async () => {
        const response = await client.requestRaw(method, null);
        assert.equal(response.error?.code, INVALID_PARAMS, JSON.stringify(response));
      });
    }

    for (const [name, id] of [
      ['null', null],
      ['an object', { a: 1 }],
      ['an array', [1]],
      ['a boolean', true],
    ] as const) {
      test(`a request whose id is ${name} is answered with InvalidRequest and id null`, async () => {
        client.unmatchedResponses.length = 0;
        client.send({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: hoverParams });
        // Answers come in order: by the time this one is answered, the bad one has been.
        await client.request('textDocument/hover', hoverParams);
        const answers = client.unmatchedResponses.filter((r) => r.id === null);
        assert.equal(answers.length, 1, JSON.stringify(client.unmatchedResponses));
        assert.equal(answers[0].error?.code, INVALID_REQUEST);
      });
    }

    for (const [name, params] of [
      ['null params', null],
      ['no params', undefined],
      ['empty params', {}],
      ['an id that is an object', { id: { x: 1 } }],
    ] as const) {
      test(`$/cancelRequest with ${name} is ignored and logged once, and a hover written with it is answered at once`, async () => {
        const before = logged(client, /cancelRequest/).length;
        const id = client.allocateId();
        const answered = client.waitForResponse(id, 3000, 'the hover written with the bad $/cancelRequest');
        // Both in one write: the hover must not wait for the client to write again.
        client.writeRaw(
          Buffer.concat([
            frame({ jsonrpc: '2.0', method: '$/cancelRequest', ...(params === undefined ? {} : { params }) }),
            frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: hoverParams }),
          ]),
        );
        const response = await answered;
        assert.ok(response.result, 'the hover has its answer');
        assert.equal(logged(client, /cancelRequest/).length - before, 1, 'one line in the log');
        assert.deepEqual(logged(client, /Unexpected error/), []);
      });
    }

    test('after shutdown, requests are InvalidRequest, and exit ends the server with code 0', async () => {
      assert.equal(await client.request('shutdown'), null);
      const hover = await client.requestRaw('textDocument/hover', hoverParams);
      assert.equal(hover.error?.code, INVALID_REQUEST, JSON.stringify(hover));
      const again = await client.requestRaw('shutdown');
      assert.equal(again.error?.code, INVALID_REQUEST, JSON.stringify(again));
      client.notify('exit');
      assert.equal((await client.waitForExit()).code, 0);
    });
  });
});
