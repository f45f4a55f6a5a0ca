import { expect } from 'chai';
import { join } from 'node:path';
import { newmanEngine } from '../../../src/engine/newman';
import { flattenCollection } from '../../../src/engine/native/collection';
import { buildRequest } from '../../../src/engine/native/request';
import { Resolver, VariableStore } from '../../../src/engine/native/variables';
import { ROOT } from '../../helpers';
import { useEchoServer } from './echo-server';
import { req, runBoth, wireCollection } from './wire-harness';

type Json = Record<string, unknown>;

function build(request: Json, workingDir?: string, vars: Record<string, string> = {}): { warnings: string[]; body?: string; wire?: string | Buffer; headers: string[] } {
  const [item] = flattenCollection(wireCollection([req('one', request)])).items;
  if (!item) throw new Error('no item');
  const scopes = {
    globals: new VariableStore(),
    collection: new VariableStore(Object.entries(vars).map(([key, value]) => ({ key, value }))),
    environment: new VariableStore(),
    local: new VariableStore(),
  };
  const warnings: string[] = [];
  const prepared = buildRequest(item, { resolver: new Resolver(scopes), warn: (m) => warnings.push(m), ...(workingDir ? { workingDir } : {}) });
  return {
    warnings,
    ...(prepared.body !== undefined ? { body: prepared.body } : {}),
    ...(prepared.wire.body !== undefined ? { wire: prepared.wire.body } : {}),
    headers: prepared.wire.headers.map((h) => `${h.key}: ${h.value}`),
  };
}

describe('native engine: request bodies', () => {
  it('reads file references against the working directory, with variables resolved in src', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'wire');
    const file = build({ method: 'PUT', url: 'http://h/', body: { mode: 'file', file: { src: '{{name}}' } } }, dir, { name: 'upload.txt' });
    expect(file.warnings).to.deep.equal([]);
    expect(Buffer.from(file.wire ?? '').toString()).to.equal('hello upload\n');
    expect(file.headers.at(-1)).to.equal('Content-Type: text/plain');
    expect(file.body).to.equal('');
    const form = build({ method: 'POST', url: 'http://h/', body: { mode: 'formdata', formdata: [{ key: 'f', src: 'data.json', type: 'file' }] } }, dir);
    expect(Buffer.from(form.wire ?? '').toString()).to.match(/name="f"; filename="data\.json"\r\nContent-Type: application\/json\r\n\r\n\{"from":"file"\}\r\n/);
  });

  it('warns in newman’s words, naming the request, when a file cannot be read', () => {
    const missing = build({ method: 'PUT', url: 'http://h/', body: { mode: 'file', file: { src: 'nope.bin' } } }, '/nonexistent');
    expect(missing.warnings).to.deep.equal(['Binary file load error: "nope.bin", no such file (in "one")']);
    expect(missing.wire).to.equal(undefined);
  });

  it('uses the boundary of a multipart Content-Type the request sets', () => {
    const r = build({
      method: 'POST',
      url: 'http://h/',
      header: [{ key: 'Content-Type', value: 'multipart/form-data; boundary=XYZ' }],
      body: { mode: 'formdata', formdata: [{ key: 'a', value: 'b' }] },
    });
    expect(r.headers[0]).to.equal('Content-Type: multipart/form-data; boundary=XYZ');
    expect(Buffer.from(r.wire ?? '').toString()).to.equal('--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--XYZ--\r\n');
  });

  it('warns about GraphQL variables that are not JSON and about unknown body modes', () => {
    const gql = build({ method: 'POST', url: 'http://h/', body: { mode: 'graphql', graphql: { query: '{ a }', variables: '{x: 1' } } });
    expect(gql.body).to.equal('{"query":"{ a }","variables":{x: 1}');
    expect(gql.warnings).to.deep.equal(['GraphQL variables are not valid JSON and were sent as written: {x: 1 (in "one")']);
    const odd = build({ method: 'POST', url: 'http://h/', body: { mode: 'stream', stream: 'x' } });
    expect(odd.wire).to.equal(undefined);
    expect(odd.warnings).to.deep.equal(['body mode "stream" is not supported by the native engine; the request was sent without a body (in "one")']);
  });
});

describe('native engine: bodies with unreadable files, compared with newman', function () {
  this.timeout(30_000);
  const server = useEchoServer();

  it('sends what newman sends and warns with newman’s messages', async () => {
    const col = wireCollection([
      req('missing form', {
        method: 'POST',
        url: 'BASE/echo',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 't', value: 'v' },
            { key: 'f', src: 'test/fixtures/wire/nope.txt', type: 'file' },
            { key: 'dir', src: 'test/fixtures/wire', type: 'file' },
            { key: 'nosrc', type: 'file' },
            { key: 'up and out', src: '../no-such-file-outside.txt', type: 'file' },
            // newman stops resolving file fields after one with several src (it ends the step early): file fields
            // after this one would go unread there, not here. None follows, so both engines send the same.
            { key: 'multi', src: ['test/fixtures/wire/upload.txt', 'test/fixtures/wire/nope2.txt'], type: 'file' },
            { key: 'b64', value: 'aGVsbG8=', type: 'file' },
          ],
        },
      }),
      // Every field unreadable: the form is empty, and neither sends a multipart body or Content-Type.
      req('only a missing file', { method: 'POST', url: 'BASE/echo', body: { mode: 'formdata', formdata: [{ key: 'f', src: 'test/fixtures/wire/nope3.txt', type: 'file' }] } }),
      req('missing file', { method: 'PUT', url: 'BASE/echo', body: { mode: 'file', file: { src: 'test/fixtures/wire/nope.bin' } } }),
      req('bad graphql', { method: 'POST', url: 'BASE/echo', body: { mode: 'graphql', graphql: { query: '{ a }', variables: '{x: 1' } } }),
    ]);
    const { newman, native, newmanRun, nativeRun } = await runBoth(server(), col);
    expect(native).to.deep.equal(newman);
    const fileWarnings = nativeRun.warnings.filter((w) => /file load error/.test(w)).map((w) => w.replace(/ \(in "[^"]+"\)$/, ''));
    expect(fileWarnings).to.deep.equal(newmanRun.warnings);
    expect(fileWarnings).to.have.length(7);
    expect(native[1]?.headers.some((h) => /^content-type:/i.test(h))).to.equal(false);
    expect(native[1]?.body).to.equal('');
    // The newman engine reports the runtime's file load errors as run warnings, named by request as natively.
    const fromEngine = await newmanEngine.run({ collection: JSON.parse(JSON.stringify(col).replace(/BASE/g, server().base)) as unknown, workingDir: process.cwd() });
    expect(fromEngine.warnings.filter((w) => /file load error/.test(w))).to.deep.equal(nativeRun.warnings.filter((w) => /file load error/.test(w)));
  });
});
