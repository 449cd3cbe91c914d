/**
 * Hardening from the editor over the Language Server Protocol, against the built server: the code
 * action on the `[Service]` header (the standard plan the core makes, with its exposure in the
 * title), none elsewhere, and the `unitguard/hardenPlan` request with chosen settings, into the unit
 * or as a new drop-in. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdits, createUnitDocument, planHardening } from '../../server/src/core';
import { formatExposure } from '../../server/src/core/security';
import { LspClient } from '../support/lspClient';

const repoRoot = path.resolve(__dirname, '../../..');
const serverBin = path.join(repoRoot, 'bin/unitguard-language-server.js');
const URI = 'file:///srv/units/web.service';
const TEXT = '[Unit]\nDescription=Web\n\n[Service]\nUser=www\nExecStart=/usr/bin/webd --port /dev/ttyS0\n\n[Install]\nWantedBy=multi-user.target\n';
const SETTINGS = { systemdVersion: 262 };

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
interface CodeAction {
  title: string;
  kind: string;
  edit: { changes?: Record<string, Edit[]>; documentChanges?: unknown[] };
}
interface PlanReply {
  settings: { directive: string; value: string; mayBreak?: string }[];
  heldBack: { directive: string; reason: string }[];
  exposureBefore: number;
  exposureAfter: number;
  uri: string;
  newFile: boolean;
  edit: { changes?: Record<string, Edit[]>; documentChanges?: [{ kind: string; uri: string }, { textDocument: { uri: string }; edits: Edit[] }] } | null;
}

describe('hardening over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(process.execPath, [serverBin, '--stdio'], { timeoutMs: 15_000 });
    await client.initialize({ processId: null, rootUri: null, capabilities: {}, initializationOptions: { systemdVersion: SETTINGS.systemdVersion } });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'systemd-unit', version: 1, text: TEXT } });
    await client.waitForNotification<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === URI);
  });
  after(async () => {
    await client.shutdown();
  });

  const actionsAt = (line: number): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } });

  it('offers the standard plan on [Service], titled with the exposure it buys, and writes what the core plans', async () => {
    const expected = planHardening(createUnitDocument(URI, TEXT, 1), SETTINGS, [], { level: 'standard' });
    assert.ok(expected.settings.length > 0 && expected.exposureBefore !== undefined && expected.exposureAfter !== undefined);
    const harden = (await actionsAt(3)).find((a) => a.kind === 'refactor.rewrite');
    assert.ok(harden);
    assert.equal(harden.title, `Harden this service (standard): exposure ${formatExposure(expected.exposureBefore)} → ${formatExposure(expected.exposureAfter)}`);
    assert.equal(applyEdits(TEXT, harden.edit.changes?.[URI] ?? []), expected.after);
    assert.ok(!expected.after.includes('PrivateDevices=yes'), 'the serial port in ExecStart= keeps PrivateDevices= out');
  });

  it('offers no hardening on other lines', async () => {
    assert.ok(!(await actionsAt(5)).some((a) => a.kind === 'refactor.rewrite'));
    assert.ok(!(await actionsAt(0)).some((a) => a.kind === 'refactor.rewrite'));
  });

  it('unitguard/hardenPlan lists the settings with what they may break, and writes only those chosen', async () => {
    const all = await client.request<PlanReply>('unitguard/hardenPlan', { uri: URI, level: 'strict' });
    assert.ok(all.settings.length > 3);
    assert.ok(all.settings.every((s) => s.mayBreak));
    assert.ok(all.heldBack.some((h) => h.directive === 'PrivateDevices'));
    const chosen = all.settings.slice(0, 2).map((s) => `${s.directive}=${s.value}`);
    const some = await client.request<PlanReply>('unitguard/hardenPlan', { uri: URI, level: 'strict', only: chosen });
    assert.deepEqual(some.settings.map((s) => `${s.directive}=${s.value}`), chosen);
    const text = applyEdits(TEXT, some.edit?.changes?.[URI] ?? []);
    assert.match(text, /# Hardening \(unitguard harden --level strict\)\n/);
    for (const line of chosen) assert.ok(text.includes(`\n${line}\n`), line);
    assert.ok(some.exposureAfter < some.exposureBefore && some.exposureAfter > all.exposureAfter);
  });

  it('unitguard/hardenPlan with dropIn creates NAME.service.d/hardening.conf', async () => {
    const plan = await client.request<PlanReply>('unitguard/hardenPlan', { uri: URI, level: 'safe', dropIn: true });
    assert.equal(plan.uri, `${URI}.d/hardening.conf`);
    assert.equal(plan.newFile, true);
    const [create, edit] = plan.edit?.documentChanges ?? [];
    assert.deepEqual([create?.kind, create?.uri], ['create', plan.uri]);
    const text = applyEdits('', edit?.edits ?? []);
    assert.match(text, /^\[Service\]\n# Hardening \(unitguard harden --level safe\)\n/);
    for (const s of plan.settings) assert.ok(text.includes(`${s.directive}=${s.value}`));
  });

  it('refuses a request for a document that is not open', async () => {
    const raw = await client.requestRaw('unitguard/hardenPlan', { uri: 'file:///not/open.service' });
    assert.ok(raw.error);
  });
});
