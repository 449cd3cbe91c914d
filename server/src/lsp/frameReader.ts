import { AbstractMessageReader, ErrorCodes, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/** A message the reader could not pass on, with the answer JSON-RPC asks for. */
export interface BadMessage {
  /** The id of the request it belonged to, when that is known; otherwise null. */
  id: number | string | null;
  code: number;
  message: string;
}

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Where a header block is given up as garbage when no blank line has come. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Bodies above this are skipped instead of buffered. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;
const CONTENT_LENGTH = /Content-Length:[ \t]*([^\r\n]*)/gi;
/** Bytes kept when garbage is discarded: a header may have started in them. */
const KEEP_TAIL = 32;

/**
 * Reads Content-Length framed JSON-RPC messages from a byte stream and
 * recovers from bad input: a header block without a usable Content-Length,
 * a body that is not JSON and garbage between messages are reported through
 * `onBadMessage` (so the server can answer with a JSON-RPC error) and reading
 * carries on with the next frame, so one bad message never stalls or ends
 * the connection.
 */
export class FrameReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private bodyLength = -1;
  private skipping = 0;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly onBadMessage: (bad: BadMessage) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string): void => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, callback);
    const onEnd = (): void => this.fireClose();
    const onError = (error: unknown): void => this.fireError(error);
    this.input.on('data', onData);
    this.input.on('end', onEnd);
    this.input.on('close', onEnd);
    this.input.on('error', onError);
    return {
      dispose: () => {
        this.input.removeListener('data', onData);
        this.input.removeListener('end', onEnd);
        this.input.removeListener('close', onEnd);
        this.input.removeListener('error', onError);
      },
    };
  }

  private onData(chunk: Buffer, callback: DataCallback): void {
    if (this.skipping > 0) {
      const skipped = Math.min(this.skipping, chunk.length);
      this.skipping -= skipped;
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      if (this.bodyLength < 0) continue;
      if (this.bytes < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body, callback);
    }
  }

  /** Reads one header block; false when more bytes are needed. */
  private readHeader(): boolean {
    const buffer = this.joined();
    const end = buffer.indexOf(HEADER_END);
    if (end < 0) {
      if (buffer.length > MAX_HEADER_BYTES) {
        const discarded = buffer.length - KEEP_TAIL;
        this.take(discarded);
        this.bad(null, ErrorCodes.ParseError, `Discarded ${discarded} bytes that are not a message header.`);
      }
      return false;
    }
    const header = this.take(end + HEADER_END.length).toString('latin1');
    // The last Content-Length in the block counts; bytes before it are garbage
    // left over from a bad frame, and reading resynchronises on it.
    let value: string | undefined;
    for (const match of header.slice(0, end).matchAll(CONTENT_LENGTH)) value = match[1].trim();
    const length = value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : -1;
    if (length < 0) {
      const shown = JSON.stringify(header.slice(0, Math.min(end, 200)));
      this.bad(null, ErrorCodes.ParseError, value === undefined ? `A message header without Content-Length: ${shown}` : `A bad Content-Length header: ${shown}`);
      return true;
    }
    if (length > MAX_BODY_BYTES) {
      this.bad(null, ErrorCodes.ParseError, `A message of ${length} bytes is more than the ${MAX_BODY_BYTES} bytes accepted; it is skipped.`);
      const buffered = Math.min(length, this.bytes);
      this.take(buffered);
      this.skipping = length - buffered;
      return true;
    }
    this.bodyLength = length;
    return true;
  }

  private deliver(body: Buffer, callback: DataCallback): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (error) {
      this.bad(null, ErrorCodes.ParseError, `The message body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      this.bad(null, ErrorCodes.InvalidRequest, 'A message must be a JSON object (batches are not supported).');
      return;
    }
    const record = message as Record<string, unknown>;
    const id = typeof record.id === 'number' || typeof record.id === 'string' ? record.id : null;
    const isResponse = 'result' in record || 'error' in record;
    if (!isResponse && (record.jsonrpc !== '2.0' || typeof record.method !== 'string')) {
      // A notification that is broken gets no answer; a request gets an error.
      if ('id' in record) this.bad(id, ErrorCodes.InvalidRequest, 'A request needs "jsonrpc": "2.0" and a string "method".');
      return;
    }
    callback(message as Message);
  }

  private bad(id: BadMessage['id'], code: number, message: string): void {
    this.fireError(new Error(message));
    this.onBadMessage({ id, code, message });
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.bytes)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private take(count: number): Buffer {
    const buffer = this.joined();
    const taken = buffer.subarray(0, count);
    const rest = buffer.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.bytes = rest.length;
    return taken;
  }
}
