/**
 * Hover through the language client: what VS Code's hover providers return over a key and a
 * value of examples/nftables.service, checked against the knowledge base's docs and man links.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { directiveRow } from '../../../server/src/core/kb';
import { directiveDoc, enumValueDoc } from '../../../server/src/core/kb/docs';
import { activeExtension, openInEditor, waitFor } from './helpers';

interface HoverCase {
  /** The line hovered (exact text) and the word the mouse is over. */
  line: string;
  word: string;
  /** Texts the hover must contain. */
  contains: string[];
}

const protectSystem = directiveRow('ProtectSystem', 'Service');
const cases: HoverCase[] = [
  {
    line: 'ProtectSystem=strict',
    word: 'ProtectSystem',
    contains: [
      directiveDoc('ProtectSystem')?.summary ?? 'no summary for ProtectSystem',
      `(${protectSystem?.url ?? 'no man link for ProtectSystem'})`,
    ],
  },
  { line: 'ProtectSystem=strict', word: 'strict', contains: [enumValueDoc('ProtectSystem', 'strict') ?? 'no doc for ProtectSystem=strict'] },
];

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

suite('hover', () => {
  suiteSetup(async () => {
    await openInEditor('nftables.service');
    await activeExtension();
  });

  for (const c of cases) {
    test(`nftables.service: ${c.word} on "${c.line}"`, async () => {
      const document = await openInEditor('nftables.service');
      const lineIndex = document.getText().split(/\r?\n/).indexOf(c.line);
      assert.ok(lineIndex >= 0, `no line "${c.line}"`);
      const start = c.line.indexOf(c.word);
      const position = new vscode.Position(lineIndex, start + Math.floor(c.word.length / 2));

      const hovers = await waitFor(`a hover over ${c.word}`, async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return result.length > 0 ? result : undefined;
      });
      const text = hovers.map(markdownOf).join('\n');
      for (const fragment of c.contains) assert.ok(text.includes(fragment), `the hover lacks "${fragment}":\n${text}`);
      const range = hovers[0].range;
      assert.ok(range, 'the hover has no range');
      assert.equal(document.getText(range), c.word, 'the hover range is not the word hovered');
    });
  }
});
