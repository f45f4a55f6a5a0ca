/**
 * What crosses the sandbox boundaries. Two hops: the engine (main thread) posts a RunRequest to the sandbox worker
 * (./worker.ts), whose realm hands the vm context the ScriptInput as JSON text and the response body as a string
 * (strings only, never an object); the context's ScriptOutput comes back as JSON text and travels unchanged to the
 * engine, which parses and checks it (./host.ts).
 */

/** Key/value pairs; a one-element tuple means the value is `undefined`. */
export type Pairs = Array<[string, unknown] | [string]>;

export interface ScopesPayload {
  globals: Pairs;
  collection: Pairs;
  environment: Pairs;
  /** The current iteration's data row (-d file), read-only in scripts (pm.iterationData); absent = no data. */
  data?: Pairs;
  local: Pairs;
}

export interface ScriptRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  /** The body text as sent (test scripts), shown as a raw body. */
  body?: string;
  /** The body as defined (prerequest scripts): pm.request.body gets its mode and fields; wins over `body`. */
  bodySpec?: RequestBodySpec;
}

/** A request body as scripts see and edit it: raw text, or the enabled fields of a form. */
export type RequestBodySpec = { mode: 'raw'; raw: string; language?: string } | { mode: 'urlencoded' | 'formdata'; pairs: Array<[string, string]> };

/**
 * The request as a prerequest script left it, when the script changed pm.request (URL text with its `{{variables}}`,
 * method, enabled headers, body; body null = the script removed it, absent = unchanged).
 */
export interface ScriptRequestEdit {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: RequestBodySpec | null;
}

/** A cookie as pm.cookies shows it. */
export interface ScriptCookie {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

/** The body is not part of the JSON: its bytes travel beside it (RunRequest.body) and reach the context as a string. */
export interface ScriptResponse {
  code: number;
  status: string;
  headers: Array<[string, string]>;
  responseTime: number;
  size: number;
}

export interface ScriptInput {
  eventName: 'prerequest' | 'test';
  requestName: string;
  requestId: string;
  /** 0-based, as pm.info.iteration. */
  iteration: number;
  iterationCount: number;
  environmentName?: string;
  scopes: ScopesPayload;
  request: ScriptRequest;
  /** Test scripts only; null when the request failed (pm.response then has no code, as in Postman). */
  response?: ScriptResponse | null;
  /** pm.cookies: the jar's cookies for the request URL; absent = the response's Set-Cookie headers are used. */
  cookies?: ScriptCookie[];
  /** pm.execution.location: the item's folder path and name; absent = just the request name. */
  itemPath?: string[];
}

export interface ScriptTest {
  name: string;
  passed: boolean;
  skipped: boolean;
  message?: string;
  errorName?: string;
}

export interface ScriptOutput {
  tests: ScriptTest[];
  /** The error that escaped the script (outside pm.test). */
  error?: { name: string; message: string };
  /** Scopes the script changed, in full. */
  scopes: Partial<ScopesPayload>;
  /**
   * pm.execution.setNextRequest / postman.setNextRequest: the name or id of the item to run next; null stops the run
   * after the current item. Absent when the script did not call it (the last call wins).
   */
  nextRequest?: string | null;
  /** pm.execution.skipRequest() was called (prerequest scripts only): the request is not sent, test scripts do not run. */
  skipRequest?: boolean;
  /** pm.visualizer.set(template, data, options): kept in the JSON report. */
  visualizer?: { template: string; data?: unknown; options?: unknown };
  /** Prerequest scripts: pm.request as the script changed it (see ../request-edits.ts); absent = unchanged. */
  request?: ScriptRequestEdit;
}

/** pm.sendRequest's request, as the sandbox hands it to the engine (JSON text in SendMessage). */
export interface SendSpec {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: RequestBodySpec;
}

/** The engine's answer to a SendSpec (JSON text in SendReplyMessage; the body travels beside it). */
export type SendReply = { response: ScriptResponse } | { error: { message: string; code?: string } };

/** Worker -> engine while a script runs: send this request for pm.sendRequest. */
export interface SendMessage {
  send: { run: number; seq: number; spec: string };
}

/** Engine -> worker: the reply to a SendMessage. */
export interface SendReplyMessage {
  sendReply: { run: number; seq: number; reply: string; body: string };
}

/** The name the boot code defines on the sandbox global (non-writable, non-configurable). */
export const EXECUTE_GLOBAL = '__sfExecute';

/** Engine -> worker: run one script. */
export interface RunRequest {
  id: number;
  /** The script's number for this run; `source` comes with it the first time a worker sees it. */
  script: number;
  source?: string;
  /** ScriptInput as JSON (without the response body). */
  input: string;
  /**
   * The response body, sent with the first script of a test phase that needs it in this worker: its text when the
   * engine decoded it whole anyway (bodies the result tree keeps), else its bytes (moved, not copied, when large).
   */
  body?: string | Uint8Array;
  /** The script sees a response body: the one just sent, or the one the worker holds from the same phase. */
  hasBody: boolean;
  /** More scripts of the same phase follow: the worker keeps the body (and its parse) for them. */
  keepBody: boolean;
}

/** Engine -> worker, no reply: compile this script now (sent while the request it belongs to is in flight). */
export interface PrepareRequest {
  prepare: true;
  script: number;
  source: string;
}

/** Worker -> engine: the sandbox's ScriptOutput JSON, or why there is none. */
export type RunReply = { id: number; output: string } | { id: number; error: string };

/** Worker -> engine once the context is built. */
export interface ReadyMessage {
  ready: true;
}

/**
 * Tests recorded so far by the running script, for a script stopped at the time limit: the worker appends each
 * recorded test's JSON (a line) to a SharedArrayBuffer the engine reads after terminating it.
 * Layout: Int32 byte length, then UTF-8 lines.
 */
export const PARTIAL_LOG_BYTES = 256 * 1024;
