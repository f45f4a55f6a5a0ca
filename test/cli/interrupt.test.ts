/**
 * Ctrl-C / SIGTERM during a run: the CLI stops promptly, writes well-formed reports with the completed requests and
 * the rest as skipped, leaves no temporary file, and exits 130 / 143.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { interruptedRun } from '../../src/cli/interrupt';
import type { RequestResult } from '../../src/engine';
import { CLI, ROOT, tempDir } from '../helpers';
import { hasXmllint, junitSchemaErrors } from '../report/xml';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

function collection(base: string): unknown {
  const item = (name: string, path: string) => ({
    id: name,
    name,
    event: [{ listen: 'test', script: { exec: ["pm.test('status is 200', function () { pm.response.to.have.status(200); });"] } }],
    request: { method: 'GET', url: `${base}${path}` },
  });
  return { info: { _postman_id: 'interrupt', name: 'interrupt', schema: V21 }, item: [item('first', '/ok'), item('hangs', '/hang'), item('never reached', '/ok')] };
}

describe('cli: interrupted runs', function () {
  this.timeout(30_000);
  let server: Server;
  let base = '';
  before(async () => {
    // /hang never answers: the run is mid-request when the signal comes.
    server = createServer((req, res) => {
      if (req.url === '/ok') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  for (const [signal, code, engine] of [['SIGINT', 130, 'native'], ['SIGTERM', 143, 'native'], ['SIGINT', 130, 'newman']] as const) {
    it(`${signal} (${engine} engine): exit ${code}, reports with the completed request and the rest skipped, no temp files`, async () => {
      const dir = tempDir();
      const file = join(dir, 'c.json');
      writeFileSync(file, JSON.stringify(collection(base)));
      const out = join(dir, 'out');
      const child = spawn(process.execPath, [CLI, 'run', file, '--engine', engine, '--out', out, '-r', 'cli,junit,json'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let sent = false;
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (!sent && stdout.includes('✔ first')) {
          sent = true; // once: a second signal would meet Node's default handler
          child.kill(signal);
        }
      });
      const exit = await new Promise<number | null>((resolve) => {
        const guard = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(-1);
        }, 10_000);
        child.on('exit', (c) => {
          clearTimeout(guard);
          resolve(c);
        });
      });
      assert.equal(exit, code, stdout);
      assert.match(stdout + stderr, new RegExp(`stopped by ${signal}: 2 requests not sent`));
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
        requests: Array<{ name: string; verdict: string; skipped?: { reason: string } }>;
        warnings: string[];
      };
      assert.deepEqual(report.requests.map((r) => [r.name, r.verdict]), [['first', 'passed'], ['hangs', 'skipped'], ['never reached', 'skipped']]);
      assert.match(report.requests[1]?.skipped?.reason ?? '', new RegExp(signal));
      const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
      assert.equal((junit.match(/<skipped /g) ?? []).length, 2);
      if (hasXmllint()) assert.equal(junitSchemaErrors(junit), '');
      assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
      assert.ok(existsSync(join(out, 'junit.xml')));
    });
  }
});

describe('cli: interrupted runs list the planned requests not reached', () => {
  const leaf = (name: string) => ({ id: name, name, request: { method: 'GET', url: 'http://127.0.0.1:9/' + name } });
  const col = { info: { _postman_id: 'plan', name: 'plan', schema: V21 }, item: [{ name: 'A', item: [leaf('a1'), leaf('a2')] }, { name: 'B', item: [leaf('b1')] }] };
  const done = (id: string, folder: string, iteration: number): RequestResult => ({
    id,
    name: id,
    path: [folder, id],
    iteration,
    request: { method: 'GET', url: '', headers: [] },
    tests: [],
    errors: [],
    startedAtMs: 0,
    durationMs: 0,
  });
  const skipped = (completed: RequestResult[], extra: Record<string, unknown>) =>
    interruptedRun({ engine: 'native', collection: col, started: Date.now(), completed, signal: 'SIGINT', ...extra }).requests
      .filter((r) => r.skipped)
      .map((r) => `${r.iteration}:${r.path.join('/')}`);

  it('every iteration of the whole collection', () => {
    assert.deepEqual(skipped([done('a1', 'A', 1)], { iterationCount: 2 }), ['1:A/a2', '1:B/b1', '2:A/a1', '2:A/a2', '2:B/b1']);
  });

  it('only the --folder selection, in each iteration (data rows count as iterations)', () => {
    assert.deepEqual(skipped([done('b1', 'B', 1)], { folders: ['B'], iterationData: [{}, {}, {}] }), ['2:B/b1', '3:B/b1']);
    assert.deepEqual(skipped([], { folders: ['a2'] }), ['1:A/a2']);
  });

  it('after a setNextRequest jump, from where the run was; an id newman made up falls back to the path', () => {
    assert.deepEqual(skipped([done('a1', 'A', 1), done('b1', 'B', 1)], { iterationCount: 2 }), ['2:A/a1', '2:A/a2', '2:B/b1']);
    assert.deepEqual(skipped([{ ...done('a1', 'A', 1), id: 'random-uuid' }], {}), ['1:A/a2', '1:B/b1']);
  });
});

