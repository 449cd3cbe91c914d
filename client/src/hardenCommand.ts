/**
 * "UnitGuard: Harden this service…": asks for a level, shows the plan's settings as a quick pick
 * with checkboxes (each with what it may break), then writes the chosen ones into the unit under a
 * comment or as a drop-in. The server makes the plan and the edit (`unitguard/hardenPlan`).
 */
import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient/node';

export const HARDEN_COMMAND = 'unitguard.hardenService';

interface PlanSetting {
  directive: string;
  value: string;
  level: string;
  from?: string;
  why?: string;
  mayBreak?: string;
  since?: number;
}

/** The server's answer to `unitguard/hardenPlan`. */
export interface PlanReply {
  settings: PlanSetting[];
  heldBack: { directive: string; value: string; reason: string }[];
  exposureBefore?: number;
  exposureAfter?: number;
  problem?: string;
  edit: WorkspaceEdit | null;
}

export interface PlanParams {
  uri: string;
  level: string;
  dropIn?: boolean;
  only?: string[];
}

const LEVELS = [
  { label: 'standard', description: 'the usual sandbox; each setting says what it may break' },
  { label: 'safe', description: 'only what an ordinary daemon never does' },
  { label: 'strict', description: "everything the unit's own lines allow" },
];

const score = (n: number | undefined): string => (n === undefined ? '?' : `${Math.floor(n / 10)}.${n % 10}`);

function key(setting: PlanSetting): string {
  return `${setting.directive}=${setting.value}`;
}

/** Writes what was held back, and why, to the output channel. */
function logHeldBack(log: (line: string) => void, file: string, level: string, reply: PlanReply): void {
  if (reply.heldBack.length === 0) return;
  log(`Harden ${file} (${level}): held back`);
  for (const h of reply.heldBack) log(`  ${h.directive}=${h.value}: ${h.reason}`);
}

export async function hardenService(plan: (params: PlanParams) => Promise<PlanReply>, apply: (edit: WorkspaceEdit) => Promise<boolean>, log: (line: string) => void): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'systemd-unit') {
    void vscode.window.showInformationMessage('Open a systemd service to harden it.');
    return;
  }
  const uri = document.uri.toString();
  const level = (await vscode.window.showQuickPick(LEVELS, { title: 'Harden this service: level' }))?.label;
  if (!level) return;
  const whole = await plan({ uri, level });
  if (whole.problem) {
    void vscode.window.showInformationMessage(`UnitGuard cannot harden this file: ${whole.problem}.`);
    return;
  }
  const file = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  logHeldBack(log, file, level, whole);
  const held = whole.heldBack.length > 0 ? ` (${whole.heldBack.length} held back: the UnitGuard output says why)` : '';
  if (whole.settings.length === 0) {
    void vscode.window.showInformationMessage(`UnitGuard: nothing to add at ${level}${held}.`);
    return;
  }
  const items = whole.settings.map((s) => ({
    label: key(s),
    description: [s.level, s.from !== undefined ? `was ${s.from}` : '', s.since !== undefined ? `systemd ${s.since}` : ''].filter((p) => p).join(', '),
    detail: s.mayBreak ? `May break: ${s.mayBreak}` : s.why,
    picked: true,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: `Harden (${level}): exposure ${score(whole.exposureBefore)} → ${score(whole.exposureAfter)}`,
    placeHolder: `Settings to add${held}`,
  });
  if (!chosen || chosen.length === 0) return;
  const where = await vscode.window.showQuickPick(
    [
      { label: 'Into the unit', description: 'under a "# Hardening" comment in [Service]', dropIn: false },
      { label: 'As a drop-in', description: 'NAME.service.d/hardening.conf', dropIn: true },
    ],
    { title: 'Where to write the settings' },
  );
  if (!where) return;
  const final = await plan({ uri, level, dropIn: where.dropIn, only: chosen.map((c) => c.label) });
  if (!final.edit || !(await apply(final.edit))) {
    void vscode.window.showInformationMessage('UnitGuard: nothing was written.');
    return;
  }
  logHeldBack(log, file, level, final);
  const left = final.heldBack.length > 0 ? `; ${final.heldBack.length} held back (the UnitGuard output says why)` : '';
  void vscode.window.showInformationMessage(`UnitGuard: ${final.settings.length} settings written, exposure ${score(final.exposureBefore)} → ${score(final.exposureAfter)}${left}`);
}
