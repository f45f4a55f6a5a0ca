/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * Runs once per context, after chai's browser bundle: takes chai off the global, installs the Postman assertions and
 * the timers, and defines one non-writable, non-configurable global the realm's fixed runner scripts call:
 *  - __sfExecute('run'): pulls the input JSON, the response body text and the compiled script function from the host
 *    and runs the script's synchronous part;
 *  - __sfExecute('resume'): delivers one event the host queued (a timer that fired, a pm.sendRequest reply) to its
 *    callback;
 *  - __sfExecute('settle'): run by the realm after each of the above, once the promise jobs they queued have run:
 *    returns the output JSON when nothing is pending any more (timers, pm.sendRequest replies), else ''.
 * As in Postman's sandbox, a script stays running while it has timers or requests pending (within its time limit).
 * Each recorded test is also sent to the host as it happens (hostRecord), so a script stopped at the time limit keeps
 * the tests it recorded. pm.response's own jsonSchema check is validated on the host's parse of the body
 * (hostValidate with useBody), so the body is not serialised back out of the sandbox.
 * The host functions stay in this closure; every call to them is wrapped so nothing they could throw reaches a script.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxMain(
  hostInput: () => unknown,
  hostFn: () => unknown,
  hostBody: () => unknown,
  hostValidate: (schema: string, data: string, undef: boolean, useBody: boolean) => unknown,
  hostRecord: (line: string) => unknown,
  hostAsync: (op: string, id?: number, a?: unknown, b?: unknown) => unknown,
  makeJson: () => { parse: (text: unknown) => unknown; legacyJSON: unknown },
  installChai: (
    chai: any,
    isResponse: (o: unknown) => boolean,
    isRequest: (o: unknown) => boolean,
    validate: (s: unknown, d: unknown) => { valid: boolean; text: string },
    validateBody: (o: unknown, s: unknown) => { valid: boolean; text: string } | undefined,
  ) => void,
  makeMessages: (chai: any, json: { parse: (text: unknown) => unknown }, responses: WeakSet<object>, requests: WeakSet<object>) => { plainJson: (o: any) => boolean },
  makePm: (chai: any, json: { parse: (text: unknown) => unknown; legacyJSON: unknown }, messages: any, log: (test: unknown) => void, tasks: any) => (input: any, out: any) => any,
): void {
  'use strict';
  interface Execution {
    args: unknown[];
    response: unknown;
    escaped: (e: unknown) => { name: string; message: string } | undefined;
    /** After the synchronous part: Postman's legacy `tests` object is read then. */
    afterSync: () => void;
    finish: () => void;
  }
  const g: any = globalThis;
  const chai = g.chai;
  delete g.chai;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;

  const call0 = (fn: () => unknown): unknown => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };
  const host = (op: string, id?: number, a?: unknown, b?: unknown): unknown => {
    try {
      return hostAsync(op, id, a, b);
    } catch {
      return undefined;
    }
  };

  const json = makeJson();
  const responses = new WeakSet<object>();
  const requests = new WeakSet<object>();
  const messages = makeMessages(chai, json, responses, requests);
  let currentResponse: unknown = null;

  const askHost = (schema: unknown, dataText: string, undef: boolean, useBody: boolean): any => {
    let raw: unknown;
    try {
      raw = hostValidate(String(stringify(schema)), dataText, undef, useBody);
    } catch {
      raw = undefined;
    }
    if (typeof raw !== 'string') throw new Error('jsonSchema: schema validation is unavailable');
    const res = parse(raw);
    if (typeof res.error === 'string') throw new Error(res.error);
    return res;
  };
  const validate = (schema: unknown, data: unknown): { valid: boolean; text: string } => {
    const undef = data === undefined;
    const dataText = undef ? '' : stringify(data);
    const res = askHost(schema, String(dataText === undefined ? '' : dataText), undef, false);
    return { valid: res.valid === true, text: String(res.text) };
  };
  // The running script's own pm.response, with Postman's json(): the host parses the same body text afresh, as
  // Postman's json() would. Anything else (another object, an overridden json) takes the sandbox path.
  const validateBody = (obj: unknown, schema: unknown): { valid: boolean; text: string } | undefined => {
    if (obj === null || obj !== currentResponse || !messages.plainJson(obj)) return undefined;
    const res = askHost(schema, '', false, true);
    if (res.noBody === true) return undefined;
    return { valid: res.valid === true, text: String(res.text) };
  };
  installChai(
    chai,
    (o) => typeof o === 'object' && o !== null && responses.has(o),
    (o) => typeof o === 'object' && o !== null && requests.has(o),
    validate,
    validateBody,
  );
  const log = (test: unknown): void => {
    try {
      hostRecord(stringify(test));
    } catch {
      // the log only matters for a script stopped at the time limit
    }
  };

  // ---- pending work of the running script: timers and pm.sendRequest callbacks, by id -------------------------
  interface Task {
    fn: (...a: any[]) => unknown;
    args: unknown[];
    repeat: boolean;
    send: boolean;
  }
  let tasks = new Map<number, Task>();
  let nextTask = 1;
  let out: any = null;
  let api: Execution | null = null;
  let stopped = false;

  /** A callback's escaping error: the first one is the script's error (Postman reports it as an execution error). */
  const runCallback = (fn: (...a: any[]) => unknown, args: unknown[]): void => {
    try {
      apply(fn, undefined, args);
    } catch (e) {
      if (!api) return;
      const error = api.escaped(e);
      if (!error) stop();
      else if (!out.error) out.error = error;
    }
  };
  /** pm.execution.skipRequest(): nothing pending runs any more. */
  const stop = (): void => {
    stopped = true;
    tasks.clear();
    host('clearAll');
  };
  const taskApi = {
    /** Arms a timer; returns its id (0 when the script is no longer running). */
    timer(fn: unknown, delay: unknown, args: unknown[], repeat: boolean): number {
      if (!out || stopped || typeof fn !== 'function') return 0;
      const id = nextTask++;
      tasks.set(id, { fn: fn as (...a: any[]) => unknown, args, repeat, send: false });
      const ms = Number(delay);
      host('timer', id, ms > 0 ? ms : 0, repeat);
      return id;
    },
    clear(id: unknown): void {
      const task = typeof id === 'number' ? tasks.get(id) : undefined;
      if (!task || task.send) return;
      tasks.delete(id as number);
      host('clear', id as number);
    },
    /** Sends a request spec (JSON text) to the host; `done(replyJson, bodyText)` runs when it answers. */
    send(spec: string, done: (reply: any, body: string) => void): boolean {
      if (!out || stopped) return false;
      const id = nextTask++;
      tasks.set(id, { fn: done as (...a: any[]) => unknown, args: [], repeat: false, send: true });
      host('send', id, spec);
      return true;
    },
  };
  const build = makePm(chai, json, messages, log, taskApi);

  // Postman's scope imports these; they are globals here so libraries loaded into the context see them too.
  const defineTimer = (name: string, fn: unknown): void => {
    defineProperty(g, name, { value: fn, writable: true, configurable: true, enumerable: false });
  };
  defineTimer('setTimeout', function setTimeout(fn: unknown, delay?: unknown, ...args: unknown[]) {
    return taskApi.timer(fn, delay, args, false);
  });
  defineTimer('setInterval', function setInterval(fn: unknown, delay?: unknown, ...args: unknown[]) {
    return taskApi.timer(fn, delay, args, true);
  });
  defineTimer('setImmediate', function setImmediate(fn: unknown, ...args: unknown[]) {
    return taskApi.timer(fn, 0, args, false);
  });
  for (const name of ['clearTimeout', 'clearInterval', 'clearImmediate']) {
    defineTimer(name, function (id: unknown) {
      taskApi.clear(id);
    });
  }

  const fatal = (message: string): string => stringify({ tests: [], scopes: {}, error: { name: 'Error', message } });

  function run(): void {
    tasks = new Map();
    stopped = false;
    api = null;
    out = null;
    const inputText = call0(hostInput);
    const fn = call0(hostFn);
    if (typeof inputText !== 'string' || inputText === '' || typeof fn !== 'function') {
      out = { fatal: 'sandbox: no script to run' };
      return;
    }
    const input = parse(inputText);
    if (input.response) {
      const body = call0(hostBody);
      input.response.body = typeof body === 'string' ? body : '';
    }
    out = { tests: [], scopes: {} };
    let execution: Execution;
    try {
      execution = build(input, out);
    } catch (e) {
      let why = 'unknown error';
      try {
        why = String(e && (e as any).message);
      } catch {
        // keep the generic text
      }
      out = { fatal: 'sandbox: the script API could not be set up: ' + why };
      return;
    }
    api = execution;
    currentResponse = execution.response;
    runCallback(fn as (...a: any[]) => unknown, execution.args);
    execution.afterSync();
  }

  function resume(): void {
    const event = call0(() => host('event'));
    if (typeof event !== 'string' || !out || stopped) return;
    const e = parse(event);
    if (typeof e.rejection === 'string') {
      if (!out.error) out.error = { name: 'Error', message: 'Unhandled promise rejection: ' + e.rejection };
      return;
    }
    const task = tasks.get(e.id);
    if (!task) return;
    if (task.send) {
      tasks.delete(e.id);
      const body = call0(() => host('eventBody'));
      runCallback(task.fn, [e.reply, typeof body === 'string' ? body : '']);
      return;
    }
    if (!task.repeat) tasks.delete(e.id);
    runCallback(task.fn, task.args);
  }

  function settle(): string {
    if (!out) return fatal('sandbox: no script to run');
    if (out.fatal) return fatal(out.fatal);
    if (!stopped && tasks.size > 0) return '';
    if (!stopped) host('clearAll');
    const done = out;
    const execution = api as Execution;
    out = null;
    api = null;
    currentResponse = null;
    tasks = new Map();
    execution.finish();
    try {
      return stringify(done);
    } catch (e) {
      return fatal('sandbox: the script result could not be serialised: ' + String(execution.escaped(e)?.message));
    }
  }

  function execute(step: unknown): string {
    if (step === 'run') run();
    else if (step === 'resume') resume();
    else if (step === 'settle') return settle();
    return '';
  }

  defineProperty(g, '__sfExecute', { value: execute, writable: false, configurable: false, enumerable: false });
}
