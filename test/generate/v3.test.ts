/** Postman collection format v3 (git-native YAML): written from the v2.1 collections, read back, run by both engines. */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { check } from '../../src/check';
import { ENGINES } from '../../src/engine';
import { buildCollection, buildEnvironment } from '../../src/generate';
import { environmentFromV3, environmentToV3, fromV3, toV3, type V2Collection } from '../../src/generate/v3';
import { passwordFlow } from '../../src/spec';
import { ROOT, runCli, tempDir, useEmulator } from '../helpers';
import { localEnvironment } from '../e2e/fixtures';
import { readCollectionFile } from '../../src/cli/collection';

type Item = V2Collection['item'][number];

/** What a run depends on, per request: everything but ids and descriptions. */
function essence(c: V2Collection) {
  const walk = (items: Item[]): unknown[] =>
    items.map((i) =>
      i.item
        ? { folder: i.name, items: walk(i.item) }
        : {
            name: i.name,
            method: i.request?.method,
            url: typeof i.request?.url === 'string' ? i.request.url : i.request?.url?.raw,
            query: typeof i.request?.url === 'object' ? (i.request.url.query ?? []).map((q) => [q.key, q.value, Boolean(q.disabled)]) : [],
            headers: (i.request?.header ?? []).map((h) => [h.key, h.value, Boolean(h.disabled)]),
            body: i.request?.body?.mode === 'urlencoded' ? i.request.body.urlencoded?.map((f) => [f.key, f.value]) : i.request?.body?.raw,
            // {type: noauth} and {type: noauth, noauth: []} are the same auth.
            auth: i.request?.auth && { type: i.request.auth.type, attributes: i.request.auth[i.request.auth.type] ?? [] },
            scripts: (i.event ?? []).map((e) => [e.listen, Array.isArray(e.script?.exec) ? e.script.exec.join('\n') : e.script?.exec]),
          },
    );
  return { name: c.info.name, items: walk(c.item), variables: (c.variable ?? []).map((v) => [v.key, v.value ?? '']) };
}

describe('Postman collection format v3', function () {
  this.timeout(30_000);
  const original = buildCollection(passwordFlow) as V2Collection;

  it('writes one request file per request plus .resources/definition.yaml, in YAML Postman reads', () => {
    const files = toV3(original);
    assert.ok(files.has('.resources/definition.yaml'));
    const requests = [...files.keys()].filter((p) => p.endsWith('.request.yaml'));
    assert.equal(requests.length, passwordFlow.requests.length);
    const token = parse(files.get('Get an access token (password grant).request.yaml') ?? '') as Record<string, unknown>;
    assert.equal(token.$kind, 'http-request');
    assert.equal(token.order, 1000);
    assert.equal(token.url, '{{login_url}}/services/oauth2/token');
    assert.deepEqual((token.scripts as Array<{ type: string; language: string }>).map((s) => [s.type, s.language]), [['afterResponse', 'text/javascript']]);
    assert.equal((token.body as { type: string }).type, 'urlencoded');
    const def = parse(files.get('.resources/definition.yaml') ?? '') as Record<string, unknown>;
    assert.equal(def.$kind, 'collection');
    assert.equal(def.name, original.info.name);
  });

  it('round-trips: v2.1 -> v3 -> v2.1 gives the same requests, scripts and variables', () => {
    const back = fromV3(toV3(original), 'salesforce-password');
    assert.deepEqual(essence(back), essence(original));
  });

  it('keeps folders, their order and folder-level scripts and auth', () => {
    const nested: V2Collection = {
      ...original,
      item: [
        { name: 'b: second', item: [original.item[1] as Item], event: [{ listen: 'prerequest', script: { exec: ['// folder'] } }], auth: { type: 'noauth' } },
        { name: 'a first', item: [original.item[2] as Item] },
      ],
    };
    const files = toV3(nested);
    assert.ok([...files.keys()].some((p) => p.startsWith('b- second/')), 'a folder name is made file-safe');
    const back = fromV3(files, 'x');
    assert.deepEqual(back.item.map((i) => i.name), ['b: second', 'a first'], 'order, and the real name, survive');
    assert.deepEqual(back.item[0]?.event?.[0]?.listen, 'prerequest');
    assert.deepEqual(back.item[0]?.auth, { type: 'noauth' });
  });

  it('round-trips environments, secret types included', () => {
    const env = buildEnvironment('sandbox', { ...Object.fromEntries(passwordFlow.requests.map(() => ['x', ''])) } as never) as Parameters<typeof environmentToV3>[0];
    const v3 = environmentToV3(env);
    const back = environmentFromV3(v3.fileName, v3.content);
    assert.deepEqual(back.values.map((v) => [v.key, v.value, v.type]), env.values.map((v) => [v.key, v.value, v.type === 'secret' ? 'secret' : 'default']));
  });

  describe('the committed v3 collection runs on both engines against the emulator', () => {
    const emulator = useEmulator();
    for (const engine of ['native', 'newman'] as const) {
      it(engine, async () => {
        const collection = readCollectionFile(join(ROOT, 'collections', 'v3', 'salesforce-password'));
        const run = check(await ENGINES[engine].run({ collection, environment: localEnvironment(emulator()) }));
        assert.equal(run.summary.verdict, 'passed', JSON.stringify(run.requests.map((r) => [r.name, r.errors, r.assertions.filter((a) => !a.passed)])));
        assert.equal(run.summary.assertions.total, 16);
      });
    }
  });

  it('a broken v3 file is a usage error naming the file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'c', '.resources'), { recursive: true });
    writeFileSync(join(dir, 'c', '.resources', 'definition.yaml'), '$kind: collection\nname: broken\n');
    writeFileSync(join(dir, 'c', 'one.request.yaml'), "$kind: http-request\nurl: {{base}}/x\n  bad: [\n");
    const r = await runCli(['run', join(dir, 'c'), '--out', dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /one\.request\.yaml: not valid YAML/);
    writeFileSync(join(dir, 'c', 'one.request.yaml'), '$kind: graphql-request\nurl: http://127.0.0.1:9/\n');
    const kind = await runCli(['run', join(dir, 'c'), '--out', dir]);
    assert.equal(kind.code, 2);
    assert.match(kind.stderr, /http-request only/);
  });
});
