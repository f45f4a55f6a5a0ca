/** fast-check parameters shared by the fuzz suites: bounded in count and in time; FUZZ_SEED replays a failure. */
import type fc from 'fast-check';
import { CASE_TIMEOUT_MS } from './http';

export function fuzzParameters<T>(numRuns: number, timeLimitMs: number): fc.Parameters<T> {
  const seed = process.env['FUZZ_SEED'];
  return {
    numRuns,
    // Past the time limit the property stops (as passed, with the cases run so far); a hung case fails on its own time-out.
    interruptAfterTimeLimit: timeLimitMs,
    timeout: CASE_TIMEOUT_MS * 4,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  };
}
