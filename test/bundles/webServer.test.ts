/**
 * The web server bundle (dist/web/server.js) speaks LSP through a worker's messages, as in a
 * browser's Web Worker: here in a Node worker thread whose `self` passes the messages on. It has no
 * disk: a drop-in next to the unit on disk is not read, an open one counts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const repoRoot = path.resolve(__dirname, '../../..');
const bundle = path.join(repoRoot, 'dist', 'web', 'server.js');

/** The worker's scope as a browser gives it: messages in through onmessage, out through postMessage. */
const workerScope = `
const { parentPort } = require('node:worker_threads');
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: () => undefined,
  set onmessage(listener) { parentPort.on('message', (data) => listener({ data })); },
};
require(${JSON.stringify(bundle)});
`;

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: Array<{ message: string }> };
  result?: unknown;
}

const unitText = '[Service]\nExecStart=/usr/bin/report-gen\nSystemCallFilter=@system-service\n';
const dropInText = '[Service]\nSystemCallArchitectures=native\n';
const archFinding = /SystemCallArchitectures=native closes/;

describe('the web server bundle', () => {
  let worker: Worker;
  let dir: string;
  const received: Message[] = [];
  const waiting: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  let nextId = 1;
  const send = (message: object): void => worker.postMessage({ jsonrpc: '2.0', ...message });
  const next = (test: (m: Message) => boolean): Promise<Message> => {
    const index = received.findIndex(test);
    if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]);
    return new Promise((resolve) => waiting.push({ test, resolve }));
  };
  const request = async (method: string, params: unknown): Promise<unknown> => {
    const id = nextId++;
    send({ id, method, params });
    return (await next((m) => m.id === id)).result;
  };
  const diagnosticsOf = (uri: string): Promise<Message> => next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri);

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unitguard-web-server-'));
    mkdirSync(path.join(dir, 'report.service.d'));
    writeFileSync(path.join(dir, 'report.service'), unitText);
    writeFileSync(path.join(dir, 'report.service.d', 'arch.conf'), dropInText);
    worker = new Worker(workerScope, { eval: true });
    worker.on('message', (message: Message) => {
      const waiter = waiting.find((w) => w.test(message));
      if (waiter) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(message);
      } else received.push(message);
    });
  });

  after(async () => {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  test('answers initialize with the same capabilities as the Node server', async () => {
    const result = (await request('initialize', { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {} })) as { capabilities: Record<string, unknown> };
    for (const capability of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'codeLensProvider', 'documentSymbolProvider']) {
      assert.ok(result.capabilities[capability], `no ${capability}`);
    }
    send({ method: 'initialized', params: {} });
  });

  const unitUri = (): string => pathToFileURL(path.join(dir, 'report.service')).href;
  const dropInUri = (): string => pathToFileURL(path.join(dir, 'report.service.d', 'arch.conf')).href;

  test('reads no drop-in from disk: the unit alone lacks SystemCallArchitectures=', async () => {
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: unitUri(), languageId: 'systemd-unit', version: 1, text: unitText } } });
    const published = await diagnosticsOf(unitUri());
    assert.ok(published.params?.diagnostics?.some((d) => archFinding.test(d.message)), JSON.stringify(published.params?.diagnostics));
  });

  test('an open drop-in counts: the finding goes', async () => {
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: dropInUri(), languageId: 'systemd-unit', version: 1, text: dropInText } } });
    const published = await diagnosticsOf(unitUri());
    assert.ok(!published.params?.diagnostics?.some((d) => archFinding.test(d.message)), JSON.stringify(published.params?.diagnostics));
  });

  test('hover, the lens and completion are answered', async () => {
    const hover = (await request('textDocument/hover', { textDocument: { uri: unitUri() }, position: { line: 2, character: 3 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /SystemCallFilter=/);
    const lenses = (await request('textDocument/codeLens', { textDocument: { uri: unitUri() } })) as Array<{ command?: { title: string } }>;
    assert.ok(lenses.some((lens) => /^Exposure \d+\.\d /.test(lens.command?.title ?? '')), JSON.stringify(lenses));
    const completion = (await request('textDocument/completion', { textDocument: { uri: unitUri() }, position: { line: 3, character: 0 } })) as { items: Array<{ label: string }> } | Array<{ label: string }>;
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((item) => item.label === 'ProtectSystem'), 'no ProtectSystem among the directives offered');
  });
});
