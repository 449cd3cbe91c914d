/**
 * tunables-write-blocked, setuid-helper-blocked, jit-memory-blocked: what the command lines do,
 * against the sandbox the service runs in.
 *
 * What the rules rest on (systemd's exec-invoke.c, namespace.c and unit.c):
 * - A command with the `+` prefix runs with full privileges: no mount namespace (so none of the
 *   ProtectKernelTunables= mounts), no NoNewPrivileges=, no seccomp filter (so no
 *   MemoryDenyWriteExecute=). `!` only skips the change of user (the command runs as root) and
 *   keeps the sandbox; `!!` does the same only on systems without ambient capabilities, so on
 *   current kernels the command runs as User= like any other.
 * - ProtectKernelTunables=yes mounts /proc/sys, /proc/sysrq-trigger and a few other kernel files
 *   under /proc read-only, and /sys read-only except /sys/fs/cgroup (left to
 *   ProtectControlGroups=) and /sys/fs/selinux. ReadWritePaths= or BindPaths= on a deeper path
 *   can make a part writable again.
 * - NoNewPrivileges is set on the process when NoNewPrivileges=yes, when DynamicUser=yes (which
 *   forces it on), and also when the process has no CAP_SYS_ADMIN at that point (it runs as a
 *   user other than root and does not hold CAP_SYS_ADMIN as an ambient capability) and any
 *   setting that installs a seccomp filter is on (the kernel accepts a filter from an
 *   unprivileged process only with no_new_privs): context_has_no_new_privileges().
 *   NoNewPrivileges=no does not undo either implication. With no_new_privs the kernel ignores
 *   set-user-ID and set-group-ID bits and file capabilities on execve().
 * - MemoryDenyWriteExecute=yes refuses memory that is writable and executable at once and
 *   making memory executable later, which is how most JIT compilers place their machine code.
 */
import type { Assignment, UnitModel } from '../../model/unitModel';
import type { Fix } from '../../types';
import type { RuleContext } from '../context';
import { effectiveLines, holdsAmbient, isOn, lastLine, listItems, pathCovers, valueOf } from '../pairings/effects';
import { parseBoolean } from '../values/scalars';
import { baseName, commandLines, sandboxed, type CommandLine } from './commandLines';
import { lineRef, lineText, NAMED_LINES, reportBreakage, type Evidence } from './report';
import { andList, shownOf } from '../../andList';
import { appendAll } from '../../arrays';
import { trimBlanks } from '../../syntax/blanks';

// ---------------------------------------------------------------------------
// commands: the programs a line runs, its own and those of the script it hands to a shell

/** One command a line runs: its program and arguments, and the files it redirects output into. */
export interface Command {
  line: CommandLine;
  /** The program's base name, wrappers such as `env` and `exec` taken off. */
  program: string;
  /** The arguments after the program (redirections left out). */
  args: string[];
  /** Files the shell opens for writing (`> file`, `>> file`, `2> file`). */
  writes: string[];
  /** Files the shell opens for reading (`< file`). */
  reads: string[];
  /** A command of the script the line hands to a shell (not the line's own program). */
  inScript: boolean;
}

/** Words that separate commands in a shell script. */
const SEPARATORS = new Set([';', '&&', '||', '|', '&']);

/** Shell words that can stand before a command without being one. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', '(', ')', 'time']);

/** Programs that run the rest of their arguments as a command, with their options that take a value. */
const WRAPPERS: Readonly<Record<string, readonly string[]>> = {
  env: ['-u', '--unset', '-C', '--chdir'],
  exec: ['-a'],
  command: [],
  nohup: [],
  setsid: [],
  nice: ['-n', '--adjustment'],
  ionice: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'],
  stdbuf: ['-i', '-o', '-e'],
};


/** The program word and its arguments once wrappers are taken off (`env A=1 node x` → `node x`). */
function unwrap(words: readonly string[]): string[] {
  let rest = [...words];
  for (let guard = 0; guard < 4 && rest.length > 0; guard++) {
    const takesValue = WRAPPERS[baseName(rest[0])];
    if (!takesValue) break;
    const isEnv = baseName(rest[0]) === 'env';
    let i = 1;
    while (i < rest.length) {
      const word = rest[i];
      if (takesValue.includes(word)) i += 2;
      else if (word.startsWith('-') && word !== '-') i++;
      else if (isEnv && (word === '-' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))) i++;
      else break;
    }
    rest = rest.slice(i);
  }
  return rest;
}

function isRedirect(word: string): boolean {
  return /^\d?>>?$/.test(word) || word === '<';
}

/** One command of a script: the words up to the next separator, redirections picked out. */
function scriptCommand(line: CommandLine, words: readonly string[]): Command | undefined {
  const plain: string[] = [];
  const writes: string[] = [];
  const reads: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (isRedirect(word)) {
      const target = words[i + 1];
      if (target !== undefined) (word === '<' ? reads : writes).push(target);
      i++;
    } else plain.push(word);
  }
  while (plain.length > 0 && SHELL_KEYWORDS.has(plain[0])) plain.shift();
  const argv = unwrap(plain);
  if (argv.length === 0 && writes.length === 0 && reads.length === 0) return undefined;
  return { line, program: argv.length > 0 ? baseName(argv[0]) : '', args: argv.slice(1), writes, reads, inScript: true };
}

/**
 * Every command a line runs: the line's own program, and each command of its shell script. Worked
 * out again by each check that asks: keeping them with the unit's command lines costs more (in
 * collection, on a long unit) than working them out.
 */
export function commandsOf(line: CommandLine): Command[] {
  const own = unwrap(line.argv);
  const commands: Command[] = [];
  if (own.length > 0) commands.push({ line, program: baseName(own[0]), args: own.slice(1), writes: [], reads: [], inScript: false });
  let current: string[] = [];
  const flush = (): void => {
    const command = scriptCommand(line, current);
    if (command) commands.push(command);
    current = [];
  };
  for (const word of line.script) {
    if (SEPARATORS.has(word)) flush();
    else current.push(word);
  }
  flush();
  return commands;
}


/** `!` without a second `!`: the command keeps the sandbox but runs as root. */
function skipsUser(line: CommandLine): boolean {
  return line.prefix.includes('!') && !line.prefix.includes('!!');
}

/** Whether the line's command runs as root (in the sandbox or not). */
function runsAsRootLine(model: UnitModel, line: CommandLine): boolean {
  if (line.prefix.includes('+') || skipsUser(line)) return model.manager === 'system';
  if (model.manager === 'user' || isOn(model, 'DynamicUser')) return false;
  const user = trimBlanks(valueOf(model, 'User'));
  return user === undefined || user === 'root' || user === '0';
}

/**
 * Whether the line's command certainly runs as a user other than root: a per-user service, a
 * dynamic user, or a User= naming someone else (a name with specifiers or variables could be root).
 */
function runsUnprivileged(model: UnitModel, line: CommandLine): boolean {
  if (line.prefix.includes('+') || skipsUser(line)) return false;
  if (model.manager === 'user' || isOn(model, 'DynamicUser')) return true;
  const user = trimBlanks(valueOf(model, 'User'));
  return user !== undefined && user !== '' && user !== 'root' && user !== '0' && !/[%$]/.test(user);
}

function isUnresolved(word: string): boolean {
  return /\$/.test(word);
}

// ---------------------------------------------------------------------------
// tunables-write-blocked

const TUNABLES = 'tunables-write-blocked';

/** What ProtectKernelTunables=yes leaves read-only (namespace.c, protect_kernel_tunables_*_table). */
const READ_ONLY_TUNABLES: readonly string[] = [
  '/proc/sys',
  '/proc/sysrq-trigger',
  '/proc/acpi',
  '/proc/apm',
  '/proc/asound',
  '/proc/bus',
  '/proc/fs',
  '/proc/irq',
  '/proc/latency_stats',
  '/proc/mtrr',
  '/proc/scsi',
  '/proc/timer_stats',
  '/sys',
];

/** Parts of /sys that ProtectKernelTunables= leaves as they are. */
const WRITABLE_SYS: readonly string[] = ['/sys/fs/cgroup', '/sys/fs/selinux'];

function tunablesArea(path: string): string | undefined {
  if (WRITABLE_SYS.some((p) => pathCovers(p, path))) return undefined;
  return READ_ONLY_TUNABLES.find((p) => pathCovers(p, path));
}

/**
 * The read-only file a command writes, as far as it is known: a path with a variable
 * (`/proc/sys/net/ipv4/conf/$IF/forwarding`) stands for its folder before the variable, when
 * that folder is read-only whatever the variable holds.
 */
function writtenTunable(path: string): string | undefined {
  const dollar = path.indexOf('$');
  if (dollar < 0) return tunablesArea(path) ? path : undefined;
  const folder = path.slice(0, path.lastIndexOf('/', dollar)).replace(/\/+$/, '');
  if (folder === '' || WRITABLE_SYS.some((w) => pathCovers(folder, w))) return undefined;
  return tunablesArea(folder) ? folder : undefined;
}

/** A write the line does to a read-only kernel file, in words for the message. */
interface TunableWrite {
  command: Command;
  /** The file written, or undefined when sysctl loads settings files (any key under /proc/sys). */
  path?: string;
  /** What the command cannot do, for the message: `set` a key, `write` a file, `apply` settings files. */
  verb: 'set' | 'write' | 'apply';
  object: string;
}

/** `net.ipv4.ip_forward` → `/proc/sys/net/ipv4/ip_forward` (sysctl accepts dots or slashes). */
function sysctlPath(key: string): string {
  return `/proc/sys/${key.replace(/^\/+/, '').replace(/\./g, '/')}`;
}

/**
 * What a sysctl command line writes: every `key=value` argument (with or without -w), and with
 * -p/--load/--system the settings files, whose keys are unknown here.
 */
function sysctlWrites(command: Command): TunableWrite[] {
  const writes: TunableWrite[] = [];
  let loads = false;
  for (const arg of command.args) {
    if (arg === '--system' || arg === '--load' || arg.startsWith('--load=')) loads = true;
    else if (/^-[A-Za-z]+$/.test(arg) && arg.includes('p')) loads = true;
    else if (!arg.startsWith('-') && arg.includes('=') && !isUnresolved(arg)) {
      const key = arg.slice(0, arg.indexOf('='));
      if (key !== '') writes.push({ command, path: sysctlPath(key), verb: 'set', object: key });
    }
  }
  if (loads) writes.push({ command, verb: 'apply', object: 'the settings files sysctl loads' });
  return writes;
}

/** Files a command writes that ProtectKernelTunables= keeps read-only. */
function tunableWrites(command: Command): TunableWrite[] {
  const writes: TunableWrite[] = [];
  if (command.program === 'sysctl') appendAll(writes, sysctlWrites(command));
  else if (command.program === 'systemd-sysctl' && !command.args.some((a) => ['--cat-config', '--help', '-h', '--version'].includes(a))) {
    writes.push({ command, verb: 'apply', object: 'the sysctl.d settings' });
  }
  const targets = [...command.writes];
  if (command.program === 'tee') appendAll(targets, command.args.filter((a) => !a.startsWith('-')));
  if (command.program === 'dd') appendAll(targets, command.args.filter((a) => a.startsWith('of=')).map((a) => a.slice(3)));
  for (const target of targets) {
    const path = writtenTunable(target);
    if (path) writes.push({ command, path, verb: 'write', object: target });
  }
  return writes;
}

/** Where a ReadWritePaths= item (`-/path`) or a BindPaths= item (`[-]source[:destination[:options]]`) lands. */
function mountPoint(directive: string, item: string): string {
  const plain = item.replace(/^[-+]+/, '');
  if (directive !== 'BindPaths') return plain;
  const parts = plain.split(':');
  return parts.length >= 2 && parts[1] !== '' ? parts[1] : parts[0];
}

/** ReadWritePaths= and BindPaths= mounts below /proc or on /sys: they may open a part up again. */
function reopenedTunables(model: UnitModel): string[] {
  const points: string[] = [];
  for (const directive of ['ReadWritePaths', 'BindPaths']) {
    for (const line of effectiveLines(model, directive)) {
      for (const item of listItems(line.entry.value)) {
        const point = mountPoint(directive, item);
        if (pathCovers('/sys', point) || point.startsWith('/proc/')) points.push(point);
      }
    }
  }
  return points;
}

/** Whether no ReadWritePaths=/BindPaths= mount may make the written file writable again. */
function stillReadOnly(write: TunableWrite, reopened: readonly string[]): boolean {
  // Settings files and paths with variables may reach any file below the folder.
  const folder = write.path === undefined ? '/proc/sys' : write.object.includes('$') ? write.path : undefined;
  if (folder !== undefined) return !reopened.some((r) => pathCovers(folder, r) || pathCovers(r, folder));
  return !reopened.some((r) => pathCovers(r, write.path as string));
}

/**
 * The `+` prefix on a command line other than the main process: that command then runs as root
 * without the sandbox, which is the usual way to apply kernel settings from a hardened unit.
 */
function unsandboxFix(context: RuleContext, line: CommandLine): Fix[] {
  if (line.setting === 'ExecStart' || line.line.document !== context.document) return [];
  // `+` cannot be combined with `!` or `!!`.
  if (line.prefix.includes('!')) return [];
  const start = line.line.entry.valueRange.start;
  return [{ title: `Add "+" to ${line.setting}= so that command runs as root without the sandbox`, edits: [{ range: { start, end: start }, newText: '+' }] }];
}

/** `set a and b, or write /sys/x`: the writes of one line, grouped by what they do. */
function whatFails(writes: readonly TunableWrite[]): string {
  const verbs = [...new Set(writes.map((w) => w.verb))];
  return verbs.map((verb) => `${verb} ${[...new Set(writes.filter((w) => w.verb === verb).map((w) => w.object))].join(' and ')}`).join(', or ');
}

function checkTunables(context: RuleContext, lines: readonly CommandLine[]): void {
  const { model } = context;
  const subject = lastLine(model, 'ProtectKernelTunables');
  if (!subject || parseBoolean(subject.entry.value) !== true) return;
  const reopened = reopenedTunables(model);
  const found: TunableWrite[] = [];
  for (const line of lines) {
    // Only root can write kernel tunables; for other users the write fails whatever the sandbox.
    if (!sandboxed(model, line) || !runsAsRootLine(model, line)) continue;
    for (const command of commandsOf(line)) appendAll(found, tunableWrites(command).filter((w) => stillReadOnly(w, reopened)));
  }
  if (found.length === 0) return;
  const byLine = new Map<CommandLine, TunableWrite[]>();
  for (const w of found) byLine.set(w.command.line, [...(byLine.get(w.command.line) ?? []), w]);
  // Each line's clause may hold "or" and commas of its own: clauses are joined by ", and".
  const writers = [...byLine];
  const said = shownOf(writers, NAMED_LINES);
  const parts = said.map(([line, writes]) => `${lineRef(context, line.line)} cannot ${whatFails(writes)}`);
  if (said.length < writers.length) parts.push(`${writers.length - said.length} more lines fail the same way`);
  const areas = [...new Set(found.map((w) => (w.path ? tunablesArea(w.path) : '/proc/sys')))].join(' and ');
  const message = `${lineText(subject)} makes ${areas} read-only for the service, so ${parts.join(', and ')}: the write fails as on a read-only file system.`;
  const evidence: Evidence[] = [...byLine.keys()].map((line) => ({ line: line.line, note: 'writes kernel settings' }));
  const only = [...byLine.keys()];
  const fixes = only.length === 1 ? unsandboxFix(context, only[0]) : [];
  reportBreakage(context, TUNABLES, subject, message, evidence, fixes);
}

// ---------------------------------------------------------------------------
// setuid-helper-blocked

const SETUID = 'setuid-helper-blocked';

/**
 * Programs that get their privileges from the set-user-ID or set-group-ID bit (or file
 * capabilities) and are pointless without them. runuser is left out (it is for root and not
 * set-user-ID), and so is ping (it also works through unprivileged ICMP sockets).
 */
const SETUID_PROGRAMS: ReadonlySet<string> = new Set([
  'sudo',
  'sudoedit',
  'su',
  'pkexec',
  'doas',
  'sg',
  'newgrp',
  'mount',
  'umount',
  'fusermount',
  'fusermount3',
  'newuidmap',
  'newgidmap',
  'passwd',
  'chsh',
  'chfn',
  'gpasswd',
  'crontab',
]);

/** Boolean settings whose seccomp filter makes systemd set no_new_privs for an unprivileged process. */
const SECCOMP_BOOLEANS: readonly string[] = [
  'LockPersonality',
  'MemoryDenyWriteExecute',
  'PrivateDevices',
  'ProtectClock',
  'ProtectHostname',
  'ProtectKernelTunables',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'RestrictRealtime',
  'RestrictSUIDSGID',
];

/** List settings that install a seccomp filter whenever they hold something. */
const SECCOMP_LISTS: readonly string[] = ['SystemCallFilter', 'SystemCallArchitectures', 'SystemCallLog', 'RestrictAddressFamilies'];

/** The first line in force that installs a seccomp filter, in reading order. */
function seccompLine(model: UnitModel): Assignment | undefined {
  const candidates: Assignment[] = [];
  for (const name of SECCOMP_BOOLEANS) {
    const line = lastLine(model, name);
    // Only a plain yes counts: ProtectHostname=private, for instance, installs no filter.
    if (line && parseBoolean(line.entry.value) === true) candidates.push(line);
  }
  for (const name of SECCOMP_LISTS) appendAll(candidates, effectiveLines(model, name).slice(0, 1));
  const namespaces = lastLine(model, 'RestrictNamespaces');
  if (namespaces && parseBoolean(namespaces.entry.value) !== false) candidates.push(namespaces);
  return candidates.sort((a, b) => a.order - b.order)[0];
}

interface NoNewPrivileges {
  /** The line to report on. */
  subject: Assignment;
  /** How it comes to be on, for the message. */
  reason: string;
}

/** Whether (and through which line) no_new_privs is set for commands running as the service user. */
function noNewPrivileges(model: UnitModel): NoNewPrivileges | undefined {
  const explicit = lastLine(model, 'NoNewPrivileges');
  if (explicit && parseBoolean(explicit.entry.value) === true) return { subject: explicit, reason: `${lineText(explicit)} is set` };
  const dynamic = lastLine(model, 'DynamicUser');
  if (dynamic && parseBoolean(dynamic.entry.value) === true) return { subject: dynamic, reason: `${lineText(dynamic)} turns NoNewPrivileges= on` };
  // With CAP_SYS_ADMIN the process may install seccomp filters without no_new_privs.
  if (holdsAmbient(model, 'CAP_SYS_ADMIN') || isOn(model, 'PrivateUsers')) return undefined;
  const seccomp = seccompLine(model);
  if (!seccomp) return undefined;
  const who = model.manager === 'user' ? 'a per-user service' : 'the service';
  return { subject: seccomp, reason: `${lineText(seccomp)} makes systemd turn NoNewPrivileges= on, as ${who} runs without CAP_SYS_ADMIN` };
}

function checkSetuidPrograms(context: RuleContext, lines: readonly CommandLine[]): void {
  const { model } = context;
  const found: Command[] = [];
  for (const line of lines) {
    // As root these programs need no set-user-ID bit; `+` commands run without no_new_privs.
    if (!runsUnprivileged(model, line)) continue;
    appendAll(found, commandsOf(line).filter((c) => SETUID_PROGRAMS.has(c.program)));
  }
  if (found.length === 0) return;
  const nnp = noNewPrivileges(model);
  if (!nnp) return;
  const lineList = [...new Set(found.map((c) => c.line))];
  const uses = andList(lineList, NAMED_LINES, (line) => `${[...new Set(found.filter((c) => c.line === line).map((c) => c.program))].join(', ')} in ${lineRef(context, line.line)}`, 'more lines');
  const message = `${nnp.reason}, so ${uses} cannot gain privileges: the kernel ignores the set-user-ID bit, so the program runs without the privileges it is for and fails.`;
  const evidence: Evidence[] = lineList.map((line) => ({ line: line.line, note: 'runs a set-user-ID program as an unprivileged user' }));
  const user = lastLine(model, 'User');
  if (user) evidence.push({ line: user, note: 'the commands run as this user', explains: true });
  reportBreakage(context, SETUID, nnp.subject, message, evidence);
}

// ---------------------------------------------------------------------------
// jit-memory-blocked

const JIT = 'jit-memory-blocked';

interface Runtime {
  /** Program base names. */
  names: RegExp;
  /** What happens under MemoryDenyWriteExecute=, in a few words. */
  outcome: string;
  /** Arguments that turn the compiler off, so the runtime does not need such memory. */
  off?: (args: readonly string[]) => boolean;
}

/** Emulator programs of QEMU's user mode (they translate guest code at run time). */
const QEMU_USER = /^qemu-(x86_64|i386|aarch64|aarch64_be|arm|armeb|riscv32|riscv64|ppc|ppc64|ppc64le|mips|mipsel|mips64|mips64el|mipsn32|s390x|sparc|sparc32plus|sparc64|m68k|alpha|hppa|loongarch64|sh4|sh4eb|microblaze|microblazeel|or1k|xtensa|xtensaeb|hexagon|cris|nios2)(-static)?$/;

/**
 * Runtimes that compile code to machine code while they run. Left out: .NET and Erlang, whose
 * compilers map the same memory twice (writable, and executable) and can work under the filter.
 */
const RUNTIMES: readonly Runtime[] = [
  { names: /^(java|jsvc)$/, outcome: 'the Java VM places its interpreter and compiled code in such memory and usually fails to start' },
  {
    names: /^(node|nodejs|deno|chromium|chromium-browser|google-chrome|google-chrome-stable|chrome|headless_shell)$/,
    outcome: 'the V8 engine usually crashes at start (it can run without its compiler with --jitless, more slowly)',
    off: (args) => args.some((a) => a.includes('jitless')),
  },
  { names: /^(mono|mono-sgen)$/, outcome: 'the Mono JIT cannot place its code and the program fails (mono --interpreter avoids it)', off: (args) => args.includes('--interpreter') },
  { names: /^luajit(-[\d.]+.*)?$/, outcome: 'the LuaJIT trace compiler cannot place its code; it may fail or run interpreted and slower', off: (args) => args.includes('-joff') },
  {
    names: /^pypy(\d(\.\d+)?)?$/,
    outcome: 'the PyPy JIT cannot place its code; it may fail or run interpreted and slower',
    off: (args) => args.some((a, i) => (a === '--jit' && args[i + 1] === 'off') || a === '--jit=off'),
  },
  { names: QEMU_USER, outcome: 'QEMU cannot place the host code it translates the guest program into and fails' },
  {
    names: /^qemu-system-/,
    outcome: 'without KVM, QEMU translates guest code into host code (TCG), cannot place it and fails to start the machine',
    off: (args) => args.some((a) => a === '-enable-kvm' || a === '--enable-kvm' || /(^|[,=])kvm\b/.test(a) || /accel=kvm/.test(a)),
  },
];

function runtimeOf(command: Command): Runtime | undefined {
  const runtime = RUNTIMES.find((r) => r.names.test(command.program));
  if (!runtime || runtime.off?.(command.args)) return undefined;
  return runtime;
}

function checkJitMemory(context: RuleContext, lines: readonly CommandLine[]): void {
  const { model } = context;
  const subject = lastLine(model, 'MemoryDenyWriteExecute');
  if (!subject || parseBoolean(subject.entry.value) !== true) return;
  const found: { command: Command; runtime: Runtime }[] = [];
  for (const line of lines) {
    if (line.setting !== 'ExecStart' || !sandboxed(model, line)) continue;
    for (const command of commandsOf(line)) {
      const runtime = runtimeOf(command);
      if (runtime) found.push({ command, runtime });
    }
  }
  if (found.length === 0) return;
  const first = found[0];
  const more = found.length > 1 ? ` (and ${[...new Set(found.slice(1).map((f) => f.command.program))].join(', ')})` : '';
  const message = `${lineText(subject)} forbids writable executable memory, but ${lineRef(context, first.command.line.line)} runs ${first.command.program}${more}, which compiles code while it runs: ${first.runtime.outcome}.`;
  const evidence: Evidence[] = [...new Set(found.map((f) => f.command.line))].map((line) => ({ line: line.line, note: 'runs a runtime with a JIT compiler' }));
  reportBreakage(context, JIT, subject, message, evidence);
}

// ---------------------------------------------------------------------------

export function checkCommands(context: RuleContext): void {
  const { model } = context;
  // Without the unit file, the lines it holds (User=, a `+` prefix, other commands) are unknown.
  if (context.type !== 'service' || !model.complete) return;
  const lines = commandLines(model);
  if (lines.length === 0) return;
  checkTunables(context, lines);
  checkSetuidPrograms(context, lines);
  checkJitMemory(context, lines);
}
