import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { PublishedDiagnostic, toLspDiagnostic } from '../../server/src/lsp/convert';
import { reusingJsonEncoder } from '../../server/src/lsp/messageEncoder';
import { EncodedDiagnostic, PUBLISHED_JSON, publishedJsonOf } from '../../server/src/lsp/publishedJson';
import { generateUnit } from '../bench/generate';

async function encoded(encoder: ContentTypeEncoder, message: unknown): Promise<string> {
  if (!('encode' in encoder)) throw new Error('not a function encoder');
  const bytes = await encoder.encode(message as Message, { charset: 'utf-8' });
  return Buffer.from(bytes).toString('utf8');
}

function diagnostic(i: number, message = `Key${i}= is set again on line ${i + 1}`): object {
  return {
    range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } },
    severity: 2,
    code: 'duplicate-directive',
    source: 'unitguard',
    message,
    relatedInformation: [{ location: { uri: 'file:///a.service', range: { start: { line: i + 1, character: 0 }, end: { line: i + 1, character: 4 } } }, message: 'The assignment that counts' }],
  };
}

const publish = (diagnostics: unknown[], extra: object = {}): object => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.service', version: 7, diagnostics, ...extra } });

const CASES: Array<[string, unknown]> = [
  ['a response', { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '**ProtectSystem=** — «strict»' } } }],
  ['a request of the server', { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'unitguard' }] } }],
  ['a short publication', publish([diagnostic(0), diagnostic(1)])],
  ['an empty publication', publish([])],
  ['a long publication', publish(Array.from({ length: 1001 }, (_, i) => diagnostic(i)))],
  ['a long publication with wide characters and a lone surrogate', publish(Array.from({ length: 200 }, (_, i) => diagnostic(i, `Description=Web — «${i}» 🙂 \ud800 "quoted" \\ back`)))],
  ['a long publication with holes and a toJSON', publish([...Array.from({ length: 100 }, (_, i) => diagnostic(i)), undefined, { toJSON: () => ({ replaced: true }) }])],
  ['a long publication with params after the list', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: Array.from({ length: 100 }, (_, i) => diagnostic(i)), uri: 'file:///b.service' } }],
  ['params that are a list', { jsonrpc: '2.0', method: 'x/list', params: Array.from({ length: 100 }, (_, i) => i) }],
];

describe('reusingJsonEncoder: the bytes JSON.stringify and UTF-8 give', () => {
  for (const [name, message] of CASES) {
    it(name, async () => {
      assert.equal(await encoded(reusingJsonEncoder(), message), JSON.stringify(message));
    });
  }

  it('encodes message after message with one encoder, small after large and large after small', async () => {
    const encoder = reusingJsonEncoder();
    for (const [name, message] of [...CASES, ...CASES.slice().reverse()]) assert.equal(await encoded(encoder, message), JSON.stringify(message), name);
  });

  it('diagnostics published again, in other places and among others, give the JSON they gave first', async () => {
    const uri = 'file:///encoder/generated.service';
    const published = diagnose(createUnitDocument(uri, generateUnit(1000), 1)).map((d) => toLspDiagnostic(d, uri));
    assert.ok(published.length > 100 && published.every((d) => d instanceof PublishedDiagnostic));
    const encoder = reusingJsonEncoder();
    const messages = [
      publish(published),
      publish([...published.slice(40), ...Array.from({ length: 50 }, (_, i) => diagnostic(1000 + i)), ...published.slice(0, 40)]),
      publish(published.slice(0, 70)),
      publish(published),
    ];
    for (const message of messages) assert.equal(await encoded(encoder, message), JSON.stringify(message));
    // What a published diagnostic keeps of its JSON is not part of it.
    assert.ok(published.every((d) => d[PUBLISHED_JSON]() === JSON.stringify(d)));
    assert.deepEqual(Object.keys(published[0]), Object.keys({ ...published[0] }));
    assert.deepEqual(structuredClone(published[0]), JSON.parse(published[0][PUBLISHED_JSON]()));
  });

  it('diagnostics encoded by the worker are written as they are, and read as what they encode', async () => {
    const items = Array.from({ length: 150 }, (_, i) => diagnostic(i, `Description=Web — «${i}» 🙂`));
    const encodedItems = items.map((d) => new EncodedDiagnostic(publishedJsonOf(d)));
    const message = publish(encodedItems);
    assert.equal(await encoded(reusingJsonEncoder(), message), JSON.stringify(publish(items)));
    // Anything else reads what they encode: JSON, and a list that mixes them with others.
    assert.equal(JSON.stringify(message), JSON.stringify(publish(items)));
    const mixed = publish([...encodedItems.slice(0, 70), ...items.slice(70)]);
    assert.equal(await encoded(reusingJsonEncoder(), mixed), JSON.stringify(publish(items)));
  });

  it('a message larger than the buffer it keeps', async () => {
    const message = publish(Array.from({ length: 40_000 }, (_, i) => diagnostic(i, 'x'.repeat(200))));
    assert.equal(await encoded(reusingJsonEncoder(), message), JSON.stringify(message));
  });
});
