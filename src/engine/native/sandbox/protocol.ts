/**
 * What crosses the sandbox boundary, as JSON text only. The host serialises a ScriptInput before each script and
 * reads back a ScriptOutput string; nothing else passes between the realms.
 */

/** Key/value pairs; a one-element tuple means the value is `undefined`. */
export type Pairs = Array<[string, unknown] | [string]>;

export interface ScopesPayload {
  globals: Pairs;
  collection: Pairs;
  environment: Pairs;
  local: Pairs;
}

export interface ScriptRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: string;
}

export interface ScriptResponse {
  code: number;
  status: string;
  headers: Array<[string, string]>;
  body: string;
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
}

/** Names the boot code defines on the sandbox global (non-writable, non-configurable). */
export const EXECUTE_GLOBAL = '__sfExecute';
export const PARTIAL_GLOBAL = '__sfPartial';
