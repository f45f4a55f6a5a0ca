/**
 * The differential harness: runs one corpus case through both engines (newman first, the oracle, then native) against
 * one shared emulator and one shared echo server, records what reached the echo server per request, and compares.
 */
import type { StartedEmulator } from '../../src/emulator';
import { ENGINES, type EngineName, type RequestResult, type RunInput, type RunResult } from '../../src/engine';
import { LocalFlowValues, startLocalEmulator } from '../../src/cli/verify-local';
import { classify, compareViews, type CaseComparison, type Difference } from './compare';
import { startEcho, type EchoServer, type WireRecord } from './echo';
import { DEFAULT_MASKS, runView, type Mask } from './views';

export interface Infra {
  echo: EchoServer;
  emulator: StartedEmulator;
  /** Refresh tokens and JWT assertions for the generated flows, as `verify --env local` prepares them. */
  flowValues: LocalFlowValues;
}

export interface CorpusCase {
  /** The collection's name in reports, allow-list and pending entries. */
  name: string;
  /** features (collections written for issue #5), generated (collections/), salesforce (the real-world collection). */
  group: 'features' | 'generated' | 'salesforce';
  /** What the case exercises (docs/differential.md lists these). */
  covers: string[];
  /** The run input; called once per engine so tokens and assertions can be fresh. */
  input(infra: Infra, engine: EngineName): RunInput | Promise<RunInput>;
  /** Extra masks for values whose shape, not value, is compared (dynamic variables, created record ids). */
  masks?: readonly Mask[];
  /**
   * Facts the oracle's run must show for the case to test what it claims (e.g. three iterations ran): a newman run
   * that does not show them is a harness bug, reported as a difference on field "oracle".
   */
  oracle?(newman: EngineRun): string[];
  /**
   * What the native run must show whatever newman does (e.g. an unsupported API is named in the error): problems are
   * reported as a difference on field "native check".
   */
  nativeCheck?(native: EngineRun): string[];
}

export interface EngineRun {
  result: RunResult;
  wire: WireRecord[];
}

export async function startInfra(): Promise<Infra> {
  const echo = await startEcho();
  const emulator = await startLocalEmulator();
  return { echo, emulator, flowValues: new LocalFlowValues(emulator) };
}

export async function stopInfra(infra: Infra | undefined): Promise<void> {
  await Promise.all([infra?.echo.close(), infra?.emulator.close()]);
}

/** A run that threw: kept as a run-level error so it compares like any other outcome. */
function failedRun(engine: EngineName, err: unknown): RunResult {
  return {
    engine,
    collection: { id: '', name: '' },
    startedAt: new Date().toISOString(),
    durationMs: 0,
    iterations: 0,
    requests: [],
    warnings: [],
    error: { kind: 'engine', message: `the engine threw: ${err instanceof Error ? err.message : String(err)}` },
    variables: { environment: [], collection: [], globals: [] },
  };
}

export async function runEngine(engine: EngineName, c: CorpusCase, infra: Infra): Promise<EngineRun> {
  const input = await c.input(infra, engine);
  infra.echo.take();
  let ordinal = 0;
  let result: RunResult;
  try {
    result = await ENGINES[engine].run(input, {
      onRequestStart: () => infra.echo.setLabel(String(ordinal++)),
      onRequestEnd: (_r: RequestResult) => infra.echo.setLabel(undefined),
    });
  } catch (err) {
    result = failedRun(engine, err);
  }
  infra.echo.setLabel(undefined);
  return { result, wire: infra.echo.take() };
}

export interface CaseRuns {
  newman: EngineRun;
  native: EngineRun;
}

export async function runCase(c: CorpusCase, infra: Infra): Promise<CaseRuns> {
  const newman = await runEngine('newman', c, infra);
  const native = await runEngine('native', c, infra);
  return { newman, native };
}

export function compareCase(c: CorpusCase, runs: CaseRuns): CaseComparison {
  const masks = [...DEFAULT_MASKS, ...(c.masks ?? [])];
  const views = compareViews(c.name, runView(runs.newman.result, runs.newman.wire, masks), runView(runs.native.result, runs.native.wire, masks));
  const oracle: Difference[] = (c.oracle?.(runs.newman) ?? []).map((problem) => ({ collection: c.name, request: '(run)', field: 'oracle', newman: problem, native: '' }));
  const nativeCheck: Difference[] = (c.nativeCheck?.(runs.native) ?? []).map((problem) => ({ collection: c.name, request: '(run)', field: 'native check', newman: '', native: problem }));
  return {
    collection: c.name,
    group: c.group,
    requests: views.requests.map((r) => ({ label: r.label, differences: r.differences.map((d) => classify(d)) })),
    run: [...views.run, ...oracle, ...nativeCheck].map((d) => classify(d)),
  };
}
