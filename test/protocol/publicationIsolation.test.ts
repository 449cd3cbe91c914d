/**
 * Diagnostics are published for a burst of documents at once; a document whose check throws must
 * not take the others' with it. The server runs in process over in-memory streams, with the review
 * of one patch made to throw, since no input is known to make a check fail.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { PatchDocuments } from '../../server/src/lsp/patchDocuments';
import { CHECK_FAILED } from '../../server/src/lsp/checkFailed';
import { inMemoryServer } from './inMemoryServer';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; version?: number; message?: string; diagnostics?: Array<{ code?: string; message: string }> };
}

const EXPLODES = 'file:///tmp/isolation/explodes.patch';
const review = Object.getOwnPropertyDescriptor(PatchDocuments.prototype, 'review')?.value as PatchDocuments['review'];
PatchDocuments.prototype.review = function (this: PatchDocuments, uri: string) {
  if (uri === EXPLODES) throw new Error('a review that fails');
  return review.call(this, uri);
};
after(() => {
  PatchDocuments.prototype.review = review;
});

function patchOf(name: string): string {
  return `--- a/${name}\n+++ b/${name}\n@@ -1,2 +1,3 @@\n [Service]\n ExecStart=/bin/true\n+SystemCallFilter=@bogus\n`;
}

describe('publication of a burst of documents', () => {
  test('a document whose check throws gets a diagnostic saying so, and the others of the burst are published', async () => {
    const received: Message[] = [];
    const { connection, send } = inMemoryServer((message) => void received.push(message as Message));
    const published = (uri: string): Message | undefined => received.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri);

    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    send({ method: 'initialized', params: {} });
    const unit = 'file:///tmp/isolation/a.service';
    const good = 'file:///tmp/isolation/good.patch';
    // One burst: published together, after the messages already received.
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: EXPLODES, languageId: 'diff', version: 1, text: patchOf('b.service') } } });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: unit, languageId: 'systemd-unit', version: 1, text: '[Service]\nExecStart=/bin/true\nSystemCallFilter=@bogus\n' } } });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: good, languageId: 'diff', version: 1, text: patchOf('c.service') } } });

    const deadline = Date.now() + 10_000;
    while (![EXPLODES, unit, good].every(published) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    try {
      for (const uri of [unit, good]) {
        const diagnostics = published(uri)?.params?.diagnostics;
        assert.ok(diagnostics?.some((d) => /system call group/i.test(d.message)), `${uri}: ${JSON.stringify(diagnostics)}`);
      }
      assert.deepEqual(
        published(EXPLODES)?.params?.diagnostics?.map((d) => d.code),
        [CHECK_FAILED],
      );
      const logged = received.filter((m) => m.method === 'window/logMessage' && m.params?.message?.includes('a review that fails'));
      assert.equal(logged.length, 1, 'the error is logged once');
    } finally {
      connection.dispose();
    }
  });
});
