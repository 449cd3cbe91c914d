/**
 * Paths the unit's own lines show the service reading or writing: PIDFile=, WorkingDirectory=,
 * absolute paths in Environment= whose variable name says what they are for, and the values of
 * well-known command options (`--pid-file=/run/app.pid`, `-c /etc/app.conf`), `$VAR` included.
 * EnvironmentFile= is not evidence: the manager reads those files before it sets up the sandbox.
 */
import type { ManagerKind } from '../../model/manager';
import type { Assignment, UnitModel } from '../../model/unitModel';
import { commandArgv } from '../values/commandWords';
import { BoundedCache } from '../values/boundedCache';
import { commandLines, environment, mainProcessUnsandboxed, sandboxed, type CommandLine, type Variable } from './commandLines';
import { lastLine } from '../pairings/effects';
import { trimBlanks } from '../../syntax/blanks';

/** What the service does with a path: reads it, writes it, or keeps data there (both). */
export type Access = 'read' | 'write' | 'readwrite';

/** Who else must reach the path from outside the service's namespace. */
export type Audience = 'systemd' | 'clients';

export interface PathEvidence {
  /** Absolute, normalized (`/var/run` is `/run`). */
  path: string;
  access: Access;
  /** The path names a folder (else a file, whose folder is its parent). */
  folder: boolean;
  /** Set when someone outside the service must find the path: systemd (PID files) or clients (sockets). */
  audience?: Audience;
  /** The line that shows it first, then the Environment= lines whose variables it uses. */
  lines: Assignment[];
}

// ---------------------------------------------------------------------------
// paths

/** Compatibility symlinks of the usual file system layout. */
const ALIASES: readonly (readonly [string, string])[] = [
  ['/var/run', '/run'],
  ['/var/lock', '/run/lock'],
];

/** `/a//b/./c/` → `/a/b/c`; undefined for relative paths and paths with `..`. */
export function normalizePath(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return undefined;
  let result = `/${parts.join('/')}`;
  for (const [alias, target] of ALIASES) {
    if (result === alias || result.startsWith(`${alias}/`)) result = target + result.slice(alias.length);
  }
  return result;
}

/** Specifiers whose value the system manager fixes (`%t` is /run, `%S` /var/lib, ...). */
const SYSTEM_SPECIFIERS: Readonly<Record<string, string>> = {
  t: '/run',
  S: '/var/lib',
  C: '/var/cache',
  L: '/var/log',
  E: '/etc',
  T: '/tmp',
  V: '/var/tmp',
};

/**
 * A value with `%%` and the specifiers the system manager fixes filled in. Undefined when it still
 * holds a specifier or a variable we cannot know.
 */
export function fillSpecifiers(raw: string, manager: ManagerKind): string | undefined {
  let unknown = false;
  // A "%" before anything but a letter or digit, or at the end, is no specifier: systemd keeps it.
  const filled = raw.replace(/%([\s\S]|$)/g, (_whole, c: string) => {
    if (c === '%' || c === '') return '%';
    if (!/^[A-Za-z0-9]$/.test(c)) return `%${c}`;
    const known = manager === 'system' ? SYSTEM_SPECIFIERS[c] : undefined;
    if (known === undefined) unknown = true;
    return known ?? '';
  });
  return unknown || filled.includes('$') ? undefined : filled;
}

/**
 * The folder an exception opens at least: the path itself when known, else the part before the
 * first component we cannot know (`/run/%i/x` opens something below /run). Counting it that broad
 * keeps an unknown exception from ever making a path look blocked.
 */
export function widestPath(raw: string, manager: ManagerKind): string | undefined {
  const known = resolvePath(raw, manager);
  if (known || (!raw.startsWith('/') && !raw.startsWith('%'))) return known;
  const parts = raw.split('/');
  const cut = parts.findIndex((p) => fillSpecifiers(p, manager) === undefined);
  const prefix = fillSpecifiers(parts.slice(0, Math.max(cut, 0)).join('/'), manager) ?? '';
  return normalizePath(`/${prefix}`) ?? '/';
}

/** A path as the service sees it: specifiers filled in, normalized; undefined when unknown or relative. */
export function resolvePath(raw: string, manager: ManagerKind): string | undefined {
  return RESOLVED[manager].get(raw, (text) => {
    const filled = fillSpecifiers(text, manager);
    return filled === undefined ? NOT_RESOLVED : normalizePath(filled) ?? NOT_RESOLVED;
  }) || undefined;
}

/** Paths resolved once per text and manager ('' for a path that cannot be resolved). */
const NOT_RESOLVED = '';
const RESOLVED: Readonly<Record<ManagerKind, BoundedCache<string>>> = { system: new BoundedCache(2048), user: new BoundedCache(2048) };

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

// ---------------------------------------------------------------------------
// command options

interface OptionMeaning {
  access: Access;
  folder: boolean;
  audience?: Audience;
  /** Only a value ending like this counts (`-p` is a PID file only as `-p /x.pid`). */
  suffix?: string;
  /** The option names a file the program writes only when it runs as the service itself. */
  mainOnly: boolean;
}

const PID_FILE: OptionMeaning = { access: 'write', folder: false, mainOnly: true };
/**
 * A socket option may name the socket a server creates or the one a client connects to; connecting
 * works on a read-only mount, so a socket only counts as a path that must stay reachable.
 */
const SOCKET: OptionMeaning = { access: 'read', folder: false, audience: 'clients', mainOnly: true };
const WRITTEN_FILE: OptionMeaning = { access: 'write', folder: false, mainOnly: true };
const DATA_FOLDER: OptionMeaning = { access: 'readwrite', folder: true, mainOnly: true };
const RUN_FOLDER: OptionMeaning = { access: 'write', folder: true, mainOnly: true };
const CONFIG: OptionMeaning = { access: 'read', folder: false, mainOnly: false };

/** Long options (one or two leading dashes), by name. */
const LONG_OPTIONS: Readonly<Record<string, OptionMeaning>> = {
  'pid-file': PID_FILE,
  pidfile: PID_FILE,
  socket: SOCKET,
  sock: SOCKET,
  'unix-socket': SOCKET,
  'log-file': WRITTEN_FILE,
  logfile: WRITTEN_FILE,
  'lock-file': WRITTEN_FILE,
  'state-dir': DATA_FOLDER,
  'data-dir': DATA_FOLDER,
  datadir: DATA_FOLDER,
  'run-dir': RUN_FOLDER,
  rundir: RUN_FOLDER,
  config: CONFIG,
  conf: CONFIG,
  'config-file': CONFIG,
};

/** Short options, always followed by their value as the next word. */
const SHORT_OPTIONS: Readonly<Record<string, OptionMeaning>> = {
  p: { ...PID_FILE, suffix: '.pid' },
  c: CONFIG,
};

/** Programs whose `-c` is a script, not a configuration file. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'busybox', 'su', 'runuser']);

/**
 * Programs that only read a PID file named by their options, unless told to write it
 * (start-stop-daemon writes it with --make-pidfile / -m).
 */
const PID_FILE_READERS: Readonly<Record<string, readonly string[]>> = {
  'start-stop-daemon': ['--make-pidfile', '-m'],
};

interface OptionHit {
  meaning: OptionMeaning;
  value: string;
  /** Indexes of the words the option and its value come from. */
  words: number[];
}

/** The options with a path value among the words of a command line or a script. */
function optionHits(words: readonly string[], program: string): OptionHit[] {
  const hits: OptionHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    // Options start with a dash; most words do not.
    if (word.charCodeAt(0) !== 45) continue;
    const long = /^--?([a-z][a-z-]+)(?:=(.*))?$/.exec(word);
    if (long) {
      const meaning = LONG_OPTIONS[long[1]];
      if (!meaning) continue;
      if (long[2] !== undefined) hits.push({ meaning, value: long[2], words: [i] });
      else if (i + 1 < words.length) hits.push({ meaning, value: words[i + 1], words: [i, i + 1] });
      continue;
    }
    const short = /^-([a-z])$/.exec(word);
    if (short && i + 1 < words.length) {
      const meaning = SHORT_OPTIONS[short[1]];
      if (!meaning || (short[1] === 'c' && SHELLS.has(program))) continue;
      if (meaning.suffix && !words[i + 1].endsWith(meaning.suffix)) continue;
      hits.push({ meaning, value: words[i + 1], words: [i, i + 1] });
    }
  }
  const writes = PID_FILE_READERS[program];
  if (writes && !words.some((w) => writes.includes(w))) return hits.filter((h) => h.meaning !== PID_FILE && h.meaning.suffix === undefined);
  return hits;
}

/** The program of a script whose options we must read with care (start-stop-daemon), else `sh`. */
function scriptProgram(words: readonly string[]): string {
  return words.map((w) => w.slice(w.lastIndexOf('/') + 1)).find((w) => PID_FILE_READERS[w] !== undefined) ?? 'sh';
}

/** The Environment= variables a word of the command line refers to (`$VAR`, `${VAR}`). */
function variablesIn(word: string, variables: ReadonlyMap<string, Variable>): Variable[] {
  const used: Variable[] = [];
  if (!word.includes('$')) return used;
  for (const m of word.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const v = variables.get(m[1] ?? m[2]);
    if (v && !used.includes(v)) used.push(v);
  }
  return used;
}


/** Interpreters whose first argument that is an absolute path is the program they read. */
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|nodejs|php[0-9.]*|bash|sh|dash|lua[0-9.]*|java)$/;

/**
 * The program each sandboxed command line starts, and the script an interpreter reads: both must
 * be reachable (a program under /home with ProtectHome=yes fails with 203/EXEC).
 */
function programEvidence(model: UnitModel, manager: ManagerKind): PathEvidence[] {
  const found: PathEvidence[] = [];
  for (const command of commandLines(model)) {
    if (!sandboxed(model, command)) continue;
    const paths = [command.argv[0]];
    if (INTERPRETERS.test(command.program)) {
      const script = command.argv.slice(1).find((w) => !w.startsWith('-'));
      if (script?.startsWith('/')) paths.push(script);
    }
    for (const raw of paths) {
      const path = raw?.startsWith('/') ? resolvePath(raw, manager) : undefined;
      if (path) found.push({ path, access: 'read', folder: false, lines: [command.line] });
    }
  }
  return found;
}

/** What an option of a command line shows, without the line itself: the same command lines recur. */
interface OptionPath {
  path: string;
  access: Access;
  folder: boolean;
  audience?: Audience;
  /** The Environment= lines whose variables the option uses. */
  variableLines: readonly Assignment[];
}

function optionEvidence(model: UnitModel, manager: ManagerKind, variables: ReadonlyMap<string, Variable>): PathEvidence[] {
  const found: PathEvidence[] = [];
  // Within a unit the variables are fixed, so a line's options show the same paths wherever its text recurs.
  const byText = new Map<string, readonly OptionPath[]>();
  for (const command of commandLines(model)) {
    if (!sandboxed(model, command)) continue;
    const key = `${command.setting}\0${command.line.entry.value}`;
    let paths = byText.get(key);
    if (!paths) byText.set(key, (paths = optionPaths(command, manager, variables)));
    for (const p of paths) {
      const e: PathEvidence = { path: p.path, access: p.access, folder: p.folder, lines: [command.line, ...p.variableLines] };
      if (p.audience) e.audience = p.audience;
      found.push(e);
    }
  }
  return found;
}

function optionPaths(command: CommandLine, manager: ManagerKind, variables: ReadonlyMap<string, Variable>): readonly OptionPath[] {
  const found: OptionPath[] = [];
  // The words as written, for the variables they use: split only when an option is found.
  let raw: readonly string[] | undefined;
  const rawWords = (): readonly string[] => (raw ??= commandArgv(command.line.entry.value).map((w) => w.text));
  // The words of the line itself, then those of the script it hands to a shell (no variable tracking there).
  const sources: { words: readonly string[]; program: string; own: boolean }[] = [{ words: command.argv, program: command.program, own: true }];
  if (command.script.length > 0) sources.push({ words: command.script, program: scriptProgram(command.script), own: false });
  for (const source of sources) {
    for (const hit of optionHits(source.words, source.program)) {
      if (hit.meaning.mainOnly && command.setting !== 'ExecStart') continue;
      const path = resolvePath(hit.value, manager);
      if (!path || (hit.meaning.suffix && !path.endsWith(hit.meaning.suffix))) continue;
      const used = source.own ? hit.words.flatMap((i) => variablesIn(rawWords()[i] ?? '', variables)) : [];
      const option: OptionPath = { path, access: hit.meaning.access, folder: hit.meaning.folder, variableLines: [...new Set(used.map((u) => u.line))] };
      if (hit.meaning.audience) option.audience = hit.meaning.audience;
      found.push(option);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// environment

/** Words of a variable name that say the path is written (or holds the service's data). */
// Socket and log variables are left out: a client connects to a socket and a log reader reads logs.
const WRITTEN_WORDS = new Set(['pid', 'pidfile', 'piddir', 'run', 'rundir', 'runtime', 'lock', 'lockfile', 'lockdir', 'cache', 'cachedir']);
const DATA_WORDS = new Set(['state', 'statedir', 'data', 'datadir']);
/** Words that make it something read after all (`LOG_CONFIG`, `DATA_TEMPLATE_DIR`). */
const READ_WORDS = new Set(['conf', 'config', 'cfg', 'etc', 'bin', 'sbin', 'lib', 'libexec', 'share', 'plugin', 'plugins', 'include', 'src', 'template', 'templates', 'doc', 'docs', 'static', 'www', 'html', 'cert', 'certs', 'key', 'keys', 'ssl', 'tls', 'schema', 'module', 'modules']);
const FILE_WORDS = new Set(['pid', 'pidfile', 'sock', 'socket', 'logfile', 'lockfile', 'file']);

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
    .filter((w) => w !== '');
}

/** What a variable's name says about its path, or undefined when it says nothing we rely on. */
function variableMeaning(name: string, value: string): Pick<PathEvidence, 'access' | 'folder' | 'audience'> | undefined {
  if (name === 'HOME') return { access: 'read', folder: true };
  const words = nameWords(name);
  if (words.some((w) => READ_WORDS.has(w))) return undefined;
  const data = words.some((w) => DATA_WORDS.has(w));
  if (!data && !words.some((w) => WRITTEN_WORDS.has(w))) return undefined;
  const file = words.some((w) => FILE_WORDS.has(w)) || (!words.some((w) => w.endsWith('dir') || w === 'directory' || w === 'home') && /\.[A-Za-z0-9]+$/.test(value));
  const socket = words.some((w) => w === 'sock' || w === 'socket');
  return { access: data ? 'readwrite' : 'write', folder: !file, ...(socket && file ? { audience: 'clients' as const } : {}) };
}

/** Folders of the operating system and of its configuration: a variable naming a path there names something read. */
const SYSTEM_FOLDERS = ['/usr', '/etc', '/boot', '/efi', '/dev', '/proc', '/sys'];

function environmentEvidence(manager: ManagerKind, variables: ReadonlyMap<string, Variable>): PathEvidence[] {
  const found: PathEvidence[] = [];
  for (const variable of variables.values()) {
    // `A:B` lists (search paths) name no single folder.
    if (variable.value.includes(':')) continue;
    const meaning = variableMeaning(variable.name, variable.value);
    const path = meaning ? resolvePath(variable.value, manager) : undefined;
    if (!meaning || !path || (meaning.access !== 'read' && SYSTEM_FOLDERS.some((f) => path === f || path.startsWith(`${f}/`)))) continue;
    found.push({ path, ...meaning, lines: [variable.line] });
  }
  return found;
}

// ---------------------------------------------------------------------------
// PIDFile= and WorkingDirectory=

function pidFileEvidence(model: UnitModel, manager: ManagerKind): PathEvidence[] {
  const line = lastLine(model, 'PIDFile');
  if (!line) return [];
  const value = fillSpecifiers(trimBlanks(line.entry.value), manager);
  // A relative PID file lives below /run for the system manager (below $XDG_RUNTIME_DIR for a user's).
  const absolute = value?.startsWith('/') ? value : value && manager === 'system' ? `/run/${value}` : undefined;
  const path = absolute ? normalizePath(absolute) : undefined;
  return path ? [{ path, access: 'write', folder: false, audience: 'systemd', lines: [line] }] : [];
}

function workingDirectoryEvidence(model: UnitModel, manager: ManagerKind): PathEvidence[] {
  const line = lastLine(model, 'WorkingDirectory');
  const value = trimBlanks(line?.entry.value);
  // `-` makes a missing folder harmless; `~` is the user's home, which the unit does not name.
  if (!line || !value || value.startsWith('-') || value.startsWith('~')) return [];
  const path = resolvePath(value, manager);
  return path ? [{ path, access: 'read', folder: true, lines: [line] }] : [];
}

// ---------------------------------------------------------------------------

/** What several lines show of one path, gathered: the lines in the order they show it, each once. */
interface Gathered {
  first: PathEvidence;
  count: number;
  reads: boolean;
  writes: boolean;
  folder: boolean;
  audience?: Audience;
  lines: Set<Assignment>;
}

function gather(into: Gathered | undefined, e: PathEvidence): Gathered {
  if (!into) return { first: e, count: 1, reads: e.access !== 'write', writes: e.access !== 'read', folder: e.folder, ...(e.audience ? { audience: e.audience } : {}), lines: new Set(e.lines) };
  into.count++;
  into.reads ||= e.access !== 'write';
  into.writes ||= e.access !== 'read';
  into.folder &&= e.folder;
  into.audience ??= e.audience;
  for (const line of e.lines) into.lines.add(line);
  return into;
}

/** The evidence of a path as one entry: reading and writing add up, and a path shown once stays as it was. */
function merged(g: Gathered): PathEvidence {
  if (g.count === 1) return g.first;
  const access: Access = g.reads && g.writes ? 'readwrite' : g.writes ? 'write' : 'read';
  return { path: g.first.path, access, folder: g.folder, ...(g.audience ? { audience: g.audience } : {}), lines: [...g.lines] };
}

/**
 * Every path the unit shows the service using, one entry per path (what several lines show of the
 * same path is merged). Lines that run outside the sandbox (`+` commands) show nothing.
 */
export function pathEvidence(model: UnitModel, manager: ManagerKind): PathEvidence[] {
  const variables = environment(model);
  // A main process started with `+` runs outside the sandbox: what it reads and writes is not blocked.
  const mainOutside = mainProcessUnsandboxed(model);
  const all = [
    ...(mainOutside ? [] : [...pidFileEvidence(model, manager), ...workingDirectoryEvidence(model, manager), ...environmentEvidence(manager, variables)]),
    ...optionEvidence(model, manager, variables),
    ...programEvidence(model, manager),
  ];
  const byPath = new Map<string, Gathered>();
  for (const e of all) byPath.set(e.path, gather(byPath.get(e.path), e));
  return [...byPath.values()].map(merged);
}

