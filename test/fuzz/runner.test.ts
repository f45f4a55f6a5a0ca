/**
 * Random collection JSON at the native runner (in-process) and, for a handful, through `sfcheck run` (issue #8 point 6).
 * Every URL stays on the emulator's 127.0.0.1 host. Never a crash, never a hang, always a well-formed result.
 */
import fc from 'fast-check';
import { CLI, useEmulator } from '../helpers';
import { fuzzParameters } from './options';
import { cliRunnerTarget, nativeRunnerTarget } from './runner-cases';
import { FUZZ_EMULATOR } from './targets';

export const NATIVE_RUNS = 40;
export const CLI_RUNS = 4;

describe('fuzz: the runner', function () {
  this.timeout(180_000);
  const emu = useEmulator(FUZZ_EMULATOR);

  it(`runs random collection JSON on the native engine without a crash or a hang (${NATIVE_RUNS} cases)`, async () => {
    const target = nativeRunnerTarget(emu().url);
    await fc.assert(fc.asyncProperty(target.arbitrary, async (input) => void (await target.run(input))), fuzzParameters(NATIVE_RUNS, 60_000));
  });

  it(`runs random collection JSON through \`sfcheck run\`: a documented exit code, no stack trace, reports (${CLI_RUNS} cases)`, async () => {
    const target = cliRunnerTarget(emu().url, CLI);
    await fc.assert(fc.asyncProperty(target.arbitrary, async (input) => void (await target.run(input))), fuzzParameters(CLI_RUNS, 90_000));
  });
});
