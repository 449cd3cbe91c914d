import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { UnitDocument } from '../core';
import type { DocumentStore } from './documentStore';

/**
 * The open unit document a request is about; otherwise an InvalidParams error that says why there
 * is none. An open patch or `.unitguardrc` is not "not open": it is a document of another kind,
 * and the client is told so (and where a patch's report is), rather than to open it.
 */
export function requireUnitDocument(store: DocumentStore, uri: string, wanted: string): UnitDocument {
  const fail = (message: string): never => {
    throw new ResponseError(ErrorCodes.InvalidParams, message);
  };
  if (!store.text(uri)) return fail(`The document is not open: ${uri}`);
  if (store.isPatch(uri)) return fail(`${uri} is a patch, not a unit: it has no ${wanted}. The review of the units it changes is unitguard/reviewReport.`);
  if (store.isRc(uri)) return fail(`${uri} is a .unitguardrc settings file, not a unit: it has no ${wanted}.`);
  if (store.isTooLong(uri)) return fail(`${uri} is too large to be checked: it has no ${wanted}.`);
  return store.get(uri) ?? fail(`${uri} is not a unit: it has no ${wanted}.`);
}
