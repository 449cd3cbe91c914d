/**
 * What the server knows about each open document's current version: its settings (the editor's,
 * with the `.unitguardrc` files above it), the unit's other files (open documents first, else the
 * files on disk next to it), and the analysis and the exposure lens made of them. Each is computed
 * once per version and shared: diagnostics, code actions, hover and the report all read the same
 * analysis.
 */
import { analyze, EvidenceCache, mergeRuleOverrides, unitFileInfo, type Analysis, type Settings, type UnitDocument, type UnitFiles } from '../core';
import { securityLens, type SecurityLens } from '../core/features/securityLens';
import type { FileAccess, RcSettings } from './fileAccess';
import type { DocumentStore } from './documentStore';
import type { SettingsStore } from './settings';

/** The unit a document belongs to (`foo.service` for `foo.service.d/x.conf`), or undefined. */
export function unitKey(uri: string): string | undefined {
  const info = unitFileInfo(uri);
  if (!info.unitName) return undefined;
  const path = uri.replace(/[?#].*$/, '');
  const folder = path.slice(0, path.lastIndexOf('/'));
  // A drop-in's unit lives one folder up, next to the NAME.TYPE.d folder.
  const base = info.isDropIn ? folder.slice(0, folder.lastIndexOf('/')) : folder;
  return `${base}/${info.unitName}`;
}

/** The settings for one document: the editor's, with its `.unitguardrc` files on top. */
export function settingsWithRc(editor: Settings, rc: RcSettings | undefined): Settings {
  if (!rc) return editor;
  const rules = mergeRuleOverrides(editor.rules, rc.rc.rules);
  const policy = rc.policy;
  return {
    systemdVersion: rc.rc.systemdVersion ?? editor.systemdVersion,
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(policy?.policy ? { securityPolicy: policy.policy } : {}),
    ...(policy && !policy.policy ? { securityPolicyError: policy.problems[0] ?? 'it cannot be read' } : {}),
    ...(editor.restrictedMode ? { restrictedMode: true } : {}),
  };
}

interface SettingsEntry {
  editor: Settings;
  rc: RcSettings | undefined;
  policy: RcSettings['policy'];
  settings: Settings;
}

interface AnalysisEntry {
  analysis: Analysis;
  files: readonly UnitDocument[];
}

interface LensEntry {
  document: UnitDocument;
  settings: Settings;
  files: readonly UnitDocument[];
  lens: SecurityLens | undefined;
}

function sameFiles(a: readonly UnitDocument[], b: readonly UnitDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function filesList(files: UnitFiles): UnitDocument[] {
  return [...(files.unit ? [files.unit] : []), ...(files.dropIns ?? [])];
}

export class UnitState {
  private readonly settingsCache = new Map<string, SettingsEntry>();
  private readonly analyses = new Map<string, AnalysisEntry>();
  private readonly evidence = new Map<string, EvidenceCache>();
  private readonly lenses = new Map<string, LensEntry>();

  constructor(
    private readonly store: DocumentStore,
    private readonly editor: SettingsStore,
    private readonly disk: FileAccess,
  ) {
    store.onDidClose((uri) => {
      this.analyses.delete(uri);
      this.settingsCache.delete(uri);
      this.evidence.delete(uri);
      this.lenses.delete(uri);
    });
  }

  /** The open documents of the same unit as `uri` (its drop-ins, or its unit and the other drop-ins). */
  companionsOf(uri: string): string[] {
    const key = unitKey(uri);
    return key ? this.store.uris().filter((other) => other !== uri && unitKey(other) === key && !this.store.isPatch(other)) : [];
  }

  /** The settings a document is checked with; the same object while nothing they come from changed. */
  settings(uri: string): Settings {
    const editor = this.editor.get();
    const path = this.disk.pathOf(uri);
    const rc = path ? this.disk.rcSettings(path) : undefined;
    const hit = this.settingsCache.get(uri);
    if (hit && hit.editor === editor && hit.rc === rc && hit.policy === rc?.policy) return hit.settings;
    const settings = settingsWithRc(editor, rc);
    this.settingsCache.set(uri, { editor, rc, policy: rc?.policy, settings });
    return settings;
  }

  /** The unit's other files: open documents of the same unit, completed with files on disk. */
  files(document: UnitDocument): UnitFiles {
    return this.filesOf(document.uri);
  }

  /** The unit's other files for the document at `uri`. */
  filesOf(uri: string): UnitFiles {
    const openDocs = this.companionsOf(uri)
      .map((uri) => this.store.get(uri))
      .filter((d): d is UnitDocument => d !== undefined);
    const path = this.disk.pathOf(uri);
    const disk: UnitFiles = path ? this.disk.unitFiles(path) : {};
    const byName = (d: UnitDocument): string => d.uri.slice(d.uri.lastIndexOf('/') + 1);
    const openDropIns = openDocs.filter((d) => d.file.isDropIn);
    const dropIns = [...openDropIns, ...(disk.dropIns ?? []).filter((d) => !openDropIns.some((o) => byName(o) === byName(d) && unitKey(o.uri) === unitKey(d.uri)))];
    const unit = openDocs.find((d) => !d.file.isDropIn) ?? disk.unit;
    return { ...(unit ? { unit } : {}), dropIns };
  }

  /**
   * The exposure lens of an open document's current version (undefined when it is not a service),
   * worked out once: editors ask for lenses again after every change, to any of the unit's files.
   */
  lens(document: UnitDocument): SecurityLens | undefined {
    const settings = this.settings(document.uri);
    const files = this.files(document);
    const list = filesList(files);
    const hit = this.lenses.get(document.uri);
    if (hit && hit.document === document && hit.settings === settings && sameFiles(hit.files, list)) return hit.lens;
    const lens = securityLens(document, files, settings);
    this.lenses.set(document.uri, { document, settings, files: list, lens });
    return lens;
  }

  /** The analysis of the document's current version (computed once), or undefined when it is not open. */
  analysis(uri: string): Analysis | undefined {
    const document = this.store.get(uri);
    if (!document) return undefined;
    const settings = this.settings(uri);
    const files = this.files(document);
    const list = filesList(files);
    const hit = this.analyses.get(uri);
    if (hit && hit.analysis.document === document && hit.analysis.settings === settings && sameFiles(hit.files, list)) return hit.analysis;
    let evidence = this.evidence.get(uri);
    if (!evidence) this.evidence.set(uri, (evidence = new EvidenceCache()));
    const analysis = analyze(document, settings, files, evidence);
    this.analyses.set(uri, { analysis, files: list });
    return analysis;
  }
}
