/**
 * The newman engine: runs a collection through newman's programmatic API (postman-runtime + postman-sandbox) and maps
 * its events onto the same RunResult tree the native engine returns. newman is both a supported engine and the oracle
 * the native engine is compared against.
 */
import newman from 'newman';
import type { EventEmitter } from 'node:events';
import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Duplex } from 'node:stream';
import { keepBody } from './body';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  type Engine,
  type EnvironmentInput,
  type RequestResult,
  type RunInput,
  type RunListener,
  type RunResult,
  type VariableValue,
} from './result';
import { bodyText, headersOf, listOf, PRUNED, sentHeaders, type PmHeader, type PmList, type PmRequest } from './newman-request';
import { countRequests, collectionInfo, unresolvedWarnings } from './collection-info';
import { checkFolders, FolderSelectionError } from './native/folders';
import { DEFAULT_MAX_STEPS, FLOW_LOOP_CODE, inContractOrder, iterationCountOf, loopMessage, plannedRequests, selectedCount } from './native/flow';

/* Minimal structural views of the postman-collection objects newman hands to its event listeners. */
interface PmVariable {
  key: string;
  value: unknown;
  type?: string;
  disabled?: boolean;
}
interface PmItem {
  id: string;
  name: string;
  request?: { method?: string; url?: { toString(): string } };
  parent?(): PmItem | undefined;
  protocolProfileBehavior?: { disableBodyPruning?: boolean };
}
interface PmResponse {
  code: number;
  status: string;
  headers: PmList<PmHeader>;
  stream?: Buffer;
  responseTime?: number;
}
interface Cursor {
  ref: string;
  iteration: number;
  position: number;
}
interface Visualizer {
  template?: unknown;
  data?: unknown;
}
/** The runtime's Run, handed over with newman's start event. */
interface RuntimeRun {
  abort(): void;
}
interface NewmanError extends Error {
  code?: string;
}

function pathOf(item: PmItem): string[] {
  const names: string[] = [item.name];
  let p = item.parent?.();
  // The chain ends at the Collection, which has no parent; do not include it.
  while (p && p.parent?.()) {
    names.unshift(p.name);
    p = p.parent();
  }
  return names;
}

function enabledOnly(env: EnvironmentInput | undefined): EnvironmentInput | undefined {
  return env && { ...env, values: env.values.filter((v) => v.enabled !== false) };
}

/** postman-collection turns the environment type "secret" into "any": the input says which keys were secret. */
function variablesOf(list: PmList<PmVariable> | undefined, input?: EnvironmentInput): VariableValue[] {
  const secret = new Set((input?.values ?? []).filter((v) => v.type === 'secret').map((v) => v.key));
  return listOf(list)
    .filter((v) => !v.disabled && typeof v.key === 'string')
    .map((v) => ({
      key: v.key,
      value: v.value === undefined || v.value === null ? '' : String(v.value),
      type: v.type === 'secret' || secret.has(v.key) ? 'secret' : 'default',
    }));
}

function errorKind(err: NewmanError): 'timeout' | 'network' {
  const code = err.code ?? '';
  return code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || /timeout/i.test(err.message) ? 'timeout' : 'network';
}

const SKIP_REASON = 'pm.execution.skipRequest()';

/** postman-runtime's console warnings about files it could not read for a body (the field or body is left out). */
const FILE_LOAD_WARNING = /^(Form param `.*`, file load error: |Binary file load error: )/s;

function emptyRun(input: RunInput, info: { id: string; name: string }, started: number, message: string): RunResult {
  return {
    engine: 'newman',
    collection: info,
    ...(input.environment ? { environment: input.environment.name } : {}),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    iterations: iterationCountOf(input),
    requests: [],
    warnings: [],
    error: { kind: 'engine', message },
    variables: { environment: [], collection: [], globals: [] },
  };
}

/**
 * With a run deadline, newman's requests go through these agents: postman-runtime's global timeout ends the run's
 * callback but neither aborts the request in flight nor stops walking the collection, so once the deadline passes the
 * open connections are destroyed and no new one is made (the items left fail at once, unreported).
 */
function deadlineAgents(message: string, extraCa: readonly string[] = []): { agents: { http: HttpAgent; https: HttpsAgent }; close: () => void } {
  let closed = false;
  const refuse = (cb: (err: Error | null, socket?: Duplex) => void): undefined => {
    cb(Object.assign(new Error(message), { code: 'ERUNDEADLINE' }));
    return undefined;
  };
  const opts: AgentOptions = { keepAlive: true };
  class DeadlineHttp extends HttpAgent {
    override createConnection(...args: Parameters<HttpAgent['createConnection']>): ReturnType<HttpAgent['createConnection']> {
      return closed && typeof args[1] === 'function' ? refuse(args[1] as (err: Error | null) => void) : super.createConnection(...args);
    }
  }
  class DeadlineHttps extends HttpsAgent {
    override createConnection(...args: Parameters<HttpAgent['createConnection']>): ReturnType<HttpAgent['createConnection']> {
      return closed && typeof args[1] === 'function' ? refuse(args[1] as (err: Error | null) => void) : super.createConnection(...args);
    }
  }
  // postman-request adds sslExtraCaCerts only to the agents it makes itself, so ours carry them (after Node's roots,
  // which an explicit `ca` would otherwise replace).
  const tls = extraCa.length > 0 ? { ca: [...rootCertificates, ...extraCa] } : {};
  const agents = { http: new DeadlineHttp(opts), https: new DeadlineHttps({ ...opts, ...tls }) };
  return {
    agents,
    close: () => {
      closed = true;
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

export const newmanEngine: Engine = {
  name: 'newman',
  run(input: RunInput, listener: RunListener = {}): Promise<RunResult> {
    const info = collectionInfo(input.collection);
    const iterations = iterationCountOf(input);
    const started = Date.now();
    // The same check and message as the native engine (newman's own says "Invalid entrypoint").
    let selectionError: string | undefined;
    try {
      checkFolders(input.collection, input.folders ?? []);
    } catch (e) {
      if (!(e instanceof FolderSelectionError)) throw e;
      selectionError = e.message;
    }
    const total = selectionError ? 0 : (input.folders?.length ? selectedCount(input.collection, input.folders) : countRequests(input.collection)) * iterations;
    const results: RequestResult[] = [];
    const open = new Map<string, RequestResult>();
    // newman's summary keeps the collection's variables as they were; scripts change a copy, which every script
    // execution reports. The last one seen is the collection scope as the run ended.
    let collectionScope: PmList<PmVariable> | undefined;
    const unpruned = new Set<string>();
    // A bug in the mapping below must not become an uncaught exception inside newman's emitter.
    let mappingError: Error | undefined;
    const guard =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A): void => {
        if (ended) return;
        try {
          fn(...args);
        } catch (e) {
          mappingError ??= e instanceof Error ? e : new Error(String(e));
        }
      };
    let index = 0;
    // File load errors postman-runtime reports on its console, named by request as the native engine names them.
    const runtimeWarnings: string[] = [];
    // setNextRequest bookkeeping (./native/flow.ts): newman has no loop guard, so the engine counts jumps and aborts.
    const sent = new Set<string>();
    const visualizers = new Map<string, { prerequest?: Visualizer; test?: Visualizer }>();
    const maxSteps = input.maxSteps ?? DEFAULT_MAX_STEPS;
    let runtime: RuntimeRun | undefined;
    let last = { iteration: -1, position: -1, name: '' };
    let jumps = 0;
    let loopError: string | undefined;
    // Set once the run has ended (its deadline passed): newman's late events are not reported.
    let ended = false;
    const cutoff = input.timeoutMs ? deadlineAgents(`run deadline of ${input.timeoutMs} ms reached`, input.extraCaCerts?.pem) : undefined;
    listener.onRunStart?.({ engine: 'newman', collection: info.name, total });
    if (selectionError) {
      const run = emptyRun(input, info, started, selectionError);
      listener.onRunEnd?.(run);
      return Promise.resolve(run);
    }

    return new Promise<RunResult>((resolve, reject) => {
      const emitter = newman.run(
        {
          collection: input.collection as never,
          // newman resolves enabled:false values (Postman does not): hand it only the enabled ones.
          environment: enabledOnly(input.environment) as never,
          globals: enabledOnly(input.globals) as never,
          ...(input.folders?.length ? { folder: [...input.folders] as never } : {}),
          ...(input.iterationData ? { iterationData: input.iterationData as never } : {}),
          ...(input.iterationCount !== undefined ? { iterationCount: input.iterationCount } : {}),
          ...(input.workingDir ? { workingDir: input.workingDir } : {}),
          reporters: [],
          timeoutRequest: input.timeoutRequestMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
          timeoutScript: input.scriptTimeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS,
          // The whole-run deadline: postman-runtime ends the run with "callback timed out".
          ...(input.timeoutMs ? { timeout: input.timeoutMs } : {}),
          ...(cutoff ? { requestAgents: cutoff.agents } : {}),
          ...(input.extraCaCerts ? { sslExtraCaCerts: input.extraCaCerts.file } : {}),
          ...(input.insecure ? { insecure: true } : {}),
        },
        (err: Error | null, summary: newman.NewmanRunSummary) => {
          ended = true;
          cutoff?.close();
          const s = summary as unknown as {
            environment?: { values?: PmList<PmVariable> };
            globals?: { values?: PmList<PmVariable> };
            collection?: { variables?: PmList<PmVariable> };
          };
          const deadline = err && input.timeoutMs && /callback timed out/.test(err.message) ? `run deadline of ${input.timeoutMs} ms reached` : undefined;
          // newman ends the whole run on some errors (a script time-out among them): keep what the open items got.
          for (const r of open.values()) {
            if (deadline) r.errors.push({ kind: 'timeout', message: deadline, code: 'ERUNDEADLINE' });
            else r.errors.push({ kind: 'engine', message: `the run stopped before this request completed${err ? `: ${err.message}` : ''}` });
            r.durationMs = Date.now() - started - r.startedAtMs;
            results.push(r);
          }
          const run: RunResult = {
            engine: 'newman',
            collection: info,
            ...(input.environment ? { environment: input.environment.name } : {}),
            startedAt: new Date(started).toISOString(),
            durationMs: Date.now() - started,
            iterations,
            requests: results,
            warnings: [...new Set([...runtimeWarnings, ...unresolvedWarnings(results)])],
            variables: {
              environment: variablesOf(s?.environment?.values, input.environment),
              collection: variablesOf(collectionScope ?? s?.collection?.variables),
              globals: variablesOf(s?.globals?.values, input.globals),
            },
          };
          if (loopError) run.error = { kind: 'engine', code: FLOW_LOOP_CODE, message: loopError };
          else if (deadline) {
            // As the native engine reports it: a timeout (exit 3), every request not reached skipped with the reason.
            run.error = { kind: 'timeout', message: deadline, code: 'ERUNDEADLINE' };
            // The run's plan (the --folder selection, every iteration), as the native engine skips it.
            for (const r of plannedRequests(input.collection, input).slice(results.length)) {
              results.push({ id: r.id, name: r.name, path: r.path, iteration: r.iteration, request: { method: '', url: '', headers: [] }, tests: [], errors: [], skipped: { reason: deadline }, startedAtMs: Date.now() - started, durationMs: 0 });
            }
          } else if (err) run.error = { kind: 'engine', message: err.message };
          else if (mappingError) run.error = { kind: 'engine', message: `sfcheck could not read a newman event: ${mappingError.message}` };
          for (const w of run.warnings) listener.onWarning?.(w);
          listener.onRunEnd?.(run);
          resolve(run);
        },
      ) as unknown as EventEmitter;

      emitter.on('start', guard((_err: unknown, o: { run?: RuntimeRun }) => {
        runtime = o.run;
      }));

      emitter.on('beforeItem', guard((_err: unknown, o: { item: PmItem; cursor: Cursor }) => {
        if (loopError) return;
        if (o.cursor.iteration !== last.iteration) jumps = 0;
        else if (o.cursor.position !== last.position + 1 && ++jumps > maxSteps) {
          loopError = loopMessage(maxSteps, o.cursor.iteration, last.name, o.item.name);
          runtime?.abort();
          return;
        }
        last = { iteration: o.cursor.iteration, position: o.cursor.position, name: o.item.name };
        const r: RequestResult = {
          id: o.item.id,
          name: o.item.name,
          path: pathOf(o.item),
          iteration: o.cursor.iteration + 1,
          request: { method: '', url: '', headers: [] },
          tests: [],
          errors: [],
          startedAtMs: Date.now() - started,
          durationMs: 0,
        };
        open.set(o.cursor.ref, r);
        if (o.item.protocolProfileBehavior?.disableBodyPruning === true) unpruned.add(o.cursor.ref);
        listener.onRequestStart?.({ index, total, name: r.name, path: r.path });
      }));

      emitter.on(
        'request',
        guard((err: NewmanError | null, o: { request?: PmRequest; response?: PmResponse; cursor: Cursor; item?: { id?: string } }) => {
          const r = open.get(o.cursor.ref);
          if (!r) return;
          // pm.sendRequest goes through the same event, with the script's cursor and an item of its own: it is not
          // the item's request (its failure is the script's to handle, as natively).
          if (o.item?.id !== undefined && o.item.id !== r.id) return;
          sent.add(o.cursor.ref);
          if (o.request) {
            const method = o.request.method.toUpperCase();
            const body = bodyText(o.request, PRUNED.has(method) && !unpruned.has(o.cursor.ref));
            r.request = {
              method: o.request.method,
              url: o.request.url.toString(),
              headers: sentHeaders(o.request, body),
              ...(body !== undefined ? { body } : {}),
            };
          }
          if (err) {
            r.errors.push({ kind: errorKind(err), message: err.message, ...(err.code ? { code: err.code } : {}) });
            return;
          }
          if (o.response) {
            r.response = {
              code: o.response.code,
              status: o.response.status,
              headers: headersOf(o.response.headers),
              ...keepBody(o.response.stream ?? Buffer.alloc(0)),
              timeMs: o.response.responseTime ?? 0,
            };
          }
        }),
      );

      emitter.on(
        'assertion',
        guard((err: NewmanError | null, o: { assertion: string; skipped?: boolean; cursor: Cursor }) => {
          const r = open.get(o.cursor.ref);
          if (!r) return;
          r.tests.push({
            name: o.assertion,
            passed: !err && !o.skipped,
            skipped: Boolean(o.skipped),
            ...(err ? { message: err.message, errorName: err.name } : {}),
          });
        }),
      );

      emitter.on(
        'script',
        guard((
          err: NewmanError | null,
          o: {
            event?: { listen?: string };
            cursor: Cursor;
            execution?: { collectionVariables?: { values?: PmList<PmVariable> }; return?: { visualizer?: Visualizer } };
          },
        ) => {
          const scope = o.execution?.collectionVariables?.values;
          if (scope) collectionScope = scope;
          const vis = o.execution?.return?.visualizer;
          if (vis && typeof vis.template === 'string') {
            const held = visualizers.get(o.cursor.ref) ?? {};
            held[o.event?.listen === 'prerequest' ? 'prerequest' : 'test'] = vis;
            visualizers.set(o.cursor.ref, held);
          }
          const r = open.get(o.cursor.ref);
          if (!r || !err) return;
          const phase = o.event?.listen === 'prerequest' ? 'prerequest' : 'test';
          r.errors.push({ kind: 'script', phase, message: `${err.name}: ${err.message}` });
        }),
      );

      emitter.on('console', guard((_err: unknown, o: { cursor?: Cursor; level?: string; messages?: unknown[] }) => {
        if (o.level !== 'warn') return;
        const text = (o.messages ?? []).map(String).join(' ');
        if (!FILE_LOAD_WARNING.test(text)) return;
        const name = o.cursor ? open.get(o.cursor.ref)?.name : undefined;
        runtimeWarnings.push(name === undefined ? text : `${text} (in "${name}")`);
      }));

      emitter.on('item', guard((_err: unknown, o: { cursor: Cursor; item: PmItem }) => {
        const r = open.get(o.cursor.ref);
        if (!r) return;
        open.delete(o.cursor.ref);
        unpruned.delete(o.cursor.ref);
        // An item without a request event was skipped by pm.execution.skipRequest() (newman says nothing more).
        if (!sent.delete(o.cursor.ref)) {
          r.skipped = { reason: SKIP_REASON };
          // As the native engine shows an unsent request: its method and URL as written.
          r.request = { method: (o.item.request?.method ?? 'GET').toUpperCase(), url: o.item.request?.url?.toString() ?? '', headers: [] };
        }
        const held = visualizers.get(o.cursor.ref);
        visualizers.delete(o.cursor.ref);
        const vis = held?.test ?? held?.prerequest;
        if (vis) r.visualizer = vis.data === undefined ? { template: String(vis.template) } : { template: String(vis.template), data: vis.data };
        r.durationMs = Date.now() - started - r.startedAtMs;
        results.push(inContractOrder(r));
        listener.onRequestEnd?.(r, { index, total });
        index += 1;
      }));

      emitter.on('error', reject);
    });
  },
};
