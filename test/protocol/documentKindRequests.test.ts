/**
 * The unit requests (`unitguard/securityReport`, `unitguard/hardenPlan`) on documents of other
 * kinds, and with options the server does not know: the error says what the document is, or which
 * values the option takes, rather than that an open document is not open, or planning at another
 * level than the one asked for.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from '../support/lspClient';
import { openDocument, startServer } from './harness';

const INVALID_PARAMS = -32602;
const unit = 'file:///protocol/kinds/web.service';
const patch = 'file:///protocol/kinds/change.patch';
const rc = 'file:///protocol/kinds/.unitguardrc';

describe('unit requests on other kinds of documents, and unknown options', () => {
  let client: LspClient;
  before(async () => {
    client = startServer();
    await client.initialize();
    await openDocument(client, unit, '[Service]\nExecStart=/bin/true\n');
    await openDocument(client, patch, '--- a/x.service\n+++ b/x.service\n@@ -1,1 +1,2 @@\n [Service]\n+ExecStart=/bin/true\n', 1, 'diff');
    await openDocument(client, rc, '[rules]\n', 1, 'unitguardrc');
  });
  after(() => client.kill());

  for (const [method, params] of [
    ['unitguard/securityReport', (uri: string) => ({ uri })],
    ['unitguard/hardenPlan', (uri: string) => ({ uri, level: 'safe' })],
  ] as const) {
    test(`${method} on an open patch says it is a patch`, async () => {
      const response = await client.requestRaw(method, params(patch));
      assert.equal(response.error?.code, INVALID_PARAMS);
      assert.match(response.error?.message ?? '', /is a patch, not a unit/);
      assert.doesNotMatch(response.error?.message ?? '', /not open/);
    });
    test(`${method} on an open .unitguardrc says it is a settings file`, async () => {
      const response = await client.requestRaw(method, params(rc));
      assert.equal(response.error?.code, INVALID_PARAMS);
      assert.match(response.error?.message ?? '', /\.unitguardrc settings file, not a unit/);
    });
    test(`${method} on a document that is not open still says so`, async () => {
      const response = await client.requestRaw(method, params('file:///protocol/kinds/closed.service'));
      assert.match(response.error?.message ?? '', /not open/);
    });
  }

  for (const [name, options, pattern] of [
    ['an unknown level', { level: 'extreme' }, /"safe", "standard", "strict"/],
    ['a level that is not a string', { level: 3 }, /level must be one of/],
    ['dropIn that is not a boolean', { dropIn: 'yes' }, /dropIn must be true or false/],
    ['only that is not a list of names', { only: 'ProtectSystem' }, /only must be a list/],
  ] as const) {
    test(`unitguard/hardenPlan with ${name} is InvalidParams naming what it takes`, async () => {
      const response = await client.requestRaw('unitguard/hardenPlan', { uri: unit, ...options });
      assert.equal(response.error?.code, INVALID_PARAMS, JSON.stringify(response));
      assert.match(response.error?.message ?? '', pattern);
    });
  }

  test('unitguard/hardenPlan without a level plans at standard', async () => {
    const plan = await client.request<{ level: string }>('unitguard/hardenPlan', { uri: unit });
    assert.equal(plan.level, 'standard');
  });
});
