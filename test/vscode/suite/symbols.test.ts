/** Document symbols through VS Code's command, as the Outline and breadcrumbs get them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, waitFor } from './helpers';

/** The sections of a unit file and their keys, read straight from the lines. */
function sectionsOf(text: string): Array<{ header: string; line: number; keys: string[] }> {
  const sections: Array<{ header: string; line: number; keys: string[] }> = [];
  text.split('\n').forEach((line, index) => {
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    const entry = /^([A-Za-z0-9_-]+)\s*=/.exec(line);
    if (header) sections.push({ header: line.trim(), line: index, keys: [] });
    else if (entry && sections.length > 0) sections[sections.length - 1].keys.push(entry[1]);
  });
  return sections;
}

suite('document symbols', () => {
  test('nftables.service: one symbol per section, its keys as children', async () => {
    const document = await openInEditor('nftables.service');
    const expected = sectionsOf(document.getText());
    assert.ok(expected.length >= 3);
    const symbols = await waitFor('document symbols from the language server', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      return result && result.length > 0 ? result : undefined;
    });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      expected.map((section) => section.header),
    );
    for (const [index, section] of expected.entries()) {
      const symbol = symbols[index];
      assert.equal(symbol.range.start.line, section.line, `${section.header} starts on another line`);
      assert.deepEqual(symbol.children.map((child) => child.name), section.keys, `keys of ${section.header}`);
    }
  });
});
