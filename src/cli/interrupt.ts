/**
 * Ctrl-C and SIGTERM during a run: stop waiting for the engine, report what completed (the rest as skipped), exit
 * 130 / 143. Reports are written atomically by the reporters, so an interrupted run never leaves half a file.
 */
import { collectionInfo, iterationCountOf, listRequests, plannedRequests, type EngineName, type EnvironmentInput, type PlannedRequest, type RequestResult, type RunInput, type RunResult } from '../engine';
import { EXIT } from '../errors';

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface SignalWatch {
  /** Resolves with the first SIGINT or SIGTERM received. */
  signal: Promise<StopSignal>;
  dispose(): void;
}

export function watchSignals(): SignalWatch {
  let dispose = () => {};
  const signal = new Promise<StopSignal>((resolve) => {
    const onInt = () => resolve('SIGINT');
    const onTerm = () => resolve('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    dispose = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
  });
  return { signal, dispose: () => dispose() };
}

export const exitCodeOfSignal = (s: StopSignal) => (s === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM);

/**
 * The planned requests not reached: those after the last completed one in the run's plan (--folder selection, every
 * iteration). After a setNextRequest jump the plan is followed from where the run was.
 */
function notReached(planned: readonly PlannedRequest[], completed: readonly RequestResult[]): PlannedRequest[] {
  const last = completed[completed.length - 1];
  if (!last) return [...planned];
  // newman gives items without an id a random one: then the folder path finds the item.
  const samePath = (p: PlannedRequest) => p.path.length === last.path.length && p.path.every((n, i) => n === last.path[i]);
  let at = planned.findIndex((p) => p.iteration === last.iteration && p.id === last.id);
  if (at < 0) at = planned.findIndex((p) => p.iteration === last.iteration && samePath(p));
  return planned.slice(at >= 0 ? at + 1 : completed.length);
}

function planOf(input: { collection: unknown } & Pick<RunInput, 'folders' | 'iterationCount' | 'iterationData'>): PlannedRequest[] {
  try {
    return plannedRequests(input.collection, input);
  } catch {
    // A collection the plan cannot be read from: every request of it, once.
    return listRequests(input.collection).map((r) => ({ ...r, iteration: 1 }));
  }
}

/** The run as far as it got: the completed requests, then every planned request not reached, skipped with the reason. */
export function interruptedRun(input: {
  engine: EngineName;
  collection: unknown;
  environment?: EnvironmentInput;
  started: number;
  completed: readonly RequestResult[];
  signal: StopSignal;
} & Pick<RunInput, 'folders' | 'iterationCount' | 'iterationData'>): RunResult {
  const reason = `not sent: the run was stopped by ${input.signal}`;
  const remaining = notReached(planOf(input), input.completed);
  const skipped: RequestResult[] = remaining.map((r) => ({
    id: r.id,
    name: r.name,
    path: r.path,
    iteration: r.iteration,
    request: { method: '', url: '', headers: [] },
    tests: [],
    errors: [],
    skipped: { reason },
    startedAtMs: Date.now() - input.started,
    durationMs: 0,
  }));
  return {
    engine: input.engine,
    collection: collectionInfo(input.collection),
    ...(input.environment ? { environment: input.environment.name } : {}),
    startedAt: new Date(input.started).toISOString(),
    durationMs: Date.now() - input.started,
    iterations: iterationCountOf(input),
    requests: [...input.completed, ...skipped],
    warnings: [`the run was stopped by ${input.signal} after ${input.completed.length} request(s)`],
    variables: {
      environment: (input.environment?.values ?? []).map((v) => ({ key: v.key, value: v.value, type: v.type === 'secret' ? 'secret' : 'default' })),
      collection: [],
      globals: [],
    },
  };
}
