/**
 * What the diagnostics ask of a background analysis: the server under Node analyses large
 * documents on a worker thread (analysisJobs.ts); a server without threads analyses every
 * document itself (NO_BACKGROUND_ANALYSIS).
 */
import type { CodeAction } from 'vscode-languageserver';
import type { Range, Settings, UnitFiles } from '../core';
import type { SecurityLens } from '../core/features/securityLens';
import type { ContentChange, TextChanges } from './textSync';

export interface Text {
  uri: string;
  text: string;
  version: number | undefined;
  /** The changes that made this version from an earlier one, when known. */
  changes?: TextChanges;
}

/** A new version of an open document, as followed: what changed, not the text. */
export interface Followed {
  uri: string;
  version: number | undefined;
  /** The changes that made this version from an earlier one, when known. */
  changes?: TextChanges;
}

/** A version of an open document to analyse: its text is read (joined, for a large one) only when the worker needs it whole. */
export interface Submitted extends Followed {
  text: () => string;
}

/** A job as the worker gets it: the whole text, or the changes since the version it was given last. */
export interface AnalysisJob {
  id: number;
  uri: string;
  version: number | undefined;
  /** The number that names this text of the document (versions cannot: a client may reopen a document, or change it, at the same version). */
  serial: number;
  text?: string;
  /** With `changes`: the serial of the text they apply to, the one the worker was given last. */
  base?: number;
  changes?: ContentChange[];
  settings: Settings;
  /** The most diagnostics to send back (see problemLimit.ts). */
  maxProblems: number;
  unit?: Text;
  dropIns: Text[];
  /**
   * Whether its diagnostics are published: not those of a job that only works out code actions or
   * the lens of a version whose diagnostics are published already.
   */
  publishes: boolean;
  /** When set, the quick fixes of the diagnostics on this range are worked out too (see quickFixActions.ts). */
  fixesIn?: Range;
  /** When set, fix-all is worked out too. */
  fixAll?: boolean;
  /** When set, the exposure lens is worked out too, after the diagnostics. */
  lens?: boolean;
}

/** The code actions that try fixes asked of the background with an analysis: the quick fixes of a range, fix-all, or both. */
export type CodeActionAsk = Pick<AnalysisJob, 'fixesIn' | 'fixAll'>;

/** What came of them: the quick fixes asked for, and fix-all when asked for and some fix applies. */
export interface WorkedActions {
  quickFixes: CodeAction[];
  fixAll?: CodeAction;
}

/** The exposure lens of a version, worked out in the background: none for a document that is not a service. */
export interface WorkedLens {
  lens: SecurityLens | undefined;
}

export type AnalysisResult = { id: number; uri: string; version: number | undefined } & (
  | {
      /** The diagnostics to publish, each as its JSON (see EncodedDiagnostic). */
      diagnosticsJson: string[];
      /** The code actions asked for with `fixesIn` or `fixAll`. */
      actions?: WorkedActions;
      /** Why the code actions could not be worked out, when they could not (the diagnostics stand). */
      actionsError?: string;
      /** The exposure lens, when asked for and worked out. */
      lens?: WorkedLens;
      /** The diagnostics of a job that also works out code actions or the lens: its answer with them follows. */
      more?: true;
    }
  | { error: string; /** Set when the check ran out of the memory it may take: the limit, in MB. */ heapLimitMb?: number }
);

/** What the worker is sent: a job, or that a document was closed (what it keeps of it can go). */
export type WorkerMessage = AnalysisJob | { forget: string };

/** What the worker answers a job: its result, or that it no longer has the version the changes apply to (the job is sent again with its text). */
export type WorkerReply = AnalysisResult | { id: number; uri: string; version: number | undefined; resend: true };

/** Where documents of a size are analysed, when not on the server's main thread. */
export interface BackgroundAnalysis {
  /** Whether a text this long is analysed in the background. */
  wants(length: number): boolean;
  /** Queues the analysis of a document's version, replacing any version of it still waiting. */
  submit(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number): void;
  /** Notes each new text of a document as it comes, opened or changed (it may change again before one is submitted). */
  follow(document: Followed): void;
  /** Forgets a document closed, or no longer analysed in the background: its waiting job and what the background has of it. */
  cancel(uri: string): void;
  /**
   * Queues the analysis of a document's version with the code actions asked for, in place of any
   * version of it still waiting. Resolves with them, or with undefined when the version is no
   * longer current once they are worked out (or never were: a newer version came, the document
   * was closed, the background failed).
   */
  codeActions(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number, ask: CodeActionAsk): Promise<WorkedActions | undefined>;
  /**
   * The exposure lens of a document's version, worked out on its analysis (by the check of the
   * version when it still waits, else after it). Resolves with undefined when it could not be (a
   * newer version came, the document was closed, the background failed).
   */
  lens(document: Submitted, settings: Settings, files: UnitFiles, maxProblems: number): Promise<WorkedLens | undefined>;
}

/** Makes the background analysis: `done` takes each result, `log` the failures. */
export type BackgroundAnalysisFactory = (done: (result: AnalysisResult) => void, log: (message: string) => void) => BackgroundAnalysis;

/** No background: every document is analysed on the main thread. */
export const NO_BACKGROUND_ANALYSIS: BackgroundAnalysisFactory = () => ({
  wants: () => false,
  submit: () => undefined,
  follow: () => undefined,
  cancel: () => undefined,
  codeActions: () => Promise.resolve(undefined),
  lens: () => Promise.resolve(undefined),
});

