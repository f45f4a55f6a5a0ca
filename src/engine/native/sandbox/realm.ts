/**
 * Runs inside the sandbox worker (./worker.ts): the worker's own realm is the host of one `node:vm` context that holds
 * chai and the pm bootstrap; this realm also runs the ajv schema validator. The engine (main thread) never touches the
 * context: it posts a script and its input, and gets the output JSON back (./host.ts).
 *
 * Isolation rules kept here:
 * - the context's global is backed by a null-prototype object (a plain `{}` would expose this realm's Object through
 *   `this.constructor`);
 * - only five host functions exist in the sandbox, captured in the bootstrap's closure; they take and return
 *   primitives (or hand back the sandbox's own compiled function) and never throw;
 * - this realm never reads a property of a sandbox object: results come back as the runner script's completion value,
 *   a string; thrown values are only inspected through own data descriptors;
 * - no `timeout` option here: the time limit is the engine's timer, which terminates this whole worker (a synchronous
 *   loop and an endless promise chain alike: microtasks run inside the same evaluation, microtaskMode "afterEvaluate").
 */
import { types } from 'node:util';
import vm from 'node:vm';
import { bootstrap, chaiBundle } from './boot';
import { EXECUTE_GLOBAL, type PrepareRequest, type RunReply, type RunRequest } from './protocol';
import { SchemaValidator } from './schema';

/** The names a script sees besides the globals: pm, console, Postman's legacy globals and its JSON (liquid-json). */
const SCRIPT_PARAMS = ['pm', 'console', 'tests', 'responseBody', 'responseCode', 'responseTime', 'responseHeaders', 'iteration', 'environment', 'globals', 'data', 'postman', 'JSON'];

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

export class Realm {
  private readonly context: vm.Context;
  private readonly runner = new vm.Script(`${EXECUTE_GLOBAL}()`, { filename: 'sfcheck-runner.js' });
  private readonly compiled = new Map<number, Compiled>();
  private readonly schemas = new SchemaValidator();
  private pendingInput = '';
  private pendingFn: unknown = undefined;
  private body: HeldBody | undefined;

  constructor(private readonly partial: PartialLog) {
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

  handle(msg: RunRequest): RunReply {
    this.takeBody(msg);
    try {
      if (msg.source !== undefined) this.prepare({ prepare: true, script: msg.script, source: msg.source });
      const compiled = this.compiled.get(msg.script);
      if (!compiled) return { id: msg.id, error: 'sandbox: unknown script' };
      if ('error' in compiled) return { id: msg.id, error: compiled.error };
      return this.run(msg.id, msg.input, compiled.fn);
    } finally {
      if (!msg.keepBody) this.body = undefined;
    }
  }

  /** Keeps the body's text for the phase; the message's bytes can go as soon as the text exists (no frame holds them). */
  private takeBody(msg: RunRequest): void {
    const body = msg.body;
    msg.body = undefined;
    if (typeof body === 'string') this.body = { text: body };
    else if (body) this.body = { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
    else if (!msg.hasBody) this.body = undefined;
  }

  private run(id: number, input: string, fn: unknown): RunReply {
    this.pendingInput = input;
    this.pendingFn = fn;
    this.partial.reset();
    try {
      const raw: unknown = this.runner.runInContext(this.context);
      return typeof raw === 'string' ? { id, output: raw } : { id, error: 'the script did not complete normally' };
    } catch {
      return { id, error: 'the script broke out of the sfcheck sandbox runner' };
    } finally {
      this.pendingInput = '';
      this.pendingFn = undefined;
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
