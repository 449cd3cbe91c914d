/**
 * Emacs with eglot (Debian 12's Emacs 28.2 and elpa-eglot) as a real LSP client, headless: it
 * loads the setup the README gives, opens a unit file, and must get from the server the mode,
 * the connection, hover, completion and the diagnostics the core computes. Skips loudly when
 * Emacs or eglot is missing (fails under CI).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createUnitDocument, diagnose } from '../../server/src/core';

const REPO = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(REPO, 'test/neovim/fixtures/hardening.service');

/** The elisp block under "### Emacs (eglot)" in the README: the setup users copy. */
function readmeSetup(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Emacs (eglot)'));
  const block = /```elisp\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'the README has no elisp block under "### Emacs (eglot)"');
  return block;
}

function emacsWithEglot(): boolean {
  const r = spawnSync('emacs', ['--batch', '--eval', "(progn (require 'eglot) (princ \"ok\"))"], { encoding: 'utf8', timeout: 30_000 });
  const ok = r.status === 0 && r.stdout.includes('ok');
  if (!ok) {
    const message = 'SKIPPED: Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot)';
    if (process.env.CI === 'true') throw new Error(message);
    console.log(message);
  }
  return ok;
}

const FLYMAKE_TYPE = { error: 'eglot-error', warning: 'eglot-warning', information: 'eglot-note', hint: 'eglot-note' } as const;

interface EmacsResults {
  mode?: string;
  server?: string;
  hover?: { contents?: { value?: string } | string };
  completion?: { items?: { label: string }[] } | { label: string }[];
  diagnostics?: [number, string, string][];
  timeout?: string;
  error?: string;
}

test('Emacs (eglot) with the README setup: mode, connection, hover, completion and diagnostics', { skip: !emacsWithEglot() }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unitguard-emacs-'));
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  // The README's setup runs `unitguard-language-server` from PATH, as an npm install puts it there.
  symlinkSync(path.join(REPO, 'bin/unitguard-language-server.js'), path.join(bin, 'unitguard-language-server'));
  const setup = path.join(dir, 'setup.el');
  writeFileSync(setup, readmeSetup());
  const unit = path.join(dir, 'hardening.service');
  copyFileSync(FIXTURE, unit);
  const out = path.join(dir, 'results.json');
  const r = spawnSync('emacs', ['--batch', '-l', path.join(REPO, 'test/emacs/drive.el')], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: dir,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: dir, UNITGUARD_EMACS_SETUP: setup, UNITGUARD_EMACS_FILE: unit, UNITGUARD_EMACS_OUT: out },
  });
  const details = `emacs exit ${r.status}\nstderr: ${r.stderr.slice(-3000)}`;
  assert.equal(r.status, 0, details);
  const results = JSON.parse(readFileSync(out, 'utf8')) as EmacsResults;
  assert.equal(results.error, undefined, details);
  assert.equal(results.timeout, undefined, `timed out waiting for ${results.timeout}\n${details}`);

  assert.equal(results.mode, 'systemd-unit-mode');
  assert.equal(results.server, 'unitguard-language-server');

  const hover = typeof results.hover?.contents === 'string' ? results.hover.contents : (results.hover?.contents?.value ?? '');
  assert.match(hover, /ProtectSystem=/);
  assert.match(hover, /https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.exec\.html#ProtectSystem=/);

  const items = Array.isArray(results.completion) ? results.completion : (results.completion?.items ?? []);
  assert.ok(items.some((i) => i.label.replace(/=$/, '') === 'ProtectSystem'), `completion offers ProtectSystem=: ${items.slice(0, 20).map((i) => i.label).join(', ')}`);

  // Flymake shows what the core reports for the file, each on its line with its severity.
  const text = readFileSync(unit, 'utf8');
  const expected = diagnose(createUnitDocument(pathToFileURL(unit).href, text)).map((d) => `${d.range.start.line + 1} ${FLYMAKE_TYPE[d.severity]} unitguard [${d.code}]: ${d.message}`);
  const shown = (results.diagnostics ?? []).map(([line, type, message]) => `${line} ${type} ${message}`);
  assert.ok(expected.length > 0);
  assert.deepEqual([...shown].sort(), [...expected].sort());
});
