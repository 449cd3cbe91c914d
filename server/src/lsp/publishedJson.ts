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
