/**
 * Runs one input through both engines against a local server and reduces each run to what must agree: per request its
 * id, iteration, method, path sent, skip, tests and verdicts, script errors and visualizer; the run's iterations, error
 * and variables as it ended; and the paths the server received, in order.
 */
import { ENGINES, type RunInput, type RunResult } from '../../../src/engine';
import type { TestServer } from './helpers';

export interface Reduced {
  iterations: number;
  error?: { code?: string; message: string };
  requests: Array<{
    id: string;
    path: string[];
    iteration: number;
    sent?: string;
    skipped?: string;
    tests: Array<[string, boolean]>;
    errors: string[];
    visualizer?: unknown;
  }>;
  variables: RunResult['variables'];
  received: string[];
}

export function reduce(run: RunResult, received: string[]): Reduced {
  return {
    iterations: run.iterations,
    ...(run.error ? { error: run.error.code ? { code: run.error.code, message: run.error.message } : { message: run.error.message } } : {}),
    requests: run.requests.map((r) => ({
      id: r.id,
      path: r.path,
      iteration: r.iteration,
      ...(r.skipped ? { skipped: r.skipped.reason } : { sent: pathOf(r.request.url) }),
      tests: r.tests.map((t): [string, boolean] => [t.name, t.passed]),
      errors: r.errors.map((e) => `${e.kind}: ${e.message}`),
      ...(r.visualizer ? { visualizer: r.visualizer } : {}),
    })),
    variables: {
      environment: [...run.variables.environment].sort((a, b) => a.key.localeCompare(b.key)),
      collection: [...run.variables.collection].sort((a, b) => a.key.localeCompare(b.key)),
      globals: [...run.variables.globals].sort((a, b) => a.key.localeCompare(b.key)),
    },
    received,
  };
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname + u.search);
  } catch {
    return url;
  }
}

export async function runBoth(server: TestServer, input: RunInput): Promise<{ native: Reduced; newman: Reduced; nativeRun: RunResult; newmanRun: RunResult }> {
  const out: Partial<Record<'native' | 'newman', { reduced: Reduced; run: RunResult }>> = {};
  for (const engine of ['native', 'newman'] as const) {
    const before = server.requests.length;
    const run = await ENGINES[engine].run(input);
    out[engine] = { reduced: reduce(run, server.requests.slice(before).map((r) => decodeURIComponent(r.url))), run };
  }
  return { native: out.native!.reduced, newman: out.newman!.reduced, nativeRun: out.native!.run, newmanRun: out.newman!.run };
}
