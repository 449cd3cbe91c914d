/**
 * The diagnostics a keystroke leaves standing are published again as the objects of the version
 * before (their JSON is kept with them). Each publication must still be, to the byte, what a
 * fresh check of that version's text gives in the protocol's form: related lines, tags and all.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { WORKER_THRESHOLD } from '../../server/src/lsp/analysisJobs';
import { DEFAULT_MAX_PROBLEMS, publishedProblems } from '../../server/src/lsp/problemLimit';
import type { LspClient } from '../support/lspClient';
import { generateUnit } from '../bench/generate';
import { closeDocument, openDocument, startServer, type PublishDiagnosticsParams } from './harness';

/** What a fresh check of `text` publishes, as the client reads it. */
function freshPublication(uri: string, text: string, version: number): unknown {
  return JSON.parse(JSON.stringify(publishedProblems(diagnose(createUnitDocument(uri, text, version)), uri, DEFAULT_MAX_PROBLEMS)));
}

interface Keystroke {
  /** Finds the line to type on. */
  line: (lines: readonly string[]) => number;
  character: number;
  /** Inserted at the character, or (when a number) that many characters deleted there. */
  edit: string | number;
}

const middle = (test: (line: string) => boolean) => (lines: readonly string[]) => lines.findIndex((l, i) => i > lines.length / 2 && test(l));

/**
 * In a value other lines point at, in a key (a new unknown setting, a duplicate gone), on a
 * deprecated setting's line, and a line added and taken out.
 */
const KEYSTROKES: Keystroke[] = [
  { line: middle((l) => l.startsWith('Description=')), character: 13, edit: 'x' },
  { line: middle((l) => l.startsWith('Description=')), character: 13, edit: 1 },
  { line: middle((l) => l.startsWith('ProtectHome=')), character: 11, edit: 'X' },
  { line: middle((l) => l.startsWith('ProtectHomeX=')), character: 11, edit: 1 },
  { line: middle((l) => l.startsWith('PrivateTmp=')), character: 11, edit: 3 },
  { line: middle((l) => l.startsWith('PrivateTmp=')), character: 11, edit: 'yes' },
  { line: middle((l) => l.startsWith('Type=')), character: 0, edit: 'MemoryLimit=1G\n' },
  { line: middle((l) => l.startsWith('MemoryLimit=')), character: 11, edit: 'x' },
  { line: middle((l) => l.startsWith('MemoryLimitx=')), character: 11, edit: 1 },
  { line: middle((l) => l.startsWith('MemoryLimit=')), character: 0, edit: 'MemoryLimit=1G\n'.length },
];

describe('publications after keystrokes', () => {
  let client: LspClient;

  before(async () => {
    client = startServer();
    await client.initialize();
  });
  after(() => client.kill());

  /** Opens `text`, types the keystrokes, and compares each publication with a fresh check. */
  async function typeAndCompare(uri: string, initial: string): Promise<void> {
    let text = initial;
    let version = 1;
    const opened = await openDocument(client, uri, text, version);
    assert.deepStrictEqual(opened.diagnostics, freshPublication(uri, text, version));
    assert.ok(opened.diagnostics.some((d) => 'relatedInformation' in d) && opened.diagnostics.some((d) => 'tags' in d), 'the unit has findings with related lines and tags');
    for (const keystroke of KEYSTROKES) {
      const lines = text.split('\n');
      const line = keystroke.line(lines);
      assert.ok(line >= 0, `a line for ${JSON.stringify(keystroke)}`);
      const at = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + keystroke.character;
      const removed = typeof keystroke.edit === 'number' ? keystroke.edit : 0;
      const inserted = typeof keystroke.edit === 'string' ? keystroke.edit : '';
      const end = plainPosition(text, at + removed);
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      version++;
      const published = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: keystroke.character }, end }, text: inserted }],
      });
      assert.deepStrictEqual((await published).diagnostics, freshPublication(uri, text, version), `after ${JSON.stringify(keystroke)}`);
    }
    await closeDocument(client, uri);
    client.takeNotifications('textDocument/publishDiagnostics');
  }

  test('each is what a fresh check of its version publishes, to the byte', async () => {
    await typeAndCompare('file:///protocol/republished/web.service', generateUnit(300));
  });

  test('the same for a document checked on the worker thread, which sends its diagnostics encoded', async () => {
    const text = generateUnit(12_000);
    assert.ok(text.length >= WORKER_THRESHOLD, 'long enough for the worker');
    await typeAndCompare('file:///protocol/republished/large.service', text);
  });
});

/** The (line, character) of an offset in a text of `\n` line breaks. */
function plainPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
