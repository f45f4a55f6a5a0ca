/**
 * Runs the scripts of one event (collection's, then folders', then the item's) for one request in the run's sandbox,
 * records their test outcomes and errors on the request result, and applies variable changes to the host scopes.
 */
import type { RequestResult, TestOutcome } from '../result';
import { SandboxUnavailable, type Sandbox } from './sandbox/host';
import { editedScriptRequest } from './request-edits';
import type { Pairs, ScopesPayload, ScriptCookie, ScriptInput, ScriptRequest, ScriptRequestEdit, ScriptResponse } from './sandbox/protocol';
import { SCOPE_ORDER, type ScopeName, type Scopes } from './variables';

export interface PhaseInput {
  phase: 'prerequest' | 'test';
  sources: readonly string[];
  base: Pick<ScriptInput, 'requestName' | 'requestId' | 'iteration' | 'iterationCount' | 'environmentName' | 'itemPath'>;
  request: ScriptRequest;
  /** Test phase: the run's cookie jar for the request URL (pm.cookies). */
  cookies?: ScriptCookie[];
  /** Test phase only: null when the request failed. */
  response?: ScriptResponse | null;
  /**
   * Test phase only: the response body, as text when the engine decoded it whole, else its bytes (which may be moved
   * to the sandbox worker: do not use them afterwards).
   */
  body?: string | Buffer;
}

/** What the scripts of one phase asked of the run loop (postman-runtime's reading of each execution's return). */
export interface PhaseFlow {
  /** Present when a script called setNextRequest: the last call of the phase wins. */
  nextRequest?: { value: string | null };
  /** pm.execution.skipRequest() (prerequest only): the phase's later scripts did not run either. */
  skip: boolean;
  /** pm.visualizer.set() of the phase's last script that set one. */
  visualizer?: { template: string; data?: unknown };
  /** Prerequest phase: pm.request as the phase's scripts left it (applied to the item before it is built). */
  request?: ScriptRequestEdit;
}

export async function runPhase(sandbox: Sandbox, scopes: Scopes, input: PhaseInput, result: RequestResult): Promise<PhaseFlow> {
  const { sources } = input;
  const flow: PhaseFlow = { skip: false };
  for (let i = 0; i < sources.length; i++) {
    const scriptInput: ScriptInput = {
      ...input.base,
      eventName: input.phase,
      scopes: payload(scopes),
      request: input.request,
      ...(input.phase === 'test' ? { response: input.response ?? null } : {}),
      ...(input.cookies ? { cookies: input.cookies } : {}),
    };
    const body = input.phase === 'test' && input.response && input.body !== undefined ? { data: input.body, last: i === sources.length - 1 } : undefined;
    let run: Awaited<ReturnType<Sandbox['run']>>;
    try {
      run = await sandbox.run(sources[i] as string, scriptInput, body);
    } catch (err) {
      if (!(err instanceof SandboxUnavailable)) throw err;
      result.errors.push({ kind: 'engine', message: `script sandbox unavailable: ${err.message}` });
      return flow;
    }
    if (!run.ok) {
      for (const t of run.tests) result.tests.push(outcome(t));
      result.errors.push(run.code ? { kind: 'script', phase: input.phase, message: run.message, code: run.code } : { kind: 'script', phase: input.phase, message: run.message });
      continue;
    }
    const { output } = run;
    for (const t of output.tests) result.tests.push(outcome(t));
    for (const scope of SCOPE_ORDER) {
      const changed = output.scopes[scope];
      // A value a script set to undefined comes back null: postman-sandbox hands the scopes back to postman-runtime
      // as JSON, so from the next script on it reads null and resolves to "null" (e.g. {{_jobId}} after
      // `pm.environment.set("_jobId", response.id)` on a response without an id).
      if (changed) scopes[scope].replaceWith(changed.map((p) => [p[0], p.length > 1 && p[1] !== undefined ? p[1] : null] as const));
    }
    if (output.error) result.errors.push({ kind: 'script', phase: input.phase, message: `${output.error.name}: ${output.error.message}` });
    if (input.phase === 'prerequest' && output.request) {
      // The phase's later scripts see the edited request (one Request object per phase, as in Postman).
      flow.request = output.request;
      input.request = editedScriptRequest(output.request, input.request);
    }
    if (output.nextRequest !== undefined) flow.nextRequest = { value: typeof output.nextRequest === 'string' || output.nextRequest === null ? output.nextRequest : String(output.nextRequest) };
    if (output.visualizer && typeof output.visualizer.template === 'string') {
      flow.visualizer = output.visualizer.data === undefined ? { template: output.visualizer.template } : { template: output.visualizer.template, data: output.visualizer.data };
    }
    // postman-runtime runs none of the phase's later scripts once one asked to skip the request.
    if (input.phase === 'prerequest' && output.skipRequest === true) {
      flow.skip = true;
      break;
    }
  }
  return flow;
}

function outcome(t: { name: string; passed: boolean; skipped: boolean; message?: string; errorName?: string }): TestOutcome {
  const o: TestOutcome = { name: t.name, passed: t.passed, skipped: t.skipped };
  if (t.message !== undefined) o.message = t.message;
  if (t.errorName !== undefined) o.errorName = t.errorName;
  return o;
}

function payload(scopes: Scopes): ScopesPayload {
  const pairs = (name: ScopeName): Pairs => scopes[name].pairs().map(([k, v]) => (v === undefined ? [k] : [k, v]));
  const out: ScopesPayload = { globals: pairs('globals'), collection: pairs('collection'), environment: pairs('environment'), local: pairs('local') };
  if (scopes.data) out.data = [...scopes.data].map(([k, v]): [string, unknown] | [string] => (v === undefined ? [k] : [k, v]));
  return out;
}
