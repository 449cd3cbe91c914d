/**
 * How the server hands large documents to the worker: a text the worker has is named by a serial
 * number, not by the document's version, so a document opened again (or changed) at the same
 * version is sent whole; keystrokes that pile up while a job runs are sent as changes; a job for
 * a closed document is never sent again. The worker here is a stand-in that keeps each text the
 * way the real one does and answers with the text it ended up with.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisJobs } from '../../server/src/lsp/analysisJobs';
import type { AnalysisResult, Submitted } from '../../server/src/lsp/backgroundAnalysis';
import { OpenText, type ContentChange } from '../../server/src/lsp/textSync';
import { DEFAULT_SETTINGS } from '../../server/src/core';

/**
 * Keeps the last text of each document; answers with it, whether the job brought the whole text,
 * how many jobs it has had, how many whole texts of the document, and which documents it keeps.
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
const { applyContentChanges } = require(${JSON.stringify(join(__dirname, '../../server/src/lsp/textSync.js'))});
const texts = new Map();
const wholeTexts = new Map();
let jobs = 0;
parentPort.on('message', (job) => {
  if (job.forget !== undefined) return void texts.delete(job.forget);
  jobs++;
  const last = texts.get(job.uri);
  let text;
  if (job.text !== undefined) text = job.text;
  else if (last && last.serial === job.base && !job.uri.includes('forgetful')) text = applyContentChanges(last.text, job.changes);
  else return parentPort.postMessage({ id: job.id, uri: job.uri, version: job.version, resend: true });
  texts.set(job.uri, { serial: job.serial, text });
  if (job.text !== undefined) wholeTexts.set(job.uri, (wholeTexts.get(job.uri) ?? 0) + 1);
  const message = JSON.stringify({ text, whole: job.text !== undefined, jobs, wholeTexts: wholeTexts.get(job.uri), kept: [...texts.keys()] });
  // Asked for quick fixes: one whose title tells the line asked about and the text they were worked
  // out on; asked for fix-all, one that tells the text.
  const quickFixes = job.fixesIn ? [{ title: 'line ' + job.fixesIn.start.line + ' of ' + JSON.stringify(text) }] : [];
  const actions = job.fixesIn || job.fixAll ? { quickFixes, ...(job.fixAll ? { fixAll: { title: 'all of ' + JSON.stringify(text) } } : {}) } : undefined;
  // Asked for the lens, one whose title tells the text and how many jobs came before it.
  const lens = job.lens ? { lens: { title: 'lens of ' + JSON.stringify(text) + ' in job ' + jobs, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, exposure: 50, level: undefined, complete: true } } : undefined;
  const answer = { id: job.id, uri: job.uri, version: job.version };
  const diagnosticsJson = [JSON.stringify({ message })];
  if (!actions && !lens) return parentPort.postMessage({ ...answer, diagnosticsJson });
  // As the worker does: the diagnostics first when the job publishes, then the code actions and the
  // lens; a document named "failing" fails to try its fixes.
  if (job.publishes) parentPort.postMessage({ ...answer, diagnosticsJson, more: true });
  if (actions && job.uri.includes('failing')) return parentPort.postMessage({ ...answer, diagnosticsJson: [], actions: { quickFixes: [] }, actionsError: 'the trial failed', ...(lens ? { lens } : {}) });
  parentPort.postMessage({ ...answer, diagnosticsJson: [], ...(actions ? { actions } : {}), ...(lens ? { lens } : {}) });
});
`;

interface Seen {
  uri: string;
  version: number | undefined;
  text?: string;
  whole?: boolean;
  jobs?: number;
  wholeTexts?: number;
  kept?: string[];
  error?: string;
}

const at = (line: number, character: number) => ({ line, character });

describe('jobs for the analysis worker', () => {
  let folder: string;
  let jobs: AnalysisJobs;
  let results: Seen[] = [];
  let waiters: Array<() => void> = [];

  const received = (result: AnalysisResult): void => {
    const seen: Seen = { uri: result.uri, version: result.version };
    if ('diagnosticsJson' in result) Object.assign(seen, JSON.parse((JSON.parse(result.diagnosticsJson[0]) as { message: string }).message) as object);
    else seen.error = result.error;
    results.push(seen);
    for (const wake of waiters.splice(0)) wake();
  };
  /** Waits until `count` results have come in. */
  const resultsOf = async (count: number): Promise<Seen[]> => {
    while (results.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return results;
  };

  /** A document as the server's text store has it: opened, then changed. */
  class Document {
    text: OpenText;
    constructor(
      readonly uri: string,
      text: string,
      version = 1,
    ) {
      this.text = new OpenText(uri, 'systemd-unit', version, text);
      jobs.follow(this.current());
    }
    current(): Submitted {
      const text = this.text;
      return { uri: this.uri, text: () => text.getText(), version: text.version, ...(text.changes ? { changes: text.changes } : {}) };
    }
    change(changes: ContentChange[], version = this.text.version + 1): this {
      this.text = this.text.update(changes, version);
      jobs.follow(this.current());
      return this;
    }
    reopen(text: string, version: number): this {
      this.text = new OpenText(this.uri, 'systemd-unit', version, text);
      jobs.follow(this.current());
      return this;
    }
    submit(): this {
      jobs.submit(this.current(), DEFAULT_SETTINGS, { dropIns: [] }, 100);
      return this;
    }
    /** The titles of the quick fixes the stand-in gives for a line (undefined when none came). */
    async quickFixes(line: number): Promise<string[] | undefined> {
      const actions = await jobs.codeActions(this.current(), DEFAULT_SETTINGS, { dropIns: [] }, 100, { fixesIn: { start: at(line, 0), end: at(line, 0) } });
      return actions?.quickFixes.map((a) => a.title);
    }
    /** The title of fix-all as the stand-in gives it (undefined when none came). */
    async fixAll(): Promise<string | undefined> {
      const actions = await jobs.codeActions(this.current(), DEFAULT_SETTINGS, { dropIns: [] }, 100, { fixAll: true });
      return actions?.fixAll?.title;
    }
    /** The title of the lens as the stand-in gives it (undefined when none came). */
    async lens(settings = DEFAULT_SETTINGS): Promise<string | undefined> {
      const worked = await jobs.lens(this.current(), settings, { dropIns: [] }, 100);
      return worked?.lens?.title;
    }
  }

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'unitguard-jobs-'));
    writeFileSync(join(folder, 'standIn.js'), STAND_IN);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  let logged: string[] = [];
  /** New jobs; `log` takes what they log (by default, anything logged fails the test). */
  const fresh = (log: (message: string) => void = (message) => assert.fail(message)): void => {
    jobs?.dispose();
    results = [];
    waiters = [];
    logged = [];
    jobs = new AnalysisJobs(received, log, join(folder, 'standIn.js'));
  };

  test('a document opened again at the same version with another text is checked with the new text', async () => {
    fresh();
    const doc = new Document('file:///a.service', '[Service]\nType=bogusX\n', 5).submit();
    await resultsOf(1);
    doc.reopen('[Service]\nRestart=bogusY\n', 5).submit();
    const [, second] = await resultsOf(2);
    assert.equal(second.text, '[Service]\nRestart=bogusY\n');
    assert.equal(second.whole, true);
  });

  test('a change that does not raise the version is sent as a change, and applied', async () => {
    fresh();
    const doc = new Document('file:///b.service', '[Service]\nType=simple\n', 3).submit();
    await resultsOf(1);
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'notify' }], 3).submit();
    const [, second] = await resultsOf(2);
    assert.equal(second.text, '[Service]\nType=notify\n');
    assert.equal(second.whole, false);
  });

  test('keystrokes that come while a job runs are sent as changes, and only the last text is reported', async () => {
    fresh();
    const doc = new Document('file:///c.service', '[Unit]\nDescription=\n').submit();
    // While the first job runs: typed characters, submitted as they come; only the last waits.
    for (const [k, letter] of [...'typing'].entries()) doc.change([{ range: { start: at(1, 12 + k), end: at(1, 12 + k) }, text: letter }]).submit();
    // The waiting job goes when the first is done; three more keystrokes meanwhile.
    await resultsOf(1);
    for (const [k, letter] of [...' on'].entries()) doc.change([{ range: { start: at(1, 18 + k), end: at(1, 18 + k) }, text: letter }]).submit();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const last = results.at(-1)!;
    assert.equal(last.text, '[Unit]\nDescription=typing on\n');
    assert.equal(last.version, doc.text.version);
    // Only the first job brought the whole text.
    assert.equal(last.wholeTexts, 1);
    // Results for texts that were no longer current were dropped: the first job's, at least.
    assert.ok(results.every((r) => r.whole === false));
  });

  test('a document closed while its changes were being refused is not sent again', async () => {
    fresh();
    // The stand-in forgets this document, so a change is refused with `resend`.
    const doc = new Document('file:///forgetful.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]).submit();
    jobs.cancel(doc.uri);
    // Another document's job: by its answer the stand-in has seen every job sent before it.
    new Document('file:///probe.service', '[Unit]\n').submit();
    await resultsOf(2);
    new Document('file:///probe2.service', '[Unit]\n').submit();
    const seen = await resultsOf(3);
    assert.deepEqual(
      seen.map((r) => r.uri),
      ['file:///forgetful.service', 'file:///probe.service', 'file:///probe2.service'],
    );
    // first, the refused change, probe, probe2: nothing for the closed document in between.
    assert.equal(seen[2].jobs, 4);
  });

  test('a refused change is sent again as the whole text while the document is open', async () => {
    fresh();
    const doc = new Document('file:///forgetful-open.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]).submit();
    const [, second] = await resultsOf(2);
    assert.equal(second.text, '[Service]\nType=exec\n');
    assert.equal(second.whole, true);
  });

  test('a document that shrank below the threshold and grew again is sent whole', async () => {
    fresh();
    const doc = new Document('file:///d.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    // Changes while the document was analysed on the main thread are not followed.
    doc.text = doc.text.update([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'oneshot' }], 2);
    jobs.cancel(doc.uri);
    doc.change([{ range: { start: at(0, 0), end: at(0, 0) }, text: '# grown\n' }]).submit();
    const [, second] = await resultsOf(2);
    assert.equal(second.text, '# grown\n[Service]\nType=oneshot\n');
    assert.equal(second.whole, true);
  });

  test('the worker forgets a closed document', async () => {
    fresh();
    const doc = new Document('file:///closed.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    jobs.cancel(doc.uri);
    const [, probe] = await (new Document('file:///open.service', '[Unit]\n').submit(), resultsOf(2));
    assert.deepEqual(probe.kept, ['file:///open.service']);
  });

  test('quick fixes asked for come from the worker, worked out on the current text', async () => {
    fresh();
    const doc = new Document('file:///fixes.service', '[Service]\nType=simple\n');
    assert.deepEqual(await doc.quickFixes(1), ['line 1 of "[Service]\\nType=simple\\n"']);
    // Its diagnostics are published by the check of its text, not by the code actions.
    const [first] = await (new Document('file:///probe4.service', '[Unit]\n').submit(), resultsOf(1));
    assert.equal(first.uri, 'file:///probe4.service');
  });

  test('quick fixes asked for a text that a newer one replaces before they are worked out come back as none', async () => {
    fresh();
    // Another document's job runs first: the asked fixes wait behind it.
    new Document('file:///busy.service', '[Unit]\n').submit();
    const doc = new Document('file:///stale.service', '[Service]\nType=simple\n');
    const asked = doc.quickFixes(1);
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]).submit();
    assert.equal(await asked, undefined);
    const seen = await resultsOf(2);
    assert.deepEqual(
      seen.map((r) => [r.uri, r.text]),
      [
        ['file:///busy.service', '[Unit]\n'],
        ['file:///stale.service', '[Service]\nType=exec\n'],
      ],
    );
  });

  test('a check of the same text asked for while its quick fixes wait is made with them, once', async () => {
    fresh();
    new Document('file:///busy2.service', '[Unit]\n').submit();
    const doc = new Document('file:///same.service', '[Service]\nType=simple\n');
    const asked = doc.quickFixes(1);
    doc.submit();
    assert.deepEqual(await asked, ['line 1 of "[Service]\\nType=simple\\n"']);
    const seen = await resultsOf(2);
    assert.equal(seen[1].uri, 'file:///same.service');
    // The busy document's job, then one for this document, not two.
    assert.equal(seen[1].jobs, 2);
  });

  test('quick fixes asked for a document closed before they are worked out come back as none', async () => {
    fresh();
    new Document('file:///busy3.service', '[Unit]\n').submit();
    const doc = new Document('file:///closing.service', '[Service]\nType=simple\n');
    const asked = doc.quickFixes(1);
    jobs.cancel(doc.uri);
    assert.equal(await asked, undefined);
  });

  test('quick fixes asked for while the fixes of another line wait: the first come back as none, the last are worked out', async () => {
    fresh();
    new Document('file:///busy4.service', '[Unit]\n').submit();
    const doc = new Document('file:///moved.service', '[Service]\nType=simple\nRestart=always\n');
    const first = doc.quickFixes(1);
    const second = doc.quickFixes(2);
    assert.equal(await first, undefined);
    assert.deepEqual(await second, ['line 2 of "[Service]\\nType=simple\\nRestart=always\\n"']);
  });

  test('code actions asked for on a text whose diagnostics are published do not publish them again', async () => {
    fresh();
    const doc = new Document('file:///published.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    assert.deepEqual(await doc.quickFixes(1), ['line 1 of "[Service]\\nType=simple\\n"']);
    assert.equal(await doc.fixAll(), 'all of "[Service]\\nType=simple\\n"');
    // Another document's job: by its answer the stand-in has answered every job sent before it.
    new Document('file:///after.service', '[Unit]\n').submit();
    const seen = await resultsOf(2);
    assert.deepEqual(
      seen.map((r) => r.uri),
      ['file:///published.service', 'file:///after.service'],
    );
    assert.equal(seen[1].jobs, 4);
  });

  test('code actions that take the place of a waiting check publish its diagnostics, ahead of the code actions', async () => {
    fresh();
    new Document('file:///busy6.service', '[Unit]\n').submit();
    const doc = new Document('file:///replacing.service', '[Service]\nType=simple\n').submit();
    let answered = false;
    const asked = doc.quickFixes(1).then((titles) => {
      answered = true;
      return titles;
    });
    const seen = await resultsOf(2);
    assert.equal(seen[1].uri, 'file:///replacing.service');
    assert.equal(seen[1].text, '[Service]\nType=simple\n');
    assert.equal(answered, false, 'the diagnostics came before the code actions');
    assert.deepEqual(await asked, ['line 1 of "[Service]\\nType=simple\\n"']);
  });

  test('code actions waiting for a text that an edit replaced are answered with none at once', async () => {
    fresh();
    new Document('file:///busy7.service', '[Unit]\n').submit();
    const doc = new Document('file:///typed.service', '[Service]\nType=simple\n').submit();
    await resultsOf(2);
    new Document('file:///busy8.service', '[Unit]\n').submit();
    const asked = doc.quickFixes(1);
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]);
    assert.equal(await asked, undefined);
    // The busy document's check, the last job sent: nothing else was.
    const seen = await resultsOf(3);
    assert.equal(seen[2].uri, 'file:///busy8.service');
    assert.equal(seen[2].jobs, 3);
  });

  test('fixes whose trial failed: the diagnostics stand, and the same text is not tried again', async () => {
    fresh((message) => void logged.push(message));
    const doc = new Document('file:///failing.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    assert.deepEqual(await doc.quickFixes(1), []);
    assert.match(logged.join('\n'), /Trying the fixes of file:\/\/\/failing\.service on the worker failed: the trial failed/);
    // Not asked again of the worker: answered at once.
    assert.equal(await doc.quickFixes(1), undefined);
    const probe = new Document('file:///probe3.service', '[Unit]\n').submit();
    const seen = await resultsOf(2);
    assert.equal(seen[0].uri, 'file:///failing.service', 'the diagnostics of the text were published');
    assert.equal(seen[1].uri, probe.uri);
    // The check, the failed trial, the probe: the second ask was not sent.
    assert.equal(seen[1].jobs, 3);
    // A new text is tried.
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]);
    assert.deepEqual(await doc.quickFixes(1), []);
  });

  test('fix-all asked for comes from the worker, worked out on the current text', async () => {
    fresh();
    const doc = new Document('file:///all.service', '[Service]\nType=simple\n');
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]);
    assert.equal(await doc.fixAll(), 'all of "[Service]\\nType=exec\\n"');
  });

  test('a check of the same text asked for while fix-all waits is made with it', async () => {
    fresh();
    new Document('file:///busy5.service', '[Unit]\n').submit();
    const doc = new Document('file:///all-same.service', '[Service]\nType=simple\n');
    const asked = doc.fixAll();
    doc.submit();
    assert.equal(await asked, 'all of "[Service]\\nType=simple\\n"');
  });

  test('the lens asked for comes from the worker, worked out on the current text', async () => {
    fresh();
    const doc = new Document('file:///lens.service', '[Service]\nType=simple\n');
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]);
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=exec\\n" in job 1');
  });

  test('the lens asked for a text already checked is worked out by a job of its own that does not publish again; asked for again, the one kept comes back', async () => {
    fresh();
    const doc = new Document('file:///lens-kept.service', '[Service]\nType=simple\n').submit();
    await resultsOf(1);
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=simple\\n" in job 2');
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=simple\\n" in job 2');
    // A new text's check does not work out a lens no one asked for.
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]).submit();
    const seen = await resultsOf(2);
    assert.equal(seen.length, 2, 'the lens job published nothing');
    assert.equal(seen[1].text, '[Service]\nType=exec\n');
    assert.equal(seen[1].jobs, 3);
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=exec\\n" in job 4');
  });

  test('a check of the same text asked for while its lens waits is made with it, once; asked for again, it is not worked out again', async () => {
    fresh();
    new Document('file:///busy9.service', '[Unit]\n').submit();
    const doc = new Document('file:///lens-same.service', '[Service]\nType=simple\n');
    const asked = doc.lens();
    doc.submit();
    assert.equal(await asked, 'lens of "[Service]\\nType=simple\\n" in job 2');
    const seen = await resultsOf(2);
    assert.equal(seen[1].uri, doc.uri, 'the check published the diagnostics');
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=simple\\n" in job 2');
  });

  test('the lens and quick fixes asked for the same text: both come, from one job', async () => {
    fresh();
    new Document('file:///busy10.service', '[Unit]\n').submit();
    const doc = new Document('file:///lens-fixes.service', '[Service]\nType=simple\n');
    const fixes = doc.quickFixes(1);
    const lens = doc.lens();
    assert.deepEqual(await fixes, ['line 1 of "[Service]\\nType=simple\\n"']);
    assert.equal(await lens, 'lens of "[Service]\\nType=simple\\n" in job 2');
    // Quick fixes asked for after the lens, while it waits: both come too.
    new Document('file:///busy11.service', '[Unit]\n').submit();
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]);
    const lens2 = doc.lens();
    const fixes2 = doc.quickFixes(1);
    assert.deepEqual(await fixes2, ['line 1 of "[Service]\\nType=exec\\n"']);
    assert.equal(await lens2, 'lens of "[Service]\\nType=exec\\n" in job 4');
  });

  test('the lens of the same text with other settings is worked out again, not the one kept', async () => {
    fresh();
    const doc = new Document('file:///lens-settings.service', '[Service]\nType=simple\n');
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=simple\\n" in job 1');
    assert.equal(await doc.lens({ ...DEFAULT_SETTINGS, systemdVersion: 252 }), 'lens of "[Service]\\nType=simple\\n" in job 2');
    assert.equal(await doc.lens({ ...DEFAULT_SETTINGS, systemdVersion: 252 }), 'lens of "[Service]\\nType=simple\\n" in job 2');
  });

  test('a lens asked for a text that a newer one replaces, or a document closed, before it is worked out comes back as none', async () => {
    fresh();
    new Document('file:///busy12.service', '[Unit]\n').submit();
    const doc = new Document('file:///lens-stale.service', '[Service]\nType=simple\n');
    const asked = doc.lens();
    doc.change([{ range: { start: at(1, 5), end: at(1, 11) }, text: 'exec' }]).submit();
    assert.equal(await asked, undefined);
    const closing = new Document('file:///lens-closing.service', '[Service]\nType=simple\n');
    const gone = closing.lens();
    jobs.cancel(closing.uri);
    assert.equal(await gone, undefined);
    // The newer text's check, then its lens when asked for.
    const seen = await resultsOf(2);
    assert.equal(seen[1].text, '[Service]\nType=exec\n');
    assert.equal(await doc.lens(), 'lens of "[Service]\\nType=exec\\n" in job 3');
  });

  after(() => jobs?.dispose());
});
