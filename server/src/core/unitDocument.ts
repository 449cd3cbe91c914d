import { parse } from './syntax/parser';
import type { SyntaxTree } from './syntax/syntaxTree';
import { unitFileInfo, type UnitFileInfo } from './unitFile';

/** A parsed unit file: what every feature starts from. Built once per document version. */
export interface UnitDocument {
  uri: string;
  version: number;
  tree: SyntaxTree;
  file: UnitFileInfo;
}

export function createUnitDocument(uri: string, text: string, version = 0): UnitDocument {
  return { uri, version, tree: parse(text), file: unitFileInfo(uri) };
}
