/**
 * Large documents over stdio: their diagnostics are computed off the server's main thread, equal
 * the core's, follow the latest version only, and never hold up hover.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from '../support/lspClient';
import { coreDiagnostics, coreFoldingRanges, coreSymbols, openDocument, startServer, type PublishDiagnosticsParams } from './harness';
import { MAX_OUTLINE_SYMBOLS } from '../../server/src/core/features/documentSymbols';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, diagnose } from '../../server/src/core';
import { fixAllAction, quickFixesIn } from '../../server/src/lsp/quickFixActions';
import { securityLens } from '../../server/src/core/features/securityLens';
import { WORKER_THRESHOLD } from '../../server/src/lsp/analysisJobs';
import { DEFAULT_MAX_PROBLEMS, limitProblems, TOO_MANY_PROBLEMS } from '../../server/src/lsp/problemLimit';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { generateUnit } from '../bench/generate';

const URI = 'file:///large/generated.service';

/** A service past the worker threshold: `head`, then 12,000 lines of variables. */
function withVariables(head: string): string {
  const text = head + Array.from({ length: 12_000 }, (_, i) => `Environment=DAEMON_SETTING_${i}=value-${i}\n`).join('');
  assert.ok(text.length > WORKER_THRESHOLD);
  return text;
}

describe('a large document', () => {
  let client: LspClient;
  // Past the threshold: about 700 KB.
  const text = generateUnit(24_000);

  before(async () => {
    client = startServer({ timeoutMs: 120_000 });
    await client.initialize();
  });
  after(() => client.kill());

  test('is larger than the worker threshold', () => {
    assert.ok(text.length > WORKER_THRESHOLD);
  });

  test('gets the same diagnostics as the core gives, the most severe first up to the limit', async () => {
    const published = await openDocument(client, URI, text, 1);
    const all = coreDiagnostics(URI, text, 1) as LspDiagnostic[];
    assert.ok(all.length > DEFAULT_MAX_PROBLEMS, 'the generated unit has more problems than the limit');
    assert.equal(published.diagnostics.length, DEFAULT_MAX_PROBLEMS + 1);
    assert.equal((published.diagnostics[0] as { code?: unknown }).code, TOO_MANY_PROBLEMS);
    assert.match(published.diagnostics[0].message, new RegExp(`of ${all.length.toLocaleString('en-US')} problems`));
    const project = (list: readonly unknown[]): string[] =>
      list.map((d) => {
        const x = d as { range: unknown; code: unknown; message: unknown; severity: unknown };
        return JSON.stringify([x.range, x.code, x.severity, x.message]);
      });
    assert.deepEqual(project(published.diagnostics.slice(1)), project(limitProblems(all, DEFAULT_MAX_PROBLEMS).slice(1)));
  });

  test('unitguard.maxProblems changes the limit', async () => {
    const small = startServer();
    try {
      await small.initialize({ initializationOptions: { maxProblems: 5 } });
      const published = await openDocument(small, 'file:///large/small-limit.service', generateUnit(300), 1);
      assert.equal(published.diagnostics.length, 6);
      // The errors and warnings are kept before information.
      assert.ok(published.diagnostics.slice(1).every((d) => d.severity !== undefined && d.severity <= 2));
    } finally {
      small.kill();
    }
  });

  test('publishes for the last of several quick edits, and hover is answered meanwhile', async () => {
    const line = text.split('\n').findIndex((l) => l.startsWith('Description='));
    const edits = [2, 3, 4].map((version) => ({
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: { line, character: 12 }, end: { line, character: 12 } }, text: 'x' }],
    }));
    const last = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === URI && p.version === 4);
    for (const edit of edits) client.notify('textDocument/didChange', edit);
    const started = Date.now();
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: line + 8, character: 2 } });
    const hoverDone = Date.now();
    assert.match(hover?.contents.value ?? '', /ProtectSystem/);
    const published = await last;
    const publishedAt = Date.now();
    assert.equal(published.version, 4);
    // The hover came back before the check of the edit was published.
    assert.ok(hoverDone - started <= publishedAt - started, `hover took ${hoverDone - started} ms, the diagnostics ${publishedAt - started} ms`);
    const stale = client.takeNotifications<PublishDiagnosticsParams>('textDocument/publishDiagnostics').filter((p) => p.uri === URI && (p.version === 2 || p.version === 3));
    assert.deepEqual(stale, [], 'no diagnostics for versions already replaced');
  });

  test('gets an outline of the first sections and settings, and a note of how many more there are', async () => {
    const uri = 'file:///large/outline.service';
    await openDocument(client, uri, text, 1);
    const symbols = await client.request<Array<{ name: string; children?: unknown[] }>>('textDocument/documentSymbol', { textDocument: { uri } });
    const listed = symbols.reduce((n, s) => n + 1 + (s.children?.length ?? 0), 0);
    assert.equal(listed, MAX_OUTLINE_SYMBOLS + 1);
    assert.match(symbols[symbols.length - 1].name, /^… [\d,]+ more not listed$/);
    assert.deepEqual(symbols, coreSymbols(uri, text));
    // Far less than the 4.5 MB the whole outline of this unit would take.
    assert.ok(JSON.stringify(symbols).length < 1_500_000);
  });

  test('gets as many folding ranges as the client takes, the first', async () => {
    const limited = startServer();
    try {
      await limited.initialize({ capabilities: { textDocument: { foldingRange: { lineFoldingOnly: true, rangeLimit: 1_000 } } } });
      const uri = 'file:///large/folded.service';
      await openDocument(limited, uri, text, 1);
      const all = coreFoldingRanges(uri, text);
      assert.ok(all.length > 1_000, `the unit has ${all.length} folding ranges`);
      assert.deepEqual(await limited.request('textDocument/foldingRange', { textDocument: { uri } }), all.slice(0, 1_000));
    } finally {
      limited.kill();
    }
  });

  test('gets the quick fixes and fix-all the core gives, tried off the main thread: a hover asked meanwhile is answered first', async () => {
    const uri = 'file:///large/fixes.service';
    // A service with a recommendation whose fixes are scored and a repeated setting, and many variables after it.
    const fixesText = withVariables('[Unit]\nDescription=A daemon under review\n\n[Service]\nExecStart=/usr/sbin/daemon --foreground\nProtectKernelTunables=yes\nProtectControlGroups=yes\nRestrictNamespaces=yes\nPrivateTmp=yes\nType=simple\nType=notify\n');
    const published = await openDocument(client, uri, fixesText, 1);
    const analysis = analyze(createUnitDocument(uri, fixesText, 1));
    const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    const lines = [...new Set((published.diagnostics as LspDiagnostic[]).map((d) => d.range.start.line))];
    let fixes = 0;
    for (const line of lines) {
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['quickfix'] } });
      assert.deepEqual(json(actions), json(quickFixesIn(analysis, range, uri)), `line ${line}`);
      fixes += actions.length;
    }
    // Add SystemCallFilter= or CapabilityBoundingSet=, each scored; remove the first Type=.
    assert.equal(fixes, 3);
    // A hover sent right after a code action is answered before it: the fixes are tried on the
    // worker. A new version first, whose fixes were never tried.
    const lastLine = fixesText.split('\n').length - 2;
    const next = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: lastLine, character: 12 }, end: { line: lastLine, character: 12 } }, text: 'X' }] });
    await next;
    const order: string[] = [];
    const fixLine = lines[0];
    const asked = client
      .request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: fixLine, character: 0 }, end: { line: fixLine, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } })
      .then((actions) => order.push(`codeAction ${actions.length}`));
    const hover = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }).then(() => order.push('hover'));
    await Promise.all([asked, hover]);
    assert.equal(order[0], 'hover');
    assert.match(order[1], /^codeAction [1-9]/);
    // Fix-all too (asked for on save): the core's, for the text as edited; a hover sent right after is answered first.
    const edited = fixesText.split('\n');
    edited[lastLine] = `${edited[lastLine].slice(0, 12)}X${edited[lastLine].slice(12)}`;
    const expected = fixAllAction(uri, edited.join('\n'), DEFAULT_SETTINGS, {});
    assert.match(expected?.title ?? '', /^Fix all UnitGuard problems: 1 safe fix/);
    const allOrder: string[] = [];
    const fixedAll = client
      .request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.unitguard'] } })
      .then((actions) => {
        allOrder.push('fix-all');
        return actions;
      });
    const hoverAgain = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }).then(() => allOrder.push('hover'));
    const [all] = await Promise.all([fixedAll, hoverAgain]);
    assert.deepEqual(json(all), json([expected]));
    assert.deepEqual(allOrder, ['hover', 'fix-all']);
  });

  test('gets the exposure lens the core gives, scored off the main thread: a hover asked meanwhile is answered first', async () => {
    const uri = 'file:///large/lens.service';
    const lensText = withVariables('[Unit]\nDescription=A daemon under review\n\n[Service]\nExecStart=/usr/sbin/daemon --foreground\nProtectSystem=strict\nPrivateTmp=yes\n');
    await openDocument(client, uri, lensText, 1);
    type Lens = { range: unknown; command: { title: string } };
    const expected = (text: string): unknown[] => {
      const lens = securityLens(createUnitDocument(uri, text), {}, DEFAULT_SETTINGS);
      return lens ? [{ range: lens.range, title: lens.title }] : [];
    };
    const shown = (lenses: Lens[] | null): unknown[] => (lenses ?? []).map((l) => ({ range: l.range, title: l.command.title }));
    const first = await client.request<Lens[] | null>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(shown(first), expected(lensText));
    assert.match(first?.[0]?.command.title ?? '', /^Exposure \d+\.\d /);
    // A keystroke that changes the score, then the lens and a hover asked for at once: the hover
    // is answered first, and the lens is the edited text's.
    const line = 5;
    const edited = lensText.replace('ProtectSystem=strict', 'ProtectSystem=full');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 14 }, end: { line, character: 20 } }, text: 'full' }] });
    const order: string[] = [];
    const lens = client.request<Lens[] | null>('textDocument/codeLens', { textDocument: { uri } }).then((lenses) => {
      order.push('lens');
      return lenses;
    });
    const hover = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } }).then(() => order.push('hover'));
    const [after] = await Promise.all([lens, hover]);
    assert.deepEqual(order, ['hover', 'lens']);
    assert.deepEqual(shown(after), expected(edited));
    assert.notDeepEqual(expected(edited), expected(lensText), 'the edit changes the score');
  });

  test('edited again and again, sent to the worker as changes, gets the diagnostics of its whole text', async () => {
    const uri = 'file:///large/edited.service';
    const lines = generateUnit(9_500).split('\n');
    assert.ok(lines.join('\n').length > WORKER_THRESHOLD);
    /** The text after a change, by a plain model of lines (the texts have no \r). */
    const edit = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): void => {
      const head = lines.slice(0, range.start.line);
      const tail = lines.slice(range.end.line + 1);
      const joined = lines[range.start.line].slice(0, range.start.character) + newText + lines[range.end.line].slice(range.end.character);
      lines.splice(0, lines.length, ...head, ...joined.split('\n'), ...tail);
    };
    const project = (list: readonly unknown[]): string[] =>
      list.map((d) => {
        const x = d as { range: unknown; code: unknown; message: unknown; severity: unknown };
        return JSON.stringify([x.range, x.code, x.severity, x.message]);
      });
    let version = 1;
    const expectWhole = async (): Promise<void> => {
      const published = await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
      const all = coreDiagnostics(uri, lines.join('\n'), version) as LspDiagnostic[];
      assert.deepEqual(project(published.diagnostics), project(limitProblems(all, DEFAULT_MAX_PROBLEMS)), `version ${version}`);
    };
    const change = (changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void => {
      for (const c of changes) edit(c.range, c.text);
      client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: changes });
    };
    const at = (line: number, character: number) => ({ line, character });
    const service = lines.findIndex((l, i) => i > 4_000 && l === '[Service]');

    await openDocument(client, uri, lines.join('\n'), version);
    // A line with a bad value, typed in: one change, then its diagnostics.
    change([{ range: { start: at(service + 1, 0), end: at(service + 1, 0) }, text: 'PrivateTmp=maybe\n' }]);
    await expectWhole();
    // Quick edits, published once: a line deleted, characters typed, two changes in one message.
    change([{ range: { start: at(service + 3, 0), end: at(service + 4, 0) }, text: '' }]);
    change([{ range: { start: at(service + 1, 16), end: at(service + 1, 16) }, text: 'x' }]);
    change([
      { range: { start: at(service + 2, 0), end: at(service + 2, 0) }, text: 'Nice=99\n' },
      { range: { start: at(10, 0), end: at(11, 0) }, text: '[Unit]\n' },
    ]);
    await expectWhole();
    // Other large documents: the worker keeps a few only, so it no longer has this one and asks for its text.
    for (let k = 0; k < 9; k++) await openDocument(client, `file:///large/other-${k}.service`, generateUnit(9_500), 1);
    change([{ range: { start: at(service + 1, 11), end: at(service + 1, 17) }, text: 'yes' }]);
    await expectWhole();
    change([{ range: { start: at(service + 1, 0), end: at(service + 2, 0) }, text: '' }]);
    await expectWhole();
  });

  test('opened again at the same version with another text, gets the diagnostics of the new text', async () => {
    const uri = 'file:///large/reopened.service';
    const padding = ('# ' + 'x'.repeat(78) + '\n').repeat(4_000);
    const first = '[Service]\nType=bogusX\nExecStart=/bin/true\n' + padding;
    const second = '[Service]\nType=simple\nRestart=bogusY\nExecStart=/bin/true\n' + padding;
    assert.ok(first.length > WORKER_THRESHOLD);
    const messages = (list: readonly { message: string }[]): string[] => list.map((d) => d.message).sort();
    const opened = await openDocument(client, uri, first, 5);
    assert.ok(opened.diagnostics.some((d) => d.message.includes('bogusX')));
    // No didClose between: a client that lost track of the document sends it again.
    const reopened = await openDocument(client, uri, second, 5);
    assert.deepEqual(messages(reopened.diagnostics), messages(coreDiagnostics(uri, second, 5) as LspDiagnostic[]));
    assert.ok(reopened.diagnostics.some((d) => d.message.includes('bogusY')));
    // A change that keeps the version is applied to the new text.
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 14 } }, text: 'bogusZ' }],
    });
    const changed = await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.message.includes('bogusZ')));
    const third = second.replace('bogusY', 'bogusZ');
    assert.deepEqual(messages(changed.diagnostics), messages(coreDiagnostics(uri, third, 5) as LspDiagnostic[]));
  });

  test('a large drop-in gets the diagnostics of its whole unit, as the unit and the drop-in change', async () => {
    const unitUri = 'file:///large/web.service';
    const dropInUri = 'file:///large/web.service.d/big.conf';
    const padding = ('# ' + 'x'.repeat(78) + '\n').repeat(4_000);
    let unitText = '[Unit]\nDescription=web\n[Service]\nExecStart=/usr/bin/web\nProtectSystem=strict\n';
    let dropInText = '[Service]\nPrivateDevices=yes\nNoNewPrivileges=maybe\n' + padding;
    let unitVersion = 1;
    let dropInVersion = 1;
    const messages = (list: readonly { message: string }[]): string[] => list.map((d) => d.message).sort();
    const expected = (): string[] =>
      messages(diagnose(createUnitDocument(dropInUri, dropInText, dropInVersion), DEFAULT_SETTINGS, { unit: createUnitDocument(unitUri, unitText, unitVersion) }));
    const published = (): Promise<PublishDiagnosticsParams> =>
      client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === dropInUri && p.version === dropInVersion);
    await openDocument(client, unitUri, unitText, unitVersion);
    const first = await openDocument(client, dropInUri, dropInText, dropInVersion);
    assert.deepEqual(messages(first.diagnostics), expected());
    const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    // A keystroke in the drop-in: the unit is unchanged.
    let next = published();
    client.notify('textDocument/didChange', { textDocument: { uri: dropInUri, version: ++dropInVersion }, contentChanges: [{ range: range(2, 16, 21), text: 'perhaps' }] });
    dropInText = dropInText.replace('maybe', 'perhaps');
    assert.deepEqual(messages((await next).diagnostics), expected());
    // The unit now allows a device that the drop-in's PrivateDevices=yes hides: the drop-in is checked again with it.
    next = client.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === dropInUri && p.version === dropInVersion && p.diagnostics.some((d) => d.code === 'device-blocked'),
    );
    client.notify('textDocument/didChange', { textDocument: { uri: unitUri, version: ++unitVersion }, contentChanges: [{ range: range(4, 0, 0), text: 'DeviceAllow=/dev/sda rw\n' }] });
    unitText = unitText.replace('ProtectSystem=strict\n', 'DeviceAllow=/dev/sda rw\nProtectSystem=strict\n');
    const withUnit = expected();
    assert.ok(withUnit.length > messages(first.diagnostics).length, 'the device the unit now allows is blocked by the drop-in');
    assert.deepEqual(messages((await next).diagnostics), withUnit);
  });
});
