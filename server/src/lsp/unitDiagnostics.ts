/**
 * The diagnostics the server publishes for a document, and that its code actions fix: the
 * document checked together with the unit's other files (open documents first, else the files
 * on disk next to it), with the editor's settings and the `.unitguardrc` files above it.
 */
import { fileURLToPath } from 'node:url';
import { diagnose, mergeRuleOverrides, unitFileInfo, type Diagnostic, type Settings, type UnitDocument, type UnitFiles } from '../core';
import { findRcConfig, readPolicyCached } from '../node/unitguardrc';
import { unitFilesFor } from '../node/unitFiles';
import type { DocumentStore } from './documentStore';

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

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

/** The unit's other files: open documents of the same unit, completed with files on disk. */
export function companionFiles(store: DocumentStore, document: UnitDocument): UnitFiles {
  const key = unitKey(document.uri);
  const open = key ? store.uris().filter((uri) => uri !== document.uri && unitKey(uri) === key) : [];
  const openDocs = open.map((uri) => store.get(uri)).filter((d): d is UnitDocument => d !== undefined);
  const path = pathOf(document.uri);
  const disk: UnitFiles = path ? unitFilesFor(path) : {};
  const byName = (d: UnitDocument): string => d.uri.slice(d.uri.lastIndexOf('/') + 1);
  const openDropIns = openDocs.filter((d) => d.file.isDropIn);
  const dropIns = [...openDropIns, ...(disk.dropIns ?? []).filter((d) => !openDropIns.some((o) => byName(o) === byName(d) && unitKey(o.uri) === unitKey(d.uri)))];
  const unit = openDocs.find((d) => !d.file.isDropIn) ?? disk.unit;
  return { ...(unit ? { unit } : {}), dropIns };
}

/** The settings for one document: the editor's, with its `.unitguardrc` files on top. */
export function documentSettings(editor: Settings, uri: string): Settings {
  const path = pathOf(uri);
  if (!path) return editor;
  const rc = findRcConfig(path);
  const rules = mergeRuleOverrides(editor.rules, rc.rules);
  const policy = rc.securityPolicy !== undefined ? readPolicyCached(rc.securityPolicy) : undefined;
  return {
    systemdVersion: rc.systemdVersion ?? editor.systemdVersion,
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(policy?.policy ? { securityPolicy: policy.policy } : {}),
    ...(policy && !policy.policy ? { securityPolicyError: policy.problems[0] ?? 'it cannot be read' } : {}),
  };
}

export function diagnosticsFor(store: DocumentStore, editor: Settings, uri: string): Diagnostic[] | undefined {
  const document = store.get(uri);
  if (!document) return undefined;
  return diagnose(document, documentSettings(editor, uri), companionFiles(store, document));
}
