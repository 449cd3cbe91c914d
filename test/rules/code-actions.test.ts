import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core';
import { LspClient } from '../support/lspClient';

/**
 * Quick fixes and fix-all over the Language Server Protocol, against the built server.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const serverBin = path.join(repoRoot, 'bin/unitguard-language-server.js');
const URI = 'file:///srv/units/app.service';
const TEXT = '[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\nStartLimitBurst=5\n\n[Install]\nWantedBy=multi-user.target\n';

interface LspDiagnostic {
  code: string;
  range: { start: { line: number } };
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit: { changes: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> };
}

describe('code actions over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(process.execPath, [serverBin, '--stdio'], { timeoutMs: 15_000 });
    const init = await client.initialize<{ capabilities: { codeActionProvider?: { codeActionKinds?: string[] } } }>({ processId: null, rootUri: null, capabilities: {} });
    assert.deepEqual(init.capabilities.codeActionProvider?.codeActionKinds, ['quickfix', 'refactor.rewrite', 'source.fixAll.unitguard']);
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'systemd-unit', version: 1, text: TEXT } });
    await client.waitForNotification<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === URI);
  });
  after(async () => {
    await client.shutdown();
  });

  it('offers "Add SystemCallArchitectures=native" on the SystemCallFilter= line as a review fix, and it inserts the line', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } },
      context: { diagnostics: [] },
    });
    const add = actions.find((a) => a.title.startsWith('Add SystemCallArchitectures=native'));
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    assert.equal(add.kind, 'quickfix');
    assert.match(add.title, / — review$/, 'a fix that takes a permission away says it needs a review');
    assert.equal(add.isPreferred, undefined, 'only a safe fix is preferred (editors apply preferred fixes on "auto fix")');
    assert.equal(add.diagnostics?.[0].code, 'recommends');
    const after = applyEdits(TEXT, add.edit.changes[URI]);
    assert.equal(after, '[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\nStartLimitBurst=5\nSystemCallArchitectures=native\n\n[Install]\nWantedBy=multi-user.target\n');
  });

  it('offers only the fixes of the diagnostics under the range', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Move StartLimitBurst= to [Unit]']);
  });

  it('source.fixAll.unitguard applies every safe fix in one edit, leaves review fixes and says so', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.unitguard');
    const after = applyEdits(TEXT, actions[0].edit.changes[URI]);
    assert.equal(after, '[Unit]\nStartLimitBurst=5\n\n[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\n\n[Install]\nWantedBy=multi-user.target\n');
    assert.equal(actions[0].title, 'Fix all UnitGuard problems: 1 safe fix; 2 left for review');
    // Once applied, the client runs the action's command, which the server answers with a message.
    const command = (actions[0] as unknown as { command: { command: string; arguments: unknown[] } }).command;
    assert.equal(command.command, 'unitguard.fixAllReport');
    const shown = client.waitForNotification<{ type: number; message: string }>('window/showMessage', () => true);
    await client.request('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    assert.equal(
      (await shown).message,
      'UnitGuard: 1 safe fix applied, 2 left for review (they change what the service may do; see the light bulb on their lines).',
    );
  });

  it('answers malformed requests with no actions and keeps running', async () => {
    for (const params of [{}, { textDocument: { uri: URI } }, { textDocument: { uri: URI }, range: { start: 'x' } }, { textDocument: { uri: 'file:///not/open.service' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]) {
      assert.deepEqual(await client.request('textDocument/codeAction', params), []);
    }
    // Params that are not an object at all are refused by the protocol library with an error response.
    const raw = await client.requestRaw('textDocument/codeAction', null);
    assert.ok(raw.error || Array.isArray(raw.result));
    assert.ok(Array.isArray(await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })));
  });

  it('checks an open drop-in together with its open unit, and republishes it when the unit changes', async () => {
    const dropIn = 'file:///srv/units/app.service.d/10-hardening.conf';
    client.notify('textDocument/didOpen', { textDocument: { uri: dropIn, languageId: 'systemd-unit', version: 1, text: '[Service]\nProtectSystem=strict\n' } });
    const first = await client.waitForNotification<{ uri: string; diagnostics: Array<{ code: string; message: string }> }>('textDocument/publishDiagnostics', (p) => p.uri === dropIn);
    assert.ok(!first.diagnostics.some((d) => d.code === 'requires-one-of'), "the unit's @system-service allow-list blocks @mount");
    // The unit loses its filter: the drop-in's ProtectSystem= can now be undone.
    client.notify('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: TEXT.replace('SystemCallFilter=@system-service\n', '') }],
    });
    const again = await client.waitForNotification<{ uri: string; diagnostics: Array<{ code: string; message: string }> }>('textDocument/publishDiagnostics', (p) => p.uri === dropIn);
    assert.ok(again.diagnostics.some((d) => d.code === 'requires-one-of' && d.message.startsWith('ProtectSystem=strict')), JSON.stringify(again.diagnostics.map((d) => d.code)));
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: TEXT }] });
    await client.waitForNotification<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === dropIn);
  });

  it('follows unitguard.rules: a switched-off rule loses its diagnostics and fixes', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { unitguard: { rules: { recommends: 'off' } } } });
    // Every open document is published again, without the switched-off rule.
    const published = await client.waitForNotification<{ uri: string; diagnostics: LspDiagnostic[] }>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === URI && !p.diagnostics.some((d) => d.code === 'recommends'),
    );
    assert.ok(published.diagnostics.some((d) => d.code === 'deprecated-directive'), 'the other rules still report');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(!actions.some((a) => a.title.startsWith('Add SystemCallArchitectures=native')));
  });
});
