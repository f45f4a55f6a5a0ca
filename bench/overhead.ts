/**
 * `npm run bench:overhead` (= `npm run build && node dist/bench/overhead.js`): only the per-request figures of `npm run bench` (raw undici loop and native engine, N=1 and
 * N=1000, each run in its own process against one emulator), in well under a minute. Never part of `npm test`.
 *
 * A/B on a shared machine: pass other compiled trees (a copy of `dist/` whose parent can resolve `node_modules`) as
 * arguments; their bench/case.js runs interleaved with this tree's, run by run, so load changes hit both alike.
 *   node dist/bench/overhead.js /tmp/base/dist
 * BENCH_RUNS (default 5) sets the runs per figure; the figure is the median.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { median, ROOT, startServer } from './process';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [1, 1000];

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function runCase(dist: string, engine: string, n: number, url: string): Sample {
  const r = spawnSync(process.execPath, [join(dist, 'bench', 'case.js'), engine, String(n), url], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`case ${engine} ${n} (${dist}) failed: ${r.stderr}`);
  const s = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Sample & { requests: number; passed: boolean };
  if (!s.passed || s.requests !== n) throw new Error(`case ${engine} ${n} (${dist}) did not pass: ${r.stdout}`);
  return { wallMs: s.wallMs, cpuMs: s.cpuMs ?? NaN };
}

async function main(): Promise<void> {
  const trees = [join(ROOT, 'dist'), ...process.argv.slice(2).map((d) => resolve(d))];
  const emu = await startServer([join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'emulator', '--port', '0']);
  try {
    // samples[tree][engine][n]
    const samples = trees.map(() => ({ raw: { 1: [] as Sample[], 1000: [] as Sample[] }, native: { 1: [] as Sample[], 1000: [] as Sample[] } }));
    for (let i = 0; i < RUNS; i++) {
      for (const n of SIZES) {
        for (let t = 0; t < trees.length; t++) {
          const s = samples[t];
          if (!s) continue;
          // The raw loop is the same code in every tree: one measurement serves all (from the first tree).
          if (t === 0) s.raw[n as 1 | 1000].push(runCase(trees[0] as string, 'raw', n, emu.url));
          s.native[n as 1 | 1000].push(runCase(trees[t] as string, 'native', n, emu.url));
        }
      }
    }
    const per = (list: { 1: Sample[]; 1000: Sample[] }, k: keyof Sample): number => (median(list[1000].map((s) => s[k])) - median(list[1].map((s) => s[k]))) / 999;
    const raw = samples[0]?.raw ?? { 1: [], 1000: [] };
    const rawWall = per(raw, 'wallMs');
    const rawCpu = per(raw, 'cpuMs');
    const line = (name: string, list: { 1: Sample[]; 1000: Sample[] }): string => {
      const wall = per(list, 'wallMs');
      const cpu = per(list, 'cpuMs');
      const n1 = median(list[1].map((s) => s.wallMs));
      const n1000 = median(list[1000].map((s) => s.wallMs));
      return `${name.padEnd(7)} N=1 ${n1.toFixed(1)} ms, N=1000 ${n1000.toFixed(1)} ms; per request: wall ${wall.toFixed(3)} ms (/raw ${(wall / rawWall).toFixed(2)}), process CPU ${cpu.toFixed(3)} ms (/raw ${(cpu / rawCpu).toFixed(2)})`;
    };
    process.stdout.write(`${line('raw', raw)}\n`);
    trees.forEach((tree, t) => process.stdout.write(`${line('native', samples[t]?.native ?? { 1: [], 1000: [] })}  ${tree}\n`));
  } finally {
    emu.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:overhead failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
