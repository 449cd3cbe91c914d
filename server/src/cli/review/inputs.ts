/**
 * What `unitguard review` reviews, read from the command line's arguments: patches (files, mails,
 * standard input), two files or two folders, or two revisions of a git repository. Files are read
 * through the guarded reader (regular files of bounded size only), git through `runGit`.
 */
import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  fileLabel, parsePatch, patchReviewInputs, patchTargets, unitFileInfo, unitPathOf, isUnitPath, type ParsedPatch, type PatchCompanion,
  type ReviewFile, type ReviewInput, type ReviewSide, type UnitDocument,
} from '../../core';
import { checkRevision, GitError, runGit } from '../../node/git';
import { decodeUnitText, readUnitFile } from '../../node/readUnitFile';
import { unitFilesFor, unitFolderOf } from '../../node/unitFiles';
import { textCheckCost } from '../../node/memoryRoom';
import { chargeRun, GuardError, lstatOrUndefined, readGuarded, realPathOrNull, Scope, UNIT_FILE_MAX_BYTES, type RunBudget } from '../../node/guardedFs';
import { collectInputs, describeError, type InputError } from '../files';
import { appendAll } from '../../core/arrays';

/** One unit to review. */
export interface ReviewJob {
  /** The unit's path as shown. */
  path: string;
  /** Where the unit is (or would be) on disk: its `.unitguardrc` files are looked for above it. */
  absolutePath: string;
  input: ReviewInput;
  /** Texts come from a patch's hunks alone. */
  fromHunksOnly: boolean;
  notes: string[];
  /** The unit could not be read as asked (a patch that does not apply): it is reviewed as far as it could be. */
  errors: string[];
}

export interface CollectedReviews {
  jobs: ReviewJob[];
  /** Inputs that could not be read at all. */
  errors: InputError[];
  notes: string[];
  /** Files the change touches that are not units. */
  skipped: string[];
  /** Units whose files are the same on both sides (folders and git). */
  unchanged: number;
}

/** How a path is shown: relative to the current folder when below it. */
export function displayPath(uri: string, cwd: string): string {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return uri;
  }
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/') ? rel : path;
}

/** Whether a path names a file or a link (its target is checked when it is read). */
function isRegularFile(path: string): boolean {
  const stat = lstatOrUndefined(path);
  return stat !== undefined && (stat.isFile() || (stat.isSymbolicLink() && realPathOrNull(path) !== null));
}

function isFolder(path: string): boolean {
  const stat = lstatOrUndefined(path);
  return stat !== undefined && (stat.isDirectory() || (stat.isSymbolicLink() && lstatOrUndefined(realPathOrNull(path) ?? '')?.isDirectory() === true));
}

function reviewFile(document: UnitDocument): ReviewFile {
  return { uri: document.uri, text: document.tree.text };
}

function emptyRun(): CollectedReviews {
  return { jobs: [], errors: [], notes: [], skipped: [], unchanged: 0 };
}

// ---------------------------------------------------------------------------
// patches

/** Whether an error is the run's byte budget spent: the run then reviews nothing more. */
function spent(error: unknown): boolean {
  return error instanceof GuardError && error.kind === 'budget';
}

/** Reads a patch argument (`-` for standard input). */
export function readPatchText(arg: string, cwd: string, readStdin: () => Uint8Array, budget: RunBudget): string {
  // A patch named on the command line is read wherever its links lead.
  return arg === '-' ? decodeUnitText(readStdin()) : readUnitFile(resolve(cwd, arg), Scope.anywhere(budget));
}

/**
 * The unit's unchanged files on disk (the unit, its drop-ins), named as the patch names paths. A
 * unit that cannot be read is read from the hunks; drop-ins past their budget, or the run's budget
 * spent, throw.
 */
function companionsOnDisk(unitPath: string, cwd: string, scope: Scope): PatchCompanion[] {
  const absolute = resolve(cwd, unitPath);
  if (!isRegularFile(absolute)) return [];
  const companions: PatchCompanion[] = [];
  let text: string;
  try {
    text = readUnitFile(absolute, scope);
  } catch (error) {
    if (spent(error)) throw error;
    return [];
  }
  companions.push({ path: unitPath, text });
  const folder = posix.dirname(unitPath);
  for (const dropIn of unitFilesFor(absolute, scope, { heldCost: textCheckCost(text) }).dropIns ?? []) {
    const rel = relative(dirname(absolute), fileURLToPath(dropIn.uri)).split('\\').join('/');
    companions.push({ path: folder === '.' ? rel : posix.join(folder, rel), text: dropIn.tree.text });
  }
  return companions;
}

/** The units of one patch, applied to the files under `cwd` unless `hunksOnly`. */
export function patchReviews(patch: ParsedPatch, label: string, cwd: string, hunksOnly: boolean, budget: RunBudget): CollectedReviews {
  const run = emptyRun();
  for (const problem of patch.problems) run.notes.push(`${label}:${problem.line + 1}: ${problem.message}`);
  if (patch.files.length === 0) {
    run.errors.push({ path: label, message: 'holds no patch (no ---/+++ file headers with hunks)' });
    return run;
  }
  appendAll(run.skipped, patch.files.filter((f) => f.binary || !isUnitPath(f.newPath ?? f.oldPath ?? '')).map((f) => f.newPath ?? f.oldPath ?? ''));
  const texts = new Map<string, string>();
  const companions = new Map<string, PatchCompanion[]>();
  if (!hunksOnly) {
    // The files a patch names are read only inside the current folder, through links that stay there.
    const scope = Scope.within([cwd], budget);
    for (const path of patchTargets(patch)) {
      const absolute = resolve(cwd, path);
      if (!isRegularFile(absolute)) continue;
      try {
        texts.set(path, readUnitFile(absolute, scope));
      } catch (error) {
        if (spent(error)) return failed(run, path, error);
        run.notes.push(`cannot read '${path}' (${describeError(error)}): it is read from the patch's hunks`);
      }
    }
    for (const path of new Set(patchTargets(patch).map(unitPathOf))) {
      try {
        companions.set(path, companionsOnDisk(path, cwd, scope));
      } catch (error) {
        return failed(run, path, error);
      }
    }
  }
  const units = patchReviewInputs(patch, { texts, companions, uriOf: (path) => pathToFileURL(resolve(cwd, path)).href });
  for (const unit of units) {
    run.jobs.push({
      path: unit.unitPath,
      absolutePath: resolve(cwd, unit.unitPath),
      input: unit.input,
      fromHunksOnly: unit.fromHunksOnly,
      notes: unit.notes,
      errors: unit.errors,
    });
  }
  return run;
}

/** A run that reviews nothing because of `error` at `path`: a unit half read would be reviewed wrongly. */
function failed(run: CollectedReviews, path: string, error: unknown): CollectedReviews {
  run.jobs.length = 0;
  run.errors.push({ path, message: describeError(error) });
  return run;
}

/** Whether a text holds a patch (at least one file part). */
export function holdsPatch(text: string): ParsedPatch | undefined {
  const patch = parsePatch(text);
  return patch.files.length > 0 ? patch : undefined;
}

// ---------------------------------------------------------------------------
// two files

/** A unit on disk from one of its files: a unit file with its drop-ins, a drop-in with its unit. */
function sideOnDisk(absolute: string, text: string, uri: string, name: string, budget: RunBudget): ReviewSide {
  const files = unitFilesFor(absolute, Scope.within([unitFolderOf(absolute)], budget), { heldCost: textCheckCost(text) });
  const own: ReviewFile = { uri, text, name };
  if (unitFileInfo(absolute).isDropIn) {
    return { ...(files.unit ? { unit: reviewFile(files.unit) } : {}), dropIns: [own, ...(files.dropIns ?? []).map(reviewFile)] };
  }
  return { unit: own, dropIns: (files.dropIns ?? []).map(reviewFile) };
}

/** `unitguard review OLD NEW` with two files. */
export function fileReviews(oldArg: string, newArg: string, cwd: string, budget: RunBudget): CollectedReviews {
  const run = emptyRun();
  const oldPath = resolve(cwd, oldArg);
  const newPath = resolve(cwd, newArg);
  const texts: string[] = [];
  for (const [arg, path] of [[oldArg, oldPath], [newArg, newPath]]) {
    try {
      texts.push(readUnitFile(path, Scope.anywhere(budget)));
    } catch (error) {
      run.errors.push({ path: arg, message: describeError(error) });
    }
  }
  if (run.errors.length > 0) return run;
  const newUri = pathToFileURL(newPath).href;
  // An old copy named foo.service.orig is read as the unit its new name says.
  const typed = unitFileInfo(oldPath).type !== undefined || unitFileInfo(newPath).type === undefined;
  const oldUri = typed ? pathToFileURL(oldPath).href : pathToFileURL(join(dirname(oldPath), basename(newPath))).href;
  const name = fileLabel(newUri);
  let before: ReviewSide;
  let after: ReviewSide;
  try {
    before = sideOnDisk(oldPath, texts[0] as string, oldUri, name, budget);
    after = sideOnDisk(newPath, texts[1] as string, newUri, name, budget);
  } catch (error) {
    return failed(run, newArg, error);
  }
  run.jobs.push({
    path: newArg,
    absolutePath: newPath,
    input: { before, after },
    fromHunksOnly: false,
    notes: typed ? [] : [`${oldArg} is read as ${basename(newPath)}`],
    errors: [],
  });
  return run;
}

// ---------------------------------------------------------------------------
// two folders

interface TreeFile {
  uri: string;
  text: string;
  /** The name that pairs the file's findings before and after (a renamed unit's new name). */
  name?: string;
}

/** The unit files of a folder, read within the run's budget; undefined once the budget is spent. */
function readTree(arg: string, cwd: string, run: CollectedReviews, budget: RunBudget): Map<string, TreeFile> | undefined {
  const root = resolve(cwd, arg);
  const collected = collectInputs([arg], cwd, undefined, budget);
  for (const error of collected.errors) run.errors.push(error);
  appendAll(run.notes, collected.notes.filter((n) => n.startsWith('skipping')));
  const files = new Map<string, TreeFile>();
  for (const input of collected.inputs) {
    if (input.kind !== 'file') continue;
    try {
      const scope = collected.scopes.get(input.root) ?? Scope.within([input.root], budget);
      files.set(relative(root, input.absolutePath).split('\\').join('/'), { uri: pathToFileURL(input.absolutePath).href, text: readUnitFile(input.absolutePath, scope) });
    } catch (error) {
      run.errors.push({ path: input.path, message: describeError(error) });
      if (spent(error)) return undefined;
    }
  }
  return files;
}

/** Groups the files of two sides by unit and keeps the units whose files differ. */
function changedUnits(before: Map<string, TreeFile>, after: Map<string, TreeFile>, run: CollectedReviews): Map<string, { before: Map<string, TreeFile>; after: Map<string, TreeFile> }> {
  const units = new Map<string, { before: Map<string, TreeFile>; after: Map<string, TreeFile> }>();
  for (const [side, files] of [['before', before], ['after', after]] as const) {
    for (const [path, file] of files) {
      const unitPath = unitPathOf(path);
      let unit = units.get(unitPath);
      if (!unit) units.set(unitPath, (unit = { before: new Map(), after: new Map() }));
      unit[side].set(path, file);
    }
  }
  for (const [path, unit] of units) {
    const same = unit.before.size === unit.after.size && [...unit.before].every(([p, f]) => unit.after.get(p)?.text === f.text);
    if (same) {
      units.delete(path);
      run.unchanged++;
    }
  }
  return units;
}

function sideOf(unitPath: string, files: Map<string, TreeFile>): ReviewSide {
  const side: ReviewSide = {};
  const dropIns: ReviewFile[] = [];
  for (const [path, file] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const reviewed: ReviewFile = { uri: file.uri, text: file.text, ...(file.name !== undefined ? { name: file.name } : {}) };
    if (path === unitPath) side.unit = reviewed;
    else dropIns.push(reviewed);
  }
  if (dropIns.length > 0) side.dropIns = dropIns;
  return side;
}

/** `unitguard review OLD NEW` with two folders: the units whose files differ. */
export function folderReviews(oldArg: string, newArg: string, cwd: string, budget: RunBudget): CollectedReviews {
  const run = emptyRun();
  // A side half read would show the units left out as removed: past the budget nothing is reviewed.
  const before = readTree(oldArg, cwd, run, budget);
  const after = before && readTree(newArg, cwd, run, budget);
  if (!before || !after) return run;
  for (const [unitPath, unit] of changedUnits(before, after, run)) {
    run.jobs.push({
      path: posix.join(newArg.split('\\').join('/'), unitPath),
      absolutePath: resolve(cwd, newArg, unitPath),
      input: { before: sideOf(unitPath, unit.before), after: sideOf(unitPath, unit.after) },
      fromHunksOnly: false,
      notes: [],
      errors: [],
    });
  }
  return run;
}

// ---------------------------------------------------------------------------
// git

interface Revisions {
  base: string;
  /** Undefined: the working tree. */
  head: string | undefined;
}

/** `BASE`, `BASE..HEAD` or `BASE...HEAD` (from where the two histories meet). */
function readRevisions(range: string, root: string): Revisions {
  const three = range.indexOf('...');
  const two = range.indexOf('..');
  const verify = (rev: string) => runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${checkRevision(rev)}^{commit}`], { cwd: root }).toString('utf8').trim();
  if (three >= 0) {
    const a = verify(range.slice(0, three) || 'HEAD');
    const b = verify(range.slice(three + 3) || 'HEAD');
    return { base: runGit(['merge-base', a, b], { cwd: root }).toString('utf8').trim(), head: b };
  }
  if (two >= 0) return { base: verify(range.slice(0, two) || 'HEAD'), head: verify(range.slice(two + 2) || 'HEAD') };
  return { base: verify(range), head: undefined };
}

/** A path that differs between the two sides: its name on each side (undefined where it is missing). */
interface Change {
  oldPath: string | undefined;
  newPath: string | undefined;
}

/**
 * Paths (from the repository's top) whose contents differ between the revisions, with renames.
 * Against the working tree, git compares BASE with the index only, from stored objects; the
 * tracked files are then compared with the index here, since git would run the repository's
 * filters and file-system monitor to compare them itself.
 */
function changedPaths(revisions: Revisions, root: string, budget: RunBudget): Change[] {
  if (revisions.head !== undefined) return nameStatus(runGit(['diff-tree', '-r', '-z', '-M', '--name-status', revisions.base, revisions.head, '--'], { cwd: root }));
  const changes = nameStatus(runGit(['diff-index', '--cached', '-z', '-M', '--name-status', revisions.base, '--'], { cwd: root }));
  const listed = new Set(changes.flatMap((c) => [c.oldPath, c.newPath]));
  for (const path of unstagedUnitPaths(root, budget)) if (!listed.has(path)) changes.push({ oldPath: path, newPath: path });
  return changes;
}

/** The changes of `git diff-tree` or `diff-index` with `--name-status -z`. */
function nameStatus(output: Buffer): Change[] {
  const fields = output.toString('utf8').split('\0');
  const changes: Change[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++] as string;
    if (status.startsWith('R') || status.startsWith('C')) {
      const oldPath = fields[i++];
      const newPath = fields[i++];
      changes.push({ oldPath: status.startsWith('R') ? oldPath : undefined, newPath });
      if (status.startsWith('C')) changes.push({ oldPath, newPath: oldPath });
    } else {
      const path = fields[i++];
      changes.push({ oldPath: status === 'A' ? undefined : path, newPath: status === 'D' ? undefined : path });
    }
  }
  return changes;
}

/** Tracked unit files whose working-tree content is not what the index holds, or that are gone. */
function unstagedUnitPaths(root: string, budget: RunBudget): string[] {
  const algorithm = runGit(['rev-parse', '--show-object-format'], { cwd: root }).toString('utf8').trim();
  const scope = Scope.within([root], budget);
  const changed: string[] = [];
  // With -t each entry starts with its status: S for a file a sparse checkout leaves out of the
  // working tree, which is not there to compare and has not changed.
  for (const record of runGit(['ls-files', '-z', '--stage', '-t'], { cwd: root }).toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [tag, mode, id] = record.slice(0, tab).split(' ');
    if (tag === 'S') continue;
    const path = record.slice(tab + 1);
    // A path in conflict is listed once per stage.
    if (!isUnitPath(path) || changed[changed.length - 1] === path) continue;
    if (workingObjectId(join(root, path), mode, algorithm, scope) !== id) changed.push(path);
  }
  return changed;
}

/** The id git would store a working-tree file under (a link stores its target); undefined when it cannot be read. */
function workingObjectId(path: string, mode: string, algorithm: string, scope: Scope): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = mode === '120000' ? Buffer.from(readlinkSync(path)) : readGuarded(path, UNIT_FILE_MAX_BYTES, scope);
  } catch (error) {
    if (spent(error)) throw error;
    return undefined;
  }
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The files of a unit at a revision (or in the working tree): the unit and its drop-in folders. */
function unitFilesAt(unitPath: string, revision: string | undefined, root: string, budget: RunBudget): Map<string, TreeFile> {
  const files = new Map<string, TreeFile>();
  const info = unitFileInfo(unitPath);
  const folder = posix.dirname(unitPath);
  const folders = info.type ? [`${unitPath}.d`, posix.join(folder, `${info.type}.d`)] : [];
  const uri = (path: string) => pathToFileURL(join(root, path)).href;
  if (revision === undefined) {
    // The working tree is read only inside the repository, through links that stay there.
    const scope = Scope.within([root], budget);
    for (const path of [unitPath, ...folders.flatMap((f) => confFilesOnDisk(root, f))]) {
      if (!isRegularFile(join(root, path))) continue;
      files.set(path, { uri: uri(path), text: readUnitFile(join(root, path), scope) });
    }
    return files;
  }
  const listed = runGit(['ls-tree', '-z', '--name-only', revision, '--', unitPath, ...folders.map((f) => `${f}/`)], { cwd: root }).toString('utf8').split('\0');
  for (const path of listed) {
    if (path === '' || (path !== unitPath && !path.endsWith('.conf'))) continue;
    const blob = runGit(['cat-file', 'blob', `${revision}:${path}`], { cwd: root });
    chargeRun(budget, blob.length);
    files.set(path, { uri: uri(path), text: decodeUnitText(blob) });
  }
  return files;
}

function confFilesOnDisk(root: string, folder: string): string[] {
  const absolute = join(root, folder);
  if (!isFolder(absolute)) return [];
  const collected = collectInputs([absolute], root);
  return collected.inputs.flatMap((i) => (i.kind === 'file' && i.absolutePath.endsWith('.conf') && dirname(i.absolutePath) === absolute ? [posix.join(folder, basename(i.absolutePath))] : []));
}

/** `unitguard review --git BASE[..HEAD]`: the units a range of commits (or the working tree against BASE) changes. */
export function gitReviews(range: string, cwd: string, budget: RunBudget): CollectedReviews {
  const run = emptyRun();
  let root: string;
  try {
    root = runGit(['rev-parse', '--show-toplevel'], { cwd }).toString('utf8').trim();
  } catch (error) {
    run.errors.push({ path: cwd, message: error instanceof GitError ? `not in a git repository (${error.message})` : describeError(error) });
    return run;
  }
  // A repository's configuration can set its work tree anywhere (`core.worktree=/`): files are
  // read only in the folder that holds the repository's `.git`.
  if (lstatOrUndefined(join(root, '.git')) === undefined) {
    run.errors.push({ path: cwd, message: `the repository's work tree ${root} does not hold its .git: its files are not read` });
    return run;
  }
  try {
    const revisions = readRevisions(range, root);
    const changes = changedPaths(revisions, root, budget);
    // Each unit once, as the pair of its paths before and after (a renamed unit keeps its findings' pairing).
    const pairs = new Map<string, { before: string; after: string }>();
    for (const change of changes) {
      const path = change.newPath ?? change.oldPath ?? '';
      if (!isUnitPath(path)) {
        run.skipped.push(path);
        continue;
      }
      const before = unitPathOf(change.oldPath ?? path);
      const after = unitPathOf(change.newPath ?? path);
      if (![...pairs.values()].some((p) => p.after === after)) pairs.set(`${before}\0${after}`, { before, after });
    }
    for (const { before: beforePath, after: afterPath } of pairs.values()) {
      const before = unitFilesAt(beforePath, revisions.base, root, budget);
      const after = unitFilesAt(afterPath, revisions.head, root, budget);
      const rename = (path: string) => (beforePath === afterPath ? path : afterPath + path.slice(beforePath.length));
      const same = before.size === after.size && [...before].every(([p, f]) => after.get(rename(p))?.text === f.text);
      if (same) {
        run.unchanged++;
        continue;
      }
      const named = (files: Map<string, TreeFile>, relabel: boolean) =>
        new Map([...files].map(([p, f]) => [p, { ...f, name: fileLabel(pathToFileURL(join(root, relabel ? rename(p) : p)).href) }]));
      const absolute = join(root, afterPath);
      run.jobs.push({
        path: relative(cwd, absolute) || afterPath,
        absolutePath: absolute,
        input: { before: sideOf(beforePath, named(before, true)), after: sideOf(afterPath, named(after, false)) },
        fromHunksOnly: false,
        notes: beforePath === afterPath ? [] : [`renamed from ${beforePath}`],
        errors: [],
      });
    }
  } catch (error) {
    if (spent(error)) return failed(run, range, error);
    run.errors.push({ path: range, message: error instanceof Error ? error.message : String(error) });
  }
  return run;
}
