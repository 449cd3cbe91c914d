/**
 * The language server as an editor sees it: `node bin/unitguard-language-server.js --stdio`
 * spoken to over JSON-RPC with Content-Length framing. Latencies run from just
 * before a message is written to the arrival of the last byte of the answer,
 * so they include the transfer both ways but not the benchmark's own parsing.
 *
 * A keystroke is one incremental didChange in a value in the middle of the
 * document: keystrokes alternate between typing a character and deleting it,
 * so the text never drifts from the generated one; each is timed to the
 * publishDiagnostics of its version. Slow figures stop sampling after a time
 * budget and say how many samples they got.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPACT_COMPLETIONS } from '../../client/src/compactCompletions';
import { repoRoot } from '../corpus/corpusLocation';
import { generateUnit, generateUnitOfSize } from './generate';
import { BenchConnection, TimeoutError, type Json, type Received } from './lspConnection';
import { bytes, median, msPercentiles, msRange, now, num, type Options, type Summary } from './stats';

const SERVER = path.join(repoRoot, 'bin', 'unitguard-language-server.js');
const PUBLISH = 'textDocument/publishDiagnostics';

interface Position {
  line: number;
  character: number;
}

/** What VS Code, with this product's extension, tells the server at start, as far as the server looks at it. */
function initializeParams(): Json {
  return {
    processId: process.pid,
    initializationOptions: { workspaceTrusted: true, ...COMPACT_COMPLETIONS },
    clientInfo: { name: 'Visual Studio Code', version: '1.95.0' },
    locale: 'en',
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true, willSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        completion: {
          contextSupport: true,
          completionItem: {
            snippetSupport: true,
            documentationFormat: ['markdown', 'plaintext'],
            deprecatedSupport: true,
            tagSupport: { valueSet: [1] },
            insertReplaceSupport: true,
            labelDetailsSupport: true,
            resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
          },
          completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        codeLens: {},
      },
      window: { workDoneProgress: true },
    },
  };
}

/** An open document and what the benchmark knows of it. */
interface Doc {
  conn: BenchConnection;
  uri: string;
  lines: string[];
  version: number;
  /** Whether the server puts the document version into publishDiagnostics. */
  versioned: boolean;
  /** The latest publication for this document. */
  published?: Received;
  /** Whether the keystrokes left a typed character in the text. */
  typed: boolean;
  timeoutMs: number;
}

async function startServer(timeoutMs: number): Promise<{ conn: BenchConnection; initializeMs: number }> {
  const conn = new BenchConnection(process.execPath, [SERVER, '--stdio'], repoRoot);
  try {
    const reply = await conn.request('initialize', initializeParams(), timeoutMs);
    conn.notify('initialized', {});
    return { conn, initializeMs: reply.at - conn.spawnedAt };
  } catch (error) {
    conn.kill();
    throw error;
  }
}

/** didOpen, timed to the first publication for the document. */
async function openDocument(conn: BenchConnection, uri: string, text: string, timeoutMs: number): Promise<{ doc: Doc; ms: number }> {
  const first = conn.waitFor(PUBLISH, (p) => p.uri === uri, timeoutMs);
  const sentAt = conn.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'systemd-unit', version: 1, text } });
  const published = await first;
  const doc: Doc = { conn, uri, lines: text.split('\n'), version: 1, versioned: published.message.params.version === 1, published, typed: false, timeoutMs };
  return { doc, ms: published.at - sentAt };
}

/**
 * One didChange, timed to the publication of its version (to the first
 * publication after it when the server does not send versions).
 */
async function change(doc: Doc, contentChanges: unknown[]): Promise<number> {
  const version = ++doc.version;
  const published = doc.conn.waitFor(PUBLISH, (p) => p.uri === doc.uri && (!doc.versioned || p.version === version), doc.timeoutMs);
  const sentAt = doc.conn.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges });
  doc.published = await published;
  return doc.published.at - sentAt;
}

function insertAt(at: Position, text: string): unknown {
  return { range: { start: at, end: at }, rangeLength: 0, text };
}

function deleteAt(at: Position, length: number): unknown {
  return { range: { start: at, end: { line: at.line, character: at.character + length } }, rangeLength: length, text: '' };
}

/**
 * Keystrokes at `at`, each typing 'x' or deleting the 'x' typed before; the
 * first `warmup` are not timed (their times go to `warmupTimes`). Sampling stops early once
 * `budgetMs` has passed, so that a slow server gives fewer samples instead of a run without end.
 */
async function keystrokes(doc: Doc, at: Position, count: number, warmup: number, budgetMs: number, warmupTimes: number[] = []): Promise<number[]> {
  const times: number[] = [];
  const started = now();
  for (let i = 0; i < warmup + count && now() - started < budgetMs; i++) {
    const ms = await change(doc, [doc.typed ? deleteAt(at, 1) : insertAt(at, 'x')]);
    doc.typed = !doc.typed;
    (i >= warmup ? times : warmupTimes).push(ms);
  }
  return times;
}

/** Percentiles of keystroke times, saying so when the budget cut the sampling short. */
function sampled(times: readonly number[], asked: number, budgetMs: number, show: (t: readonly number[]) => string): string {
  if (times.length === 0) return `no keystroke within ${budgetMs / 1000} s`;
  const short = times.length < asked ? ` — only ${times.length} of ${asked}: stopped after ${budgetMs / 1000} s` : '';
  return `${show(times)}${short}`;
}

/** The index of the line nearest the middle that passes the test. */
function lineNearMiddle(lines: readonly string[], test: (line: string, index: number) => boolean): number {
  const middle = lines.length >> 1;
  for (let offset = 0; offset < lines.length; offset++) {
    for (const index of [middle - offset, middle + offset]) {
      if (index >= 0 && index < lines.length && test(lines[index], index)) return index;
    }
  }
  throw new Error('no line in the document passes the test');
}

/**
 * A character typed into the program of the ExecStart= line nearest the middle: a line that the
 * checks of evidence and the hardening pairs read, where a Description= line is read by neither.
 */
function commandKeystrokePosition(lines: readonly string[]): Position {
  const line = lineNearMiddle(lines, (text) => text.startsWith('ExecStart=/'));
  return { line, character: lines[line].search(/[ \t]|$/) };
}

/** A character typed into the Description= value of the line nearest the middle. */
function keystrokePosition(lines: readonly string[]): Position {
  const line = lineNearMiddle(lines, (text) => text.startsWith('Description='));
  return { line, character: 'Description=Bench'.length };
}

interface Sampled {
  /** The requests timed once the server is warm. */
  times: number[];
  /** The warm-up requests before them. */
  warmupTimes: number[];
  bytes: number;
  result: Json;
}

/** How many requests of each kind a figure sends, and how many of them come first as a warm-up. */
interface Counts {
  count: number;
  warmup: number;
}

async function sample(doc: Doc, method: string, params: unknown, { count, warmup }: Counts): Promise<Sampled> {
  const times: number[] = [];
  const warmupTimes: number[] = [];
  let last: { bytes: number; message: Json } | undefined;
  for (let i = 0; i < warmup + count; i++) {
    const answered = await doc.conn.request(method, params, doc.timeoutMs);
    (i >= warmup ? times : warmupTimes).push(answered.ms);
    last = answered;
  }
  return { times, warmupTimes, bytes: last?.bytes ?? 0, result: last?.message.result };
}

/** `p50 …, p99 … (n=…); the N before (warm-up): p50 …, p99 …`: a warm server's figure, and how it got there. */
function warmAndFirst(s: Sampled): string {
  return s.warmupTimes.length === 0 ? msPercentiles(s.times) : `${msPercentiles(s.times)}; the ${s.warmupTimes.length} before (warm-up): ${msPercentiles(s.warmupTimes)}`;
}

/** Runs one figure; a timeout becomes the figure, a crash fails the run. */
async function figure(summary: Summary, name: string, work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof TimeoutError) {
      console.log(`  ${name}: timed out (${error.message})`);
      summary.row(name, 'timed out');
    } else {
      summary.failed(name, error);
    }
    return false;
  }
}

export async function benchLsp(options: Options, summary: Summary): Promise<void> {
  console.log('\n## Language server over stdio (node bin/unitguard-language-server.js --stdio)');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'unitguard-bench-lsp-'));
  const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;
  try {
    await startup(options, summary);
    await smallDocument(options, summary, uriOf('bench-1000.service'));
    await largeDocument(options, summary, uriOf('bench-50000.service'));
    await hugeDocument(options, summary, uriOf('bench-10mb.service'));
    await hugeDocumentWithProblem(options, summary, uriOf('bench-10mb-problem.service'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function startup(options: Options, summary: Summary): Promise<void> {
  const starts = options.quick ? 3 : 5;
  await figure(summary, 'LSP start → initialize reply', async () => {
    const times: number[] = [];
    for (let i = 0; i < starts; i++) {
      const { conn, initializeMs } = await startServer(30_000);
      times.push(initializeMs);
      await conn.close();
    }
    console.log(`  process start → initialize reply: ${msRange(times)} (${starts} starts)`);
    summary.row('LSP process start → initialize reply', msRange(times));
  });
}

/** The 1,000-line document: open, keystrokes, and the requests an editor sends while one types. */
async function smallDocument(options: Options, summary: Summary, uri: string): Promise<void> {
  const text = generateUnit(1_000);
  // A 99th percentile needs hundreds of samples: of 100, it is the slowest but one. The engine
  // compiles the code a request runs over its first few hundred runs, and while it does, the
  // compiler's threads compete with the client's on a machine of two cores: each figure is timed
  // after a warm-up of the same requests, whose own percentiles are shown beside it.
  const requests: Counts = options.quick ? { count: 200, warmup: 200 } : { count: 1000, warmup: 1000 };
  const keys = options.quick ? 200 : 1000;
  console.log(`1,000-line unit (generateUnit, ${bytes(Buffer.byteLength(text))}); requests: ${requests.count} timed after ${requests.warmup} warm-up each`);
  let started: { conn: BenchConnection } | undefined;
  try {
    started = await startServer(30_000);
    const { conn } = started;
    let doc: Doc | undefined;
    await figure(summary, 'LSP 1k lines: didOpen → publishDiagnostics', async () => {
      const opened = await openDocument(conn, uri, text, 30_000);
      doc = opened.doc;
      const published = opened.doc.published as Received;
      if (!opened.doc.versioned) console.log('  NOTE: the server publishes diagnostics without a version; each change is matched to the first publication after it');
      console.log(`  didOpen → publishDiagnostics: ${num(opened.ms)} ms (the server's first document)`);
      console.log(`  publishDiagnostics message: ${bytes(published.bytes)} (${num(published.message.params.diagnostics.length, 0)} diagnostics)`);
      summary.row('LSP 1k lines: didOpen → publishDiagnostics', `${num(opened.ms)} ms`);
      summary.row('LSP 1k lines: publishDiagnostics size', `${bytes(published.bytes)} (${published.message.params.diagnostics.length} diagnostics)`);
    });
    if (!doc) return;
    const d = doc;

    await figure(summary, 'LSP 1k lines: keystroke → publishDiagnostics', async () => {
      const budgetMs = 120_000;
      // The engine compiles the checks' code over the first keystrokes after the server starts:
      // the percentiles are those of typing after a warm-up, which is shown apart, its first
      // keystrokes too.
      const firstKeys = 50;
      const first: number[] = [];
      const times = await keystrokes(d, keystrokePosition(d.lines), keys, keys, budgetMs, first);
      const firstShown = first.length > 0 ? msRange(first.slice(0, firstKeys)) : 'none within the time allowed';
      const warmupShown = first.length > 0 ? msPercentiles(first) : 'none within the time allowed';
      console.log(`  the first ${firstKeys} keystrokes after the open: ${firstShown}`);
      console.log(`  the ${first.length} keystrokes of the warm-up: ${warmupShown}`);
      console.log(`  keystroke → publishDiagnostics: ${sampled(times, keys, budgetMs, msPercentiles)}, after those ${first.length}`);
      summary.row(`LSP 1k lines: first ${firstKeys} keystrokes after the open`, firstShown);
      summary.row(`LSP 1k lines: warm-up keystrokes`, warmupShown);
      summary.row('LSP 1k lines: keystroke → publishDiagnostics', sampled(times, keys, budgetMs, msPercentiles));
    });

    const textDocument = { uri };
    const blank = lineNearMiddle(d.lines, (line, i) => line === '' && i > 0 && d.lines[i - 1].startsWith('ReadWritePaths='));
    await figure(summary, 'LSP completion, empty line in [Service]', async () => {
      const s = await sample(d, 'textDocument/completion', { textDocument, position: { line: blank, character: 0 }, context: { triggerKind: 1 } }, requests);
      const items = Array.isArray(s.result) ? s.result.length : (s.result?.items?.length ?? 0);
      console.log(`  completion on an empty line in [Service]: ${warmAndFirst(s)}; ${bytes(s.bytes)}, ${items} items`);
      summary.row('LSP completion, empty line in [Service]', `${warmAndFirst(s)}; ${bytes(s.bytes)}`);
    });

    await figure(summary, 'LSP completion after SystemCallFilter=', async () => {
      // Typed on the empty line, as a user would, then taken back out.
      const typed = 'SystemCallFilter=';
      await change(d, [insertAt({ line: blank, character: 0 }, typed)]);
      const position = { line: blank, character: typed.length };
      const s = await sample(d, 'textDocument/completion', { textDocument, position, context: { triggerKind: 2, triggerCharacter: '=' } }, requests);
      await change(d, [deleteAt({ line: blank, character: 0 }, typed.length)]);
      const items = Array.isArray(s.result) ? s.result.length : (s.result?.items?.length ?? 0);
      console.log(`  completion after SystemCallFilter=: ${warmAndFirst(s)}; ${bytes(s.bytes)}, ${items} items`);
      summary.row('LSP completion after SystemCallFilter=', `${warmAndFirst(s)}; ${bytes(s.bytes)}`);
    });

    await figure(summary, 'LSP hover on a directive', async () => {
      const line = lineNearMiddle(d.lines, (text) => text.startsWith('ProtectSystem='));
      const s = await sample(d, 'textDocument/hover', { textDocument, position: { line, character: 4 } }, requests);
      console.log(`  hover on ProtectSystem=: ${warmAndFirst(s)}; ${bytes(s.bytes)}`);
      summary.row('LSP hover on a directive', `${warmAndFirst(s)}; ${bytes(s.bytes)}`);
    });

    await figure(summary, 'LSP codeAction', async () => {
      const diagnostics: Json[] = d.published?.message.params.diagnostics ?? [];
      if (diagnostics.length === 0) throw new Error('the 1,000-line unit has no diagnostics to ask code actions for');
      // The line nearest the middle that has diagnostics; VS Code sends those of the line in the context.
      const middle = d.lines.length >> 1;
      const byLine = new Map<number, Json[]>();
      for (const diagnostic of diagnostics) byLine.set(diagnostic.range.start.line, [...(byLine.get(diagnostic.range.start.line) ?? []), diagnostic]);
      const line = [...byLine.keys()].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
      const range = { start: { line, character: 0 }, end: { line, character: d.lines[line].length } };
      const context = { diagnostics: byLine.get(line), triggerKind: 2 };
      const s = await sample(d, 'textDocument/codeAction', { textDocument, range, context }, requests);
      const actions = Array.isArray(s.result) ? s.result.length : 0;
      console.log(`  codeAction on line ${line + 1} (${context.diagnostics?.length} diagnostics in context): ${warmAndFirst(s)}; ${bytes(s.bytes)}, ${actions} actions`);
      summary.row('LSP codeAction (line diagnostics in context)', `${warmAndFirst(s)}; ${bytes(s.bytes)}`);
    });

    await figure(summary, 'LSP codeLens', async () => {
      const s = await sample(d, 'textDocument/codeLens', { textDocument }, requests);
      const title = Array.isArray(s.result) && s.result[0]?.command?.title;
      console.log(`  codeLens: ${warmAndFirst(s)}; ${bytes(s.bytes)}${title ? ` ("${title}")` : ''}`);
      summary.row('LSP codeLens', `${warmAndFirst(s)}; ${bytes(s.bytes)}`);
    });
  } catch (error) {
    summary.failed('the language server with a 1,000-line unit', error);
  } finally {
    await started?.conn.close();
  }
}

/** The 50,000-line document: open, the size of its diagnostics, keystrokes. */
async function largeDocument(options: Options, summary: Summary, uri: string): Promise<void> {
  const text = generateUnit(50_000);
  // A 99th percentile of 30 keystrokes is the slowest of them: 300 make it a figure of its own.
  const keys = options.quick ? 30 : 300;
  const warmup = options.quick ? 3 : 30;
  console.log(`50,000-line unit (generateUnit, ${bytes(Buffer.byteLength(text))})`);
  let conn: BenchConnection | undefined;
  try {
    conn = (await startServer(30_000)).conn;
    const c = conn;
    let doc: Doc | undefined;
    await figure(summary, 'LSP 50k lines: didOpen → publishDiagnostics', async () => {
      const opened = await openDocument(c, uri, text, 120_000);
      doc = opened.doc;
      const published = opened.doc.published as Received;
      console.log(`  didOpen → publishDiagnostics: ${num(opened.ms)} ms`);
      console.log(`  publishDiagnostics message: ${bytes(published.bytes)} (${num(published.message.params.diagnostics.length, 0)} diagnostics)`);
      summary.row('LSP 50k lines: didOpen → publishDiagnostics', `${num(opened.ms)} ms`);
      summary.row('LSP 50k lines: publishDiagnostics size', `${bytes(published.bytes)} (${num(published.message.params.diagnostics.length, 0)} diagnostics)`);
    });
    if (!doc) return;
    const d = doc;
    await figure(summary, 'LSP 50k lines: keystroke → publishDiagnostics', async () => {
      const budgetMs = options.quick ? 45_000 : 90_000;
      const first: number[] = [];
      const times = await keystrokes(d, keystrokePosition(d.lines), keys, warmup, budgetMs, first);
      console.log(`  keystroke → publishDiagnostics: ${sampled(times, keys, budgetMs, msPercentiles)}, after ${first.length} warm-up (${first.length > 0 ? msRange(first) : 'none'})`);
      summary.row('LSP 50k lines: keystroke → publishDiagnostics', sampled(times, keys, budgetMs, msPercentiles));
    });
  } catch (error) {
    summary.failed('the language server with a 50,000-line unit', error);
  } finally {
    await conn?.close();
  }
}

/** A process's peak resident memory in bytes (Linux's VmHWM), undefined where /proc does not tell. */
function peakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The 10 MB document with one line of no key after its first: a problem of form, which the
 * lines read again after a keystroke leave where it is. Keystrokes only.
 */
async function hugeDocumentWithProblem(options: Options, summary: Summary, uri: string): Promise<void> {
  const generated = generateUnitOfSize(10e6);
  const at = generated.text.indexOf('\n') + 1;
  const text = `${generated.text.slice(0, at)}no key here\n${generated.text.slice(at)}`;
  const keys = options.quick ? 3 : 5;
  const timeoutMs = 180_000;
  const row = 'LSP 10 MB with a line of no key: keystroke → publishDiagnostics';
  console.log(`10 MB unit with a line of no key (${num(generated.lines + 1, 0)} lines)`);
  let conn: BenchConnection | undefined;
  try {
    conn = (await startServer(30_000)).conn;
    const c = conn;
    const opened = await openDocument(c, uri, text, timeoutMs);
    const d = opened.doc;
    d.published = undefined;
    await figure(summary, row, async () => {
      const budgetMs = options.quick ? 30_000 : 60_000;
      const times = await keystrokes(d, keystrokePosition(d.lines), keys, 0, budgetMs);
      const show = (t: readonly number[]): string => `median ${msRange(t)} (n=${t.length})`;
      console.log(`  keystroke → publishDiagnostics: ${sampled(times, keys, budgetMs, show)}, no warm-up`);
      summary.row(row, sampled(times, keys, budgetMs, show));
    });
  } catch (error) {
    summary.failed('the language server with a 10 MB unit with a line of no key', error);
  } finally {
    await conn?.close(30_000);
  }
}

/** The 10 MB document: open, keystrokes, and a hover sent while a keystroke's diagnostics are computed. */
async function hugeDocument(options: Options, summary: Summary, uri: string): Promise<void> {
  const { text, lines } = generateUnitOfSize(10e6);
  const keys = options.quick ? 5 : 7;
  const hovers = 3;
  const timeoutMs = 180_000;
  console.log(`10 MB unit (generateUnit, ${num(lines, 0)} lines, ${bytes(Buffer.byteLength(text))}); waits time out after ${timeoutMs / 1000} s`);
  let conn: BenchConnection | undefined;
  try {
    conn = (await startServer(30_000)).conn;
    const c = conn;
    let doc: Doc | undefined;
    const ok = await figure(summary, 'LSP 10 MB: didOpen → publishDiagnostics', async () => {
      const opened = await openDocument(c, uri, text, timeoutMs);
      doc = opened.doc;
      const published = opened.doc.published as Received;
      console.log(`  didOpen → publishDiagnostics: ${num(opened.ms)} ms`);
      console.log(`  publishDiagnostics message: ${bytes(published.bytes)} (${num(published.message.params.diagnostics.length, 0)} diagnostics)`);
      summary.row('LSP 10 MB: didOpen → publishDiagnostics', `${num(opened.ms)} ms`);
      summary.row('LSP 10 MB: publishDiagnostics size', `${bytes(published.bytes)} (${num(published.message.params.diagnostics.length, 0)} diagnostics)`);
      opened.doc.published = undefined;
    });
    if (!ok || !doc) return;
    const d = doc;
    const at = keystrokePosition(d.lines);

    const timedOut = !(await figure(summary, 'LSP 10 MB: keystroke → publishDiagnostics', async () => {
      const budgetMs = options.quick ? 45_000 : 90_000;
      const times = await keystrokes(d, at, keys, 0, budgetMs);
      d.published = undefined;
      const show = (t: readonly number[]): string => `median ${msRange(t)} (n=${t.length})`;
      console.log(`  keystroke → publishDiagnostics: ${sampled(times, keys, budgetMs, show)}, no warm-up`);
      summary.row('LSP 10 MB: keystroke → publishDiagnostics', sampled(times, keys, budgetMs, show));
    }));
    if (timedOut) return;

    /** A character typed at `at`, or the one typed taken back: when it was sent, and its diagnostics. */
    const typeOnce = (): { sentAt: number; published: Promise<Received> } => {
      const version = ++d.version;
      const published = c.waitFor(PUBLISH, (p) => p.uri === d.uri && (!d.versioned || p.version === version), timeoutMs);
      const sentAt = c.notify('textDocument/didChange', { textDocument: { uri: d.uri, version }, contentChanges: [d.typed ? deleteAt(at, 1) : insertAt(at, 'x')] });
      d.typed = !d.typed;
      return { sentAt, published };
    };

    await figure(summary, 'LSP 10 MB: hover right after a keystroke', async () => {
      const hoverAt = { line: lineNearMiddle(d.lines, (t) => t.startsWith('ProtectSystem=')), character: 4 };
      const hoverMs: number[] = [];
      const publishMs: number[] = [];
      const budgetMs = options.quick ? 30_000 : 45_000;
      const started = now();
      for (let i = 0; i < hovers && now() - started < budgetMs; i++) {
        const { sentAt, published } = typeOnce();
        const hover = c.request('textDocument/hover', { textDocument: { uri: d.uri }, position: hoverAt }, timeoutMs);
        const [answered, publication] = await Promise.all([hover, published]);
        hoverMs.push(answered.ms);
        publishMs.push(publication.at - sentAt);
      }
      const before = hoverMs.filter((ms, i) => ms < publishMs[i]).length;
      console.log(`  hover sent right after a keystroke: answered after ${msRange(hoverMs)} (${hoverMs.length} tries; answered before the diagnostics in ${before}); diagnostics after ${msRange(publishMs)}`);
      summary.row('LSP 10 MB: hover right after a keystroke', `median ${msRange(hoverMs)} (diagnostics ${num(median(publishMs))} ms)`);
    });

    await figure(summary, 'LSP 10 MB: server peak memory', async () => {
      const peak = peakRss(c.process.pid);
      const shown = peak === undefined ? 'n/a (no /proc)' : `${bytes(peak)} (${num(peak / Buffer.byteLength(text), 0)}× the document)`;
      console.log(`  server peak memory (VmHWM, main thread and worker) after the open, keystrokes and hovers: ${shown}`);
      summary.row('LSP 10 MB: server peak memory (open, keystrokes, hovers)', shown);
    });

    await figure(summary, 'LSP 10 MB: outline, folding ranges and exposure lens right after a keystroke', async () => {
      const hoverAt = { line: lineNearMiddle(d.lines, (t) => t.startsWith('ProtectSystem=')), character: 4 };
      const outlineMs: number[] = [];
      const foldingMs: number[] = [];
      const lensMs: number[] = [];
      const hoverMs: number[] = [];
      let symbols = 0;
      let outlineBytes = 0;
      const budgetMs = options.quick ? 30_000 : 45_000;
      const started = now();
      for (let i = 0; i < hovers && now() - started < budgetMs; i++) {
        // As an editor asks after each change (breadcrumbs, sticky scroll, folding, code lenses), with a hover.
        const { published } = typeOnce();
        const outline = c.request('textDocument/documentSymbol', { textDocument: { uri: d.uri } }, timeoutMs);
        const folding = c.request('textDocument/foldingRange', { textDocument: { uri: d.uri } }, timeoutMs);
        const lens = c.request('textDocument/codeLens', { textDocument: { uri: d.uri } }, timeoutMs);
        const hover = c.request('textDocument/hover', { textDocument: { uri: d.uri }, position: hoverAt }, timeoutMs);
        const [o, f, l, h] = await Promise.all([outline, folding, lens, hover, published]);
        outlineMs.push(o.ms);
        foldingMs.push(f.ms);
        lensMs.push(l.ms);
        hoverMs.push(h.ms);
        const list = (o.message.result as Array<{ children?: unknown[] }> | null) ?? [];
        symbols = list.reduce((n, s) => n + 1 + (s.children?.length ?? 0), 0);
        outlineBytes = o.bytes;
      }
      console.log(
        `  outline (documentSymbol) right after a keystroke: ${msRange(outlineMs)} (${num(symbols, 0)} symbols, ${bytes(outlineBytes)}); folding ranges: ${msRange(foldingMs)}; exposure lens (scored with the check, off the main thread): ${msRange(lensMs)}; a hover sent with them: ${msRange(hoverMs)}`,
      );
      summary.row('LSP 10 MB: outline / folding ranges / exposure lens / hover, asked right after a keystroke', `median ${msRange(outlineMs)} / ${msRange(foldingMs)} / ${msRange(lensMs)} / ${msRange(hoverMs)}`);
    });

    await figure(summary, 'LSP 10 MB: quick fixes of a line, and a hover sent right after', async () => {
      // The first Type= is set again further on: its quick fix removes it, tried on the whole text.
      const fixLine = d.lines.findIndex((t) => t.startsWith('Type='));
      const hoverAt = { line: lineNearMiddle(d.lines, (t) => t.startsWith('ProtectSystem=')), character: 4 };
      const fixMs: number[] = [];
      const hoverMs: number[] = [];
      let offered = 0;
      const budgetMs = options.quick ? 45_000 : 90_000;
      const started = now();
      for (let i = 0; i < hovers && now() - started < budgetMs; i++) {
        // A new version each time: its fixes were never tried.
        await typeOnce().published;
        const range = { start: { line: fixLine, character: 0 }, end: { line: fixLine, character: 0 } };
        const fixes = c.request('textDocument/codeAction', { textDocument: { uri: d.uri }, range, context: { diagnostics: [], only: ['quickfix'] } }, timeoutMs);
        const hover = c.request('textDocument/hover', { textDocument: { uri: d.uri }, position: hoverAt }, timeoutMs);
        const [answered, hovered] = await Promise.all([fixes, hover]);
        fixMs.push(answered.ms);
        hoverMs.push(hovered.ms);
        offered = (answered.message.result as unknown[] | null)?.length ?? 0;
      }
      const peak = peakRss(c.process.pid);
      const memory = peak === undefined ? '' : `; server peak memory since it started: ${bytes(peak)}`;
      console.log(`  codeAction (quick fixes of a line, tried on the whole text): answered after ${msRange(fixMs)} (${fixMs.length} tries, ${offered} offered); a hover sent right after it: answered after ${msRange(hoverMs)}${memory}`);
      summary.row('LSP 10 MB: quick fixes of a line (codeAction)', `median ${msRange(fixMs)}; a hover sent right after: ${msRange(hoverMs)}`);
    });

    await figure(summary, 'LSP 10 MB: keystroke in a command line → publishDiagnostics', async () => {
      // Back to the text as opened: the figures above type at the Description= line by turns.
      if (d.typed) await change(d, [deleteAt(at, 1)]);
      d.typed = false;
      const budgetMs = options.quick ? 45_000 : 90_000;
      const times = await keystrokes(d, commandKeystrokePosition(d.lines), keys, 0, budgetMs);
      d.published = undefined;
      const show = (t: readonly number[]): string => `median ${msRange(t)} (n=${t.length})`;
      console.log(`  keystroke in an ExecStart= line → publishDiagnostics: ${sampled(times, keys, budgetMs, show)}, no warm-up`);
      summary.row('LSP 10 MB: keystroke in an ExecStart= line → publishDiagnostics', sampled(times, keys, budgetMs, show));
    });
  } catch (error) {
    summary.failed('the language server with a 10 MB unit', error);
  } finally {
    await conn?.close(30_000);
  }
}
