import { AbstractMessageReader, ErrorCodes, MessageType, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver';
import { isObject } from './params';

/** LSP's error for a request that comes before initialize. */
const SERVER_NOT_INITIALIZED = -32002;

/** Methods whose params are void: a client may send them with `params: null`. */
const VOID_PARAMS = new Set(['shutdown', 'exit', 'initialized']);

const isId = (value: unknown): value is number | string => typeof value === 'number' || typeof value === 'string';

/**
 * Notifications that vscode-jsonrpc reads fields of itself, before any handler of ours could check
 * them. A `$/cancelRequest` without params made the library throw inside the reader, which left
 * the rest of the input unread until the client wrote again.
 */
const LIBRARY_NOTIFICATIONS: Record<string, { wants: string; ok: (params: unknown) => boolean }> = {
  '$/cancelRequest': { wants: '{ id: number | string }', ok: (p) => isObject(p) && isId(p.id) },
  '$/setTrace': { wants: "{ value: 'off' | 'messages' | 'verbose' }", ok: (p) => isObject(p) && typeof p.value === 'string' },
  '$/progress': { wants: '{ token: number | string, value }', ok: (p) => isObject(p) && isId(p.token) },
};

type Phase = 'waiting for initialize' | 'running' | 'shutting down';

/**
 * Stands between the transport and the connection and holds back what the library would mishandle:
 * requests with an id that is not a number or string (answered with InvalidRequest and id null, as
 * JSON-RPC asks, where the library only logs them), requests and notifications before `initialize`
 * and after `shutdown` (answered with ServerNotInitialized and InvalidRequest, or dropped), a
 * second `initialize`, request params that are not an object or array (the library reads
 * `params.workDoneToken` of them and fails with an internal error), and malformed notifications
 * the library reads itself. Every other message passes unchanged. A message whose handling throws
 * is logged, and the messages after it are still read.
 */
export class ProtocolGate extends AbstractMessageReader implements MessageReader {
  private phase: Phase = 'waiting for initialize';

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
  }

  /** Whether a shutdown request was accepted (an exit without one ends with code 1). */
  get shutdownRequested(): boolean {
    return this.phase === 'shutting down';
  }

  listen(callback: DataCallback): Disposable {
    const forwarded = [this.reader.onError((error) => this.fireError(error)), this.reader.onClose(() => this.fireClose()), this.reader.onPartialMessage((info) => this.firePartialMessage(info))];
    const listening = this.reader.listen((message) => this.pass(message, callback));
    return {
      dispose: () => {
        listening.dispose();
        for (const d of forwarded) d.dispose();
      },
    };
  }

  private pass(message: Message, callback: DataCallback): void {
    try {
      if (this.admits(message)) callback(message);
    } catch (error) {
      this.log(MessageType.Error, `Unexpected error handling a message: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Whether the message goes on to the connection; if not, it has been answered or logged here. */
  private admits(message: Message): boolean {
    const record = message as unknown as Record<string, unknown>;
    // Responses to the server's own requests go on as they are.
    if (!isObject(record) || typeof record.method !== 'string') return true;
    const method = record.method;
    const isRequest = 'id' in record;
    if (isRequest && !isId(record.id)) {
      this.reply(null, ErrorCodes.InvalidRequest, `A request id must be a number or a string (${method}).`);
      return false;
    }
    const id = isRequest ? (record.id as number | string) : undefined;
    if (method === 'exit' && !isRequest) return true;
    if (this.phase === 'shutting down') {
      if (id !== undefined) this.reply(id, ErrorCodes.InvalidRequest, `The server is shutting down: after shutdown only exit is accepted, not ${method}.`);
      return false;
    }
    const problem = paramsProblem(method, record.params, isRequest);
    if (this.phase === 'waiting for initialize') {
      // LSP: until initialize, requests are answered with an error and notifications dropped.
      if (id === undefined) return false;
      if (method !== 'initialize') {
        this.reply(id, SERVER_NOT_INITIALIZED, `The server is not initialized: initialize must come before ${method}.`);
        return false;
      }
    } else if (method === 'initialize' && id !== undefined) {
      this.reply(id, ErrorCodes.InvalidRequest, 'The server is already initialized: initialize is sent once.');
      return false;
    }
    if (problem !== undefined) {
      if (id !== undefined) this.reply(id, ErrorCodes.InvalidParams, problem);
      else this.log(MessageType.Warning, `Ignored ${method}: ${problem}`);
      return false;
    }
    if (method === 'initialize') this.phase = 'running';
    if (method === 'shutdown' && id !== undefined) this.phase = 'shutting down';
    return true;
  }

  private reply(id: number | string | null, code: number, text: string): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message: text } } as Message);
  }

  private log(type: MessageType, text: string): void {
    void this.writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type, message: text } } as Message);
  }
}

/** What is wrong with a message's params, or undefined when the handlers can take them. */
function paramsProblem(method: string, params: unknown, isRequest: boolean): string | undefined {
  const library = LIBRARY_NOTIFICATIONS[method];
  if (!isRequest && library !== undefined) return library.ok(params) ? undefined : `its params must be ${library.wants}, not ${JSON.stringify(params) ?? 'missing'}.`;
  if (method === 'initialize' && !isObject(params)) return 'initialize needs params: an object with the client capabilities.';
  if (params === undefined || VOID_PARAMS.has(method)) return undefined;
  // JSON-RPC: params, when present, are an object or an array.
  if (isRequest && (params === null || typeof params !== 'object')) return `${method} needs params that are an object, not ${JSON.stringify(params)}.`;
  return undefined;
}
