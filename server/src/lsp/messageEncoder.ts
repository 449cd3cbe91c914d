import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import { hasPublishedJson, publishedJsonOf } from './publishedJson';

/** A buffer larger than this is not kept for the next message: one huge message does not hold memory for good. */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
const FIRST_BYTES = 64 * 1024;
/** A list of more items than this is written a part at a time. */
const ITEMS_ONE_BY_ONE = 64;
const ITEMS_AT_A_TIME = 32;

/**
 * JSON messages encoded as UTF-8 into one buffer the server keeps. The stock encoder makes one
 * string of a message and a new buffer for it; for a large message (a publication of a thousand
 * diagnostics is half a megabyte) both are fresh memory the system has to map in, which on a busy
 * machine costs more than the encoding itself (4 of 5 ms for 487 kB here). So the diagnostics of
 * a publication are written a few at a time, each part a small string, into a buffer that is used again.
 * vscode-jsonrpc's stream writer writes one message at a time and encodes the next only once the
 * last one's write has completed, so the buffer is free again whenever a message is encoded.
 */
export function reusingJsonEncoder(): ContentTypeEncoder {
  const out = new ReusedBuffer();
  return {
    name: 'application/json',
    encode(message: Message): Promise<Uint8Array> {
      try {
        return Promise.resolve(out.encode(message));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

class ReusedBuffer {
  private kept = Buffer.allocUnsafeSlow(FIRST_BYTES);
  private buffer = this.kept;
  private length = 0;

  encode(message: Message): Uint8Array {
    this.buffer = this.kept;
    this.length = 0;
    const list = longList(message);
    if (list === undefined) this.append(JSON.stringify(message));
    else {
      // The message with an empty list last, then the items written into its brackets.
      const head = JSON.stringify({ ...message, params: { ...list.rest, [list.key]: [] } });
      const closing = ']}}';
      if (!head.endsWith(`[${closing}`)) throw new Error('unexpected JSON for a list of diagnostics');
      this.append(head.slice(0, head.length - closing.length));
      // A diagnostic published before, or encoded by the worker, gives its JSON (see
      // publishedJson.ts), written as it is: joining those of a keystroke's publication made most
      // of what the server allocated per keystroke. Others are encoded some at a time, each
      // string well below the size the engine allocates apart.
      const items = list.items;
      for (let i = 0; i < items.length; ) {
        if (i > 0) this.append(',');
        if (hasPublishedJson(items[i])) {
          this.append(publishedJsonOf(items[i]));
          i++;
          continue;
        }
        let end = i + 1;
        while (end < items.length && end - i < ITEMS_AT_A_TIME && !hasPublishedJson(items[end])) end++;
        this.append(JSON.stringify(items.slice(i, end)).slice(1, -1));
        i = end;
      }
      this.append(closing);
    }
    const bytes = this.buffer.subarray(0, this.length);
    if (this.buffer.length <= MAX_KEPT_BYTES) this.kept = this.buffer;
    return bytes;
  }

  private append(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const most = text.length * 3;
    if (this.length + most > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + most));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }
}

/** A message whose params end in a long list of diagnostics (a publication), taken apart. */
function longList(message: Message): { key: string; items: readonly unknown[]; rest: Record<string, unknown> } | undefined {
  const params = (message as { params?: unknown }).params;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
  // Written last, as it is in a publication: the bytes are those of JSON.stringify.
  if (Object.keys(params).at(-1) !== 'diagnostics') return undefined;
  const { diagnostics, ...rest } = params as { diagnostics?: unknown };
  if (!Array.isArray(diagnostics) || diagnostics.length <= ITEMS_ONE_BY_ONE) return undefined;
  if (Object.keys(message).some((key) => key !== 'jsonrpc' && key !== 'method' && key !== 'params')) return undefined;
  return { key: 'diagnostics', items: diagnostics, rest };
}
