/**
 * `npm run bench`: every figure in one session and one process tree, so they compare. Never part of `npm test`.
 * Prints a table and the headline ratios, and writes reports/bench.json.
 *
 * Each measured run is its own child process (peak RSS is then that run's alone); the emulator and the large-body
 * fixture server run in their own processes on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../src/generate';
import { LOCAL_CREDENTIALS } from '../src/emulator';
import { benchCollection } from './collection';
import { accountCount, emulatorFigures } from './emulator-figures';
import { median, ROOT, startServer } from './process';

const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [1, 100, 1000];
const ENGINES = ['raw', 'native', 'newman'] as const;
const LARGE_RECORDS = 100_000;

interface Sample {
  wallMs: number;
  maxRssMb: number;
  requests: number;
  passed: boolean;
}

function runCase(engine: string, n: string, url: string): Sample {
  const r = spawnSync(process.execPath, [join(DIST, 'bench', 'case.js'), engine, n, url], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`case ${engine} ${n} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Sample;
}

/** Whole-process wall time of a command, median of RUNS. */
function coldStart(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold start ${args.join(' ')} failed (${r.status}): ${r.stdout}${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

async function main(): Promise<void> {
  const emu = await startServer([join(DIST, 'src', 'cli', 'main.js'), 'emulator', '--port', '0']);
  const big = await startServer([join(DIST, 'bench', 'big-server.js')]);
  // A second org with 100k generated Accounts, for queryMore and the emulator's own figures.
  const large = await startServer([join(DIST, 'src', 'cli', 'main.js'), 'emulator', '--port', '0', '--records', String(LARGE_RECORDS)]);
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: require('node:os').cpus().length }, runs: RUNS };
  try {
    const table: Record<string, Record<number, { medianMs: number; peakRssMb: number }>> = {};
    for (const engine of ENGINES) {
      table[engine] = {};
      for (const n of SIZES) {
        const samples: Sample[] = [];
        for (let i = 0; i < RUNS; i++) samples.push(runCase(engine, String(n), emu.url));
        if (samples.some((s) => !s.passed || s.requests !== n)) throw new Error(`${engine} N=${n} did not pass: ${JSON.stringify(samples)}`);
        table[engine][n] = { medianMs: median(samples.map((s) => s.wallMs)), peakRssMb: Math.max(...samples.map((s) => s.maxRssMb)) };
        process.stdout.write(`  ${engine.padEnd(7)} N=${String(n).padEnd(5)} ${table[engine][n].medianMs.toFixed(1).padStart(9)} ms  ${table[engine][n].peakRssMb.toFixed(0)} MB\n`);
      }
    }
    const overhead = (e: string) => ((table[e]?.[1000]?.medianMs ?? 0) - (table[e]?.[1]?.medianMs ?? 0)) / 999;
    results.collection = table;
    results.perRequestMs = Object.fromEntries(ENGINES.map((e) => [e, overhead(e)]));

    // Cold start: a one-request collection through `sfcheck run`, whole process; and newman's own CLI.
    const dir = mkdtempSync(join(tmpdir(), 'sfcheck-bench-'));
    const col = join(dir, 'one.json');
    const env = join(dir, 'env.json');
    writeFileSync(col, JSON.stringify(benchCollection(1)));
    writeFileSync(env, JSON.stringify(buildEnvironment('local', localEnvironmentValues({ url: emu.url, credentials: LOCAL_CREDENTIALS }, DEFAULT_API_VERSION))));
    const cli = join(DIST, 'src', 'cli', 'main.js');
    const cold = {
      native: coldStart([cli, 'run', col, '-e', env, '-r', 'json', '--out', dir]),
      nativeLiftoff: coldStart(['--liftoff-only', cli, 'run', col, '-e', env, '-r', 'json', '--out', dir]),
      newmanEngine: coldStart([cli, 'run', col, '-e', env, '--engine', 'newman', '-r', 'json', '--out', dir]),
      newmanCli: coldStart([join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js'), 'run', col, '-e', env, '-r', 'json', '--reporter-json-export', join(dir, 'n.json')]),
    };
    results.coldStartMs = cold;
    process.stdout.write(`  cold start: native ${cold.native.toFixed(0)} ms (liftoff ${cold.nativeLiftoff.toFixed(0)}), newman engine ${cold.newmanEngine.toFixed(0)} ms, newman CLI ${cold.newmanCli.toFixed(0)} ms\n`);

    // A ~30 MB response with a schema check.
    const bigBody: Record<string, { ms: number; peakRssMb: number }> = {};
    for (const engine of ['native', 'newman']) {
      const s = runCase(engine, 'big', big.url);
      if (!s.passed) throw new Error(`${engine} failed the large body`);
      bigBody[engine] = { ms: s.wallMs, peakRssMb: s.maxRssMb };
      process.stdout.write(`  30 MB body: ${engine} ${s.wallMs.toFixed(0)} ms, ${s.maxRssMb.toFixed(0)} MB\n`);
    }
    results.bigBody = bigBody;

    // 100k records through queryMore, 2000 per batch, every batch schema-checked.
    const total = await accountCount(large.url);
    const batches = Math.ceil(total / 2000) - 1;
    const more: Record<string, { ms: number; recordsPerSecond: number; peakRssMb: number }> = {};
    for (const engine of ['native', 'newman']) {
      const s = runCase(engine, `more:${batches}`, large.url);
      if (!s.passed || s.requests !== batches + 2) throw new Error(`${engine} failed queryMore: ${JSON.stringify(s)}`);
      more[engine] = { ms: s.wallMs, recordsPerSecond: total / (s.wallMs / 1000), peakRssMb: s.maxRssMb };
      process.stdout.write(`  queryMore ${total} records in ${batches + 1} batches: ${engine} ${s.wallMs.toFixed(0)} ms (${more[engine].recordsPerSecond.toFixed(0)} records/s), ${s.maxRssMb.toFixed(0)} MB\n`);
    }
    results.queryMore = { records: total, batches: batches + 1, ...more };

    results.emulator = await emulatorFigures(large.url);

    const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
    const headline = {
      'native/raw per-request overhead (target ≤ 2)': ratio(overhead('native'), overhead('raw')),
      'newman/native per request at N=1000 (target ≥ 20)': ratio(overhead('newman'), overhead('native')),
      'native/newman cold start (target ≤ 0.4)': ratio(cold.native, cold.newmanCli),
      'native 30 MB body peak RSS MB (target ≤ 300)': bigBody.native?.peakRssMb ?? NaN,
      'native queryMore 100k peak RSS MB (target < 200)': (results.queryMore as Record<string, { peakRssMb: number }>).native?.peakRssMb ?? NaN,
    };
    results.headline = headline;
    process.stdout.write('\nHeadline\n');
    for (const [k, v] of Object.entries(headline)) process.stdout.write(`  ${k.padEnd(56)} ${v.toFixed(2)}\n`);
    process.stdout.write('\nPer-request overhead (ms): ');
    process.stdout.write(`${ENGINES.map((e) => `${e} ${overhead(e).toFixed(2)}`).join(', ')}\n`);
  } finally {
    emu.stop();
    big.stop();
    large.stop();
  }
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nwrote reports/bench.json\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
