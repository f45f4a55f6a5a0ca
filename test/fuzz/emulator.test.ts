/**
 * Property-based fuzzing of the emulator (issue #8 point 6), a few hundred cases per `npm test`: random SOQL, token
 * form bodies, authorize parameters and forms, and record JSON. Never a 5xx, never a crash, never a hang; a failure
 * names the shrunk input (fast-check's counterexample) and the seed to replay it (FUZZ_SEED=<seed>).
 */
import fc from 'fast-check';
import { useEmulator } from '../helpers';
import { fuzzParameters } from './options';
import { emulatorTargets, fuzzContext, FUZZ_EMULATOR, stillAnswers, type FuzzContext } from './targets';

/** Cases per target in `npm test` (bench/fuzz.ts runs thousands). */
export const TEST_RUNS = [120, 80, 60, 60] as const;
const TITLES = ['random SOQL at /services/data/vXX.X/query', 'random form bodies at /services/oauth2/token', 'random authorize parameters and forms', 'random JSON at sObject create and update'];

describe('fuzz: the emulator', function () {
  this.timeout(90_000);
  const emu = useEmulator(FUZZ_EMULATOR);
  let ctx: FuzzContext | undefined;
  before(async () => {
    ctx = await fuzzContext(emu());
  });
  after(async () => {
    await ctx?.close();
  });

  TITLES.forEach((title, i) => {
    it(`${title}: never a 5xx, a crash or a hang (${TEST_RUNS[i]} cases)`, async () => {
      const target = emulatorTargets(ctx!)[i]!;
      await fc.assert(fc.asyncProperty(target.arbitrary, async (input) => void (await target.run(input))), fuzzParameters(TEST_RUNS[i]!, 30_000));
      await stillAnswers(ctx!);
    });
  });
});
