/**
 * The whole-run deadline (--timeout): once it passes, the item in flight is given up (its request is aborted when the
 * run closes its HTTP agent), it is reported with a timeout error, and every item not reached is skipped with the
 * reason. Retries never wait past it.
 */
import type { RequestResult } from '../result';
import type { FlatItem } from './collection';
import { requestMethod } from './request';
import { urlTemplate } from './url';

export const DEADLINE_CODE = 'ERUNDEADLINE';

export class RunDeadline {
  private readonly at: number;
  private timer: NodeJS.Timeout | undefined;
  /** Resolves when the deadline passes; never when there is none. */
  readonly expired: Promise<void>;

  constructor(
    /** 0 or less: no deadline. */
    readonly ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.at = ms > 0 ? now() + ms : Infinity;
    this.expired = new Promise<void>((resolve) => {
      // Node's timers hold at most 2^31 - 1 ms; a longer one would fire at once.
      if (ms > 0) this.timer = setTimeout(resolve, Math.min(ms, 2_147_483_647));
    });
  }

  get reason(): string {
    return `run deadline of ${this.ms} ms reached`;
  }

  get passed(): boolean {
    return this.now() >= this.at;
  }

  /** ms left before the deadline (Infinity when there is none). */
  remainingMs(): number {
    return this.at === Infinity ? Infinity : Math.max(0, this.at - this.now());
  }

  /** The work's value, or 'deadline' if the deadline passes first (the work is then abandoned, its rejection ignored). */
  async race<T>(work: Promise<T>): Promise<T | 'deadline'> {
    if (this.at === Infinity) return work;
    work.catch(() => undefined);
    return Promise.race([work, this.expired.then(() => 'deadline' as const)]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function base(item: FlatItem, startedAtMs: number, iteration: number): RequestResult {
  return {
    id: item.id,
    name: item.name,
    path: item.path,
    iteration,
    request: { method: requestMethod(item), url: urlTemplate(item.request['url']), headers: [] },
    tests: [],
    errors: [],
    startedAtMs,
    durationMs: 0,
  };
}

/** The item that was in flight when the deadline passed: a timeout error (infrastructure: the run exits 3). */
export function cutOffResult(item: FlatItem, deadline: RunDeadline, startedAtMs: number, durationMs: number, iteration = 1): RequestResult {
  const r = base(item, startedAtMs, iteration);
  r.errors.push({ kind: 'timeout', message: deadline.reason, code: DEADLINE_CODE });
  r.durationMs = durationMs;
  return r;
}

/** An item the run did not reach before the deadline. */
export function notReachedResult(item: FlatItem, deadline: RunDeadline, startedAtMs: number, iteration = 1): RequestResult {
  const { startedAtMs: at, durationMs, ...head } = base(item, startedAtMs, iteration);
  return { ...head, skipped: { reason: deadline.reason }, startedAtMs: at, durationMs };
}
