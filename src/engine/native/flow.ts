/**
 * The order a run takes, as postman-runtime's waterfall decides it:
 * - iterations: `iterationCount`, else one per data row, else 1; iteration i uses data row i, or the last row when the
 *   count exceeds the rows;
 * - after each item, the setNextRequest its scripts left (the test phase's over the prerequest phase's, the last call
 *   of a phase winning) moves the run to that item of the (folder-selected) run list, looked up by id first, then by
 *   name (the last item carrying it); null, or a name no item of the list carries, ends the current iteration (the next
 *   iteration, if any, starts from the first item);
 * - a guard newman lacks: more than `maxSteps` jumps (a move to any item but the next one) in one iteration stop the
 *   run with an error, so a circular setNextRequest cannot loop forever.
 */
import type { RequestResult, RunInput } from '../result';
import { flattenCollection, type FlatItem } from './collection';
import { selectItems } from './folders';

/** Jumps allowed per iteration by default (sfcheck run --max-steps). */
export const DEFAULT_MAX_STEPS = 1000;

/** RunResult.error.code of a run stopped by the guard; the CLI exits 2 on it (the collection loops). */
export const FLOW_LOOP_CODE = 'SFCHECK_FLOW_LOOP';

export function iterationCountOf(input: Pick<RunInput, 'iterationCount' | 'iterationData'>): number {
  if (input.iterationCount !== undefined && Number.isInteger(input.iterationCount) && input.iterationCount > 0) return input.iterationCount;
  return Math.max(1, input.iterationData?.length ?? 0);
}

/** The data row of a 0-based iteration: its own, else the last one; undefined when the run has no data. */
export function dataRowOf(rows: RunInput['iterationData'], iteration: number): Record<string, unknown> | undefined {
  if (!rows) return undefined;
  if (rows.length === 0) return {};
  return rows[Math.min(iteration, rows.length - 1)];
}

/** setNextRequest targets: ids first, then names; with duplicates, the last item wins (postman-runtime's hash). */
export class NextRequestLookup {
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, number>();

  constructor(items: readonly FlatItem[]) {
    items.forEach((item, index) => {
      if (item.ownId) this.ids.set(item.ownId, index);
      if (item.name) this.names.set(item.name, index);
    });
  }

  /** The position to run next, or undefined to end the iteration (null, or no such item). */
  positionOf(target: string | null): number | undefined {
    if (target === null) return undefined;
    return this.ids.get(target) ?? this.names.get(target);
  }
}

/** The run error of a run the guard stopped (both engines). */
export function loopMessage(maxSteps: number, iteration: number, from: string, to: string): string {
  return (
    `setNextRequest loop: more than ${maxSteps} jumps in iteration ${iteration + 1} (the last from "${from}" to "${to}"); ` +
    `the run was stopped there. Make the setNextRequest calls end (setNextRequest(null) stops the iteration), or raise --max-steps`
  );
}

/** Requests a run of the collection with these --folder entries (checked before) runs per iteration. */
export function selectedCount(collection: unknown, folders: readonly string[]): number {
  const flat = flattenCollection(collection);
  return selectItems(flat.items, flat.tree, folders).length;
}

/** One request a run plans to send: the item and the 1-based iteration. */
export interface PlannedRequest {
  id: string;
  name: string;
  path: string[];
  iteration: number;
}

/**
 * What a run of these inputs plans to send, in order: the --folder selection (checked before), once per iteration
 * (setNextRequest jumps aside). Ids are the ones the native engine gives its results.
 */
export function plannedRequests(collection: unknown, input: Pick<RunInput, 'folders' | 'iterationCount' | 'iterationData'>): PlannedRequest[] {
  const flat = flattenCollection(collection);
  const items = selectItems(flat.items, flat.tree, input.folders);
  const out: PlannedRequest[] = [];
  const iterations = iterationCountOf(input);
  for (let iteration = 1; iteration <= iterations; iteration++) {
    for (const it of items) out.push({ id: it.id, name: it.name, path: it.path, iteration });
  }
  return out;
}

/** The contract's key order, so trees from both engines diff cleanly. */
export function inContractOrder(r: RequestResult): RequestResult {
  return {
    id: r.id,
    name: r.name,
    path: r.path,
    iteration: r.iteration,
    request: r.request,
    ...(r.response ? { response: r.response } : {}),
    tests: r.tests,
    errors: r.errors,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    ...(r.visualizer ? { visualizer: r.visualizer } : {}),
    ...(r.retries ? { retries: r.retries } : {}),
    startedAtMs: r.startedAtMs,
    durationMs: r.durationMs,
  };
}
