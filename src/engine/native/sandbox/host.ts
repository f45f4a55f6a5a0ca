/**
 * The host side of the script sandbox: one `node:vm` context per run (created lazily), no host object inside it.
 *
 * Isolation rules kept here:
 * - the context's global is backed by a null-prototype object (a plain `{}` would expose the host Object through
 *   `this.constructor`);
 * - only three host functions exist in the sandbox, captured in the bootstrap's closure; they take and return
 *   primitives (or hand back the sandbox's own compiled function) and never throw;
 * - the host never reads a property of a sandbox object: results come back as the runner script's completion value,
 *   a string; thrown values are only inspected through own data descriptors;
 * - every entry into the sandbox runs under `timeout`, promise jobs included (microtaskMode "afterEvaluate").
 */
import { types } from 'node:util';
import vm from 'node:vm';
import { bootstrap, chaiBundle } from './boot';
import { EXECUTE_GLOBAL, PARTIAL_GLOBAL, type ScriptInput, type ScriptOutput, type ScriptTest, type Pairs } from './protocol';
import { SchemaValidator } from './schema';

/** The names a script sees besides the globals: pm, console, Postman's legacy globals and its JSON (liquid-json). */
const SCRIPT_PARAMS = ['pm', 'console', 'tests', 'responseBody', 'responseCode', 'responseTime', 'responseHeaders', 'iteration', 'environment', 'globals', 'data', 'postman', 'JSON'];
const BOOT_TIMEOUT_MS = 10_000;
const PARTIAL_TIMEOUT_MS = 1_000;

export type ScriptRun =
  | { ok: true; output: ScriptOutput }
  | { ok: false; message: string; code?: string; tests: ScriptTest[] };

type Compiled = { fn: unknown } | { error: string };

export class Sandbox {
  private readonly context: vm.Context;
  private readonly runner = new vm.Script(`${EXECUTE_GLOBAL}()`, { filename: 'sfcheck-runner.js' });
  private readonly partial = new vm.Script(`${PARTIAL_GLOBAL}()`, { filename: 'sfcheck-partial.js' });
  private readonly compiled = new Map<string, Compiled>();
  private readonly schemas = new SchemaValidator();
  private pendingInput = '';
  private pendingFn: unknown = undefined;

  constructor(private readonly timeoutMs: number) {
    this.context = vm.createContext(Object.create(null) as object, {
      name: 'sfcheck script sandbox',
      codeGeneration: { strings: true, wasm: false },
      microtaskMode: 'afterEvaluate',
    });
    vm.runInContext(chaiBundle(), this.context, { filename: 'chai.js', timeout: BOOT_TIMEOUT_MS });
    const install = vm.runInContext(bootstrap(), this.context, { filename: 'sfcheck-pm.js', timeout: BOOT_TIMEOUT_MS }) as (
      input: () => string,
      fn: () => unknown,
      validate: (schema: unknown, data: unknown, undef: unknown) => string,
    ) => void;
    // No user code has run yet, so calling into the sandbox directly is safe here (and only here).
    install(
      () => this.pendingInput,
      () => this.pendingFn,
      (schema, data, undef) => this.schemas.validate(schema, data, undef),
    );
  }

  run(source: string, input: ScriptInput): ScriptRun {
    const compiled = this.compile(source);
    if ('error' in compiled) return { ok: false, message: compiled.error, tests: [] };
    this.pendingInput = JSON.stringify(input);
    this.pendingFn = compiled.fn;
    try {
      const raw: unknown = this.runner.runInContext(this.context, { timeout: this.timeoutMs });
      if (typeof raw !== 'string') return { ok: false, message: 'the script did not complete normally', tests: [] };
      const output = readOutput(raw);
      return output ? { ok: true, output } : { ok: false, message: 'the script result could not be read', tests: [] };
    } catch (err) {
      if (isTimeout(err)) {
        return { ok: false, message: `Script execution timed out after ${this.timeoutMs} ms`, code: 'ERR_SCRIPT_EXECUTION_TIMEOUT', tests: this.partialTests() };
      }
      return { ok: false, message: 'the script broke out of the sfcheck sandbox runner', tests: [] };
    } finally {
      this.pendingInput = '';
      this.pendingFn = undefined;
    }
  }

  private compile(source: string): Compiled {
    let entry = this.compiled.get(source);
    if (!entry) {
      try {
        entry = { fn: vm.compileFunction(source, SCRIPT_PARAMS, { parsingContext: this.context, filename: 'script.js' }) };
      } catch (err) {
        entry = { error: `SyntaxError: ${ownString(err, 'message') ?? 'the script does not compile'}` };
      }
      this.compiled.set(source, entry);
    }
    return entry;
  }

  private partialTests(): ScriptTest[] {
    try {
      const raw: unknown = this.partial.runInContext(this.context, { timeout: PARTIAL_TIMEOUT_MS });
      return typeof raw === 'string' ? (readOutput(raw)?.tests ?? []) : [];
    } catch {
      return [];
    }
  }
}

/** Reads an own data property as a string without running any getter or proxy trap. */
function ownString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || types.isProxy(value)) return undefined;
  const d = Object.getOwnPropertyDescriptor(value, key);
  return d && 'value' in d && typeof d.value === 'string' ? d.value : undefined;
}

function isTimeout(err: unknown): boolean {
  return ownString(err, 'code') === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Parses and checks the sandbox's output JSON (host realm); anything malformed is rejected or coerced. */
function readOutput(raw: string): ScriptOutput | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const o = parsed as { tests?: unknown; error?: unknown; scopes?: unknown };
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
  return output;
}

function readPairs(list: unknown[]): Pairs {
  const pairs: Pairs = [];
  for (const p of list) {
    if (!Array.isArray(p) || typeof p[0] !== 'string') continue;
    pairs.push(p.length > 1 ? [p[0], p[1] as unknown] : [p[0]]);
  }
  return pairs;
}
