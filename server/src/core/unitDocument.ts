import { parse } from './syntax/parser';
import type { OffsetEdit } from './edits/apply';
import { reparse, reparsedText, revisedTree } from './syntax/reparse';
import type { TextEdit } from './types';
import type { SyntaxTree } from './syntax/syntaxTree';
import type { TextSource } from './syntax/textSource';
import { unitFileInfo, type UnitFileInfo } from './unitFile';

/** A parsed unit file: what every feature starts from. Built once per document version. */
export interface UnitDocument {
  uri: string;
  version: number;
  tree: SyntaxTree;
  file: UnitFileInfo;
}

export function createUnitDocument(uri: string, text: string, version = 0): UnitDocument {
  return unitDocumentOf(uri, parse(text), version);
}

/** The document of a tree parsed already. */
export function unitDocumentOf(uri: string, tree: SyntaxTree, version = 0): UnitDocument {
  return { uri, version, tree, file: unitFileInfo(uri) };
}

/**
 * The document with edits applied (ranges in its text), for a short look such as a fix tried on
 * it: only the sections the edits touch are parsed again (see syntax/reparse.ts). Throws when
 * edits overlap. With `placesUnread`, for a look that reads no place in it (see reparse()).
 */
export function editedUnitDocument(document: UnitDocument, edits: readonly TextEdit[], placesUnread = false): UnitDocument {
  return { uri: document.uri, version: document.version, tree: reparse(document.tree, edits, placesUnread), file: document.file };
}

/**
 * The document with another text, for a short look such as a fix tried on it together with the
 * fixes that complete it: only the sections where the texts differ are parsed again.
 */
export function trialUnitDocument(document: UnitDocument, text: string, version = document.version): UnitDocument {
  return { uri: document.uri, version, tree: reparsedText(document.tree, text), file: document.file };
}

/**
 * The next version of a document, with its whole new text: only the sections that changed are
 * parsed again, and nothing of the older version is kept alive (see syntax/reparse.ts). For an
 * editor's document, one version after another. A text in pieces is not joined into one string
 * until something reads it whole. `change`, when known, is what changed (see revisedTree()).
 */
export function revisedUnitDocument(previous: UnitDocument, text: TextSource, version: number, change?: OffsetEdit): UnitDocument {
  return { uri: previous.uri, version, tree: revisedTree(previous.tree, text, change), file: previous.file };
}
