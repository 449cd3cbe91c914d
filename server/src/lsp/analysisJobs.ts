/**
 * Large documents are analysed on a worker thread (analysisWorker.ts): one job per document at a
 * time, and only its latest version: versions that arrive while a job runs replace each other,
 * and a result for a version that is no longer current is dropped. Small documents, and servers
 * started without the worker file next to them, analyse on the main thread as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Settings, UnitDocument, UnitFiles } from '../core';
import type { AnalysisJob, AnalysisResult, BackgroundAnalysis, CodeActionAsk, Followed, Submitted, Text, WorkedActions, WorkedLens, WorkerMessage, WorkerReply } from './backgroundAnalysis';
import type { ContentChange } from './textSync';

/** The heap limit of the worker, in MB, by default: about what a 32 MB document (the longest checked) needs. */
export const WORKER_HEAP_LIMIT_MB = 2048;

/**
 * The room of the worker's heap for new objects, in MB: twice the engine's default. Each keystroke
 * in a long document makes the new version's tree and drops the last one's. With the default,
 * the engine collects while several versions are still alive, copies each version's tree from
 * young to old and then frees it from there; with twice the room, most versions are gone before
 * the next collection. A keystroke in the 50,000-line unit of the bench took p50 15.8 / p99 46.0
 * ms, and 12.1 / 41.2 ms with it; the server's peak on the 10 MB unit rose from 596 to 628 MB.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/**
 * The heap limit of the worker: UNITGUARD_WORKER_HEAP_MB when it is a whole number from 16 (for a
 * machine with little memory to spare), else the default. A document whose check needs more ends
 * the worker, not the server, and is reported as not checked.
 */
export function workerHeapLimitMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.UNITGUARD_WORKER_HEAP_MB);
  return Number.isInteger(value) && value >= 16 ? value : WORKER_HEAP_LIMIT_MB;
}

/** The code actions a job asks for, without its other fields. */
function asked(ask: CodeActionAsk): CodeActionAsk {
  return { ...(ask.fixesIn ? { fixesIn: ask.fixesIn } : {}), ...(ask.fixAll ? { fixAll: true } : {}) };
}

/** Documents at least this long (in UTF-16 code units) are analysed off the main thread. */
export const WORKER_THRESHOLD = 256 * 1024;

function text(d: UnitDocument): Text {
  return { uri: d.uri, text: d.tree.text, version: d.version };
}

/**
 * A job as queued: with the whole text, sent only when the worker does not have a text the
 * changes followed since lead from; `serial` names the text (see Chain).
 */
type QueuedJob = Omit<AnalysisJob, 'text'> & {
  text: () => string;
  /** Set once its diagnostics came ahead of its code actions or lens (see `more`). */
  published?: boolean;
  /** What its lens is of: its text, settings and files (see lensKey). */
  lensKey: string;
};

/** A number for each document of a unit's other files: the same document, the same text. */
const documentIds = new WeakMap<UnitDocument, number>();
let nextDocumentId = 1;

function documentId(document: UnitDocument): number {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  return id;
}

/** What a lens is worked out from: a text of the document (its serial), the settings and the unit's other files. */
function lensKey(serial: number, settings: Settings, files: UnitFiles): string {
  const others = [...(files.unit ? [files.unit] : []), ...(files.dropIns ?? [])].map(documentId);
  return `${serial}|${JSON.stringify(settings)}|${others.join(',')}`;
}

/**
 * The changes followed of a document, from the text named `head`. Each text a document has had
 * gets its own serial number: version numbers cannot name a text, since a client may open a
 * document again, or change it, without raising its version.
 */
interface Chain {
  head: number;
  steps: { serial: number; changes: readonly ContentChange[] }[];
  /** The length of the text the steps insert, in UTF-16 code units. */
  size: number;
}

/** Past this much inserted text, a chain ends and the next job sends the whole text (which is then cheaper). */
const MAX_CHAIN_SIZE = 4 * 1024 * 1024;
const MAX_CHAIN_STEPS = 10_000;

/**
 * A keystroke in a large document sends the worker the change, not the text: copying megabytes
 * to the worker on every keystroke would cost more than checking what changed. The worker keeps
 * the last text of each document it was given; when it no longer has it, it asks for the text.
 */
export class AnalysisJobs implements BackgroundAnalysis {
  private worker: Worker | undefined;
  private running: QueuedJob | undefined;
  /** Set when the running job's document was closed while it ran. */
  private runningCancelled = false;
  private readonly waiting = new Map<string, QueuedJob>();
  /** The text of each document the worker has (or will have, when the jobs sent are done), by serial. */
  private readonly sent = new Map<string, number>();
  /** The changes followed since a text of each document. */
  private readonly chains = new Map<string, Chain>();
  /**
   * The text of each document whose fixes' trial failed on the worker (out of its memory): not
   * tried again, as an editor asks for code actions each time the cursor moves.
   */
  private readonly trialsFailed = new Map<string, number>();
  /** Who waits for the code actions of a job, by the job's id (see codeActions). */
  private readonly asked = new Map<number, (actions: WorkedActions | undefined) => void>();
  /** The last lens worked out of each document, with what it is of (see lensKey). */
  private readonly lenses = new Map<string, { key: string; worked: WorkedLens }>();
  /** Who waits for the lens of a document's text, by document (see lens). */
  private readonly lensWaiters = new Map<string, { key: string; resolve: (worked: WorkedLens | undefined) => void }[]>();
  private nextId = 1;
  private nextSerial = 1;
  private available: boolean | undefined;

  constructor(
    private readonly done: (result: AnalysisResult) => void,
    private readonly log: (message: string) => void,
    private readonly script = join(__dirname, 'analysisWorker.js'),
  ) {}

  /** Whether a text this long is analysed on the worker. */
  wants(length: number): boolean {
    if (length < WORKER_THRESHOLD) return false;
    this.available ??= existsSync(this.script);
    return this.available;
  }

  /** Queues the analysis of a document's current text (as last followed), replacing any version of it still waiting. */
  submit(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number): void {
    const job = this.jobOf(document, settings, files, maxProblems, true);
    const waiting = this.waiting.get(job.uri);
    // A job for the same text that works out code actions too stays, with what this one checks by:
    // its result publishes the diagnostics as well.
    if (waiting !== undefined && this.asked.has(waiting.id) && waiting.serial === job.serial) this.queue({ ...job, id: waiting.id, ...asked(waiting) });
    else this.queue(job);
  }

  codeActions(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number, ask: CodeActionAsk): Promise<WorkedActions | undefined> {
    if (this.trialsFailed.get(document.uri) === this.currentSerial(document)) return Promise.resolve(undefined);
    // A job that takes the place of one that publishes publishes in its stead (it is for the same
    // text or a newer one); else the diagnostics of its text are published already, or will be.
    const publishes = this.waiting.get(document.uri)?.publishes === true;
    const job: QueuedJob = { ...this.jobOf(document, settings, files, maxProblems, publishes), ...asked(ask) };
    return new Promise((resolve) => {
      this.asked.set(job.id, resolve);
      this.queue(job);
    });
  }

  lens(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number): Promise<WorkedLens | undefined> {
    const uri = document.uri;
    const key = lensKey(this.currentSerial(document), settings, files);
    const known = this.lenses.get(uri);
    if (known?.key === key) return Promise.resolve(known.worked);
    const answer = new Promise<WorkedLens | undefined>((resolve) => {
      const waiters = this.lensWaiters.get(uri) ?? [];
      waiters.push({ key, resolve });
      this.lensWaiters.set(uri, waiters);
    });
    const waiting = this.waiting.get(uri);
    const running = this.running?.uri === uri && !this.runningCancelled ? this.running : undefined;
    // A job for this text (with these settings and files), waiting or under way, works it out with
    // the rest; else one is queued, in place of any job waiting (publishing in its stead when that one did).
    if (waiting?.lensKey === key) waiting.lens = true;
    else if (!(running?.lensKey === key && running.lens === true)) this.queue({ ...this.jobOf(document, settings, files, maxProblems, waiting?.publishes === true), lens: true });
    return answer;
  }

  /** Gives whoever waits for a lens what came of it. */
  private settleLens(uri: string, key: string, worked: WorkedLens | undefined): void {
    const waiters = this.lensWaiters.get(uri);
    if (!waiters) return;
    const left = waiters.filter((waiter) => waiter.key !== key);
    if (left.length > 0) this.lensWaiters.set(uri, left);
    else this.lensWaiters.delete(uri);
    for (const waiter of waiters) if (waiter.key === key) waiter.resolve(worked);
  }

  /**
   * Drops a job that will not run, or whose result is not used: no one gets its code actions, and
   * its lens comes with the job for the same text that waits, if any, else not at all.
   */
  private drop(job: QueuedJob, next: QueuedJob | undefined = this.waiting.get(job.uri)): void {
    this.answer(job.id, undefined);
    if (!job.lens) return;
    if (next !== undefined && next !== job && next.lensKey === job.lensKey) next.lens = true;
    else this.settleLens(job.uri, job.lensKey, undefined);
  }

  private jobOf(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number, publishes: boolean): QueuedJob {
    const serial = this.currentSerial(document);
    return {
      id: this.nextId++,
      publishes,
      uri: document.uri,
      version: document.version,
      text: document.text,
      serial,
      lensKey: lensKey(serial, settings, files),
      settings,
      maxProblems,
      ...(files.unit ? { unit: text(files.unit) } : {}),
      dropIns: (files.dropIns ?? []).map(text),
    };
  }

  /** Puts a job in the place of the document's job still waiting, whose code actions (if asked) no one gets. */
  private queue(job: QueuedJob): void {
    const replaced = this.waiting.get(job.uri);
    if (replaced && replaced.id !== job.id) this.drop(replaced, job);
    this.waiting.set(job.uri, job);
    this.pump();
  }

  /** Gives whoever asked for the code actions of a job what came of them. */
  private answer(id: number, actions: WorkedActions | undefined): void {
    const resolve = this.asked.get(id);
    if (!resolve) return;
    this.asked.delete(id);
    resolve(actions);
  }

  /**
   * Notes each new text of a document, as it comes: the changes that made it from the text
   * followed before, or (a document opened again, a chain grown too long) a new start.
   */
  follow(document: Followed): void {
    // Code actions of a text that is no longer the document's: no one will read them.
    const waiting = this.waiting.get(document.uri);
    if (waiting && !waiting.publishes) {
      this.waiting.delete(document.uri);
      this.drop(waiting, undefined);
    }
    const chain = this.chains.get(document.uri);
    const changes = document.changes?.changes;
    if (!chain || !changes || chain.size > MAX_CHAIN_SIZE || chain.steps.length >= MAX_CHAIN_STEPS) {
      this.chains.set(document.uri, { head: this.nextSerial++, steps: [], size: 0 });
      return;
    }
    chain.steps.push({ serial: this.nextSerial++, changes });
    for (const change of changes) chain.size += change.text.length;
  }

  /** Forgets a closed document: its waiting job, and what the worker has of it. */
  cancel(uri: string): void {
    const sent = this.sent.has(uri);
    const waiting = this.waiting.get(uri);
    if (waiting) this.answer(waiting.id, undefined);
    this.waiting.delete(uri);
    this.sent.delete(uri);
    this.chains.delete(uri);
    this.trialsFailed.delete(uri);
    this.lenses.delete(uri);
    for (const waiter of this.lensWaiters.get(uri) ?? []) waiter.resolve(undefined);
    this.lensWaiters.delete(uri);
    if (this.running?.uri === uri) this.runningCancelled = true;
    if (sent) {
      // What the worker keeps of the document (its last text and tree) goes too.
      const forget: WorkerMessage = { forget: uri };
      this.worker?.postMessage(forget);
    }
  }

  dispose(): void {
    for (const id of [...this.asked.keys()]) this.answer(id, undefined);
    for (const waiters of this.lensWaiters.values()) for (const waiter of waiters) waiter.resolve(undefined);
    this.lensWaiters.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** The serial of a document's text as last followed (a document submitted without being followed starts a chain). */
  private currentSerial(document: Followed): number {
    const chain = this.chains.get(document.uri);
    if (chain) return chain.steps.at(-1)?.serial ?? chain.head;
    this.follow({ ...document, changes: undefined });
    return this.chains.get(document.uri)!.head;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const job = next.value;
    this.waiting.delete(job.uri);
    this.running = job;
    this.runningCancelled = false;
    this.ensureWorker().postMessage(this.message(job));
    this.sent.set(job.uri, job.serial);
    // The steps up to the job's text are done with.
    const chain = this.chains.get(job.uri);
    const at = chain?.steps.findIndex((step) => step.serial === job.serial) ?? -1;
    if (chain && at >= 0) {
      const done = chain.steps.splice(0, at + 1);
      chain.head = job.serial;
      for (const step of done) for (const change of step.changes) chain.size -= change.text.length;
    }
  }

  /** The job as sent: the changes from the text the worker has, when they lead to this one, else the text. */
  private message(job: QueuedJob): AnalysisJob {
    const { text, lensKey: _key, published: _published, ...rest } = job;
    const base = this.sent.get(job.uri);
    const chain = this.chains.get(job.uri);
    if (base !== undefined && chain) {
      // The text after steps[i] is serials[i + 1].
      const serials = [chain.head, ...chain.steps.map((step) => step.serial)];
      const from = serials.indexOf(base);
      const to = serials.indexOf(job.serial);
      if (from >= 0 && to >= from) return { ...rest, base, changes: chain.steps.slice(from, to).flatMap((step) => step.changes) };
    }
    return { ...rest, text: text() };
  }

  /** Keeps the lens a job worked out for its text, and gives it to whoever waits for it. */
  private lensCame(job: QueuedJob, worked: WorkedLens | undefined): void {
    if (worked !== undefined) this.lenses.set(job.uri, { key: job.lensKey, worked });
    // A job whose lens did not come (a failure): one for the same text that waits works it out.
    if (worked === undefined) this.drop(job);
    else this.settleLens(job.uri, job.lensKey, worked);
  }

  /** Whether a job was for the document's text as last followed (a result for an older text is dropped: a newer job is queued). */
  private isCurrent(job: QueuedJob): boolean {
    const chain = this.chains.get(job.uri);
    return chain !== undefined && (chain.steps.at(-1)?.serial ?? chain.head) === job.serial;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A hard limit of its own: a document too large for it ends the worker, not the server.
    const heapLimitMb = workerHeapLimitMb();
    // A heap limit set for a machine with little memory keeps the engine's room for new objects too.
    const youngMb = heapLimitMb === WORKER_HEAP_LIMIT_MB ? { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } : {};
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, ...youngMb } });
    worker.unref();
    worker.on('message', (result: WorkerReply) => {
      const ran = this.running;
      const cancelled = this.runningCancelled;
      if ('more' in result) {
        // The diagnostics of a job whose code actions follow: it runs on.
        if (ran && !cancelled && ran.publishes && this.isCurrent(ran)) this.done(result);
        if (ran) ran.published = true;
        return;
      }
      this.running = undefined;
      this.runningCancelled = false;
      if ('resend' in result) {
        // The worker lost the text the changes applied to: the job goes again, with its text,
        // unless its document was closed meanwhile (or a newer job for it waits).
        this.sent.delete(result.uri);
        if (ran && !cancelled && !this.waiting.has(result.uri)) this.waiting.set(result.uri, ran);
        else if (ran) this.drop(ran);
      } else if (ran) {
        const current = !cancelled && this.isCurrent(ran);
        if (current && ran.publishes && !ran.published) this.done(result);
        if ('actionsError' in result && result.actionsError !== undefined) {
          this.log(`Trying the fixes of ${result.uri} on the worker failed: ${result.actionsError}`);
          this.trialsFailed.set(ran.uri, ran.serial);
        }
        this.answer(ran.id, current && 'actions' in result ? result.actions : undefined);
        if (ran.lens) this.lensCame(ran, current && 'lens' in result ? result.lens : undefined);
      }
      this.pump();
    });
    worker.on('error', (error) => {
      this.log(`The analysis worker failed: ${error.stack ?? error.message}`);
      const lost = this.running;
      const cancelled = this.runningCancelled;
      this.running = undefined;
      this.runningCancelled = false;
      this.worker = undefined;
      // A new worker has no document.
      this.sent.clear();
      const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      // Said of the text it was for only: a newer one is queued, a closed document needs nothing.
      // Of a job whose diagnostics came already, the failure was its fixes' trial: the diagnostics stand.
      if (lost && (lost.fixesIn !== undefined || lost.fixAll === true)) this.trialsFailed.set(lost.uri, lost.serial);
      if (lost && !cancelled && lost.publishes && !lost.published && this.isCurrent(lost)) this.done({ id: lost.id, uri: lost.uri, version: lost.version, error: 'the analysis worker failed', ...(outOfMemory ? { heapLimitMb } : {}) });
      if (lost) this.drop(lost);
      this.pump();
    });
    this.worker = worker;
    return worker;
  }
}
