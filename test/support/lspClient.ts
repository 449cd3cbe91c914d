/**
 * A small Language Server Protocol client for tests: it spawns a server
 * process and speaks JSON-RPC over its stdin/stdout with Content-Length
 * framing. Requests are matched to responses by id, notifications are kept
 * until a test waits for them, requests from the server are answered, and
 * every wait has a timeout so a hung server fails the test instead of
 * hanging it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export type MessageId = number | string | null;

export interface JsonRpcError {
  code: number;
  message: string;
  data?: unknown;
}

export interface ResponseMessage {
  jsonrpc: '2.0';
  id: MessageId;
  result?: unknown;
  error?: JsonRpcError;
}

export interface NotificationMessage {
  method: string;
  params?: unknown;
}

/** A request answered with a JSON-RPC error. */
export class LspResponseError extends Error {
  constructor(
    readonly method: string,
    readonly error: JsonRpcError,
  ) {
    super(`${method} failed with ${error.code}: ${error.message}`);
  }
}

export interface LspClientOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Default timeout of requests and waits, in milliseconds. */
  timeoutMs?: number;
  /**
   * Answers requests that the server sends to the client (for example
   * workspace/configuration). Without it they are answered with null.
   */
  onServerRequest?: (method: string, params: unknown) => unknown;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Pending {
  resolve: (response: ResponseMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Waiter {
  method: string;
  predicate: (params: unknown) => boolean;
  resolve: (params: unknown) => void;
  reject: (error: Error) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** Frames one message as the protocol wants it: headers, a blank line, the UTF-8 body. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves when the server process has ended. */
  readonly exited: Promise<ProcessExit>;
  /** Every notification received, in order. */
  readonly notifications: NotificationMessage[] = [];
  /** Responses whose id is null or matches no request of ours (for example parse errors). */
  readonly unmatchedResponses: ResponseMessage[] = [];
  /** Problems with what the server wrote (bad framing, bad JSON); a well-behaved server leaves it empty. */
  readonly protocolErrors: string[] = [];

  private readonly timeoutMs: number;
  private readonly onServerRequest: (method: string, params: unknown) => unknown;
  private readonly pending = new Map<MessageId, Pending>();
  private readonly consumed = new Set<NotificationMessage>();
  private waiters: Waiter[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private stderrText = '';
  private nextId = 1;
  private exitInfo: ProcessExit | undefined;

  static start(command: string, args: readonly string[], options: LspClientOptions = {}): LspClient {
    return new LspClient(command, args, options);
  }

  private constructor(command: string, args: readonly string[], options: LspClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.onServerRequest = options.onServerRequest ?? (() => null);
    this.process = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (chunk: string) => {
      // Keep the tail only: it is for error messages.
      this.stderrText = (this.stderrText + chunk).slice(-20_000);
    });
    // A server that died must not make our writes throw asynchronously.
    this.process.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        for (const [id, pending] of this.pending) {
          clearTimeout(pending.timer);
          pending.reject(new Error(`server exited (code ${code}, signal ${signal}) before answering request ${String(id)}${this.stderrTail()}`));
        }
        this.pending.clear();
        for (const waiter of this.waiters) waiter.reject(new Error(`server exited (code ${code}, signal ${signal}) before sending ${waiter.method}${this.stderrTail()}`));
        this.waiters = [];
        resolve(this.exitInfo);
      });
    });
  }

  /** What the server wrote to stderr (the last 20 000 characters). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** Sends a request and resolves with its result; rejects with LspResponseError on an error response. */
  async request<R = unknown>(method: string, params?: unknown, timeoutMs?: number): Promise<R> {
    const response = await this.requestRaw(method, params, timeoutMs);
    if (response.error) throw new LspResponseError(method, response.error);
    return response.result as R;
  }

  /** Sends a request and resolves with the whole response, error or not. */
  requestRaw(method: string, params?: unknown, timeoutMs?: number): Promise<ResponseMessage> {
    const id = this.nextId++;
    const message: Record<string, unknown> = { jsonrpc: '2.0', id, method };
    if (params !== undefined) message.params = params;
    const response = this.waitForResponse(id, timeoutMs, method);
    this.send(message);
    return response;
  }

  /** A fresh request id, for tests that write requests by hand. */
  allocateId(): number {
    return this.nextId++;
  }

  /** Waits for the response to a request id (use with send()/writeRaw() for hand-made requests). */
  waitForResponse(id: MessageId, timeoutMs = this.timeoutMs, label = `request ${String(id)}`): Promise<ResponseMessage> {
    if (!this.running) return Promise.reject(new Error(`server is not running; cannot wait for ${label}${this.stderrTail()}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no response to ${label} within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
  }

  /** Sends a notification. */
  notify(method: string, params?: unknown): void {
    const message: Record<string, unknown> = { jsonrpc: '2.0', method };
    if (params !== undefined) message.params = params;
    this.send(message);
  }

  /** Frames and writes any JSON value (well-formed or not as a JSON-RPC message). */
  send(message: unknown): void {
    this.writeRaw(frame(message));
  }

  /** Writes bytes as they are, without framing. */
  writeRaw(data: string | Buffer): void {
    if (this.running && this.process.stdin.writable) this.process.stdin.write(data);
  }

  /**
   * Resolves with the params of the first notification of this method (that
   * matches the predicate) not yet returned by an earlier wait, waiting for
   * it if it has not come yet.
   */
  waitForNotification<P = unknown>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = this.timeoutMs): Promise<P> {
    const test = (params: unknown): boolean => {
      try {
        return (predicate as (p: unknown) => boolean)(params);
      } catch {
        return false;
      }
    };
    const found = this.notifications.find((n) => !this.consumed.has(n) && n.method === method && test(n.params));
    if (found) {
      this.consumed.add(found);
      return Promise.resolve(found.params as P);
    }
    if (!this.running) return Promise.reject(new Error(`server is not running; no ${method} will come${this.stderrTail()}`));
    return new Promise<P>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${method} notification matching the test within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        method,
        predicate: test,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as P);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Returns the notifications of a method not yet returned by a wait, and marks them returned. */
  takeNotifications<P = unknown>(method: string): P[] {
    const taken = this.notifications.filter((n) => !this.consumed.has(n) && n.method === method);
    for (const n of taken) this.consumed.add(n);
    return taken.map((n) => n.params as P);
  }

  /** Sends initialize with sensible client capabilities, then initialized. */
  async initialize<R = unknown>(params: Record<string, unknown> = {}): Promise<R> {
    const result = await this.request<R>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'unitguard-test-client', version: '1' },
      rootUri: null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
        },
        workspace: { configuration: true },
      },
      ...params,
    });
    this.notify('initialized', {});
    return result;
  }

  /** The orderly end: shutdown, exit, and the process's exit code. */
  async shutdown(timeoutMs = this.timeoutMs): Promise<ProcessExit> {
    await this.request('shutdown', undefined, timeoutMs);
    this.notify('exit');
    return this.waitForExit(timeoutMs);
  }

  /** Waits for the process to end; kills it and rejects when it does not within the timeout. */
  async waitForExit(timeoutMs = this.timeoutMs): Promise<ProcessExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(new Error(`server did not exit within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process at once (for cleanup after a failed test). */
  kill(): void {
    if (this.running) this.process.kill('SIGKILL');
  }

  private stderrTail(): string {
    const tail = this.stderrText.trim().slice(-2000);
    return tail ? `\n--- server stderr ---\n${tail}` : '';
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const headers = this.buffer.subarray(0, headerEnd).toString('ascii').split('\r\n');
      let length = -1;
      for (const header of headers) {
        const match = /^content-length:\s*(\d+)\s*$/i.exec(header);
        if (match) length = Number(match[1]);
      }
      if (length < 0) {
        this.protocolErrors.push(`a message without a valid Content-Length header: ${JSON.stringify(headers)}`);
        this.buffer = this.buffer.subarray(headerEnd + HEADER_END.length);
        continue;
      }
      const bodyStart = headerEnd + HEADER_END.length;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(body) as Record<string, unknown>;
      } catch {
        this.protocolErrors.push(`a message body that is not JSON: ${body.slice(0, 200)}`);
        continue;
      }
      this.dispatch(message);
    }
  }

  private dispatch(message: Record<string, unknown>): void {
    if (message === null || typeof message !== 'object' || message.jsonrpc !== '2.0') {
      this.protocolErrors.push(`not a JSON-RPC 2.0 message: ${JSON.stringify(message).slice(0, 200)}`);
      return;
    }
    if (typeof message.method === 'string') {
      if ('id' in message) this.answerServerRequest(message.id as MessageId, message.method, message.params);
      else this.receiveNotification({ method: message.method, params: message.params });
      return;
    }
    const response = message as unknown as ResponseMessage;
    const pending = this.pending.get(response.id);
    if (!pending) {
      this.unmatchedResponses.push(response);
      return;
    }
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    pending.resolve(response);
  }

  private receiveNotification(notification: NotificationMessage): void {
    this.notifications.push(notification);
    const waiter = this.waiters.find((w) => w.method === notification.method && w.predicate(notification.params));
    if (!waiter) return;
    this.waiters = this.waiters.filter((w) => w !== waiter);
    this.consumed.add(notification);
    waiter.resolve(notification.params);
  }

  private answerServerRequest(id: MessageId, method: string, params: unknown): void {
    let result: unknown;
    try {
      result = this.onServerRequest(method, params);
    } catch (error) {
      this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } });
      return;
    }
    void Promise.resolve(result).then(
      (value) => this.send({ jsonrpc: '2.0', id, result: value ?? null }),
      (error: unknown) => this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } }),
    );
  }
}
