/**
 * path-blocked: paths the unit evidently reads or writes, against the file system protections.
 *
 * Each protection line covers some folders (ProtectSystem=strict covers `/` but leaves the API file
 * systems and the home folders alone; ReadOnlyPaths= covers its items). A path below a covered
 * folder is blocked unless an exception at least as deep covers it: ReadWritePaths=, a bind mount
 * (BindPaths=, RuntimeDirectory=, StateDirectory=, ...), a writable TemporaryFileSystem= or the
 * private /tmp. One finding per protection line lists every path it blocks.
 */
import type { Assignment, UnitModel } from '../../model/unitModel';
import type { Fix } from '../../types';
import type { RuleContext } from '../context';
import { bindDestination, DIRECTORY_BASES, effectiveLines, hasSetting, isOn, lastLine, listItems, pathCovers, stripPathPrefix } from '../pairings/effects';
import { settingsFix, type NewLine } from '../pairings/fixBuilder';
import { parseBoolean } from '../values/scalars';
import { BoundedCache } from '../values/boundedCache';
import { parentOf, pathEvidence, resolvePath, widestPath, type PathEvidence } from './pathEvidence';
import { lineRefs, lineText, reportBreakage, type Evidence } from './report';
import { andWords, shownOf } from '../../andList';
import { distinctBy } from '../../arrays';
import { trimBlanks } from '../../syntax/blanks';
import { shownHere } from '../findingHome';
import { once } from '../pairings/unitFacts';

const RULE = 'path-blocked';

// ---------------------------------------------------------------------------
// protections

/** One folder a protection line covers, and what it stops there. */
interface Cover {
  root: string;
  blocksRead: boolean;
  blocksWrite: boolean;
  /** PrivateTmp=: only paths others must find from outside the service are broken. */
  private?: true;
  /** Folders below the root that the protection leaves alone. */
  holes?: readonly string[];
}

/** What decides which fixes fit a protection. */
type Kind = 'system' | 'home-hidden' | 'home-read-only' | 'home-tmpfs' | 'read-only-paths' | 'inaccessible' | 'tmpfs' | 'private-tmp';

interface Protection {
  line: Assignment;
  kind: Kind;
  covers: Cover[];
  /** How the message says what the line does ("makes the file system read-only"). */
  effect: (blocking: readonly Cover[]) => string;
  /** Set when DynamicUser= implies the protection: how the message names it. */
  implied?: string;
}

const HOME_FOLDERS = ['/home', '/root', '/run/user'];
/** ProtectSystem=strict leaves the API file systems writable and the home folders to ProtectHome=. */
const STRICT_HOLES = ['/dev', '/proc', '/sys', ...HOME_FOLDERS];
const SYSTEM_FOLDERS: Readonly<Record<string, readonly string[]>> = {
  yes: ['/usr', '/boot', '/efi'],
  full: ['/usr', '/boot', '/efi', '/etc'],
};

const readOnly = (root: string): Cover => ({ root, blocksRead: false, blocksWrite: true });
const hidden = (root: string): Cover => ({ root, blocksRead: true, blocksWrite: true });
const fixed = (text: string) => (): string => text;
const roots = (covers: readonly Cover[]): string => andWords([...new Set(covers.map((c) => c.root))]);


/** ProtectSystem=strict: the whole file system read-only, but for the API file systems and the home folders. */
const strictCover = (): Cover => ({ root: '/', blocksRead: false, blocksWrite: true, holes: STRICT_HOLES });

/** ProtectSystem=, or the ProtectSystem=strict that DynamicUser= forces whatever ProtectSystem= says. */
function systemProtection(model: UnitModel, dynamic: Assignment | undefined): Protection | undefined {
  const line = lastLine(model, 'ProtectSystem');
  const value = trimBlanks(line?.entry.value) ?? '';
  const level = value === 'strict' || value === 'full' ? value : parseBoolean(value) === true ? 'yes' : undefined;
  if (line && level === 'strict') return { line, kind: 'system', covers: [strictCover()], effect: fixed('makes the file system read-only') };
  if (dynamic) {
    return { line: dynamic, kind: 'system', covers: [strictCover()], effect: fixed('makes the file system read-only'), implied: 'ProtectSystem=strict (a read-only file system)' };
  }
  if (!line || !level) return undefined;
  const folders = SYSTEM_FOLDERS[level];
  return { line, kind: 'system', covers: folders.map(readOnly), effect: fixed(`makes ${andWords(folders)} read-only`) };
}

/** ProtectHome=, or the ProtectHome=read-only that DynamicUser= brings when ProtectHome= is off. */
function homeProtection(model: UnitModel, dynamic: Assignment | undefined): Protection | undefined {
  const line = lastLine(model, 'ProtectHome');
  const value = trimBlanks(line?.entry.value) ?? '';
  const folders = andWords(HOME_FOLDERS);
  if (line && value === 'read-only') return { line, kind: 'home-read-only', covers: HOME_FOLDERS.map(readOnly), effect: fixed(`makes ${folders} read-only`) };
  if (line && value === 'tmpfs') return { line, kind: 'home-tmpfs', covers: HOME_FOLDERS.map(hidden), effect: fixed(`puts empty folders over ${folders}`) };
  if (line && parseBoolean(value) === true) return { line, kind: 'home-hidden', covers: HOME_FOLDERS.map(hidden), effect: fixed(`hides ${folders}`) };
  if (!dynamic) return undefined;
  return { line: dynamic, kind: 'home-read-only', covers: HOME_FOLDERS.map(readOnly), effect: fixed(`makes ${folders} read-only`), implied: `ProtectHome=read-only (read-only ${folders})` };
}

function privateTmp(model: UnitModel, dynamic: Assignment | undefined): Protection | undefined {
  const line = isOn(model, 'PrivateTmp') ? lastLine(model, 'PrivateTmp') : dynamic;
  if (!line) return undefined;
  const covers: Cover[] = ['/tmp', '/var/tmp'].map((root) => ({ root, blocksRead: false, blocksWrite: false, private: true }));
  return { line, kind: 'private-tmp', covers, effect: fixed('gives the service its own /tmp and /var/tmp'), ...(line === dynamic ? { implied: 'a private /tmp and /var/tmp' } : {}) };
}

/**
 * The paths of a list line, specifiers and `-`/`+` prefixes dealt with. A protection leaves out
 * items it cannot resolve; an exception counts them as broad as they may be (`widest`).
 */
function pathItems(context: RuleContext, line: Assignment, widest = false): readonly PathItem[] {
  const cache = ITEM_CACHES[context.manager][widest ? 1 : 0];
  return cache.get(line.entry.value, (value) => readPathItems(value, context.manager, widest));
}

interface PathItem {
  readonly path: string;
  readonly options: string;
}

function readPathItems(value: string, manager: RuleContext['manager'], widest: boolean): readonly PathItem[] {
  const items: PathItem[] = [];
  for (const item of listItems(value)) {
    const [raw, ...rest] = stripPathPrefix(item).split(':');
    const path = (widest ? widestPath : resolvePath)(raw, manager);
    if (path) items.push({ path, options: rest.join(':') });
  }
  return items;
}

/** Path lists read once per text, manager and reading: the same lists recur in a unit and across units. */
const ITEM_CACHES: Readonly<Record<RuleContext['manager'], readonly BoundedCache<readonly PathItem[]>[]>> = {
  system: [new BoundedCache(1024), new BoundedCache(1024)],
  user: [new BoundedCache(1024), new BoundedCache(1024)],
};

/** The old names (ReadOnlyDirectories=, ...) fill the same lists as the new ones. */
const PATH_LISTS: Readonly<Record<string, readonly string[]>> = {
  ReadWritePaths: ['ReadWritePaths', 'ReadWriteDirectories'],
  ReadOnlyPaths: ['ReadOnlyPaths', 'ReadOnlyDirectories'],
  InaccessiblePaths: ['InaccessiblePaths', 'InaccessibleDirectories'],
};

function pathListLines(model: UnitModel, list: string): Assignment[] {
  return (PATH_LISTS[list] ?? [list]).flatMap((name) => effectiveLines(model, name)).sort((a, b) => a.order - b.order);
}

function listProtections(context: RuleContext): Protection[] {
  const { model } = context;
  const found: Protection[] = [];
  for (const line of pathListLines(model, 'ReadOnlyPaths')) {
    found.push({ line, kind: 'read-only-paths', covers: pathItems(context, line).map((i) => readOnly(i.path)), effect: (c) => `makes ${roots(c)} read-only` });
  }
  for (const line of pathListLines(model, 'InaccessiblePaths')) {
    found.push({ line, kind: 'inaccessible', covers: pathItems(context, line).map((i) => hidden(i.path)), effect: (c) => `hides ${roots(c)}` });
  }
  for (const line of effectiveLines(model, 'TemporaryFileSystem')) {
    const covers = pathItems(context, line).map((i) => ({ root: i.path, blocksRead: true, blocksWrite: i.options.split(',').includes('ro') }));
    found.push({ line, kind: 'tmpfs', covers, effect: (c) => `puts an empty${c.every((x) => x.blocksWrite) ? ' read-only' : ''} folder over ${roots(c)}` });
  }
  return found;
}

function protections(context: RuleContext): Protection[] {
  const { model } = context;
  // DynamicUser= is for the system manager only; there it forces a sandbox of its own.
  const dynamic = context.manager === 'system' && isOn(model, 'DynamicUser') ? lastLine(model, 'DynamicUser') : undefined;
  const single = [systemProtection(model, dynamic), homeProtection(model, dynamic), privateTmp(model, dynamic)];
  return [...single.filter((p): p is Protection => p !== undefined), ...listProtections(context)];
}

// ---------------------------------------------------------------------------
// exceptions

/** A folder a setting opens again: visible with its host content (`read`), writable (`write`). */
interface Exception {
  root: string;
  read: boolean;
  write: boolean;
  /** A bind mount of a host folder: the only thing that reaches past the private /tmp. */
  bind: boolean;
}

function bindExceptions(context: RuleContext, directive: string, write: boolean): Exception[] {
  return effectiveLines(context.model, directive).flatMap((line) =>
    listItems(line.entry.value)
      .map((item) => widestPath(bindDestination(item), context.manager))
      .filter((p): p is string => p !== undefined)
      .map((root) => ({ root, read: true, write, bind: true })),
  );
}

/** The `name[:symlink[:flags]]` items of a *Directory= setting. */
function directoryItems(context: RuleContext, directive: string): { name: string; link?: string; ro: boolean }[] {
  // Read for each finding's fixes too: once per unit, not once per line of a long unit.
  return once(context.model, keyOf(`items ${directive}`), () => readDirectoryItems(context, directive));
}

function readDirectoryItems(context: RuleContext, directive: string): { name: string; link?: string; ro: boolean }[] {
  return effectiveLines(context.model, directive).flatMap((line) =>
    listItems(line.entry.value).map((item) => {
      const [name, link, flags] = item.split(':');
      return { name, ...(link ? { link } : {}), ro: (flags ?? '').split(',').includes('ro') };
    }),
  );
}

/**
 * The folders of the *Directory= settings and their symlinks. From v257 a folder is read-only when
 * any of its items says `ro`.
 */
function directoryExceptions(context: RuleContext): Exception[] {
  const found: Exception[] = [];
  for (const [directive, base] of Object.entries(DIRECTORY_BASES)) {
    const items = directoryItems(context, directive);
    const readOnlyNames = new Set(context.settings.systemdVersion >= 257 ? items.filter((i) => i.ro).map((i) => i.name) : []);
    for (const item of items) {
      for (const part of [item.name, item.link]) {
        const root = part ? widestPath(`${base}/${part}`, context.manager) : undefined;
        if (root) found.push({ root, read: true, write: !readOnlyNames.has(item.name), bind: true });
      }
    }
  }
  return found;
}

/** One key object per name, for facts worked out once per unit (see `once`). */
const FACT_KEYS = new Map<string, object>();

function keyOf(name: string): object {
  let key = FACT_KEYS.get(name);
  if (key === undefined) FACT_KEYS.set(name, (key = {}));
  return key;
}

/** What the unit's lines let through the protections: once per unit, manager and target (each finding's fixes read it). */
function exceptions(context: RuleContext): Exception[] {
  return once(context.model, keyOf(`exceptions ${context.manager} ${context.settings.systemdVersion}`), () => readExceptions(context));
}

function readExceptions(context: RuleContext): Exception[] {
  const { model } = context;
  const items = (list: string): string[] => pathListLines(model, list).flatMap((line) => pathItems(context, line, true).map((i) => i.path));
  const tmpfs = effectiveLines(model, 'TemporaryFileSystem').flatMap((line) => pathItems(context, line, true).filter((i) => !i.options.split(',').includes('ro')));
  const privateTmp = isOn(model, 'PrivateTmp') || (context.manager === 'system' && isOn(model, 'DynamicUser'));
  return distinct([
    ...items('ReadWritePaths').map((root) => ({ root, read: true, write: true, bind: false })),
    ...items('ReadOnlyPaths').map((root) => ({ root, read: true, write: false, bind: false })),
    ...bindExceptions(context, 'BindPaths', true),
    ...bindExceptions(context, 'BindReadOnlyPaths', false),
    ...directoryExceptions(context),
    // A writable tmpfs and the private /tmp take writes, but show nothing of the host.
    ...tmpfs.map((i) => ({ root: i.path, read: false, write: true, bind: false })),
    ...(privateTmp ? ['/tmp', '/var/tmp'].map((root) => ({ root, read: false, write: true, bind: false })) : []),
  ]);
}

/**
 * Each exception once: what they let through is told by the deepest of each kind over a path, so
 * one written again changes nothing (a unit of 100,000 sections opens the same few folders in each).
 */
function distinct(exceptions: readonly Exception[]): Exception[] {
  return distinctBy(exceptions, (x) => `${x.read ? 'r' : '-'}${x.write ? 'w' : '-'}${x.bind ? 'b' : '-'}${x.root}`);
}

// ---------------------------------------------------------------------------
// judging

interface Blocked {
  evidence: PathEvidence;
  protection: Protection;
  cover: Cover;
}

/**
 * How deep the exceptions over one path reach, by what they let through: the length of the
 * longest such exception folder (-1 when there is none). An exception helps against a cover when
 * its folder is at least as deep as the cover's, so the deepest one of each kind decides.
 */
interface Reach {
  bind: number;
  read: number;
  write: number;
  readWrite: number;
}

/**
 * The reach of the exceptions whose folder is the path or one above it. Exception folders are
 * normalized paths, so they are found by the path's own folders: a unit may open thousands of
 * folders, and looking at each for every path (or for every cover) would take their product.
 */
function reachOver(byRoot: ReadonlyMap<string, readonly Exception[]>, path: string): Reach {
  const reach: Reach = { bind: -1, read: -1, write: -1, readWrite: -1 };
  const add = (root: string): void => {
    for (const x of byRoot.get(root) ?? []) {
      const depth = x.root.length;
      if (x.bind) reach.bind = Math.max(reach.bind, depth);
      if (x.read) reach.read = Math.max(reach.read, depth);
      if (x.write) reach.write = Math.max(reach.write, depth);
      if (x.read && x.write) reach.readWrite = Math.max(reach.readWrite, depth);
    }
  };
  add('/');
  for (let at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1)) add(path.slice(0, at));
  if (path !== '/') add(path);
  return reach;
}

function byRootOf(open: readonly Exception[]): Map<string, Exception[]> {
  const byRoot = new Map<string, Exception[]>();
  for (const x of open) {
    const list = byRoot.get(x.root);
    if (list) list.push(x);
    else byRoot.set(x.root, [x]);
  }
  return byRoot;
}

/**
 * Whether the cover stops what the service does with the path, no exception at least as deep
 * helping. `reach`: that of the exceptions over the evidence's path (reachOver).
 */
function blocks(context: RuleContext, cover: Cover, evidence: PathEvidence, reach: Reach): boolean {
  if (!pathCovers(cover.root, evidence.path) || cover.holes?.some((h) => pathCovers(h, evidence.path))) return false;
  const depth = cover.root.length;
  if (cover.private) {
    if (!evidence.audience) return false;
    // Units that join this unit's namespace share its /tmp, so their programs can reach a socket there.
    if (evidence.audience === 'clients' && hasSetting(context.model, 'JoinsNamespaceOf')) return false;
    return reach.bind < depth;
  }
  const needRead = evidence.access !== 'write' && cover.blocksRead;
  const needWrite = evidence.access !== 'read' && cover.blocksWrite;
  if (!needRead && !needWrite) return false;
  return (needRead && needWrite ? reach.readWrite : needRead ? reach.read : reach.write) < depth;
}

/** Settings whose folders we cannot know: conclusions about them would be guesses. */
function undecidable(context: RuleContext): boolean {
  const { model } = context;
  if (!model.complete || hasSetting(model, 'RootDirectory') || hasSetting(model, 'RootImage')) return true;
  // A user's manager puts these folders below $XDG_RUNTIME_DIR and friends.
  return context.manager === 'user' && Object.keys(DIRECTORY_BASES).some((d) => hasSetting(model, d));
}

function blockedPaths(context: RuleContext): Blocked[] {
  const found: Blocked[] = [];
  // Most units have no protection at all: then nothing is blocked and the evidence need not be read.
  const protecting = protections(context);
  if (protecting.length === 0) return found;
  const evidence = pathEvidence(context.model, context.manager);
  if (evidence.length === 0) return found;
  const byRoot = byRootOf(exceptions(context));
  const reach = evidence.map((e) => reachOver(byRoot, e.path));
  for (const protection of protecting) {
    for (const [i, e] of evidence.entries()) {
      const cover = protection.covers.find((c) => blocks(context, c, e, reach[i]));
      if (cover) found.push({ evidence: e, protection, cover });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// messages

/** The evidence lines as the message names them, with the verb that agrees. */
function refs(context: RuleContext, e: PathEvidence): { text: string; say: string } {
  return { text: lineRefs(context, e.lines), say: e.lines.length > 1 ? 'say' : 'says' };
}

/** What the service does with the path, in the message and on the evidence line. */
function doing(b: Blocked): string {
  const { evidence: e, cover } = b;
  if (cover.private) return e.audience === 'systemd' ? `systemd read ${e.path} on the host, while the service writes it into its own /tmp` : `the service create ${e.path}, which other programs cannot reach in its own /tmp`;
  return e.access === 'read' ? `needs ${e.path}` : e.access === 'write' ? `writes ${e.path}` : `keeps data in ${e.path}`;
}

function note(b: Blocked): string {
  const { evidence: e, cover } = b;
  if (cover.private) return e.audience === 'systemd' ? `systemd reads ${e.path} outside the service's /tmp` : `other programs look for ${e.path} outside the service's /tmp`;
  return e.access === 'read' ? `reads ${e.path}` : e.access === 'write' ? `writes ${e.path}` : `keeps data in ${e.path}`;
}

function message(context: RuleContext, subject: Assignment, items: readonly Blocked[]): string {
  const shown = [...new Set(items.map((b) => b.protection))];
  const what = shown.every((p) => p.implied)
    ? `implies ${andWords(shown.map((p) => p.implied ?? ''))}`
    : andWords(shown.map((p) => p.effect(items.filter((b) => b.protection === p).map((b) => b.cover))));
  // Paths shown by the same lines are said in one sentence: "ExecStart=... says the service needs A and needs B".
  const groups = new Map<string, { r: ReturnType<typeof refs>; private: boolean; doings: string[]; lines: readonly Assignment[] }>();
  for (const b of items) {
    const r = refs(context, b.evidence);
    const key = `${r.text}\0${b.cover.private ? 'p' : ''}`;
    const group = groups.get(key) ?? { r, private: b.cover.private === true, doings: [], lines: b.evidence.lines };
    group.doings.push(doing(b));
    groups.set(key, group);
  }
  // A sentence for each set of lines, up to a few: lines that each show another path make one each.
  const all = [...groups.values()];
  const said = shownOf(all, SENTENCES);
  const uses = said.map(({ r, private: inTmp, doings }) =>
    inTmp ? `${r.text} ${r.say === 'say' ? 'have' : 'has'} ${andWords(doings, 6)}` : `${r.text} ${r.say} the service ${andWords(doings, 6)}`,
  );
  if (said.length < all.length) {
    const named = new Set(said.flatMap((g) => g.lines));
    const more = new Set(all.slice(said.length).flatMap((g) => g.lines.filter((line) => !named.has(line)))).size;
    uses.push(more === 0 ? 'they show more paths it blocks' : `${more} more ${more === 1 ? 'line shows' : 'lines show'} paths it blocks`);
  }
  return `${lineText(subject)} ${what}, but ${uses.join('; ')}.`;
}

/** How many sentences a message says about the lines that show blocked paths; past it, the first few and how many more lines. */
const SENTENCES = 4;

function evidenceOf(items: readonly Blocked[]): Evidence[] {
  const list: Evidence[] = [];
  for (const b of items) {
    const [main, ...vars] = b.evidence.lines;
    list.push({ line: main, note: note(b) });
    for (const v of vars) list.push({ line: v, note: `gives the path ${b.evidence.path}` });
  }
  return list;
}

// ---------------------------------------------------------------------------
// fixes

/** Folders that are too broad to open as a whole. */
const BROAD = new Set(['/', '/run', '/var', '/var/lib', '/var/log', '/var/cache', '/var/tmp', '/tmp', '/etc', '/usr', '/usr/local', '/home', '/root', '/srv', '/opt', '/run/user', '/boot', '/efi', '/var/spool', '/run/lock', '/mnt', '/media', '/dev', '/proc', '/sys']);

/** Where the service writes: the folder itself, or the folder of a file. */
function folderOf(e: PathEvidence): string {
  return e.folder ? e.path : parentOf(e.path);
}

function strictlyBelow(parent: string, child: string): boolean {
  return child !== parent && pathCovers(parent, child);
}

/**
 * RuntimeDirectory=NAME and friends for a path below /run/NAME, /var/lib/NAME, ... (system manager
 * only), when that folder lies deeper than what the protection covers.
 */
function directoryLine(context: RuleContext, e: PathEvidence, root: string): NewLine | undefined {
  if (context.manager !== 'system') return undefined;
  for (const [directive, base] of Object.entries(DIRECTORY_BASES)) {
    if (directive === 'ConfigurationDirectory' || !strictlyBelow(base, e.path)) continue;
    const rest = e.path.slice(base.length + 1);
    const name = rest.split('/')[0];
    // A file right in /run would become a folder: only paths inside /run/NAME qualify.
    if ((rest === name && !e.folder) || !strictlyBelow(root, `${base}/${name}`)) return undefined;
    // Listed already (read-only, then): another line would change nothing.
    if (directoryItems(context, directive).some((i) => i.name === name)) return undefined;
    return { directive, value: name };
  }
  return undefined;
}

/**
 * ReadWritePaths= for the folder, when it is narrower than the protection and no read-only bind
 * mount (BindReadOnlyPaths=, a `ro` StateDirectory=) holds it: that one would win or tie.
 */
function readWriteLine(context: RuleContext, e: PathEvidence, root: string): NewLine | undefined {
  const folder = folderOf(e);
  if (BROAD.has(folder) || !strictlyBelow(root, folder)) return undefined;
  if (exceptions(context).some((x) => x.bind && !x.write && pathCovers(x.root, folder))) return undefined;
  return { directive: 'ReadWritePaths', value: folder };
}

/** The ways to give the path back, best first; empty when nothing obvious does. */
function remedies(context: RuleContext, b: Blocked): NewLine[][] {
  const { evidence: e, protection, cover } = b;
  const home = HOME_FOLDERS.find((h) => strictlyBelow(h, folderOf(e)));
  const options: (NewLine[] | undefined)[] = [];
  switch (protection.kind) {
    case 'system':
    case 'read-only-paths':
    case 'home-read-only': {
      const directory = protection.kind === 'home-read-only' ? undefined : directoryLine(context, e, cover.root);
      const rw = readWriteLine(context, e, cover.root);
      options.push(directory && [directory], rw && [rw]);
      break;
    }
    case 'home-hidden': {
      const readable: NewLine = { directive: 'ProtectHome', value: 'read-only' };
      if (e.access === 'read') options.push([readable]);
      else if (home) options.push([readable, { directive: 'ReadWritePaths', value: folderOf(e) }]);
      break;
    }
    case 'home-tmpfs':
    case 'tmpfs':
      // What an empty folder hides comes back with a bind mount of the host's folder.
      if (strictlyBelow(cover.root, folderOf(e))) options.push([{ directive: e.access === 'read' ? 'BindReadOnlyPaths' : 'BindPaths', value: folderOf(e) }]);
      break;
    default:
      break;
  }
  return options.filter((o): o is NewLine[] => o !== undefined);
}

const WHAT_IT_OPENS: Readonly<Record<string, (value: string) => string>> = {
  RuntimeDirectory: (v) => `systemd creates a writable /run/${v} and removes it when the service stops`,
  StateDirectory: (v) => `systemd creates a writable /var/lib/${v} owned by the service's user`,
  CacheDirectory: (v) => `systemd creates a writable /var/cache/${v} owned by the service's user`,
  LogsDirectory: (v) => `systemd creates a writable /var/log/${v} owned by the service's user`,
  ReadWritePaths: (v) => `${v} becomes writable; it must exist when the service starts`,
  ProtectHome: () => 'every home folder becomes readable',
  BindPaths: (v) => `${v} becomes visible and writable`,
  BindReadOnlyPaths: (v) => `${v} becomes visible, read-only`,
};

function fixFor(context: RuleContext, lines: readonly NewLine[]): Fix | undefined {
  const unique = lines.filter((l, i) => lines.findIndex((m) => m.directive === l.directive && m.value === l.value) === i);
  const fix = settingsFix(context.document, context.type, unique);
  if (!fix) return undefined;
  const opens = unique.map((l) => WHAT_IT_OPENS[l.directive]?.(l.value)).filter((t): t is string => t !== undefined);
  return { ...fix, title: `${fix.title} (${opens.join('; ')})` };
}

/** A fix with every path's first remedy, and one with the second remedies where there are. */
function fixes(context: RuleContext, items: readonly Blocked[]): Fix[] {
  const choices = items.map((b) => remedies(context, b)).filter((r) => r.length > 0);
  if (choices.length === 0) return [];
  const first = fixFor(context, choices.flatMap((r) => r[0]));
  const second = choices.some((r) => r.length > 1) ? fixFor(context, choices.flatMap((r) => r[1] ?? r[0])) : undefined;
  return [first, second].filter((f): f is Fix => f !== undefined);
}

// ---------------------------------------------------------------------------

export function checkPaths(context: RuleContext): void {
  if (undecidable(context)) return;
  const byLine = new Map<Assignment, Blocked[]>();
  for (const b of blockedPaths(context)) {
    const list = byLine.get(b.protection.line) ?? [];
    if (!list.some((x) => x.evidence === b.evidence && x.cover.private === b.cover.private)) list.push(b);
    byLine.set(b.protection.line, list);
  }
  for (const [subject, items] of byLine) {
    if (!shownHere(context, subject)) continue;
    reportBreakage(context, RULE, subject, message(context, subject, items), evidenceOf(items), fixes(context, items));
  }
}
