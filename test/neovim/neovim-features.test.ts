/**
 * Completion, hover and quick fixes through Neovim's built-in LSP client
 * (Debian 12's 0.7.2), headless, against the built server. Completion lists
 * carry no docs; an item's docs come from completionItem/resolve, which
 * completion plugins such as nvim-cmp send for the item in focus. 0.7's own
 * omnifunc never resolves: it shows the label and, in the menu column, the
 * detail, which the server keeps in the list for clients that do not list
 * `detail` among the properties they resolve (0.7 lists none).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { complete, createUnitDocument } from '../../server/src/core';
import { completionDetail } from '../../server/src/core/features/completion';
import { neovimVersion, runNeovim, type NeovimRun, type NeovimStep } from './runNeovim';

const FIXTURE = path.resolve(__dirname, '../../../test/neovim/fixtures/hardening.service');
const PROT_LINE = 5;
const PROTECT_SYSTEM_LINE = 6;
const FILTER_LINE = 7;

const steps: NeovimStep[] = [
  { name: 'diagnostics', kind: 'diagnostics' },
  { name: 'completion', kind: 'request', method: 'textDocument/completion', params: { position: { line: PROT_LINE, character: 4 } } },
  { name: 'resolve', kind: 'resolve', from: 'completion', label: 'ProtectSystem' },
  { name: 'omni', kind: 'omni', from: 'completion', prefix: 'Prot' },
  { name: 'valueCompletion', kind: 'request', method: 'textDocument/completion', params: { position: { line: PROTECT_SYSTEM_LINE, character: 14 } } },
  { name: 'hover', kind: 'request', method: 'textDocument/hover', params: { position: { line: PROTECT_SYSTEM_LINE, character: 3 } } },
  {
    name: 'codeActions',
    kind: 'request',
    method: 'textDocument/codeAction',
    params: { range: { start: { line: FILTER_LINE, character: 0 }, end: { line: FILTER_LINE, character: 0 } } },
    withDiagnostics: true,
  },
  { name: 'stop', kind: 'stop' },
];

interface CompletionItem {
  label: string;
  detail?: string;
  sortText?: string;
  documentation?: { kind: string; value: string } | string;
}

interface CompleteItem {
  word: string;
  abbr: string;
  kind: string;
  menu: string;
  info: string;
}

const version = neovimVersion();

test('Neovim: completion, hover and quick fixes from the server', { skip: version ? false : 'nvim not installed' }, async () => {
  const run = await runNeovim(FIXTURE, 'hardening.service', steps);
  const details = `nvim exit ${run.exitCode}\nresults: ${JSON.stringify(run.results)?.slice(0, 3000)}\nstderr: ${run.stderr.slice(-3000)}`;
  assert.equal(run.exitCode, 0, details);
  assert.ok(run.results?.ok, details);

  const items = completionItems(step(run, 'completion'));
  const protectSystem = items.find((i) => i.label === 'ProtectSystem=' || i.label === 'ProtectSystem');
  assert.ok(protectSystem, `typing "Prot" offers ProtectSystem=: ${items.map((i) => i.label).slice(0, 20).join(', ')}`);
  assert.equal(protectSystem.documentation, undefined, 'the list carries no docs');
  const resolved = step<{ result?: CompletionItem }>(run, 'resolve').result;
  assert.equal(resolved?.label, protectSystem.label);
  assert.match(docText(resolved?.documentation), /systemd\.exec\.html#ProtectSystem=/, 'resolving the item gives its doc with the man page link');

  // What 0.7's omnifunc shows: the settings that start with "Prot", in the server's order, each with its detail as the menu.
  const text = readFileSync(FIXTURE, 'utf8');
  const core = complete(createUnitDocument('file:///x/hardening.service', text, 1), { line: PROT_LINE, character: 4 }, { systemdVersion: 262 });
  const expected = core
    .filter((i) => i.textEdit.newText.startsWith('Prot'))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))
    .map((i) => ({ word: i.textEdit.newText, abbr: i.label, menu: completionDetail(i.data) ?? '' }));
  const omni = step<CompleteItem[]>(run, 'omni');
  assert.ok(expected.length >= 5, `${expected.length} settings start with Prot`);
  assert.deepStrictEqual(omni.map((m) => ({ word: m.word, abbr: m.abbr, menu: m.menu })), expected, 'omnifunc: words, labels and details in the server\'s order');
  const menu = omni.find((m) => m.abbr === 'ProtectSystem')?.menu;
  assert.match(menu ?? '', /^no \| yes \| full \| strict · systemd \d+\+$/, 'the detail of ProtectSystem in the menu column');
  assert.ok(omni.every((m) => m.kind === 'Property' && m.info.trim() === ''), 'no docs in the list');

  const values = completionItems(step(run, 'valueCompletion')).map((i) => i.label);
  for (const value of ['strict', 'full']) assert.ok(values.includes(value), `ProtectSystem= offers ${value}: ${values.join(', ')}`);

  const hover = step<{ result?: { contents?: { value?: string } | string } }>(run, 'hover').result;
  const hoverText = typeof hover?.contents === 'string' ? hover.contents : (hover?.contents?.value ?? '');
  assert.match(hoverText, /ProtectSystem/, 'hover names the setting');
  assert.match(hoverText, /https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.exec\.html#ProtectSystem=/);

  const actions = (step<{ result?: Array<{ title: string }> }>(run, 'codeActions').result ?? []).map((a) => a.title);
  assert.ok(
    actions.some((t) => /SystemCallArchitectures=native/.test(t)),
    `the SystemCallFilter= line offers "Add SystemCallArchitectures=native": ${actions.join(' | ')}`,
  );
});

function completionItems(value: unknown): CompletionItem[] {
  const result = (value as { result?: unknown }).result;
  if (Array.isArray(result)) return result as CompletionItem[];
  return ((result as { items?: CompletionItem[] } | undefined)?.items ?? []) as CompletionItem[];
}

function docText(doc: CompletionItem['documentation']): string {
  return typeof doc === 'string' ? doc : (doc?.value ?? '');
}

function step<T = unknown>(run: NeovimRun, name: string): T {
  const value = run.results?.steps[name];
  assert.ok(value !== undefined, `step ${name} has a result`);
  return value as T;
}
