/**
 * sfcheck's own Postman-compatible runner (undici + a node:vm script sandbox with chai). Produces the same RunResult
 * tree as the newman engine for the same run.
 */
import type { Engine, RunInput, RunListener, RunResult } from '../result';
import { runCollection, type NativeEngineOptions } from './runner';

export type { NativeEngineOptions } from './runner';

export function createNativeEngine(options: NativeEngineOptions = {}): Engine {
  return {
    name: 'native',
    run(input: RunInput, listener?: RunListener): Promise<RunResult> {
      return runCollection(input, listener, options);
    },
  };
}

export const nativeEngine: Engine = createNativeEngine();
