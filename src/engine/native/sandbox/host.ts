/**
 * The engine's side of the script sandbox: one worker thread per run (./worker.ts), started eagerly so it boots while
 * the first request is in flight, terminated when the run ends. The vm context, chai, pm and ajv live in the worker;
 * its realm is their host and keeps the isolation rules (./realm.ts). The engine only exchanges strings and bytes
 * with it by message and never sees a sandbox object.
 *
 * Time limit: a timer per script, armed when the script is posted. When it fires, the worker is terminated (which
 * stops a synchronous loop and an endless promise chain alike), the script reports
 * "Script execution timed out after N ms" (ERR_SCRIPT_EXECUTION_TIMEOUT) with the tests it recorded before (read from
 * a shared buffer), and the next script starts a fresh worker. Nothing runs under vm's `timeout` option, which costs
 * a watchdog thread per call.
 *
 * The limit covers the whole script: its timers and pm.sendRequest calls included. pm.sendRequest requests are sent
 * from this thread (./send.ts), with the run's agent when the runner passes it, and the answer is posted back to the
 * worker that asked.
 *
 * The worker is ref'd only while a script or the boot is awaited, so it never keeps the process alive on its own.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  PARTIAL_LOG_BYTES,
  type Pairs,
  type PrepareRequest,
  type ReadyMessage,
  type RequestBodySpec,
  type RunReply,
  type RunRequest,
  type ScriptInput,
  type ScriptOutput,
  type ScriptRequestEdit,
  type ScriptTest,
  type SendMessage,
  type SendReplyMessage,
} from './protocol';
import { scriptKey } from './script-key';
import { ScriptRequests, type ScriptHttpOptions } from './send';

const BOOT_TIMEOUT_MS = 10_000;
/** Bodies at least this large are moved to the worker (transferred) rather than copied, when the bytes allow it. */
const TRANSFER_BYTES = 64 * 1024;

export type ScriptRun =
  | { ok: true; output: ScriptOutput }
  | { ok: false; message: string; code?: string; tests: ScriptTest[] };

/**
 * A response body shared by the scripts of one test phase (its text, or its bytes when the engine did not decode it
 * whole); `last` says this script is the phase's last user of it, so large bytes can be moved to the worker.
 */
export interface BodyUse {
  data: string | Buffer;
  last: boolean;
}

/** Raised when no worker could be started or booted; the runner reports it as an engine error. */
export class SandboxUnavailable extends Error {}

interface Pending {
  resolve: (reply: RunReply) => void;
}

class WorkerHandle {
  readonly worker: Worker;
  readonly partial = new SharedArrayBuffer(4 + PARTIAL_LOG_BYTES);
  readonly ready: Promise<void>;
  readonly sentScripts = new Set<number>();
  /** The body this worker holds for the phase in progress (the engine's BodyUse.data, as identity). */
  heldBody: string | Buffer | undefined;
  dead = false;
  private readonly pending = new Map<number, Pending>();
  private waiters = 0;
  private failure: string | undefined;

  constructor(private readonly onSend: (handle: WorkerHandle, msg: SendMessage) => void) {
    this.worker = new Worker(join(__dirname, 'worker.js'), { workerData: { partial: this.partial }, stdout: false, stderr: false });
    this.worker.unref();
    let bootTimer: NodeJS.Timeout | undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (why: string): void => {
        this.failure ??= why;
        reject(new SandboxUnavailable(this.failure));
      };
      bootTimer = setTimeout(() => {
        fail(`the script sandbox did not start within ${BOOT_TIMEOUT_MS} ms`);
        this.kill();
      }, BOOT_TIMEOUT_MS);
      bootTimer.unref();
      this.worker.on('message', (msg: RunReply | ReadyMessage | SendMessage) => {
        if ('send' in msg) {
          this.onSend(this, msg);
          return;
        }
        if ('ready' in msg) {
          clearTimeout(bootTimer);
          resolve();
          return;
        }
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        p.resolve(msg);
      });
      this.worker.on('error', (err: Error) => fail(`the script sandbox stopped: ${err.message}`));
      this.worker.on('exit', (code) => {
        clearTimeout(bootTimer);
        this.dead = true;
        fail(this.failure ?? `the script sandbox exited (code ${code})`);
        for (const [id, p] of this.pending) p.resolve({ id, error: this.failure ?? 'the script sandbox exited' });
        this.pending.clear();
      });
    });
    // Nobody may be waiting yet (eager start): a boot failure is reported to the first script instead.
    this.ready.catch(() => undefined);
  }

  /** Keeps the process alive while something awaits this worker, and only then. */
  hold<T>(work: Promise<T>): Promise<T> {
    if (this.waiters++ === 0) this.worker.ref();
    return work.finally(() => {
      if (--this.waiters === 0) this.worker.unref();
    });
  }

  post(msg: RunRequest, transfer: ArrayBuffer[]): Promise<RunReply> {
    return new Promise<RunReply>((resolve) => {
      if (this.dead) {
        resolve({ id: msg.id, error: this.failure ?? 'the script sandbox exited' });
        return;
      }
      this.pending.set(msg.id, { resolve });
      try {
        this.worker.postMessage(msg, transfer);
      } catch (err) {
        this.pending.delete(msg.id);
        resolve({ id: msg.id, error: `the script could not be sent to the sandbox: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
  }

  /** A message without a reply (never throws: a worker that cannot take it reports that with the next run). */
  send(msg: PrepareRequest | SendReplyMessage): void {
    if (this.dead) return;
    try {
      this.worker.postMessage(msg);
    } catch {
      // see above
    }
  }

  /** Stops the thread; resolves once it is gone (the shared log is then stable). */
  async kill(): Promise<void> {
    this.dead = true;
    await this.worker.terminate().catch(() => undefined);
  }
}

export class Sandbox {
  private handle: WorkerHandle | undefined;
  private readonly scriptIds = new Map<string, number>();
  private nextScript = 1;
  private nextId = 1;
  private closed = false;
  private readonly requests: ScriptRequests;

  /**
   * `timeoutMs` limits each script, its pending timers and pm.sendRequest calls included; `http` says how
   * pm.sendRequest sends (the run's agent and request timeout; by default an agent of its own, made on first use).
   */
  constructor(
    private readonly timeoutMs: number,
    http: ScriptHttpOptions = {},
  ) {
    this.requests = new ScriptRequests(http);
  }

  /** Boots a worker now (the run calls this up front so the boot overlaps the first request). */
  start(): void {
    if (this.closed) return;
    try {
      this.current();
    } catch {
      // reported to the first script that needs the sandbox
    }
  }

  /**
   * Has the worker compile these scripts now, while the request they belong to is in flight (no reply; a script
   * whose worker has gone is sent again with its run).
   */
  prepare(sources: readonly string[]): void {
    if (this.closed || sources.length === 0) return;
    let handle: WorkerHandle;
    try {
      handle = this.current();
    } catch {
      return;
    }
    for (const source of sources) {
      const script = this.scriptId(source);
      if (handle.sentScripts.has(script)) continue;
      handle.sentScripts.add(script);
      handle.send({ prepare: true, script, source });
    }
  }

  async run(source: string, input: ScriptInput, body?: BodyUse): Promise<ScriptRun> {
    if (this.closed) throw new SandboxUnavailable('the run is over');
    const handle = this.current();
    await handle.hold(handle.ready);

    const script = this.scriptId(source);
    const id = this.nextId++;
    const msg: RunRequest = { id, script, input: JSON.stringify(input), hasBody: body !== undefined, keepBody: body !== undefined && !body.last };
    if (!handle.sentScripts.has(script)) msg.source = source;
    const transfer: ArrayBuffer[] = [];
    if (body && handle.heldBody !== body.data) {
      const data = body.data;
      msg.body = data;
      if (typeof data !== 'string' && body.last && movable(data)) transfer.push(data.buffer as ArrayBuffer);
    }

    // A limit of 0 (or less) means none (vm's `timeout` option rejected it).
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      if (this.timeoutMs > 0) timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    const reply = await handle.hold(Promise.race([handle.post(msg, transfer), timedOut]));
    clearTimeout(timer);

    if (reply === 'timeout') {
      this.discard(handle);
      await handle.kill();
      return { ok: false, message: `Script execution timed out after ${this.timeoutMs} ms`, code: 'ERR_SCRIPT_EXECUTION_TIMEOUT', tests: readPartial(handle.partial) };
    }
    if (handle.dead) this.discard(handle);
    handle.sentScripts.add(script);
    handle.heldBody = body && !body.last ? body.data : undefined;
    if ('error' in reply) return { ok: false, message: reply.error, tests: [] };
    const output = readOutput(reply.output);
    return output ? { ok: true, output } : { ok: false, message: 'the script result could not be read', tests: [] };
  }

  /**
   * Ends the run's worker; the sandbox cannot be used afterwards. The thread is told to stop and left to it (it is
   * unref'd and idle: nothing waits for its exit, which takes a few ms).
   */
  close(): void {
    this.closed = true;
    const handle = this.handle;
    this.handle = undefined;
    if (handle) void handle.kill();
    this.requests.close();
  }

  /**
   * One id per distinct script, so each is compiled once per worker: sources that differ only in their leading
   * comment lines (./script-key.ts) share one. Looked up by the source itself first (the same string every time an
   * item runs), then by its key.
   */
  private scriptId(source: string): number {
    let script = this.scriptIds.get(source);
    if (script === undefined) {
      const key = scriptKey(source);
      script = this.scriptIds.get(key) ?? this.nextScript++;
      this.scriptIds.set(key, script);
      this.scriptIds.set(source, script);
    }
    return script;
  }

  private current(): WorkerHandle {
    if (!this.handle || this.handle.dead) {
      try {
        this.handle = new WorkerHandle((handle, msg) => this.sendRequest(handle, msg));
      } catch (err) {
        throw new SandboxUnavailable(err instanceof Error ? err.message : String(err));
      }
    }
    return this.handle;
  }

  /** pm.sendRequest: sent from this thread; the answer goes back to the worker that asked, if it is still there. */
  private sendRequest(handle: WorkerHandle, msg: SendMessage): void {
    const { run, seq, spec } = msg.send ?? {};
    if (typeof run !== 'number' || typeof seq !== 'number' || typeof spec !== 'string' || this.closed) return;
    void this.requests.perform(spec).then(({ reply, body }) => {
      if (!handle.dead) handle.send({ sendReply: { run, seq, reply, body } });
    });
  }

  private discard(handle: WorkerHandle): void {
    if (this.handle === handle) this.handle = undefined;
  }
}

/** Whole, unshared ArrayBuffers only: a pooled Buffer is a view of memory other Buffers use. */
function movable(bytes: Buffer): boolean {
  return bytes.length >= TRANSFER_BYTES && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
}

/** The tests a stopped script had recorded: JSON lines in the shared log, each checked like the normal output. */
function readPartial(shared: SharedArrayBuffer): ScriptTest[] {
  try {
    const length = Atomics.load(new Int32Array(shared, 0, 1), 0);
    const text = Buffer.from(shared, 4, Math.max(0, Math.min(length, PARTIAL_LOG_BYTES))).toString('utf8');
    const tests = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return undefined;
        }
      });
    return readOutput(JSON.stringify({ tests }))?.tests ?? [];
  } catch {
    return [];
  }
}

/** Parses and checks the sandbox's output JSON (engine side); anything malformed is rejected or coerced. */
function readOutput(raw: string): ScriptOutput | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const o = parsed as { tests?: unknown; error?: unknown; scopes?: unknown; nextRequest?: unknown; skipRequest?: unknown; visualizer?: unknown; request?: unknown };
  const tests: ScriptTest[] = [];
  if (Array.isArray(o.tests)) {
    for (const t of o.tests as unknown[]) {
      if (!t || typeof t !== 'object') continue;
      const r = t as Record<string, unknown>;
      const test: ScriptTest = { name: String(r['name'] ?? ''), passed: r['passed'] === true, skipped: r['skipped'] === true };
      if (typeof r['message'] === 'string') test.message = r['message'];
      if (typeof r['errorName'] === 'string') test.errorName = r['errorName'];
      tests.push(test);
    }
  }
  const output: ScriptOutput = { tests, scopes: {} };
  if (o.error && typeof o.error === 'object') {
    const e = o.error as Record<string, unknown>;
    output.error = { name: String(e['name'] ?? 'Error'), message: String(e['message'] ?? '') };
  }
  if (o.scopes && typeof o.scopes === 'object') {
    const s = o.scopes as Record<string, unknown>;
    for (const name of ['globals', 'collection', 'environment', 'local'] as const) {
      if (Object.prototype.hasOwnProperty.call(s, name) && Array.isArray(s[name])) output.scopes[name] = readPairs(s[name] as unknown[]);
    }
  }
  if (o.nextRequest === null || typeof o.nextRequest === 'string') output.nextRequest = o.nextRequest;
  if (o.skipRequest === true) output.skipRequest = true;
  if (o.visualizer && typeof o.visualizer === 'object') {
    const v = o.visualizer as Record<string, unknown>;
    if (typeof v['template'] === 'string') {
      output.visualizer = { template: v['template'] };
      if (v['data'] !== undefined) output.visualizer.data = v['data'];
      if (v['options'] !== undefined) output.visualizer.options = v['options'];
    }
  }
  const edit = readEdit(o.request);
  if (edit) output.request = edit;
  return output;
}

function readEdit(raw: unknown): ScriptRequestEdit | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r['url'] !== 'string' || typeof r['method'] !== 'string' || !Array.isArray(r['headers'])) return undefined;
  const headers = (r['headers'] as unknown[]).filter((h): h is [string, string] => Array.isArray(h) && typeof h[0] === 'string' && typeof h[1] === 'string').map((h): [string, string] => [h[0], h[1]]);
  const edit: ScriptRequestEdit = { url: r['url'], method: r['method'], headers };
  if (r['body'] === null) edit.body = null;
  else if (r['body'] && typeof r['body'] === 'object') {
    const b = r['body'] as Record<string, unknown>;
    if (b['mode'] === 'raw' && typeof b['raw'] === 'string') edit.body = { mode: 'raw', raw: b['raw'] };
    else if ((b['mode'] === 'urlencoded' || b['mode'] === 'formdata') && Array.isArray(b['pairs'])) {
      const pairs = (b['pairs'] as unknown[]).filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string');
      edit.body = { mode: b['mode'], pairs } as RequestBodySpec;
    }
  }
  return edit;
}

function readPairs(list: unknown[]): Pairs {
  const pairs: Pairs = [];
  for (const p of list) {
    if (!Array.isArray(p) || typeof p[0] !== 'string') continue;
    pairs.push(p.length > 1 ? [p[0], p[1] as unknown] : [p[0]]);
  }
  return pairs;
}
