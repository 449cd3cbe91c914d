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
import type { AnalysisJob, AnalysisResult, BackgroundAnalysis, Text } from './backgroundAnalysis';

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

export class AnalysisJobs implements BackgroundAnalysis {
  private worker: Worker | undefined;
  private running: AnalysisJob | undefined;
  private readonly waiting = new Map<string, AnalysisJob>();
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
    const job: AnalysisJob = {
      id: this.nextId++,
      ...document,
      settings,
      maxProblems,
      ...(files.unit ? { unit: text(files.unit) } : {}),
      dropIns: (files.dropIns ?? []).map(text),
    };
    this.waiting.set(document.uri, job);
    this.pump();
  }

  /** Forgets a closed document's waiting job. */
  cancel(uri: string): void {
    this.waiting.delete(uri);
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
    this.ensureWorker().postMessage(job);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A hard limit of its own: a document too large for it ends the worker, not the server.
    const heapLimitMb = workerHeapLimitMb();
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } });
    worker.unref();
    worker.on('message', (result: AnalysisResult) => {
      this.running = undefined;
      this.done(result);
      this.pump();
    });
    worker.on('error', (error) => {
      this.log(`The analysis worker failed: ${error.stack ?? error.message}`);
      const lost = this.running;
      this.running = undefined;
      this.worker = undefined;
      const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (lost) this.done({ id: lost.id, uri: lost.uri, version: lost.version, error: 'the analysis worker failed', ...(outOfMemory ? { heapLimitMb } : {}) });
      this.pump();
    });
    this.worker = worker;
    return worker;
  }
}
