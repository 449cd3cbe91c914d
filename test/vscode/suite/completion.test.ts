/**
 * Completion through the language client: what VS Code's completion providers offer at a cursor
 * in a fixture (test/e2e/fixtures), checked against the knowledge base's docs and man links.
 * The list carries neither docs nor details: VS Code gets both through completionItem/resolve,
 * which vscode.executeCompletionItemProvider sends for as many items (in the suggest widget's
 * order) as its fourth argument asks for.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { directiveRow, enumValues } from '../../../server/src/core/kb';
import { directiveDetail } from '../../../server/src/core/features/completion/directives';
import { directiveDoc, enumValueDoc } from '../../../server/src/core/kb/docs';
import { activeExtension, openInEditor, waitFor } from './helpers';

interface CompletionCase {
  name: string;
  fixture: string;
  /** The cursor goes to the end of the first line with exactly this text. */
  line: string;
  /** The item that must be offered. */
  label: string;
  /** What the line reads after the item is inserted. */
  lineAfter: string;
  /** Texts the item's documentation must contain. */
  documentation: string[];
  /** The item's detail line, when it has one. */
  detail?: string;
  /** Labels that must all be offered with it. */
  alongWith?: string[];
  /** The item's kind (its icon). */
  kind: vscode.CompletionItemKind;
  /** The command the item runs after inserting, if any. */
  command?: string;
}

const protectSystem = directiveRow('ProtectSystem', 'Service');
const cases: CompletionCase[] = [
  {
    name: 'a key prefix in [Service] offers ProtectSystem= with its docs',
    fixture: 'completion-directive.service',
    line: 'Prot',
    label: 'ProtectSystem',
    lineAfter: 'ProtectSystem=',
    documentation: [directiveDoc('ProtectSystem')?.summary ?? 'no summary for ProtectSystem', protectSystem?.url ?? 'no man link for ProtectSystem'],
    detail: protectSystem ? directiveDetail(protectSystem) : 'no row for ProtectSystem',
    alongWith: ['ProtectHome', 'ProtectKernelTunables'],
    // The server sends settings in its compact form: the extension puts the kind and the command back.
    kind: vscode.CompletionItemKind.Property,
    command: 'editor.action.triggerSuggest',
  },
  {
    name: 'after ProtectSystem= the values are offered, strict with its docs',
    fixture: 'completion-value.service',
    line: 'ProtectSystem=',
    label: 'strict',
    lineAfter: 'ProtectSystem=strict',
    documentation: [enumValueDoc('ProtectSystem', 'strict') ?? 'no doc for ProtectSystem=strict'],
    alongWith: (enumValues('ProtectSystem')?.values ?? []).filter((value) => !value.deprecated).map((value) => value.value),
    kind: vscode.CompletionItemKind.EnumMember,
  },
];

/** How many items (in the suggest widget's order) the provider command resolves: more than either list puts before the item checked. */
const RESOLVED = 50;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function documentationOf(item: vscode.CompletionItem): string {
  const doc = item.documentation;
  return doc === undefined ? '' : typeof doc === 'string' ? doc : doc.value;
}

suite('completion', () => {
  suiteSetup(async () => {
    await openInEditor('nftables.service');
    await activeExtension();
  });

  for (const c of cases) {
    test(c.name, async () => {
      const document = await openInEditor(c.fixture);
      const lineIndex = document.getText().split(/\r?\n/).indexOf(c.line);
      assert.ok(lineIndex >= 0, `${c.fixture} has no line "${c.line}"`);
      // A label the file already contains could come from anywhere; this one must come from the server.
      assert.ok(!document.getText().includes(c.lineAfter), `${c.fixture} already contains ${c.lineAfter}`);
      const position = new vscode.Position(lineIndex, c.line.length);

      // The server may still be starting: ask until the item shows up. The first RESOLVED items
      // get their docs and details.
      const items = await waitFor(`completion to offer ${c.label}`, async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, RESOLVED);
        return list.items.some((item) => labelOf(item) === c.label) ? list.items : undefined;
      });
      const item = items.find((candidate) => labelOf(candidate) === c.label);
      assert.ok(item);
      const labels = items.map(labelOf);
      for (const other of c.alongWith ?? []) assert.ok(labels.includes(other), `${other} not offered; offered: ${labels.join(', ')}`);

      const doc = documentationOf(item);
      for (const fragment of c.documentation) assert.ok(doc.includes(fragment), `the documentation of ${c.label} lacks "${fragment}":\n${doc}`);
      if (c.detail !== undefined) assert.equal(item.detail, c.detail, `the detail of ${c.label}`);
      assert.equal(item.kind, c.kind, `the kind of ${c.label}`);
      assert.equal(item.command?.command, c.command, `the command of ${c.label}`);

      // Inserting the item the way the editor does: its range is replaced by its insert text.
      const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
      assert.ok(range, `${c.label} has no range`);
      const insert = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? labelOf(item));
      const line = document.lineAt(lineIndex).text;
      assert.equal(range.start.line, lineIndex);
      const after = line.slice(0, range.start.character) + insert + line.slice(range.end.character);
      assert.equal(after, c.lineAfter);
    });
  }
});
