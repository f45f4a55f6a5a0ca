/**
 * `npm run fuzz`: 10,000 property-based cases across every fuzz target of test/fuzz (never part of `npm test`, which
 * runs a few hundred). One emulator on 127.0.0.1 serves them all. Prints the cases run and the answers seen per target,
 * and every failure with its shrunk counterexample and seed (replay: FUZZ_SEED=<seed>). Writes reports/fuzz.json.
 * Exit 1 when any target failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { startEmulator } from '../src/emulator';
import { cliRunnerTarget, nativeRunnerTarget } from '../test/fuzz/runner-cases';
import { emulatorTargets, fuzzContext, FUZZ_EMULATOR, stillAnswers, type Target } from '../test/fuzz/targets';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
/** Cases per target; 10,000 in all (FUZZ_SCALE=0.1 for a quick try). */
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);
const PLAN = [3000, 2400, 2000, 2000, 550, 50].map((n) => Math.max(1, Math.round(n * SCALE)));
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Date.now() ^ (Math.random() * 0x7fffffff);

interface Outcome {
  target: string;
  planned: number;
  run: number;
  seconds: number;
  seen: Record<string, number>;
  failure?: string;
}

async function fuzz<T>(target: Target<T>, planned: number, seed: number): Promise<Outcome> {
  const seen: Record<string, number> = {};
  let failing = false;
  const t0 = performance.now();
  const details = await fc.check(
    fc.asyncProperty(target.arbitrary, async (input) => {
      try {
        const label = await target.run(input);
        if (!failing) seen[label] = (seen[label] ?? 0) + 1;
      } catch (err) {
        failing = true;
        throw err;
      }
    }),
    { numRuns: planned, seed, timeout: 120_000 },
  );
  const outcome: Outcome = { target: target.name, planned, run: details.numRuns, seconds: Math.round((performance.now() - t0) / 100) / 10, seen };
  if (details.failed) outcome.failure = fc.defaultReportMessage(details) ?? 'failed';
  return outcome;
}

async function main(): Promise<void> {
  const emu = await startEmulator(FUZZ_EMULATOR);
  const ctx = await fuzzContext(emu);
  const targets: Target<never>[] = [...emulatorTargets(ctx), nativeRunnerTarget(emu.url) as Target<never>, cliRunnerTarget(emu.url, CLI) as Target<never>];
  const outcomes: Outcome[] = [];
  console.log(`fuzz: ${PLAN.reduce((a, b) => a + b, 0)} cases, seed ${SEED}, emulator ${emu.url}`);
  for (const [i, target] of targets.entries()) {
    const outcome = await fuzz(target, PLAN[i]!, SEED + i);
    outcomes.push(outcome);
    const seen = Object.entries(outcome.seen).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
    console.log(`${outcome.failure ? '✘' : '✔'} ${outcome.target}: ${outcome.run}/${outcome.planned} cases in ${outcome.seconds} s (${seen})`);
    if (outcome.failure) console.log(outcome.failure.split('\n').map((l) => `    ${l}`).join('\n'));
  }
  await stillAnswers(ctx);
  await ctx.close();
  await emu.close();
  const total = outcomes.reduce((n, o) => n + o.run, 0);
  const failed = outcomes.filter((o) => o.failure);
  console.log(`\n${total} cases run, ${failed.length} target(s) failed; the emulator still answers`);
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports', 'fuzz.json'), `${JSON.stringify({ seed: SEED, total, outcomes }, null, 2)}\n`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
