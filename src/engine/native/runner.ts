/**
 * The native run loop: walk the collection, then per request run prerequest scripts, build and send the request,
 * run test scripts; emit listener events in order and assemble the RunResult tree.
 */
import { keepBody } from '../body';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  type ReceivedResponse,
  type RequestResult,
  type RunInput,
  type RunListener,
  type RunResult,
} from '../result';
import { CollectionShapeError, flattenCollection, type FlatItem } from './collection';
import { cutOffResult, DEADLINE_CODE, notReachedResult, RunDeadline } from './deadline';
import { createDispatchContext, dispatch, sentRequestOf, type DispatchContext } from './dispatch';
import { createAgent, type HttpOptions, type HttpResponse } from './http';
import { buildRequest, rawHeaders, requestMethod, type PreparedRequest } from './request';
import { Sandbox } from './sandbox/host';
import type { ScriptResponse } from './sandbox/protocol';
import { runPhase, type PhaseInput } from './scripts';
import { urlTemplate } from './url';
import { Resolver, stringifyValue, unresolvedReferences, VariableStore, type Scopes } from './variables';

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
    items = flat.items;
    scopes = {
      globals: new VariableStore(input.globals?.values),
      collection: new VariableStore(flat.variables),
      environment: new VariableStore(input.environment?.values),
      local: new VariableStore(),
    };
  } catch (err) {
    const why = err instanceof CollectionShapeError ? err.message : `the collection could not be read: ${String(err)}`;
    result.error = { kind: 'engine', message: why };
  }

  const total = items.length;
  notify('onRunStart', () => listener?.onRunStart?.({ engine: 'native', collection: result.collection.name, total }));

  if (scopes) {
    const timeoutMs = input.timeoutRequestMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const scriptTimeoutMs = input.scriptTimeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
    const agent = createAgent(timeoutMs);
    // --timeout: once the run deadline passes, the item in flight is given up and the rest is skipped.
    const deadline = new RunDeadline(input.timeoutMs ?? 0);
    const stopAt = (index: number, inFlightSince?: number): void => {
      const now = performance.now();
      items.slice(index).forEach((it, k) => {
        const r = k === 0 && inFlightSince !== undefined ? cutOffResult(it, deadline, round(inFlightSince - t0), round(now - inFlightSince)) : notReachedResult(it, deadline, round(now - t0));
        result.requests.push(r);
        notify('onRequestEnd', () => listener?.onRequestEnd?.(r, { index: index + k, total }));
      });
      result.error = { kind: 'timeout', message: deadline.reason, code: DEADLINE_CODE };
    };
    // One sandbox worker per run, booting while the first request is in flight when any item has scripts.
    const sandbox = new Sandbox(scriptTimeoutMs);
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
      ...(input.environment ? { environmentName: input.environment.name } : {}),
    };
    // Scripts never run synchronously inside the caller's stack frame.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      for (let index = 0; index < total; index++) {
        const item = items[index] as FlatItem;
        if (deadline.passed) {
          stopAt(index);
          break;
        }
        notify('onRequestStart', () => listener?.onRequestStart?.({ index, total, name: item.name, path: item.path }));
        const began = performance.now();
        const request = await deadline.race(runItem(item, ctx));
        if (request === 'deadline') {
          stopAt(index, began);
          break;
        }
        result.requests.push(request);
        notify('onRequestEnd', () => listener?.onRequestEnd?.(request, { index, total }));
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
  environmentName?: string;
}

async function runItem(item: FlatItem, ctx: ItemContext): Promise<RequestResult> {
  const started = performance.now();
  const result: RequestResult = {
    id: item.id,
    name: item.name,
    path: item.path,
    iteration: 1,
    request: { method: requestMethod(item), url: urlTemplate(item.request['url']), headers: [] },
    tests: [],
    errors: [],
    startedAtMs: round(started - ctx.t0),
    durationMs: 0,
  };
  const base: PhaseInput['base'] = {
    requestName: item.name,
    requestId: item.id,
    iteration: 0,
    iterationCount: 1,
    ...(ctx.environmentName !== undefined ? { environmentName: ctx.environmentName } : {}),
  };

  if (item.prerequest.length > 0) {
    const request = {
      url: urlTemplate(item.request['url']),
      method: requestMethod(item),
      headers: rawHeaders(item).map((h): [string, string] => [h.key, stringifyValue(h.value)]),
    };
    await runPhase(ctx.sandbox, ctx.scopes, { phase: 'prerequest', sources: item.prerequest, base, request }, result);
  }

  let prepared: PreparedRequest | undefined;
  try {
    prepared = buildRequest(item, { resolver: new Resolver(ctx.scopes), warn: ctx.warn });
  } catch (err) {
    result.errors.push({ kind: 'engine', message: `request could not be built: ${err instanceof Error ? err.message : String(err)}` });
  }
  let response: HttpResponse | undefined;
  if (prepared) {
    const sentTexts = [prepared.resolvedUrl, ...prepared.headers.map((h) => `${h.key}: ${h.value}`), prepared.body ?? ''];
    for (const name of unresolvedReferences(sentTexts)) ctx.warn(`unresolved variable {{${name}}} in "${item.name}"`);
    const headers = prepared.headers.map((h) => ({ key: h.key, value: h.value }));
    result.request = prepared.body === undefined ? { method: prepared.method, url: prepared.url.href, headers } : { method: prepared.method, url: prepared.url.href, headers, body: prepared.body };
    // Retries and re-authentication (dispatch.ts); a re-authenticated request is rebuilt with the new token.
    const sending = dispatch(prepared, () => buildRequest(item, { resolver: new Resolver(ctx.scopes), warn: ctx.warn }), ctx.http(item.profile), ctx.dispatch);
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
    }
  }

  if (item.test.length > 0) {
    const sent = result.request;
    const request = { url: sent.url, method: sent.method, headers: sent.headers.map((h): [string, string] => [h.key, h.value]), ...(sent.body !== undefined ? { body: sent.body } : {}) };
    const phase: PhaseInput = { phase: 'test', sources: item.test, base, request, response: response ? scriptResponse(response) : null };
    // The text the result keeps is the whole body unless it was cut: then the bytes go (moved when large).
    if (response && result.response) phase.body = result.response.bodyTruncated ? response.body : result.response.body;
    await runPhase(ctx.sandbox, ctx.scopes, phase, result);
  }

  // Same key order as the contract, so trees from both engines diff cleanly.
  return {
    id: result.id,
    name: result.name,
    path: result.path,
    iteration: result.iteration,
    request: result.request,
    ...(result.response ? { response: result.response } : {}),
    tests: result.tests,
    errors: result.errors,
    ...(result.retries ? { retries: result.retries } : {}),
    startedAtMs: result.startedAtMs,
    durationMs: round(performance.now() - started),
  };
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
