/**
 * A JSON-RPC connection to a language server over stdio, made for timing:
 * every message received carries the moment its last byte arrived (before
 * the benchmark parses it) and the size of its body in bytes. Requests from
 * the server are answered at once so that it never stalls; notifications
 * nobody waits for are dropped, so that a long run over a 10 MB document does
 * not keep every published diagnostic in memory. Frames are joined once when
 * complete, so large messages cost linear time to receive.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { frame } from '../support/lspClient';
import { now } from './stats';

/** A parsed message: the benchmark reads the few fields it needs without declaring them all. */
export type Json = any;

export interface Received {
  message: Json;
  /** Bytes of the JSON body (without the Content-Length header). */
  bytes: number;
  /** now() when the last byte of the message arrived. */
  at: number;
}

export interface Answered extends Received {
  /** now() just before the request was written. */
  sentAt: number;
  /** Milliseconds from writing the request to the arrival of the response. */
  ms: number;
}

/** A wait that ran out of time (the server is alive but slow). */
export class TimeoutError extends Error {}

/** The server process ended while a reply was awaited. */
export class ServerExitError extends Error {}

interface Waiter {
  method: string;
  test: (params: Json) => boolean;
  resolve: (received: Received) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Pending {
  resolve: (received: Received) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** What a client returns for requests from the server, as an editor would. */
function answerFor(method: string, params: Json): unknown {
  if (method === 'workspace/configuration') {
    const items = params && Array.isArray(params.items) ? params.items : [null];
    return items.map(() => null);
  }
  // client/registerCapability, window/workDoneProgress/create, workspace/codeLens/refresh, ...
  return null;
}

export class BenchConnection {
  readonly process: ChildProcessWithoutNullStreams;
  /** now() just before the process was spawned. */
  readonly spawnedAt: number;

  private chunks: Buffer[] = [];
  private buffered = 0;
  private expected: number | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  private stderrText = '';
  private protocolError: string | undefined;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;

  constructor(command: string, args: readonly string[], cwd: string) {
    this.spawnedAt = now();
    this.process = spawn(command, [...args], { cwd, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (chunk: string) => {
      this.stderrText = (this.stderrText + chunk).slice(-10_000);
    });
    this.process.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exit = { code, signal };
        const why = this.protocolError ? `was stopped after it sent ${this.protocolError}` : `exited (code ${code}, signal ${signal})`;
        const error = new ServerExitError(`the server ${why}${this.stderrTail()}`);
        for (const pending of this.pending.values()) {
          clearTimeout(pending.timer);
          pending.reject(error);
        }
        this.pending.clear();
        for (const waiter of this.waiters) {
          clearTimeout(waiter.timer);
          waiter.reject(error);
        }
        this.waiters = [];
        resolve();
      });
    });
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** Sends a request; resolves with the response and its timing, rejects on an error response. */
  request(method: string, params: unknown, timeoutMs: number): Promise<Answered> {
    if (!this.running) return Promise.reject(new ServerExitError(`the server is not running; cannot send ${method}`));
    const id = this.nextId++;
    const answered = new Promise<Received>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TimeoutError(`no response to ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    const sentAt = this.write({ jsonrpc: '2.0', id, method, params });
    return answered.then((received) => {
      if (received.message.error) throw new Error(`${method} failed: ${JSON.stringify(received.message.error)}`);
      return { ...received, sentAt, ms: received.at - sentAt };
    });
  }

  /** Sends a notification; returns now() just before it was written. */
  notify(method: string, params: unknown): number {
    return this.write({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with the next notification of this method that passes the test.
   * Call it before doing what makes the server send it.
   */
  waitFor(method: string, test: (params: Json) => boolean, timeoutMs: number): Promise<Received> {
    if (!this.running) return Promise.reject(new ServerExitError(`the server is not running; no ${method} will come`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new TimeoutError(`no matching ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const waiter: Waiter = { method, test, resolve, reject, timer };
      this.waiters.push(waiter);
    });
  }

  /** shutdown, exit, and the end of the process; killed when it does not end in time. */
  async close(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // ended below
    }
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.running) this.process.kill('SIGKILL');
  }

  private stderrTail(): string {
    const tail = this.stderrText.trim().slice(-1500);
    return tail ? `\n--- server stderr ---\n${tail}` : '';
  }

  private write(message: unknown): number {
    const data = frame(message);
    const at = now();
    this.process.stdin.write(data);
    return at;
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.expected === undefined) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
        this.chunks = [head];
        const end = head.indexOf(HEADER_END);
        if (end < 0) return;
        const match = /content-length:\s*(\d+)/i.exec(head.subarray(0, end).toString('ascii'));
        if (!match) return this.malformed(`a message without Content-Length: ${head.subarray(0, end).toString('ascii').slice(0, 200)}`);
        this.expected = Number(match[1]);
        const rest = head.subarray(end + HEADER_END.length);
        this.chunks = [rest];
        this.buffered = rest.length;
      }
      if (this.buffered < this.expected) return;
      const at = now();
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
      const body = all.subarray(0, this.expected);
      const rest = all.subarray(this.expected);
      this.chunks = [rest];
      this.buffered = rest.length;
      this.expected = undefined;
      let message: Json;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch {
        return this.malformed(`a message body that is not JSON: ${body.subarray(0, 200).toString('utf8')}`);
      }
      this.dispatch({ message, bytes: body.length, at });
    }
  }

  /** A server that breaks the framing cannot be followed further: it is stopped, and every wait fails with the reason. */
  private malformed(problem: string): void {
    this.protocolError = problem;
    this.chunks = [];
    this.buffered = 0;
    this.kill();
  }

  private dispatch(received: Received): void {
    const { message } = received;
    if (typeof message.method === 'string') {
      if ('id' in message) {
        this.write({ jsonrpc: '2.0', id: message.id, result: answerFor(message.method, message.params) ?? null });
        return;
      }
      const waiter = this.waiters.find((w) => w.method === message.method && w.test(message.params));
      if (!waiter) return;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(received);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    pending.resolve(received);
  }
}
