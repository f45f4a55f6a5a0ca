/**
 * fast-check parameters shared by the fuzz suites: bounded in count and in time. `npm test` uses a fixed seed, so a run
 * is reproducible; FUZZ_SEED=<n> replays a failure's seed, FUZZ_SEED=random explores (bench/fuzz.ts always does).
 */
import type fc from 'fast-check';
import { CASE_TIMEOUT_MS } from './http';

export const DEFAULT_TEST_SEED = 20261129;

export function fuzzParameters<T>(numRuns: number, timeLimitMs: number): fc.Parameters<T> {
  const asked = process.env['FUZZ_SEED'];
  const seed = asked === 'random' ? undefined : asked !== undefined && asked !== '' ? Number(asked) : DEFAULT_TEST_SEED;
  return {
    numRuns,
    // Past the time limit the property stops (as passed, with the cases run so far); a hung case fails on its own time-out.
    interruptAfterTimeLimit: timeLimitMs,
    timeout: CASE_TIMEOUT_MS * 4,
    ...(seed !== undefined ? { seed } : {}),
  };
}
