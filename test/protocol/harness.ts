/** What the protocol tests share: the real server process and the expectations computed by the pure core. */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { createUnitDocument, diagnose, documentSymbols, foldingRanges, type UnitSymbol } from '../../server/src/core';
import { LspClient, type LspClientOptions } from '../support/lspClient';

export const repoRoot = path.resolve(__dirname, '../../..');
export const serverScript = path.join(repoRoot, 'bin', 'unitguard-language-server.js');
export const fixturesDir = path.join(repoRoot, 'test', 'protocol', 'fixtures');

/** Starts the built server (bin/unitguard-language-server.js --stdio) as editors do. */
export function startServer(options: LspClientOptions = {}): LspClient {
  return LspClient.start(process.execPath, [serverScript, '--stdio'], { cwd: repoRoot, timeoutMs: 20_000, ...options });
}

export function fixtureUri(file: string): string {
  return pathToFileURL(path.join(fixturesDir, file)).href;
}

export function readFixture(file: string): string {
  return readFileSync(path.join(fixturesDir, file), 'utf8');
}

/** LSP's numbers for the core's severities and symbol kinds. */
export const LSP_SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
export const LSP_SYMBOL_KIND = { section: 3, directive: 7 } as const;

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Array<{ range: unknown; severity?: number; code?: string | number; source?: string; message: string }>;
}

/** What the server should publish for this text, computed by the pure core. */
export function coreDiagnostics(uri: string, text: string, version: number): unknown[] {
  return diagnose(createUnitDocument(uri, text, version)).map((d) => ({
    range: d.range,
    severity: LSP_SEVERITY[d.severity],
    code: d.code,
    message: d.message,
  }));
}

/** The outline the server should return for this text, computed by the pure core. */
export function coreSymbols(uri: string, text: string): unknown[] {
  const toLsp = (s: UnitSymbol): unknown => ({
    name: s.name,
    detail: s.detail,
    kind: LSP_SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLsp),
  });
  return documentSymbols(createUnitDocument(uri, text).tree).map(toLsp);
}

/** The folding ranges the server should return for this text, computed by the pure core. */
export function coreFoldingRanges(uri: string, text: string): unknown[] {
  return foldingRanges(createUnitDocument(uri, text).tree).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: r.kind } : {}) }));
}

/**
 * The parts of `actual` that `expected` names: objects keep only the keys the
 * expectation has, arrays are compared element by element (and keep their own
 * length, so a missing or extra element still shows).
 */
export function pick(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((a, i) => (i < expected.length ? pick(a, expected[i]) : a));
  if (isRecord(expected) && isRecord(actual)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(expected)) if (key in actual) out[key] = pick(actual[key], expected[key]);
    return out;
  }
  return actual;
}

/** Asserts that `actual` has everything `expected` names, with the same values. */
export function assertMatches(actual: unknown, expected: unknown, message?: string): void {
  assert.deepStrictEqual(pick(actual, expected), expected, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Opens a document and resolves with the diagnostics published for it. */
export async function openDocument(client: LspClient, uri: string, text: string, version = 1, languageId = 'systemd-unit'): Promise<PublishDiagnosticsParams> {
  const published = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return published;
}

/**
 * Closes a document and resolves with the publication that clears its
 * diagnostics (the one without a version: versioned ones belong to edits).
 */
export async function closeDocument(client: LspClient, uri: string): Promise<PublishDiagnosticsParams> {
  const cleared = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === undefined);
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return cleared;
}
