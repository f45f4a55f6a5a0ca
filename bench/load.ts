/**
 * `npm run load`: a bounded load test of the emulator (never part of `npm test`). The emulator runs in a child process
 * on 127.0.0.1 (started with --expose-gc, so its memory can be read after a forced GC); autocannon drives 50 concurrent
 * connections for 30 s each at the token endpoint (password grant), a SOQL query and userinfo. Expected: 0 errors,
 * 0 non-2xx, and no memory growth once garbage is collected. Prints the figures and writes reports/load.json.
 * LOAD_SECONDS / LOAD_CONNECTIONS change the duration and the concurrency (for a quick try).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator } from '../src/emulator';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 30);
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 50);
const WARM_UP_SECONDS = Number(process.env['LOAD_WARM_UP_SECONDS'] ?? 5);

interface Memory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  resets?: number;
  '2xx': number;
  duration: number;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function memory(): Memory {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external) };
}

/** Child side: the emulator, and its memory on request (after a full GC when asked). */
async function serve(): Promise<void> {
  const emu = await startEmulator({ dailyApiLimit: 1_000_000_000 });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'memory' || msg.type === 'memory-gc') {
      if (msg.type === 'memory-gc') {
        if (!gc) throw new Error('run with node --expose-gc');
        for (let i = 0; i < 3; i++) gc();
      }
      process.send?.({ type: 'memory', memory: memory() });
    }
    if (msg.type === 'stop') void emu.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: emu.url, credentials: emu.credentials });
}

function ask<T>(child: ChildProcess, type: string, answer: string): Promise<T> {
  return new Promise((done) => {
    const on = (msg: { type: string } & Record<string, unknown>): void => {
      if (msg.type !== answer) return;
      child.off('message', on);
      done(msg as T);
    };
    child.on('message', on);
    child.send({ type });
  });
}

async function main(): Promise<void> {
  const autocannon = require('autocannon') as Autocannon;
  const child = fork(__filename, ['--serve'], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ url: string; credentials: Record<string, string> }>((done, fail) => {
    child.once('message', (m: { type: string; url: string; credentials: Record<string, string> }) => (m.type === 'ready' ? done(m) : fail(new Error('no ready'))));
    child.once('exit', (code) => fail(new Error(`emulator exited ${code}`)));
  });
  const { url, credentials: c } = ready;
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);
  const form = new URLSearchParams({ grant_type: 'password', client_id: c['clientId']!, client_secret: c['clientSecret']!, username: c['username']!, password: c['password']! + c['securityToken']! }).toString();
  // A fresh token before each data phase: the token phase issues far more sessions than the store keeps (10,000).
  const bearer = async (): Promise<Record<string, string>> => {
    const login = await fetch(`${url}/services/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    return { Authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
  };
  const formHeaders = async (): Promise<Record<string, string>> => ({ 'Content-Type': 'application/x-www-form-urlencoded' });
  const soql = 'SELECT Id, Name, Industry FROM Account ORDER BY Name LIMIT 10';
  const phases: Array<{ name: string; method: string; path: string; headers: () => Promise<Record<string, string>>; body?: string }> = [
    { name: 'token (password grant)', method: 'POST', path: '/services/oauth2/token', headers: formHeaders, body: form },
    { name: 'query (SOQL, 10 rows)', method: 'GET', path: `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, headers: bearer },
    { name: 'userinfo', method: 'GET', path: '/services/oauth2/userinfo', headers: bearer },
  ];

  const fresh = (await ask<{ memory: Memory }>(child, 'memory-gc', 'memory')).memory;
  console.log(`load: ${CONNECTIONS} connections x ${SECONDS} s per endpoint against ${url}`);
  // A short warm-up on every endpoint first: JIT, statement caches and the session store (bounded at 10,000 live
  // sessions) reach their steady state, so "before" and "after" compare like with like.
  for (const p of phases) await autocannon({ url: url + p.path, method: p.method, headers: await p.headers(), body: p.body, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const before = (await ask<{ memory: Memory }>(child, 'memory-gc', 'memory')).memory;
  console.log(`emulator memory: fresh RSS ${fresh.rssMb} MB, heap ${fresh.heapUsedMb} MB; after a ${WARM_UP_SECONDS} s warm-up per endpoint and a GC (before): RSS ${before.rssMb} MB, heap ${before.heapUsedMb} MB`);
  const results = [];
  for (const p of phases) {
    const r = await autocannon({ url: url + p.path, method: p.method, headers: await p.headers(), body: p.body, connections: CONNECTIONS, duration: SECONDS });
    const row = {
      endpoint: p.name,
      requests: r.requests.total,
      requestsPerSecond: Math.round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p99: r.latency.p99, average: r.latency.average, max: r.latency.max },
      ok2xx: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
    };
    results.push(row);
    console.log(`${row.errors + row.non2xx + row.timeouts === 0 ? '✔' : '✘'} ${p.name}: ${row.requests} requests, ${row.requestsPerSecond}/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, ${row.non2xx} non-2xx, ${row.errors} errors, ${row.timeouts} timeouts`);
  }
  const after = (await ask<{ memory: Memory }>(child, 'memory', 'memory')).memory;
  const afterGc = (await ask<{ memory: Memory }>(child, 'memory-gc', 'memory')).memory;
  console.log(`emulator memory after: RSS ${after.rssMb} MB, heap ${after.heapUsedMb} MB; after a forced GC: RSS ${afterGc.rssMb} MB, heap ${afterGc.heapUsedMb} MB (heap growth ${Math.round((afterGc.heapUsedMb - before.heapUsedMb) * 10) / 10} MB)`);
  child.send({ type: 'stop' });
  await new Promise((done) => child.once('exit', done));

  const failures = results.reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0);
  const report = { node: process.version, connections: CONNECTIONS, secondsPerEndpoint: SECONDS, results, warmUpSecondsPerEndpoint: WARM_UP_SECONDS, memory: { fresh, before, after, afterGc, heapGrowthMb: Math.round((afterGc.heapUsedMb - before.heapUsedMb) * 10) / 10 }, failures };
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports', 'load.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`${failures === 0 ? 'no' : failures} errors or non-2xx; report: reports/load.json`);
  process.exitCode = failures === 0 ? 0 : 1;
}

if (process.argv.includes('--serve')) void serve();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
