/**
 * Ctrl-C and SIGTERM during a run: stop waiting for the engine, report what completed (the rest as skipped), exit
 * 130 / 143. Reports are written atomically by the reporters, so an interrupted run never leaves half a file.
 */
import { collectionInfo, listRequests, type EngineName, type EnvironmentInput, type RequestResult, type RunResult } from '../engine';
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

/** The run as far as it got: the completed requests, then every request not reached, skipped with the reason. */
export function interruptedRun(input: {
  engine: EngineName;
  collection: unknown;
  environment?: EnvironmentInput;
  started: number;
  completed: readonly RequestResult[];
  signal: StopSignal;
}): RunResult {
  const reason = `not sent: the run was stopped by ${input.signal}`;
  const remaining = listRequests(input.collection).slice(input.completed.length);
  const skipped: RequestResult[] = remaining.map((r) => ({
    id: r.id,
    name: r.name,
    path: r.path,
    iteration: 1,
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
    iterations: 1,
    requests: [...input.completed, ...skipped],
    warnings: [`the run was stopped by ${input.signal} after ${input.completed.length} request(s)`],
    variables: {
      environment: (input.environment?.values ?? []).map((v) => ({ key: v.key, value: v.value, type: v.type === 'secret' ? 'secret' : 'default' })),
      collection: [],
      globals: [],
    },
  };
}
