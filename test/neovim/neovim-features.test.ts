/**
 * Completion, hover and quick fixes through Neovim's built-in LSP client
 * (Debian 12's 0.7.2), headless, against the built server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { neovimVersion, runNeovim, type NeovimRun, type NeovimStep } from './runNeovim';

const FIXTURE = path.resolve(__dirname, '../../../test/neovim/fixtures/hardening.service');
const PROT_LINE = 5;
const PROTECT_SYSTEM_LINE = 6;
const FILTER_LINE = 7;

const steps: NeovimStep[] = [
  { name: 'diagnostics', kind: 'diagnostics' },
  { name: 'completion', kind: 'request', method: 'textDocument/completion', params: { position: { line: PROT_LINE, character: 4 } } },
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
  documentation?: { kind: string; value: string } | string;
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
  assert.match(docText(protectSystem.documentation), /systemd\.exec\.html#ProtectSystem=/, 'the item carries its doc with the man page link');

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
