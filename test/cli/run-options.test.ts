/**
 * `sfcheck run` with newman's run options: -g, --env-var, --global-var, -d (CSV and JSON), -n, --folder, --max-steps,
 * --export-environment / --export-globals / --export-collection; both engines, against a local server on 127.0.0.1.
 * Bad values of each are usage errors (exit 2) naming the file, line or flag.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers';
import { collection, folder, item, prerequest, startServer, tests, type TestServer } from '../engine/native/helpers';

interface ReportRequest {
  name: string;
  iteration: number;
  request: { url: string };
  verdict: string;
  visualizer?: unknown;
}
interface Report {
  iterations: number;
  requests: ReportRequest[];
  error?: { code?: string; message: string };
  summary: { verdict: string };
}

describe('cli: run options (data, variables, folders, exports)', function () {
  this.timeout(90_000);
  let server: TestServer;
  let dir: string;
  let collectionFile: string;
  before(async () => {
    server = await startServer();
    dir = tempDir();
    collectionFile = join(dir, 'c.json');
    const col = collection(
      [
        folder('Data', [
          item(
            'search',
            { method: 'GET', url: `${server.base}/search?q={{q}}&n={{n}}&who={{who}}&g={{g}}` },
            tests(
              "pm.test('row ' + pm.iterationData.get('q'), function () { pm.response.to.have.status(200); });",
              "pm.environment.set('last_q', pm.iterationData.get('q'));",
              "pm.globals.set('runs', Number(pm.globals.get('runs') || 0) + 1);",
              "pm.collectionVariables.set('seen', pm.iterationData.get('q'));",
              "pm.visualizer.set('<b>{{q}}</b>', { q: pm.iterationData.get('q') });",
            ),
          ),
        ]),
        folder('Other', [item('other', { method: 'GET', url: `${server.base}/other` })]),
      ],
      { variable: [{ key: 'seen', value: 'none' }] },
    );
    writeFileSync(collectionFile, JSON.stringify(col));
    writeFileSync(join(dir, 'data.csv'), 'q,n\n"alpha", 1\nbeta,2.5\n');
    writeFileSync(join(dir, 'env.json'), JSON.stringify({ name: 'test env', values: [{ key: 'who', value: 'file' }, { key: 'token', value: 's3cret', type: 'secret' }] }));
    writeFileSync(join(dir, 'globals.json'), JSON.stringify({ name: 'my globals', values: [{ key: 'g', value: 'from-file' }], _postman_variable_scope: 'globals' }));
  });
  after(async () => {
    await server.close();
  });

  for (const engine of ['native', 'newman'] as const) {
    it(`${engine}: -d CSV, --env-var over -e, --global-var over -g, --folder, and the exports as the run ended (0600)`, async () => {
      const out = join(dir, `out-${engine}`);
      const exp = (name: string) => join(out, `${name}.json`);
      const before = server.requests.length;
      const r = await runCli([
        'run', collectionFile, '--engine', engine, '-r', 'json', '--out', out,
        '-e', join(dir, 'env.json'), '--env-var', 'who=cli=yes', '-g', join(dir, 'globals.json'), '--global-var', 'g=cli',
        '-d', join(dir, 'data.csv'), '--folder', 'Data',
        '--export-environment', exp('env'), '--export-globals', exp('globals'), '--export-collection', exp('collection'),
      ]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual(
        server.requests.slice(before).map((q) => decodeURIComponent(q.url)),
        ['/search?q=alpha&n=1&who=cli=yes&g=cli', '/search?q=beta&n=2.5&who=cli=yes&g=cli'],
      );
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      assert.equal(report.iterations, 2);
      assert.deepEqual(report.requests.map((q) => [q.name, q.iteration, q.verdict]), [['search', 1, 'passed'], ['search', 2, 'passed']]);
      assert.deepEqual(report.requests[1]?.visualizer, { template: '<b>{{q}}</b>', data: { q: 'beta' } });

      for (const name of ['env', 'globals', 'collection']) assert.equal(statSync(exp(name)).mode & 0o777, 0o600, name);
      const env = JSON.parse(readFileSync(exp('env'), 'utf8')) as { name: string; values: Array<{ key: string; value: string; type: string }>; _postman_variable_scope: string };
      assert.equal(env.name, 'test env');
      assert.equal(env._postman_variable_scope, 'environment');
      assert.deepEqual(env.values.map((v) => [v.key, v.value, v.type]).sort(), [['last_q', 'beta', 'default'], ['token', 's3cret', 'secret'], ['who', 'cli=yes', 'default']]);
      const globals = JSON.parse(readFileSync(exp('globals'), 'utf8')) as { name: string; values: Array<{ key: string; value: string }> };
      assert.equal(globals.name, 'my globals');
      assert.deepEqual(globals.values.map((v) => [v.key, v.value]).sort(), [['g', 'cli'], ['runs', '2']]);
      const exported = JSON.parse(readFileSync(exp('collection'), 'utf8')) as { variable: Array<{ key: string; value: string }>; item: unknown[] };
      assert.deepEqual(exported.variable.map((v) => [v.key, v.value]), [['seen', 'beta']]);
      assert.equal(exported.item.length, 2);
      assert.match(r.stdout, /exported: .*env\.json/);
    });
  }

  it('a JSON data file with -n beyond its rows repeats the last row', async () => {
    writeFileSync(join(dir, 'data.json'), JSON.stringify([{ q: 'one', n: 1 }, { q: 'two', n: 2 }]));
    const before = server.requests.length;
    const r = await runCli(['run', collectionFile, '-r', 'cli', '--out', join(dir, 'json-data'), '-d', join(dir, 'data.json'), '-n', '3', '--folder', 'search']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(server.requests.slice(before).map((q) => new URL(q.url, server.base).searchParams.get('q')), ['one', 'two', 'two']);
    assert.match(r.stdout, /search \(iteration 3\)/);
  });

  it('a circular setNextRequest stops at --max-steps: exit 2, the loop named, the reports written', async () => {
    const loop = join(dir, 'loop.json');
    writeFileSync(loop, JSON.stringify(collection([item('ping', { method: 'GET', url: `${server.base}/ping` }, tests("postman.setNextRequest('pong');")), item('x', `${server.base}/x`), item('pong', { method: 'GET', url: `${server.base}/pong` }, prerequest("pm.execution.setNextRequest('ping');"))])));
    const out = join(dir, 'loop-out');
    for (const engine of ['native', 'newman']) {
      const r = await runCli(['run', loop, '--engine', engine, '--max-steps', '3', '-r', 'cli,json', '--out', out]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stdout, /setNextRequest loop: more than 3 jumps in iteration 1/);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      assert.equal(report.error?.code, 'SFCHECK_FLOW_LOOP');
      assert.equal(report.requests.length, 4);
    }
  });

  describe('bad values: exit 2 with the file, line or flag named', () => {
    const bad = async (args: string[], pattern: RegExp): Promise<void> => {
      const r = await runCli(['run', collectionFile, '--out', join(dir, 'bad'), ...args]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    };

    it('a CSV data file with an unclosed quote', async () => {
      const file = join(dir, 'broken.csv');
      writeFileSync(file, 'q,n\na,1\n"b,2\n');
      await bad(['-d', file], /iteration data file .*broken\.csv is not valid CSV at line 3: Quote Not Closed/);
    });

    it('a JSON data file that is an object, not an array', async () => {
      const file = join(dir, 'object.json');
      writeFileSync(file, '{"q": "a"}');
      await bad(['-d', file], /object\.json holds a JSON object, not an array of objects/);
    });

    it('a JSON data file with a non-object element, and one with a syntax error', async () => {
      writeFileSync(join(dir, 'mixed.json'), '[{"q": "a"}, 3]');
      await bad(['-d', join(dir, 'mixed.json')], /mixed\.json: element \[1\] is 3, not an object/);
      writeFileSync(join(dir, 'syntax.json'), '[{"q": "a"},\n {"q": }]');
      // V8 names the spot with an excerpt (no position for this error).
      await bad(['-d', join(dir, 'syntax.json')], /syntax\.json is not valid JSON: Unexpected token '\}'/);
    });

    it('a data file that does not exist, or cannot be read', async () => {
      await bad(['-d', join(dir, 'missing.csv')], /iteration data file .*missing\.csv does not exist/);
      const locked = join(dir, 'locked.csv');
      writeFileSync(locked, 'q\n1\n');
      chmodSync(locked, 0o000);
      if (process.getuid?.() !== 0) await bad(['-d', locked], /locked\.csv is not readable/);
    });

    it('-n and --max-steps that are not positive whole numbers', async () => {
      await bad(['-n', '0'], /--iteration-count must be a positive whole number, got "0"/);
      await bad(['-n', 'two'], /--iteration-count must be a positive whole number, got "two"/);
      await bad(['--max-steps', '1.5'], /--max-steps must be a positive whole number/);
    });

    it('--env-var and --global-var without KEY=', async () => {
      await bad(['--env-var', 'novalue'], /--env-var expects KEY=VALUE, got "novalue"/);
      await bad(['--global-var', '=x'], /--global-var expects KEY=VALUE/);
    });

    it('an unknown --folder, listing the known ones', async () => {
      await bad(['--folder', 'Data', '--folder', 'Nowhere'], /--folder: no folder or request named "Nowhere" in the collection \(folders: "Data", "Other"\)/);
    });

    it('a globals file that is not one', async () => {
      await bad(['-g', collectionFile], /is not a Postman globals file \(it looks like a collection\)/);
    });

    it('a Postman v1 collection: convert it', async () => {
      const v1 = join(dir, 'v1.json');
      writeFileSync(v1, JSON.stringify({ id: 'x', name: 'old', order: [], requests: [{ id: 'r', url: 'http://127.0.0.1/', method: 'GET' }] }));
      const r = await runCli(['run', v1, '--out', join(dir, 'bad')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is a Postman collection v1, which sfcheck does not run/);
      assert.match(r.stderr, /convert it: .*postman-collection-transformer convert/);
    });
  });
});
