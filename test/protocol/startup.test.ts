/**
 * The server's start, in process over in-memory streams: it answers initialize before it loads the
 * language service (the knowledge base, the rules, the handlers), and loads it with the next
 * message, before handling it, so that no message meets a server without its features.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver/node';
import { inMemoryServer } from './inMemoryServer';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: unknown[] };
  result?: { capabilities?: Record<string, unknown> };
}

/** Whether a module of the language service has been loaded into this process. */
function serviceLoaded(): boolean {
  return Object.keys(require.cache).some((file) => /[\\/]server[\\/]src[\\/](core[\\/]kb|core[\\/]rules|lsp[\\/](node)?[fF]eatures)/.test(file));
}

function startInMemory(): { send: (message: object) => void; next: (test: (m: Message) => boolean) => Promise<Message>; connection: Connection } {
  const received: Message[] = [];
  const waiting: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  const { connection, send } = inMemoryServer((message) => {
    const m = message as Message;
    const waiter = waiting.find((w) => w.test(m));
    if (waiter) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(m);
    } else received.push(m);
  });
  return {
    connection,
    send,
    next: (test) => {
      const known = received.find(test);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => waiting.push({ test, resolve }));
    },
  };
}

describe('server start', () => {
  test('initialize is answered before the language service loads; the next message loads it and is handled', async () => {
    assert.equal(serviceLoaded(), false, 'the test itself must not load the language service');
    const server = startInMemory();
    server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const reply = await server.next((m) => m.id === 1);
    assert.ok(reply.result?.capabilities?.hoverProvider, 'the reply lists the capabilities');
    assert.equal(serviceLoaded(), false, 'the reply went out before the language service was loaded');

    server.send({ method: 'initialized', params: {} });
    const uri = 'file:///tmp/startup-test/a.service';
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'systemd-unit', version: 1, text: '[Service]\nExecStart=/bin/true\nProtectSytem=strict\n' } } });
    const published = await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri);
    assert.equal(serviceLoaded(), true);
    assert.ok((published.params?.diagnostics ?? []).length > 0, 'the misspelled setting is reported');
    server.connection.dispose();
  });
});
