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
import type { AnalysisJob, AnalysisResult, BackgroundAnalysis, Text, WorkerReply } from './backgroundAnalysis';
import type { ContentChange } from './textSync';

/** The heap limit of the worker, in MB, by default: about what a 32 MB document (the longest checked) needs. */
export const WORKER_HEAP_LIMIT_MB = 2048;

/**
 * The heap limit of the worker: UNITGUARD_WORKER_HEAP_MB when it is a whole number from 16 (for a
 * machine with little memory to spare), else the default. A document whose check needs more ends
 * the worker, not the server, and is reported as not checked.
 */
export function workerHeapLimitMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.UNITGUARD_WORKER_HEAP_MB);
  return Number.isInteger(value) && value >= 16 ? value : WORKER_HEAP_LIMIT_MB;
}

/** Documents at least this long (in UTF-16 code units) are analysed off the main thread. */
export const WORKER_THRESHOLD = 256 * 1024;

function text(d: UnitDocument): Text {
  return { uri: d.uri, text: d.tree.text, version: d.version };
}

/** A job as queued: with the whole text, sent only when the worker does not have the version before. */
type QueuedJob = AnalysisJob & { text: string };

/** The changes to a document since the version last sent to the worker, up to version `to`. */
interface Trail {
  from: number;
  to: number;
  changes: ContentChange[];
}

/**
 * A keystroke in a large document sends the worker the change, not the text: copying megabytes
 * to the worker on every keystroke would cost more than checking what changed. The worker keeps
 * the last version of each document it was given; when it no longer has it, it asks for the text.
 */
export class AnalysisJobs implements BackgroundAnalysis {
  private worker: Worker | undefined;
  private running: QueuedJob | undefined;
  private readonly waiting = new Map<string, QueuedJob>();
  /** The version of each document the worker has (or will have, when the jobs sent are done). */
  private readonly sent = new Map<string, number>();
  /** The changes since the version sent, by document. */
  private readonly trails = new Map<string, Trail>();
  private nextId = 1;
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

  /** Queues the analysis of a document's version, replacing any version of it still waiting. */
  submit(document: Text, settings: Settings, files: UnitFiles, maxProblems: number): void {
    this.follow(document);
    const job: QueuedJob = {
      id: this.nextId++,
      uri: document.uri,
      version: document.version,
      text: document.text,
      settings,
      maxProblems,
      ...(files.unit ? { unit: text(files.unit) } : {}),
      dropIns: (files.dropIns ?? []).map(text),
    };
    this.waiting.set(document.uri, job);
    this.pump();
  }

  /** Adds the changes that made this version to the document's trail, or ends the trail when they do not follow on. */
  follow(document: Text): void {
    const trail = this.trails.get(document.uri);
    if (!trail || trail.to === document.version) return;
    if (document.changes && trail.to === document.changes.from && document.version !== undefined) {
      trail.changes.push(...document.changes.changes);
      trail.to = document.version;
    } else this.trails.delete(document.uri);
  }

  /** Forgets a closed document's waiting job. */
  cancel(uri: string): void {
    this.waiting.delete(uri);
    this.sent.delete(uri);
    this.trails.delete(uri);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const job = next.value;
    this.waiting.delete(job.uri);
    this.running = job;
    this.ensureWorker().postMessage(this.message(job));
    if (job.version === undefined) {
      this.sent.delete(job.uri);
      this.trails.delete(job.uri);
    } else {
      this.sent.set(job.uri, job.version);
      this.trails.set(job.uri, { from: job.version, to: job.version, changes: [] });
    }
  }

  /** The job as sent: the changes since the version the worker has, when they lead to this one, else the text. */
  private message(job: QueuedJob): AnalysisJob {
    const trail = this.trails.get(job.uri);
    if (trail && trail.to === job.version && this.sent.get(job.uri) === trail.from) {
      const { text: _text, ...rest } = job;
      void _text;
      return { ...rest, base: trail.from, changes: trail.changes };
    }
    return job;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A hard limit of its own: a document too large for it ends the worker, not the server.
    const heapLimitMb = workerHeapLimitMb();
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } });
    worker.unref();
    worker.on('message', (result: WorkerReply) => {
      const ran = this.running;
      this.running = undefined;
      if ('resend' in result) {
        // The worker lost the version the changes applied to: the job goes again, with its text.
        this.sent.delete(result.uri);
        if (ran && !this.waiting.has(result.uri)) this.waiting.set(result.uri, ran);
      } else this.done(result);
      this.pump();
    });
    worker.on('error', (error) => {
      this.log(`The analysis worker failed: ${error.stack ?? error.message}`);
      const lost = this.running;
      this.running = undefined;
      this.worker = undefined;
      // A new worker has no document.
      this.sent.clear();
      const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (lost) this.done({ id: lost.id, uri: lost.uri, version: lost.version, error: 'the analysis worker failed', ...(outOfMemory ? { heapLimitMb } : {}) });
      this.pump();
    });
    this.worker = worker;
    return worker;
  }
}
