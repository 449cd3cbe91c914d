/**
 * The diagnostics of a large document, computed on a worker thread so that the server's main
 * thread keeps answering hover, completion and the rest while they are being computed. It runs
 * the same pure core as the main thread, on copies of the texts.
 */
import { parentPort } from 'node:worker_threads';
import { analyze, createUnitDocument, EvidenceCache, type Settings, type UnitFiles } from '../core';
import { publishedProblems } from './problemLimit';
import type { AnalysisJob, AnalysisResult } from './backgroundAnalysis';

function filesOf(job: AnalysisJob): UnitFiles {
  const unit = job.unit ? createUnitDocument(job.unit.uri, job.unit.text, job.unit.version) : undefined;
  const dropIns = job.dropIns.map((d) => createUnitDocument(d.uri, d.text, d.version));
  return { ...(unit ? { unit } : {}), dropIns };
}

/** Evidence results per document, kept from one version to the next (a few documents at most are this large). */
const evidence = new Map<string, EvidenceCache>();

function evidenceFor(uri: string): EvidenceCache {
  let cache = evidence.get(uri);
  if (!cache) {
    if (evidence.size >= 8) evidence.clear();
    evidence.set(uri, (cache = new EvidenceCache()));
  }
  return cache;
}

function run(job: AnalysisJob): AnalysisResult {
  try {
    const document = createUnitDocument(job.uri, job.text, job.version);
    const analysis = analyze(document, job.settings as Settings, filesOf(job), evidenceFor(job.uri));
    return { id: job.id, uri: job.uri, version: job.version, diagnostics: publishedProblems(analysis.diagnostics, job.uri, job.maxProblems) };
  } catch (error) {
    return { id: job.id, uri: job.uri, version: job.version, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.on('message', (job: AnalysisJob) => parentPort?.postMessage(run(job)));
