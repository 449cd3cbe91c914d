/**
 * Hardening a service from the editor: a code action on the `[Service]` header that writes the
 * standard plan, and the `unitguard/hardenPlan` request behind the "Harden this service…" command
 * (the plan of a level, or of the settings a user chose, with the edit that writes it). Plans are
 * made only when asked for, never on a keystroke.
 */
import { CodeActionKind, ErrorCodes, ResponseError, type CodeAction, type Connection, type WorkspaceEdit } from 'vscode-languageserver';
import { HARDENING_LEVELS, minimalEdit, planHardening, type HardeningLevel, type HardeningPlan, type Range, type UnitDocument } from '../../core';
import { formatExposure } from '../../core/security';
import { isReadOnlyView } from '../documentKinds';
import type { DocumentStore } from '../documentStore';
import { isObject } from '../params';
import { requireUnitDocument } from '../unitDocuments';
import type { UnitState } from '../unitState';

export const HARDEN_PLAN_REQUEST = 'unitguard/hardenPlan';

/** The last plans made for each version of a document, by what they were made of: the light bulb asks again as the cursor moves. */
const recent = new WeakMap<UnitDocument, Map<string, { settings: unknown; dropIns: readonly UnitDocument[]; plan: HardeningPlan }>>();

/** The plan of a unit document open in the editor, with the unit's files as the state knows them. */
function planFor(state: UnitState, document: UnitDocument, level: HardeningLevel, dropIn: boolean, only?: readonly string[]): HardeningPlan {
  const dropIns = state.files(document).dropIns ?? [];
  const settings = state.settings(document.uri);
  const key = JSON.stringify([level, dropIn, only ?? null]);
  let plans = recent.get(document);
  if (!plans) recent.set(document, (plans = new Map()));
  const hit = plans.get(key);
  if (hit && hit.settings === settings && hit.dropIns.length === dropIns.length && hit.dropIns.every((d, i) => d === dropIns[i])) return hit.plan;
  const plan = planHardening(document, settings, dropIns, { level, dropIn, ...(only ? { only } : {}) });
  plans.set(key, { settings, dropIns, plan });
  return plan;
}

/** The workspace edit that writes a plan: an edit of the unit or of its drop-in, or a new drop-in. */
export function planEdit(plan: HardeningPlan): WorkspaceEdit | undefined {
  const edit = minimalEdit(plan.before, plan.after);
  if (!edit) return undefined;
  if (!plan.newFile) return { changes: { [plan.uri]: [edit] } };
  return {
    documentChanges: [
      { kind: 'create', uri: plan.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: plan.uri, version: null }, edits: [edit] },
    ],
  };
}

function score(plan: HardeningPlan): string {
  const { exposureBefore: before, exposureAfter: after } = plan;
  return before === undefined || after === undefined ? '' : `: exposure ${formatExposure(before)} → ${formatExposure(after)}`;
}

/** Whether the range touches the header of a `[Service]` section. */
function onServiceHeader(document: UnitDocument, range: Range): boolean {
  return document.tree.sections.some((s) => !s.malformed && s.name === 'Service' && s.headerRange.start.line >= range.start.line && s.headerRange.start.line <= range.end.line);
}

/** The code action on a service's `[Service]` header: the standard plan, written into the unit. */
export function hardenAction(store: DocumentStore, state: UnitState, uri: string, range: Range): CodeAction | undefined {
  const document = store.get(uri);
  if (!document || document.file.isDropIn || store.isPatch(uri) || isReadOnlyView(uri) || !onServiceHeader(document, range)) return undefined;
  const plan = planFor(state, document, 'standard', false);
  const edit = plan.settings.length > 0 ? planEdit(plan) : undefined;
  if (!edit) return undefined;
  return { title: `Harden this service (standard)${score(plan)}`, kind: CodeActionKind.RefactorRewrite, edit };
}

/**
 * The options of a hardenPlan request. One that is given but not understood is an error: a plan
 * of another level, or for other settings, than the client asked for would be written as asked.
 */
function planOptions(params: Record<string, unknown>): { level: HardeningLevel; dropIn: boolean; only?: string[] } {
  const invalid = (message: string): never => {
    throw new ResponseError(ErrorCodes.InvalidParams, message);
  };
  const { level = 'standard', dropIn = false, only } = params;
  if (typeof level !== 'string' || !(HARDENING_LEVELS as readonly string[]).includes(level)) invalid(`level must be one of ${HARDENING_LEVELS.map((l) => `"${l}"`).join(', ')}, not ${JSON.stringify(level)}.`);
  if (typeof dropIn !== 'boolean') invalid(`dropIn must be true or false, not ${JSON.stringify(dropIn)}.`);
  if (only !== undefined && !(Array.isArray(only) && only.every((k) => typeof k === 'string'))) invalid(`only must be a list of setting names, not ${JSON.stringify(only)}.`);
  return { level: level as HardeningLevel, dropIn: dropIn as boolean, ...(only !== undefined ? { only: only as string[] } : {}) };
}

export function registerHarden(connection: Connection, store: DocumentStore, state: UnitState): void {
  connection.onRequest(HARDEN_PLAN_REQUEST, (params: unknown) => {
    if (!isObject(params) || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected { uri, level?, dropIn?, only? }');
    const { level, dropIn, only } = planOptions(params);
    const document = requireUnitDocument(store, params.uri, 'hardening plan');
    const plan = planFor(state, document, level, dropIn, only);
    const { before: _before, after: _after, ...rest } = plan;
    void _before;
    void _after;
    return { ...rest, edit: planEdit(plan) ?? null };
  });
}
