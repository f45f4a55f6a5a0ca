/**
 * What the benchmark drivers share: the median of samples, and a server started in a child process (the emulator or
 * bench/big-server.js), ready once it prints "listening on http://127.0.0.1:PORT".
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root (benchmarks run from dist/bench). */
export const ROOT = resolve(__dirname, '..', '..');

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export function startServer(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((done, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) done({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
  });
}
