/**
 * Open patch documents, reviewed: each unit the patch changes, with its old text taken from the
 * workspace when the file the patch names is there (an open document first, else the file on
 * disk, read through the guarded reader), else built from the hunks alone. A review is worked out
 * once per version of the patch and of the texts it was made from: diagnostics, lenses, hover and
 * the report share it.
 */
import { parsePatch, patchTargets, reviewPatchDocument, unitPathOf, type ParsedPatch, type PatchCompanion, type PatchDocument, type PatchUnit, type Settings } from '../core';
import type { FileAccess, WorkspaceFile } from './fileAccess';
import type { DocumentStore } from './documentStore';
import type { OpenText } from './textSync';
import type { UnitState } from './unitState';
import { encodeUriText } from '../core/uriNames';

/** The scheme of the texts a patch's hunks alone make: no file stands behind them. */
export const HUNKS_SCHEME = 'unitguard-patch';

/** A URI for a path of a patch whose file is not at hand (`unitguard-patch:///nftables.service`). */
export function hunksUri(path: string): string {
  return `${HUNKS_SCHEME}:///${path.replace(/^\/+/, '').split('/').map(encodeUriText).join('/')}`;
}

/** A path of a patch joined to a folder of the patch (both `/`-separated, the folder '.' for the top). */
function joinPatchPath(folder: string, path: string): string {
  if (folder === '.') return path;
  const parts: string[] = [];
  for (const part of `${folder}/${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The folder of a path of a patch ('.' for a file at the top). */
function patchFolder(path: string): string {
  const slash = path.replace(/\/+$/, '').lastIndexOf('/');
  return slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
}

/** A file of the workspace that a path of the patch names. */
interface Resolved {
  absolute: string;
  uri: string;
  text: string;
}

/** What a review was made from: when all of it is the same, so is the review. */
interface Inputs {
  /** The patch as parsed (a new parse for each text of it). */
  patch: ParsedPatch;
  values: unknown[];
}

interface Entry {
  inputs: Inputs;
  review: PatchDocument;
  /** The workspace files the review read (their URIs). */
  reads: Set<string>;
  /** How a URI of the review is shown: the path the patch gives it. */
  paths: Map<string, string>;
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  return a.patch === b.patch && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}

export class PatchDocuments {
  private readonly parsed = new Map<string, { text: OpenText; patch: ParsedPatch }>();
  private readonly reviews = new Map<string, Entry>();

  constructor(
    private readonly store: DocumentStore,
    private readonly state: UnitState,
    private readonly disk: FileAccess,
    private readonly folders: () => readonly string[],
  ) {
    store.onDidClose((uri) => {
      this.parsed.delete(uri);
      this.reviews.delete(uri);
    });
  }

  /** The review of an open patch document's current version; undefined when it is not an open patch. */
  review(uri: string): PatchDocument | undefined {
    return this.entry(uri)?.review;
  }

  /** How a URI of the patch's review is shown in its report: the path the patch names. */
  pathOf(patchUri: string, uri: string): string {
    return this.reviews.get(patchUri)?.paths.get(uri) ?? uri;
  }

  /** The open patch documents whose last review read the file at `uri`. */
  dependents(uri: string): string[] {
    return [...this.reviews].flatMap(([patch, entry]) => (entry.reads.has(uri) ? [patch] : []));
  }

  private patchOf(uri: string): { text: OpenText; patch: ParsedPatch } | undefined {
    const text = this.store.text(uri);
    if (!text || !this.store.isPatch(uri) || this.store.isTooLong(uri)) return undefined;
    // By the text itself: a client may change a document, or open it again, at the same version.
    const hit = this.parsed.get(uri);
    if (hit && hit.text === text) return hit;
    const parsed = { text, patch: parsePatch(text.getText()) };
    this.parsed.set(uri, parsed);
    return parsed;
  }

  /** The text of a workspace file: the open document's, else the file's on disk. */
  private textOf(file: WorkspaceFile): string | undefined {
    const open = this.store.text(file.uri);
    if (open && !this.store.isPatch(file.uri)) return open.getText();
    return this.disk.fileText(file.path);
  }

  /** The workspace file a path of the patch names: in the first workspace folder that has it. */
  private resolveInWorkspace(path: string): Resolved | undefined {
    for (const root of this.folders()) {
      const file = this.disk.fileIn(root, path);
      const text = file === undefined ? undefined : this.textOf(file);
      if (file !== undefined && text !== undefined) return { absolute: file.path, uri: file.uri, text };
    }
    return undefined;
  }

  private entry(uri: string): Entry | undefined {
    const parsed = this.patchOf(uri);
    if (!parsed) return undefined;
    const { patch } = parsed;
    const resolved = new Map<string, Resolved>();
    for (const path of patchTargets(patch)) {
      const found = this.resolveInWorkspace(path);
      if (found) resolved.set(path, found);
    }
    // The unit's files the patch leaves alone (its drop-ins, or the unit of a changed drop-in), from the unit's folder.
    const companions = new Map<string, PatchCompanion[]>();
    for (const unitPath of new Set(patchTargets(patch).map(unitPathOf))) {
      const unit = resolved.get(unitPath) ?? this.resolveInWorkspace(unitPath);
      if (!unit) continue;
      resolved.set(unitPath, unit);
      const list: PatchCompanion[] = [{ path: unitPath, text: unit.text }];
      const folder = patchFolder(unitPath);
      for (const dropIn of this.state.filesOf(unit.uri).dropIns ?? []) {
        const absolute = this.disk.pathOf(dropIn.uri);
        if (absolute === undefined) continue;
        const path = joinPatchPath(folder, this.disk.relativePath(unit.absolute, absolute));
        list.push({ path, text: dropIn.tree.text });
        resolved.set(path, { absolute, uri: dropIn.uri, text: dropIn.tree.text });
      }
      companions.set(unitPath, list);
    }
    const settingsOf = (unit: PatchUnit): Settings => {
      const file = resolved.get(unit.unitPath) ?? unit.files.map((f) => resolved.get(f.path)).find((r) => r !== undefined);
      return this.state.settings(file ? file.uri : uri);
    };
    const inputs: Inputs = {
      patch: parsed.patch,
      values: [...[...resolved].flatMap(([path, r]) => [path, r.uri, r.text]), ...[...companions.values()].flat().map((c) => c.text), this.state.settings(uri)],
    };
    const hit = this.reviews.get(uri);
    if (hit && sameInputs(hit.inputs, inputs)) {
      // The settings of a unit's folder may have changed without any text changing.
      if (hit.review.units.every((u) => u.settings === settingsOf(u.unit))) return hit;
    }
    const texts = new Map([...resolved].map(([path, r]) => [path, r.text]));
    const uriOf = (path: string): string => resolved.get(path)?.uri ?? hunksUri(path);
    const review = reviewPatchDocument(patch, { texts, companions, uriOf, settingsOf });
    const paths = new Map<string, string>();
    for (const unit of review.units) {
      for (const file of unit.unit.files) {
        for (const p of file.patches) {
          for (const path of [p.oldPath, p.newPath]) if (path !== undefined) paths.set(uriOf(path), path);
        }
      }
    }
    for (const [path, r] of resolved) paths.set(r.uri, path);
    const entry: Entry = { inputs, review, reads: new Set([...resolved.values()].map((r) => r.uri)), paths };
    this.reviews.set(uri, entry);
    return entry;
  }
}
