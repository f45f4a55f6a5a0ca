/**
 * The native run loop: walk the collection (the --folder selection of it), then per iteration and per request run
 * prerequest scripts, build and send the request, run test scripts, follow setNextRequest / skipRequest (./flow.ts);
 * emit listener events in order and assemble the RunResult tree.
 */
import { keepBody } from '../body';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  type KeyValue,
  type ReceivedResponse,
  type RequestResult,
  type RunInput,
  type RunListener,
  type RunResult,
} from '../result';
import { CollectionShapeError, flattenCollection, type FlatItem } from './collection';
import { FolderSelectionError, selectItems } from './folders';
import { dataRowOf, DEFAULT_MAX_STEPS, FLOW_LOOP_CODE, inContractOrder, iterationCountOf, loopMessage, NextRequestLookup } from './flow';
import { cutOffResult, DEADLINE_CODE, notReachedResult, RunDeadline } from './deadline';
import { createDispatchContext, dispatch, sentRequestOf, type DispatchContext } from './dispatch';
import { cookieJar, createAgent, type HttpOptions, type HttpResponse } from './http';
import type { StoredCookie } from './cookies';
import { applyRequestEdit, scriptRequestFor } from './request-edits';
import { buildRequest, requestMethod, testPhaseHeaders, type PreparedRequest } from './request';
import { Sandbox } from './sandbox/host';
import type { ScriptCookie, ScriptResponse } from './sandbox/protocol';
import { runPhase, type PhaseFlow, type PhaseInput } from './scripts';
import { urlTemplate } from './url';
import { dataRow, Resolver, unresolvedReferences, VariableStore, type Scopes } from './variables';

export interface NativeEngineOptions {
  /** Follow 3xx responses with a Location header (newman's default: true). */
  followRedirects?: boolean;
  /** Redirects followed per request before failing (newman's default: 10). */
  maxRedirects?: number;
}

const round = (ms: number): number => Math.round(ms);

export async function runCollection(input: RunInput, listener: RunListener | undefined, options: NativeEngineOptions): Promise<RunResult> {
  const t0 = performance.now();
  const warnings: string[] = [];
  const seen = new Set<string>();
  const notify = (hook: string, call: () => void): void => {
    try {
      call();
    } catch (err) {
      warnings.push(`listener ${hook} threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const warn = (message: string): void => {
    if (seen.has(message)) return;
    seen.add(message);
    warnings.push(message);
    notify('onWarning', () => listener?.onWarning?.(message));
  };

  const result: RunResult = {
    engine: 'native',
    collection: { id: '', name: '' },
    ...(input.environment ? { environment: input.environment.name } : {}),
    startedAt: new Date().toISOString(),
    durationMs: 0,
    iterations: 1,
    requests: [],
    warnings,
    variables: { environment: [], collection: [], globals: [] },
  };

  let items: FlatItem[] = [];
  let scopes: Scopes | undefined;
  try {
    const flat = flattenCollection(input.collection);
    result.collection = { id: flat.id, name: flat.name };
    items = selectItems(flat.items, flat.tree, input.folders);
    scopes = {
      globals: new VariableStore(input.globals?.values),
      collection: new VariableStore(flat.variables),
      environment: new VariableStore(input.environment?.values),
      local: new VariableStore(),
    };
  } catch (err) {
    const why = err instanceof CollectionShapeError || err instanceof FolderSelectionError ? err.message : `the collection could not be read: ${String(err)}`;
    result.error = { kind: 'engine', message: why };
  }

  const iterations = iterationCountOf(input);
  result.iterations = iterations;
  // The plan; setNextRequest may make the run longer or shorter.
  const total = items.length * iterations;
  notify('onRunStart', () => listener?.onRunStart?.({ engine: 'native', collection: result.collection.name, total }));

  if (scopes) {
    const timeoutMs = input.timeoutRequestMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const scriptTimeoutMs = input.scriptTimeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
    const agent = createAgent(timeoutMs, { ...(input.extraCaCerts ? { extraCa: input.extraCaCerts.pem } : {}), ...(input.insecure ? { insecure: true } : {}) });
    // --timeout: once the run deadline passes, the item in flight is given up and the rest is skipped.
    const deadline = new RunDeadline(input.timeoutMs ?? 0);
    // The item in flight (if any) is cut off; the rest of this iteration and every later one is skipped.
    const stopAt = (iteration: number, position: number, index: number, inFlightSince?: number): void => {
      const now = performance.now();
      let k = 0;
      for (let it = iteration; it < iterations; it++) {
        for (const item of items.slice(it === iteration ? position : 0)) {
          const r = k === 0 && inFlightSince !== undefined ? cutOffResult(item, deadline, round(inFlightSince - t0), round(now - inFlightSince), it + 1) : notReachedResult(item, deadline, round(now - t0), it + 1);
          result.requests.push(r);
          const at = index + k++;
          notify('onRequestEnd', () => listener?.onRequestEnd?.(r, { index: at, total }));
        }
      }
      result.error = { kind: 'timeout', message: deadline.reason, code: DEADLINE_CODE };
    };
    // One sandbox worker per run, booting while the first request is in flight when any item has scripts.
    const sandbox = new Sandbox(scriptTimeoutMs, { agent, timeoutMs });
    if (items.some((i) => i.prerequest.length > 0 || i.test.length > 0)) sandbox.start();
    const ctx: ItemContext = {
      scopes,
      warn,
      sandbox,
      http: (profile) => ({
        timeoutMs,
        followRedirects: profile.followRedirects ?? options.followRedirects ?? true,
        maxRedirects: profile.maxRedirects ?? options.maxRedirects ?? 10,
        followOriginalHttpMethod: profile.followOriginalHttpMethod ?? false,
        followAuthorizationHeader: profile.followAuthorizationHeader ?? false,
      }),
      agent,
      dispatch: createDispatchContext({ agent, deadline, scopes, warn, timeoutMs, ...(input.retries !== undefined ? { retries: input.retries } : {}), ...(input.auth ? { auth: input.auth } : {}) }),
      t0,
      iterationCount: iterations,
      ...(input.workingDir ? { workingDir: input.workingDir } : {}),
      ...(input.environment ? { environmentName: input.environment.name } : {}),
    };
    const lookup = new NextRequestLookup(items);
    const maxSteps = input.maxSteps ?? DEFAULT_MAX_STEPS;
    let index = 0;
    // Scripts never run synchronously inside the caller's stack frame.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      run: for (let iteration = 0; iteration < iterations; iteration++) {
        const row = dataRowOf(input.iterationData, iteration);
        if (row) scopes.data = dataRow(row);
        let position = 0;
        let jumps = 0;
        while (position < items.length) {
          const item = items[position] as FlatItem;
          if (deadline.passed) {
            stopAt(iteration, position, index);
            break run;
          }
          notify('onRequestStart', () => listener?.onRequestStart?.({ index, total, name: item.name, path: item.path }));
          const began = performance.now();
          const outcome = await deadline.race(runItem(item, ctx, iteration));
          if (outcome === 'deadline') {
            stopAt(iteration, position, index, began);
            break run;
          }
          const { request, next } = outcome;
          result.requests.push(request);
          const done = index++;
          notify('onRequestEnd', () => listener?.onRequestEnd?.(request, { index: done, total }));
          if (!next) {
            position += 1;
            continue;
          }
          const target = lookup.positionOf(next.value);
          if (target === undefined) break;
          if (target !== position + 1 && ++jumps > maxSteps) {
            result.error = { kind: 'engine', code: FLOW_LOOP_CODE, message: loopMessage(maxSteps, iteration, item.name, (items[target] as FlatItem).name) };
            break run;
          }
          position = target;
        }
      }
    } catch (err) {
      result.error = { kind: 'engine', message: `native engine failure: ${err instanceof Error ? err.message : String(err)}` };
    } finally {
      deadline.dispose();
      sandbox.close();
      await agent.destroy().catch(() => undefined);
    }
    result.variables = { environment: scopes.environment.export(), collection: scopes.collection.export(), globals: scopes.globals.export() };
  }

  result.durationMs = round(performance.now() - t0);
  notify('onRunEnd', () => listener?.onRunEnd?.(result));
  return result;
}

interface ItemContext {
  scopes: Scopes;
  warn: (message: string) => void;
  sandbox: Sandbox;
  http: (profile: FlatItem['profile']) => HttpOptions;
  agent: ReturnType<typeof createAgent>;
  dispatch: DispatchContext;
  t0: number;
  iterationCount: number;
  /** Base folder for body file references (RunInput.workingDir). */
  workingDir?: string;
  environmentName?: string;
}

/** One item's result, and the setNextRequest its scripts left (test phase over prerequest phase). */
interface ItemOutcome {
  request: RequestResult;
  next?: { value: string | null };
}

async function runItem(item: FlatItem, ctx: ItemContext, iteration: number): Promise<ItemOutcome> {
  const started = performance.now();
  const result: RequestResult = {
    id: item.id,
    name: item.name,
    path: item.path,
    iteration: iteration + 1,
    request: { method: requestMethod(item), url: urlTemplate(item.request['url']), headers: [] },
    tests: [],
    errors: [],
    startedAtMs: round(started - ctx.t0),
    durationMs: 0,
  };
  const base: PhaseInput['base'] = {
    requestName: item.name,
    requestId: item.id,
    iteration,
    iterationCount: ctx.iterationCount,
    ...(ctx.environmentName !== undefined ? { environmentName: ctx.environmentName } : {}),
    itemPath: item.path,
  };

  let before: PhaseFlow = { skip: false };
  if (item.prerequest.length > 0) {
    const request = scriptRequestFor(item.request);
    before = await runPhase(ctx.sandbox, ctx.scopes, { phase: 'prerequest', sources: item.prerequest, base, request }, result);
  }
  // pm.execution.skipRequest(): not sent, no test scripts; the prerequest phase's setNextRequest still counts.
  if (before.skip) {
    result.skipped = { reason: SKIP_REASON };
    return finish(result, started, before, undefined);
  }

  // pm.request edits of the prerequest scripts apply to the definition, before variables resolve (postman-runtime).
  const definition: FlatItem = before.request ? { ...item, request: applyRequestEdit(item.request, before.request) } : item;
  const build = (): PreparedRequest => buildRequest(definition, { resolver: new Resolver(ctx.scopes), warn: ctx.warn, ...(ctx.workingDir ? { workingDir: ctx.workingDir } : {}) });
  let prepared: PreparedRequest | undefined;
  try {
    prepared = build();
  } catch (err) {
    result.errors.push({ kind: 'engine', message: `request could not be built: ${err instanceof Error ? err.message : String(err)}` });
  }
  let response: HttpResponse | undefined;
  // pm.request.headers in the test phase: what postman-runtime's request held once sent (system headers included).
  let testHeaders: KeyValue[] | undefined;
  if (prepared) {
    const sentTexts = [prepared.resolvedUrl, ...prepared.headers.map((h) => `${h.key}: ${h.value}`), prepared.body ?? ''];
    for (const name of unresolvedReferences(sentTexts)) ctx.warn(`unresolved variable {{${name}}} in "${item.name}"`);
    const headers = prepared.headers.map((h) => ({ key: h.key, value: h.value }));
    result.request = prepared.body === undefined ? { method: prepared.method, url: prepared.url.href, headers } : { method: prepared.method, url: prepared.url.href, headers, body: prepared.body };
    // Retries and re-authentication (dispatch.ts); a re-authenticated request is rebuilt with the new token.
    const sending = dispatch(prepared, build, ctx.http(item.profile), ctx.dispatch);
    // The worker compiles the test scripts while the request (already dispatched) is in flight.
    ctx.sandbox.prepare(item.test);
    const sent = await sending;
    if (sent.prepared !== prepared) result.request = sentRequestOf(sent.prepared);
    if (sent.retries.length > 0) result.retries = sent.retries;
    const outcome = sent.outcome;
    if ('error' in outcome) result.errors.push(outcome.error);
    else {
      response = outcome.response;
      result.response = received(response);
      // newman reports the Cookie header the request carried (the jar's cookies included).
      if (response.cookie) result.request.headers.push({ key: 'Cookie', value: response.cookie });
    }
    testHeaders = testPhaseHeaders(sent.prepared, 'response' in outcome ? outcome.response.cookie : undefined);
  }

  let after: PhaseFlow = { skip: false };
  if (item.test.length > 0) {
    const sent = result.request;
    const request = { url: sent.url, method: sent.method, headers: (testHeaders ?? sent.headers).map((h): [string, string] => [h.key, h.value]), ...(sent.body !== undefined ? { body: sent.body } : {}) };
    const phase: PhaseInput = { phase: 'test', sources: item.test, base, request, response: response ? scriptResponse(response) : null, cookies: jarCookies(ctx.agent, response?.url ?? sent.url) };
    // The text the result keeps is the whole body unless it was cut: then the bytes go (moved when large).
    if (response && result.response) phase.body = result.response.bodyTruncated ? response.body : result.response.body;
    after = await runPhase(ctx.sandbox, ctx.scopes, phase, result);
  }
  return finish(result, started, before, after);
}

/** What RequestResult.skipped says for pm.execution.skipRequest() (the newman engine says the same). */
export const SKIP_REASON = 'pm.execution.skipRequest()';

function finish(result: RequestResult, started: number, before: PhaseFlow, after: PhaseFlow | undefined): ItemOutcome {
  const next = after?.nextRequest ?? before.nextRequest;
  // postman-runtime shows the test phase's visualizer, else the prerequest phase's.
  const visualizer = after?.visualizer ?? before.visualizer;
  const request = inContractOrder({ ...result, ...(visualizer ? { visualizer } : {}), durationMs: round(performance.now() - started) });
  return next ? { request, next } : { request };
}

/** pm.cookies: what the run's jar holds for the URL. */
function jarCookies(agent: ReturnType<typeof createAgent>, href: string): ScriptCookie[] {
  let list: StoredCookie[];
  try {
    list = cookieJar(agent).matching(href);
  } catch {
    return [];
  }
  return list.map((c) => ({
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    ...(c.expires !== undefined ? { expires: new Date(c.expires).toUTCString() } : {}),
    httpOnly: c.httpOnly,
    secure: c.secure,
  }));
}

function received(r: HttpResponse): ReceivedResponse {
  return {
    code: r.code,
    status: r.status,
    headers: r.headers.map((h) => ({ key: h.key, value: h.value })),
    ...keepBody(r.body),
    timeMs: r.timeMs,
  };
}

function scriptResponse(r: HttpResponse): ScriptResponse {
  return {
    code: r.code,
    status: r.status,
    headers: r.headers.map((h): [string, string] => [h.key, h.value]),
    responseTime: r.timeMs,
    size: r.body.length,
  };
}
