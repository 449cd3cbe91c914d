/**
 * The diagnostics of a large document, computed on a worker thread so that the server's main
 * thread keeps answering hover, completion and the rest while they are being computed. It runs
 * the same pure core as the main thread, on copies of the texts.
 */
import { parentPort } from 'node:worker_threads';
import { analyze, createUnitDocument, EvidenceCache, revisedUnitDocument, type Settings, type UnitDocument, type UnitFiles } from '../core';
import { publishedProblems } from './problemLimit';
import type { AnalysisJob, AnalysisResult } from './backgroundAnalysis';

function filesOf(job: AnalysisJob): UnitFiles {
  const unit = job.unit ? createUnitDocument(job.unit.uri, job.unit.text, job.unit.version) : undefined;
  const dropIns = job.dropIns.map((d) => createUnitDocument(d.uri, d.text, d.version));
  return { ...(unit ? { unit } : {}), dropIns };
}

/**
 * What is kept of each document from one version to the next (a few documents at most are this
 * large): the last version parsed, so that the next parses again only what changed, and the
 * evidence results.
 */
interface Kept {
  document: UnitDocument;
  evidence: EvidenceCache;
}

const kept = new Map<string, Kept>();

/** The job's document, made from the version before it when there is one. */
function documentOf(job: AnalysisJob): Kept {
  const last = kept.get(job.uri);
  if (last) {
    last.document = revisedUnitDocument(last.document, job.text, job.version ?? 0);
    return last;
  }
  if (kept.size >= 8) kept.clear();
  const fresh = { document: createUnitDocument(job.uri, job.text, job.version), evidence: new EvidenceCache() };
  kept.set(job.uri, fresh);
  return fresh;
}

function run(job: AnalysisJob): AnalysisResult {
  try {
    const { document, evidence } = documentOf(job);
    const analysis = analyze(document, job.settings as Settings, filesOf(job), evidence);
    return { id: job.id, uri: job.uri, version: job.version, diagnostics: publishedProblems(analysis.diagnostics, job.uri, job.maxProblems) };
  } catch (error) {
    return { id: job.id, uri: job.uri, version: job.version, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.on('message', (job: AnalysisJob) => parentPort?.postMessage(run(job)));
