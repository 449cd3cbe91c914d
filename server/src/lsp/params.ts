import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Position, Range } from '../core';

/**
 * Checks of what clients send. Handlers run on whatever arrives, so they
 * check the shape first: requests answer bad params with InvalidParams,
 * notifications with bad params are ignored.
 */

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What lies at `keys` in nested objects (a client capability in initialize's params), or undefined. */
export function valueAt(value: unknown, ...keys: readonly string[]): unknown {
  let at = value;
  for (const key of keys) at = isObject(at) ? at[key] : undefined;
  return at;
}

export function isPosition(value: unknown): value is Position {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

export function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** A whole number from 0 up, as LSP lines, characters and versions are. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The params' textDocument.uri, or undefined when it is missing or not a string. */
export function documentUri(params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return undefined;
  const uri = params.textDocument.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** The request params' textDocument.uri; throws InvalidParams (answered as a JSON-RPC error) when it is missing. */
export function requireDocumentUri(params: unknown): string {
  const uri = documentUri(params);
  if (uri === undefined) throw new ResponseError(ErrorCodes.InvalidParams, 'The request needs params.textDocument.uri (a string).');
  return uri;
}

/** The request params' position; throws InvalidParams when it is missing or malformed. */
export function requirePosition(params: unknown): Position {
  const position = isObject(params) ? params.position : undefined;
  if (!isPosition(position)) throw new ResponseError(ErrorCodes.InvalidParams, 'The request needs params.position with whole-number line and character.');
  return position;
}
