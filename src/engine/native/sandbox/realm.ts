/**
 * Runs inside the sandbox worker (./worker.ts): the worker's own realm is the host of one `node:vm` context that holds
 * chai and the pm bootstrap; this realm also runs the ajv schema validator. The engine (main thread) never touches the
 * context: it posts a script and its input, and gets the output JSON back (./host.ts).
 *
 * Isolation rules kept here:
 * - the context's global is backed by a null-prototype object (a plain `{}` would expose this realm's Object through
 *   `this.constructor`);
 * - only six host functions exist in the sandbox, captured in the bootstrap's closure; they take and return
 *   primitives (or hand back the sandbox's own compiled function) and never throw; the sixth (hostAsync) arms timers,
 *   forwards pm.sendRequest to the engine, hands over the event being delivered, and serves the libraries;
 * - this realm never reads a property of a sandbox object: results come back as the runner scripts' completion value,
 *   a string; thrown values and rejection reasons are only inspected through own data descriptors;
 * - a script is over when the sandbox says nothing is pending ('settle', after the promise jobs of each step ran);
 *   until then timer firings and request replies are delivered to it one at a time ('resume');
 * - no `timeout` option here: the time limit is the engine's timer, which terminates this whole worker (a synchronous
 *   loop and an endless promise chain alike: microtasks run inside the same evaluation, microtaskMode "afterEvaluate").
 */
import { types } from 'node:util';
import vm from 'node:vm';
import { bootstrap, chaiBundle } from './boot';
import { EXECUTE_GLOBAL, type PrepareRequest, type RunReply, type RunRequest, type SendMessage, type SendReplyMessage } from './protocol';
import { SchemaValidator } from './schema';

/**
 * The names a script sees besides the globals: pm, console, require, Postman's legacy globals and its JSON
 * (liquid-json). The same list, in the same order, is in ./side-pm.ts, which supplies the values.
 */
export const SCRIPT_PARAMS = ['pm', 'console', 'require', 'postman', 'tests', 'request', 'responseBody', 'responseCode', 'responseTime', 'responseHeaders', 'responseCookies', 'iteration', 'environment', 'globals', 'data', 'JSON'];

type Compiled = { fn: unknown } | { error: string };

/** The response body of the current test phase: text for the sandbox, parsed once (lazily) for schema checks. */
interface HeldBody {
  text: string;
  parsed?: { ok: true; value: unknown } | { ok: false };
}

/** Appends recorded tests (JSON lines) to the shared buffer the engine reads after a time-out. */
export class PartialLog {
  private readonly length: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly encoder = new TextEncoder();

  constructor(shared: SharedArrayBuffer) {
    this.length = new Int32Array(shared, 0, 1);
    this.bytes = new Uint8Array(shared, 4);
  }

  reset(): void {
    Atomics.store(this.length, 0, 0);
  }

  append(line: string): void {
    const at = Atomics.load(this.length, 0);
    // Worst case 3 bytes per UTF-16 unit, plus the newline; a log that is full keeps what it has.
    if (at + 1 + line.length * 3 > this.bytes.length) return;
    this.bytes[at] = 0x0a;
    const { written } = this.encoder.encodeInto(line, this.bytes.subarray(at + 1));
    Atomics.store(this.length, 0, at + 1 + written);
  }
}

/** The script in progress: its reply waits while it has timers or pm.sendRequest replies pending. */
interface Active {
  id: number;
  keepBody: boolean;
  timers: Map<number, NodeJS.Timeout>;
  /** The event being delivered to the sandbox ('resume'), as JSON, and a reply body beside it. */
  event?: string;
  eventBody?: string;
  resolve?: (reply: RunReply) => void;
}

export class Realm {
  private readonly context: vm.Context;
  private readonly runners = {
    run: new vm.Script(`${EXECUTE_GLOBAL}('run')`, { filename: 'sfcheck-runner.js' }),
    resume: new vm.Script(`${EXECUTE_GLOBAL}('resume')`, { filename: 'sfcheck-runner.js' }),
    settle: new vm.Script(`${EXECUTE_GLOBAL}('settle')`, { filename: 'sfcheck-runner.js' }),
  };
  private readonly compiled = new Map<number, Compiled>();
  private readonly schemas = new SchemaValidator();
  private pendingInput = '';
  private pendingFn: unknown = undefined;
  private body: HeldBody | undefined;
  private active: Active | undefined;

  constructor(
    private readonly partial: PartialLog,
    private readonly post: (msg: SendMessage) => void = () => undefined,
  ) {
    this.context = vm.createContext(Object.create(null) as object, {
      name: 'sfcheck script sandbox',
      codeGeneration: { strings: true, wasm: false },
      microtaskMode: 'afterEvaluate',
    });
    vm.runInContext(chaiBundle(), this.context, { filename: 'chai.js' });
    const install = vm.runInContext(bootstrap(), this.context, { filename: 'sfcheck-pm.js' }) as (
      input: () => string,
      fn: () => unknown,
      body: () => string | undefined,
      validate: (schema: unknown, data: unknown, undef: unknown, useBody: unknown) => string,
      record: (line: unknown) => void,
      async: (op: unknown, id: unknown, a: unknown, b: unknown) => unknown,
    ) => void;
    // No user code has run yet, so calling into the sandbox directly is safe here (and only here).
    install(
      () => this.pendingInput,
      () => this.pendingFn,
      () => this.body?.text,
      (schema, data, undef, useBody) => (useBody === true ? this.validateBody(schema) : this.schemas.validate(schema, data, undef)),
      (line) => {
        if (typeof line === 'string') this.partial.append(line);
      },
      (op, id, a, b) => {
        try {
          return this.hostAsync(op, id, a, b);
        } catch {
          return undefined;
        }
      },
    );
  }

  /** Work worth doing before the first script, once the worker has said it is ready. */
  warm(): void {
    this.schemas.warm();
  }

  /** Compiles a script ahead of its run (the engine sends it while the request is in flight). */
  prepare(msg: PrepareRequest): void {
    if (!this.compiled.has(msg.script)) this.compiled.set(msg.script, compile(msg.source, this.context));
  }

  /** Runs one script; the reply waits (a promise) while the script has timers or requests pending. */
  handle(msg: RunRequest): RunReply | Promise<RunReply> {
    if (this.active) return { id: msg.id, error: 'the script sandbox is busy with another script' };
    this.takeBody(msg);
    let sync: RunReply | undefined;
    try {
      if (msg.source !== undefined) this.prepare({ prepare: true, script: msg.script, source: msg.source });
      const compiled = this.compiled.get(msg.script);
      if (!compiled) sync = { id: msg.id, error: 'sandbox: unknown script' };
      else if ('error' in compiled) sync = { id: msg.id, error: compiled.error };
      else sync = this.run(msg, compiled.fn);
    } catch (err) {
      this.active = undefined;
      throw err;
    } finally {
      if (sync && !msg.keepBody) this.body = undefined;
    }
    if (sync) return sync;
    return new Promise<RunReply>((resolve) => {
      if (this.active) this.active.resolve = resolve;
    });
  }

  /** The engine's answer to a pm.sendRequest of the script in progress. */
  deliverSend(msg: SendReplyMessage): void {
    const { run, seq, reply, body } = msg.sendReply;
    if (!this.active || this.active.id !== run) return;
    this.deliver(`{"id":${Number(seq)},"reply":${reply}}`, body);
  }

  /**
   * A promise rejected without a handler: reported to the running script as an event (its error, unless it has one);
   * after the script is over there is nothing to report it to. The reason is read without running sandbox code.
   */
  unhandledRejection(reason: unknown): void {
    if (!this.active) return;
    const message = typeof reason === 'string' ? reason : (ownString(reason, 'message') ?? 'a promise was rejected and the rejection was not handled');
    this.deliver(JSON.stringify({ rejection: message }));
  }

  /** Keeps the body's text for the phase; the message's bytes can go as soon as the text exists (no frame holds them). */
  private takeBody(msg: RunRequest): void {
    const body = msg.body;
    msg.body = undefined;
    if (typeof body === 'string') this.body = { text: body };
    else if (body) this.body = { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
    else if (!msg.hasBody) this.body = undefined;
  }

  /** The synchronous part; returns the reply when nothing is pending, else undefined (the script goes on). */
  private run(msg: RunRequest, fn: unknown): RunReply | undefined {
    this.active = { id: msg.id, keepBody: msg.keepBody, timers: new Map() };
    this.pendingInput = msg.input;
    this.pendingFn = fn;
    this.partial.reset();
    try {
      this.runners.run.runInContext(this.context);
    } catch {
      return this.complete({ id: msg.id, error: 'the script broke out of the sfcheck sandbox runner' });
    } finally {
      this.pendingInput = '';
      this.pendingFn = undefined;
    }
    return this.settle();
  }

  /** Hands one event to the sandbox, then completes the script if nothing is pending any more. */
  private deliver(event: string, body?: string): void {
    const active = this.active;
    if (!active) return;
    active.event = event;
    active.eventBody = body;
    try {
      this.runners.resume.runInContext(this.context);
    } catch {
      this.complete({ id: active.id, error: 'the script broke out of the sfcheck sandbox runner' });
      return;
    } finally {
      active.event = undefined;
      active.eventBody = undefined;
    }
    this.settle();
  }

  /** Asks the sandbox (after the promise jobs of the last step ran) whether the script is over. */
  private settle(): RunReply | undefined {
    const id = (this.active as Active).id;
    let raw: unknown;
    try {
      raw = this.runners.settle.runInContext(this.context);
    } catch {
      return this.complete({ id, error: 'the script broke out of the sfcheck sandbox runner' });
    }
    if (raw === '') return undefined;
    return this.complete(typeof raw === 'string' ? { id, output: raw } : { id, error: 'the script did not complete normally' });
  }

  /** Ends the script in progress: its timers go, and a waiting reply is sent (async path). */
  private complete(reply: RunReply): RunReply {
    const active = this.active;
    this.active = undefined;
    if (active) {
      for (const t of active.timers.values()) clearTimeout(t);
      if (active.resolve) {
        if (!active.keepBody) this.body = undefined;
        active.resolve(reply);
      }
    }
    return reply;
  }

  /** The sandbox's asynchronous needs: timers, pm.sendRequest, the event being delivered, libraries. */
  private hostAsync(op: unknown, id: unknown, a: unknown, b: unknown): unknown {
    const active = this.active;
    switch (op) {
      case 'timer': {
        if (!active || typeof id !== 'number') return undefined;
        const ms = typeof a === 'number' && a > 0 ? Math.min(a, 2_147_483_647) : 0;
        const fire = (): void => this.deliver(`{"id":${id}}`);
        active.timers.set(id, a !== undefined && b === true ? setInterval(fire, Math.max(ms, 1)) : setTimeout(fire, ms));
        return undefined;
      }
      case 'clear': {
        const t = active && typeof id === 'number' ? active.timers.get(id) : undefined;
        if (t && active) {
          clearTimeout(t);
          active.timers.delete(id as number);
        }
        return undefined;
      }
      case 'clearAll':
        if (active) for (const t of active.timers.values()) clearTimeout(t);
        active?.timers.clear();
        return undefined;
      case 'send':
        if (active && typeof id === 'number' && typeof a === 'string') this.post({ send: { run: active.id, seq: id, spec: a } });
        return undefined;
      case 'validate':
        // require('ajv') in a script: schema and data as JSON text (data undefined when `b` is not a string).
        return this.schemas.validate(a, typeof b === 'string' ? b : '', typeof b !== 'string');
      case 'event':
        return active?.event;
      case 'eventBody':
        return active?.eventBody;
      default:
        // The library host is loaded on first use: most runs never need it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return typeof op === 'string' ? (require('./libraries') as typeof import('./libraries')).hostLibrary(op, a, b) : undefined;
    }
  }

  /** pm.response's own jsonSchema check: this realm's parse of the body (Postman parses it afresh for each check). */
  private validateBody(schema: unknown): string {
    const body = this.body;
    if (!body) return '{"noBody":true}';
    if (!body.parsed) {
      try {
        const text = body.text.charCodeAt(0) === 0xfeff ? body.text.slice(1) : body.text;
        body.parsed = { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        body.parsed = { ok: false };
      }
    }
    return body.parsed.ok ? this.schemas.validateValue(schema, body.parsed.value) : '{"noBody":true}';
  }
}

function compile(source: string, context: vm.Context): Compiled {
  try {
    return { fn: vm.compileFunction(source, SCRIPT_PARAMS, { parsingContext: context, filename: 'script.js' }) };
  } catch (err) {
    return { error: `SyntaxError: ${ownString(err, 'message') ?? 'the script does not compile'}` };
  }
}

/** Reads an own data property as a string without running any getter or proxy trap. */
function ownString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || types.isProxy(value)) return undefined;
  const d = Object.getOwnPropertyDescriptor(value, key);
  return d && 'value' in d && typeof d.value === 'string' ? d.value : undefined;
}
