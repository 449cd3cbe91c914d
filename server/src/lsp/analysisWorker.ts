/**
 * The diagnostics of a large document, computed on a worker thread so that the server's main
 * thread keeps answering hover, completion and the rest while they are being computed. It runs
 * the same pure core as the main thread, on copies of the texts.
 */
import { parentPort } from 'node:worker_threads';
import { analyze, createUnitDocument, EvidenceCache, revisedUnitDocument, type Analysis, type Settings, type UnitDocument, type UnitFiles } from '../core';
import { publishedProblems } from './problemLimit';
import { publishedJsonOf } from './publishedJson';
import { securityLens } from '../core/features/securityLens';
import type { AnalysisJob, Text, WorkedActions, WorkedLens, WorkerMessage, WorkerReply } from './backgroundAnalysis';
import { OpenText, spanEdit } from './textSync';
import { fixAllAction, quickFixesIn } from './quickFixActions';

/**
 * The other files of the unit, by URI, as last given: the same document while its text is the
 * same, so that a keystroke in the large document finds the files of its last check unchanged
 * (and reuses what that check found).
 */
const companions = new Map<string, UnitDocument>();

function companion(text: Text): UnitDocument {
  const last = companions.get(text.uri);
  if (last && last.version === text.version && last.tree.text === text.text) return last;
  const document = last ? revisedUnitDocument(last, text.text, text.version ?? 0) : createUnitDocument(text.uri, text.text, text.version);
  companions.set(text.uri, document);
  return document;
}

function filesOf(job: AnalysisJob): UnitFiles {
  const unit = job.unit ? companion(job.unit) : undefined;
  const dropIns = job.dropIns.map(companion);
  // Those of closed documents and of other units go when there are many.
  if (companions.size > 64) {
    const used = new Set([job.unit?.uri, ...job.dropIns.map((d) => d.uri)]);
    for (const uri of companions.keys()) if (!used.has(uri)) companions.delete(uri);
  }
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
  /** The text as changes are applied to it (it keeps where the lines start from one version to the next). */
  text: OpenText;
  /** The serial of the text (see AnalysisJob). */
  serial: number;
  /**
   * The last analysis of this text, with what it was checked by: a job for quick fixes on the text
   * just checked tries them on that analysis (trying a fix reads what the analysis found).
   */
  last?: { analysis: Analysis; settings: string; files: readonly UnitDocument[] };
}

const kept = new Map<string, Kept>();

/**
 * The job's document, made from the version before it when there is one; undefined when the job
 * brings changes to a version this thread does not have.
 */
function documentOf(job: AnalysisJob): Kept | undefined {
  const last = kept.get(job.uri);
  // The text this thread has already (quick fixes asked for on the text just checked).
  if (last && last.serial === job.serial) return last;
  // What is kept changes only once the new version is made: a failure leaves the last one whole.
  if (job.text === undefined) {
    if (!last || last.serial !== job.base || !job.changes) return undefined;
    const text = last.text.update(job.changes, job.version ?? 0);
    // The span the changes cover: the texts need not be compared to find it. The new text is
    // read in parts: only the lines around the changes are parsed again.
    const span = text.changes?.span;
    const change = span && spanEdit(span, text.source);
    const document = revisedUnitDocument(last.document, text.source, job.version ?? 0, change);
    Object.assign(last, { text, document, serial: job.serial, last: undefined });
    return last;
  }
  if (last) {
    const document = revisedUnitDocument(last.document, job.text, job.version ?? 0);
    Object.assign(last, { text: new OpenText(job.uri, '', job.version ?? 0, job.text), document, serial: job.serial, last: undefined });
    return last;
  }
  if (kept.size >= 8) kept.clear();
  const fresh = { document: createUnitDocument(job.uri, job.text, job.version), evidence: new EvidenceCache(), text: new OpenText(job.uri, '', job.version ?? 0, job.text), serial: job.serial };
  kept.set(job.uri, fresh);
  return fresh;
}

/** The analysis of the job's text: the last one, when it was of the same text, settings and files. */
function analysisOf(known: Kept, job: AnalysisJob): Analysis {
  const files = filesOf(job);
  const list = [...(files.unit ? [files.unit] : []), ...(files.dropIns ?? [])];
  const settings = JSON.stringify(job.settings);
  const last = known.last;
  if (last && last.analysis.document === known.document && last.settings === settings && last.files.length === list.length && last.files.every((d, i) => d === list[i])) return last.analysis;
  const analysis = analyze(known.document, job.settings as Settings, files, known.evidence);
  known.last = { analysis, settings, files: list };
  return analysis;
}

/** The exposure lens of a version; none when working it out fails (the main thread then does, and says why). */
function lensOf(document: UnitDocument, files: UnitFiles, settings: Settings): WorkedLens | undefined {
  try {
    return { lens: securityLens(document, files, settings) };
  } catch {
    return undefined;
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Does a job, and answers it. A job that publishes and asks for code actions or the lens too sends
 * its diagnostics first (`more`): they are not held up by the fixes' trials or the score, nor lost
 * should a trial fail.
 */
function run(job: AnalysisJob, post: (reply: WorkerReply) => void): void {
  const answer = { id: job.id, uri: job.uri, version: job.version };
  let analysis: Analysis;
  let known: Kept | undefined;
  try {
    known = documentOf(job);
    if (!known) return post({ ...answer, resend: true });
    analysis = analysisOf(known, job);
    const diagnosticsJson = job.publishes ? publishedProblems(analysis.diagnostics, job.uri, job.maxProblems).map(publishedJsonOf) : [];
    const triesFixes = job.fixesIn !== undefined || job.fixAll === true;
    if (!triesFixes && !job.lens) return post({ ...answer, diagnosticsJson });
    if (job.publishes) post({ ...answer, diagnosticsJson, more: true });
  } catch (error) {
    return post({ ...answer, error: errorText(error) });
  }
  const worked: { actions?: WorkedActions; actionsError?: string; lens?: WorkedLens } = {};
  if (job.fixesIn !== undefined || job.fixAll === true) {
    // The trials' failure is theirs: the diagnostics stand, and no code action comes of it.
    try {
      const fixAll = job.fixAll ? fixAllAction(job.uri, known.document.tree.text, job.settings as Settings, analysis.files) : undefined;
      worked.actions = { quickFixes: job.fixesIn ? quickFixesIn(analysis, job.fixesIn, job.uri) : [], ...(fixAll ? { fixAll } : {}) };
    } catch (error) {
      worked.actions = { quickFixes: [] };
      worked.actionsError = errorText(error);
    }
  }
  if (job.lens) worked.lens = lensOf(known.document, analysis.files, job.settings as Settings);
  post({ ...answer, diagnosticsJson: [], ...worked });
}

parentPort?.on('message', (message: WorkerMessage) => {
  if ('forget' in message) kept.delete(message.forget);
  else run(message, (reply) => parentPort?.postMessage(reply));
});
