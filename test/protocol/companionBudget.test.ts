/**
 * A unit whose drop-ins on disk pass the budget of the files read alongside a unit, opened in a
 * trusted workspace over real stdio: the server does not read them (hundreds of large ones took
 * its main process past its heap limit), checks the unit by itself and says why in a diagnostic
 * on its first line. A unit whose drop-ins fit is checked with them and gets no such diagnostic.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LspClient } from '../support/lspClient';
import { openDocument, startServer } from './harness';

const UNIT = '[Service]\nExecStart=/bin/true\n';

interface Published {
  code?: string | number;
  message: string;
  range: { start: { line: number } };
}

describe('drop-ins past their budget in the language server', () => {
  let client: LspClient;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'unitguard-companions-'));
    // 12 drop-ins of 10,000 lines: each far below 1 MiB, 120,000 lines in all.
    mkdirSync(path.join(workspace, 'big.service.d'));
    writeFileSync(path.join(workspace, 'big.service'), UNIT);
    for (let i = 0; i < 12; i++) writeFileSync(path.join(workspace, `big.service.d/${String(i).padStart(2, '0')}.conf`), '[Service]\n' + 'Nice=1\n'.repeat(10_000));
    mkdirSync(path.join(workspace, 'small.service.d'));
    writeFileSync(path.join(workspace, 'small.service'), UNIT);
    writeFileSync(path.join(workspace, 'small.service.d/10.conf'), '[Service]\nNice=1\n');
    client = startServer();
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'units' }] });
  });
  after(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the unit is checked without them, and a diagnostic says why with the numbers', async () => {
    const published = await openDocument(client, pathToFileURL(path.join(workspace, 'big.service')).href, UNIT);
    const notices = (published.diagnostics as Published[]).filter((d) => d.code === 'unit-files-not-read');
    assert.equal(notices.length, 1, JSON.stringify(published.diagnostics));
    assert.equal(notices[0]?.range.start.line, 0);
    assert.match(
      notices[0]?.message ?? '',
      /^Checked without the unit's other files on disk: too large to check with its drop-ins: the files read alongside it pass 100,000 lines or 8 MiB in all \(10 files of 100,020 lines and 1 MB so far\)\. /,
    );
  });

  test('a unit whose drop-ins fit gets no such diagnostic', async () => {
    const published = await openDocument(client, pathToFileURL(path.join(workspace, 'small.service')).href, UNIT);
    assert.deepEqual((published.diagnostics as Published[]).filter((d) => d.code === 'unit-files-not-read'), []);
  });
});
