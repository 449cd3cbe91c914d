/**
 * One finding per cause. Several hardening pairs often say the same thing about different lines
 * of a unit: every mount protection can be undone by a process that may call mount(); every
 * seccomp-based setting can be got around through another ABI. Such pairs share a cause, and a
 * unit gets one diagnostic per cause: on the first line involved (in the order systemd reads the
 * unit and its drop-ins) of a file of the unit's own, naming every line in its message and related
 * information (past a few, the first ones and how many more: see breakage/report.ts), with the
 * fixes once. The file that holds that line reports it; the unit's other
 * files do not. When every line is in drop-ins other units read too, the unit file reports it.
 */
import type { Assignment } from '../../model/unitModel';
import type { Diagnostic, Fix, RelatedInformation, Severity } from '../../types';
import type { PairContext } from './context';
import { blocksSyscalls, commandPrefix, coveringAssignment, holdsAmbient } from './effects';
import { lineText } from './text';
import { lineRefs, RELATED_LINES } from '../breakage/report';
import { andWords } from '../../andList';
import { distinctBy } from '../../arrays';
import { fixesMaybe, setFixesWhenRead, withoutFixField } from '../fixesWhenRead';
import { anchorOf, messageNaming, rangeHere, saidInDropIn, shownHere } from '../findingHome';

/** A pair's finding before it is reported: the diagnostic and the subject line it is on. */
export interface PairFinding {
  diagnostic: Diagnostic;
  subject: Assignment;
}

interface Cause {
  /** The pairs of this cause. */
  rows: readonly string[];
  severity: Severity;
  /** The message, given every subject line involved (in reading order); undefined: report nothing. */
  message(context: PairContext & { found: ReadonlySet<string> }, subjects: readonly Assignment[], findings: readonly PairFinding[]): string | undefined;
  /** Keep the anchor finding's fixes (default) or none. */
  noFixes?: true;
  /** What a fix of the cause may break, where the setting's own docs do not say it. */
  mayBreak?(fix: Fix): string | undefined;
}


const PLUS_ROWS = [
  'plus-user', 'plus-group', 'plus-supplementarygroups', 'plus-capabilityboundingset', 'plus-ambientcapabilities', 'plus-securebits', 'plus-selinuxcontext',
  'plus-apparmorprofile', 'plus-smackprocesslabel', 'plus-restrictaddressfamilies', 'plus-systemcallfilter', 'plus-systemcalllog', 'plus-privatedevices', 'plus-privatetmp',
];

const OPEN_API = [
  { row: 'protectsystem-strict-privatedevices', path: '/dev', setting: 'PrivateDevices=yes' },
  { row: 'protectsystem-strict-protectkerneltunables', path: '/proc/sys', setting: 'ProtectKernelTunables=yes' },
  { row: 'protectsystem-strict-protectcontrolgroups', path: '/sys/fs/cgroup', setting: 'ProtectControlGroups=yes' },
];

const UNDO_ROWS = [
  'undo-readonlypaths', 'undo-inaccessiblepaths', 'undo-noexecpaths', 'undo-protectsystem', 'undo-protecthome',
  'undo-privatetmp', 'undo-privatedevices', 'undo-protectkerneltunables', 'undo-protectcontrolgroups', 'undo-protectkernelmodules', 'undo-protectkernellogs',
];

export const CAUSES: Readonly<Record<string, Cause>> = {
  undo: {
    rows: UNDO_ROWS,
    severity: 'warning',
    message: (c, s) =>
      `${s.length === 1 ? lineText(s[0]) : `${s.length} mount protections, ${lineRefs(c, s)},`} can be undone: a process of the unit that may call mount() can remount the file system. Deny the @mount calls or drop CAP_SYS_ADMIN.`,
    mayBreak: (fix) =>
      fix.edits.some((e) => e.newText.includes('@mount'))
        ? 'SystemCallFilter=~@mount also blocks chroot() and pivot_root(): daemons that chroot their workers (postfix, dovecot, ...) stop.'
        : fix.edits.some((e) => e.newText.includes('CAP_SYS_ADMIN'))
          ? 'Without CAP_SYS_ADMIN the service cannot mount, set up namespaces or use many administrative interfaces.'
          : undefined,
  },
  abi: {
    rows: ['syscallarch-systemcallfilter', 'syscallarch-restrictaddressfamilies', 'syscallarch-memorydenywriteexecute'],
    severity: 'information',
    message: (c, s) =>
      `${lineRefs(c, s)} can be got around through another ABI (such as 32-bit x86 on x86-64); SystemCallArchitectures=native closes that door.`,
  },
  'executable-memory': {
    rows: ['mdwe-devshm', 'mdwe-memfd'],
    severity: 'information',
    noFixes: true,
    message: (c, s) => {
      const gaps: string[] = [];
      if (!blocksSyscalls(c.filter, ['memfd_create'])) gaps.push('memfd_create() (SystemCallFilter=~memfd_create)');
      if (!coveringAssignment(c.model, ['NoExecPaths'], '/')) gaps.push('writable folders without noexec, such as /dev/shm and /tmp (NoExecPaths=)');
      if (gaps.length === 0) return undefined;
      return `${lineText(s[0])} can still be got around: code written through ${gaps.join(' or through ')} can be mapped executable. Close what the service does not need.`;
    },
  },
  // A helper command with `+` (ExecReload=+/bin/kill ...) is what the prefix is for; the main
  // process with `+` escapes the whole sandbox, so the settings do not do what they say.
  'full-privileges': {
    rows: PLUS_ROWS,
    severity: 'warning',
    noFixes: true,
    message: (c, s) => {
      // The main work escapes the sandbox when every ExecStart= line carries "+" (oneshot units may have several).
      const starts = c.model.effective('ExecStart');
      if (starts.length === 0 || !starts.every((a) => commandPrefix(a.entry.value).includes('+'))) return undefined;
      const names = [...new Set(s.map((a) => `${a.entry.key}=`))];
      const shown = andWords(names, 5);
      return `ExecStart= has the "+" prefix: the service's main process runs with full privileges, so ${shown} do${names.length === 1 ? 'es' : ''} not apply to it. Keep "+" for helper commands that need it.`;
    },
  },
  // ProtectProc= hides processes the service could not ptrace; CAP_SYS_PTRACE sees them all.
  'proc-visible': {
    rows: ['protectproc-needs-user', 'protectproc-ptrace-bypass'],
    severity: 'warning',
    message: (c, s) => {
      const how = holdsAmbient(c.model, 'CAP_SYS_PTRACE') ? 'AmbientCapabilities= gives the service CAP_SYS_PTRACE' : 'the service runs as root and its bounding set keeps CAP_SYS_PTRACE';
      return `${lineText(s[0])} has no effect: ${how}, which sees every process. Without CAP_SYS_PTRACE it would see only the processes of its own user.`;
    },
  },
  'writable-api': {
    rows: ['protectsystem-strict-privatedevices', 'protectsystem-strict-protectkerneltunables', 'protectsystem-strict-protectcontrolgroups'],
    severity: 'information',
    message: (c, s) => {
      const open = OPEN_API.filter((o) => c.found.has(o.row));
      const paths = open.map((o) => o.path);
      const settings = open.map((o) => o.setting);
      return `${lineText(s[0])} leaves ${andWords(paths)} writable; ${andWords(settings)} ${settings.length === 1 ? 'protects' : 'protect'} ${paths.length === 1 ? 'it' : 'them'}.`;
    },
  },
};

const causeOfRow = new Map<string, string>(Object.entries(CAUSES).flatMap(([id, cause]) => cause.rows.map((row) => [row, id] as [string, string])));

export function causeOf(pairing: string): string | undefined {
  return causeOfRow.get(pairing);
}

function relatedOf(context: PairContext, lines: readonly Assignment[]): RelatedInformation[] {
  return lines.slice(0, RELATED_LINES).map((a) => ({ range: a.entry.range, message: lineText(a), ...(a.document !== context.document ? { uri: a.document.uri } : {}) }));
}

/**
 * Reports the findings of one cause once: on the first subject line in reading order (the first in
 * a file of the unit's own, see findingHome.ts), when the diagnosed document shows it. `findings`
 * are every pair of the cause that holds, over the whole unit (subjects in any of its files).
 */
export function reportCause(context: PairContext & { found: ReadonlySet<string> }, id: string, findings: readonly PairFinding[]): void {
  if (findings.length === 0) return;
  const cause = CAUSES[id];
  const ordered = [...findings].sort((a, b) => a.subject.order - b.subject.order);
  const anchor = anchorOf(context, ordered, (f) => f.subject) as PairFinding;
  if (!shownHere(context, anchor.subject)) return;
  // Shown in another file than the anchor's (see findingHome.ts): every line is related information.
  const moved = anchor.subject.document !== context.document;
  if (moved && saidInDropIn(context, anchor.subject, anchor.diagnostic)) return;
  const subjects = [...new Set(ordered.map((f) => f.subject))];
  const message = cause.message(context, subjects, ordered);
  if (message === undefined) return;
  const others = moved ? subjects : subjects.filter((s) => s !== anchor.subject);
  const related = [...relatedOf(context, others), ...ordered.flatMap((f) => f.diagnostic.related ?? [])];
  // The fixes of the first finding in this document that keeps some (they may be sorted out when read).
  const own = cause.noFixes ? [] : ordered.filter((f) => f.subject.document === context.document).map((f) => f.diagnostic);
  // Without the fix field: copying it would sort the fixes out now.
  const reported = withoutFixField(anchor.diagnostic);
  delete reported.related;
  delete reported.unnecessary;
  const pairs = [...new Set(ordered.map((f) => f.diagnostic.pairing).filter((p): p is string => p !== undefined))];
  if (pairs.length > 1) reported.pairings = pairs;
  if (moved) reported.range = rangeHere(context, anchor.subject);
  reported.severity = cause.severity;
  reported.message = moved ? messageNaming(context, anchor.subject, message) : message;
  if (related.length > 0) reported.related = dedupe(related).slice(0, RELATED_LINES);
  setFixesWhenRead(reported, own.flatMap((d) => fixesMaybe(d) ?? []), fixesOfFirst(own, cause));
  context.report(reported);
}

/**
 * The fixes of the first of `findings` that keeps some, with what the cause says they may break.
 * Made here: a closure in `reportCause` would keep its whole scope (the unit's lines) alive.
 */
function fixesOfFirst(findings: readonly Diagnostic[], cause: Cause): () => Fix[] {
  return () =>
    (findings.find((d) => (d.fixes?.length ?? 0) > 0)?.fixes ?? []).map((f) => {
      const note = cause.mayBreak?.(f);
      return note ? Object.assign({}, f, { mayBreak: note }) : f;
    });
}

function dedupe(list: RelatedInformation[]): RelatedInformation[] {
  return distinctBy(list, (r) => `${r.uri ?? ''}:${r.range.start.line}`);
}
