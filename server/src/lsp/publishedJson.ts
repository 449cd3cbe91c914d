/**
 * How a diagnostic the server publishes again gives the JSON it made the first time (see
 * PublishedDiagnostic in convert.ts). The message encoder and the language service are bundled
 * apart, so the encoder knows such a diagnostic by this registered symbol, not by its class.
 */
export const PUBLISHED_JSON = Symbol.for('unitguard.publishedJson');

export interface WithPublishedJson {
  [PUBLISHED_JSON](): string;
}

export function hasPublishedJson(item: unknown): item is WithPublishedJson {
  return typeof item === 'object' && item !== null && typeof (item as Partial<WithPublishedJson>)[PUBLISHED_JSON] === 'function';
}

/** A diagnostic's JSON: the one it made when published before, else made now. */
export function publishedJsonOf(item: unknown): string {
  return hasPublishedJson(item) ? item[PUBLISHED_JSON]() : JSON.stringify(item);
}

/**
 * A diagnostic the worker thread checked and encoded (see analysisWorker.ts): the server's encoder
 * writes its JSON as it is, and anything else that reads it gets it parsed. Sending the worker's
 * diagnostics as JSON costs far less than copying a thousand small objects from one thread to
 * the other and encoding them again.
 */
export class EncodedDiagnostic implements WithPublishedJson {
  readonly #json: string;

  constructor(json: string) {
    this.#json = json;
  }

  [PUBLISHED_JSON](): string {
    return this.#json;
  }

  toJSON(): unknown {
    return JSON.parse(this.#json);
  }
}
