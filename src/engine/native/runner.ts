/**
 * The native run loop: walk the collection (the --folder selection of it), then per iteration and per request run
 * prerequest scripts, build and send the request, run test scripts, follow setNextRequest / skipRequest (./flow.ts);
 * emit listener events in order and assemble the RunResult tree.
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
import { FolderSelectionError, selectItems } from './folders';
import { dataRowOf, DEFAULT_MAX_STEPS, FLOW_LOOP_CODE, inContractOrder, iterationCountOf, loopMessage, NextRequestLookup } from './flow';
import { createAgent, send, type HttpOptions, type HttpResponse } from './http';
import { buildRequest, rawHeaders, requestMethod, type PreparedRequest } from './request';
import { Sandbox } from './sandbox/host';
import type { ScriptResponse } from './sandbox/protocol';
import { runPhase, type PhaseFlow, type PhaseInput } from './scripts';
import { urlTemplate } from './url';
import { dataRow, Resolver, stringifyValue, unresolvedReferences, VariableStore, type Scopes } from './variables';

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
    const agent = createAgent(timeoutMs);
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
      t0,
      iterationCount: iterations,
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
          notify('onRequestStart', () => listener?.onRequestStart?.({ index, total, name: item.name, path: item.path }));
          const { request, next } = await runItem(item, ctx, iteration);
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
  t0: number;
  iterationCount: number;
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
  };

  let before: PhaseFlow = { skip: false };
  if (item.prerequest.length > 0) {
    const request = {
      url: urlTemplate(item.request['url']),
      method: requestMethod(item),
      headers: rawHeaders(item).map((h): [string, string] => [h.key, stringifyValue(h.value)]),
    };
    before = await runPhase(ctx.sandbox, ctx.scopes, { phase: 'prerequest', sources: item.prerequest, base, request }, result);
  }
  // pm.execution.skipRequest(): not sent, no test scripts; the prerequest phase's setNextRequest still counts.
  if (before.skip) {
    result.skipped = { reason: SKIP_REASON };
    return finish(result, started, before, undefined);
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
    // ── the one send of this item (retries and the run deadline wrap this call) ──
    const sending = send(ctx.agent, { method: prepared.method, href: prepared.url.href, headers: prepared.headers, ...(prepared.body !== undefined ? { body: prepared.body } : {}) }, ctx.http(item.profile));
    // The worker compiles the test scripts while the request (already dispatched) is in flight.
    ctx.sandbox.prepare(item.test);
    const outcome = await sending;
    if ('error' in outcome) result.errors.push(outcome.error);
    else {
      response = outcome.response;
      result.response = received(response);
    }
  }

  let after: PhaseFlow = { skip: false };
  if (item.test.length > 0) {
    const sent = result.request;
    const request = { url: sent.url, method: sent.method, headers: sent.headers.map((h): [string, string] => [h.key, h.value]), ...(sent.body !== undefined ? { body: sent.body } : {}) };
    const phase: PhaseInput = { phase: 'test', sources: item.test, base, request, response: response ? scriptResponse(response) : null };
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
