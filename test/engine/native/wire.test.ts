/**
 * Native vs newman on the wire: each case runs through both engines against the echo server, and the requests the
 * server received must be the same (method, request-line URL, headers in order with their case, body bytes), up to
 * the normalisations wire-harness.ts lists.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers';
import { useEchoServer } from './echo-server';
import { atServer, req, runBoth, wireCollection } from './wire-harness';

type Json = Record<string, unknown>;

interface Case {
  name: string;
  items: Json[];
  extra?: Json;
}

const kv = (pairs: Record<string, unknown>): Json[] => Object.entries(pairs).map(([key, value]) => ({ key, value }));
const basic = { type: 'basic', basic: kv({ username: 'user', password: 'pa:ss' }) };

const CASES: Case[] = [
  {
    name: 'system headers in postman-runtime order, after the request’s own',
    items: [req('plain', { method: 'GET', url: 'BASE/echo', header: [{ key: 'X-One', value: '1' }, { key: 'X-Off', value: 'x', disabled: true }] })],
  },
  {
    name: 'user headers replace system headers of the same name (any case)',
    items: [
      req('override', {
        method: 'GET',
        url: 'BASE/echo',
        header: [
          { key: 'user-agent', value: 'mine/1' },
          { key: 'ACCEPT', value: 'text/x' },
          { key: 'cache-control', value: 'max-age=0' },
          { key: 'Accept-Encoding', value: 'identity' },
        ],
      }),
    ],
  },
  {
    name: 'duplicate headers: the same name twice goes out twice, names differing in case collapse as Node’s http does; null, number and object values; the "K: V" lines form',
    items: [
      req('list', {
        method: 'GET',
        url: 'BASE/echo',
        header: [
          { key: 'A', value: 'a' },
          { key: 'X-Dup', value: '1' },
          { key: 'B', value: 'b' },
          { key: 'x-dup', value: '2' },
          { key: 'C' },
          { key: 'N', value: null },
          { key: 'D', value: 5 },
          { key: 'E', value: { o: 1 } },
          { key: 'X-DUP', value: '3', disabled: true },
          { key: 'X-Same', value: 's1' },
          { key: 'F', value: 'f' },
          { key: 'X-Same', value: 's2' },
        ],
      }),
      req('lines', { method: 'GET', url: 'BASE/echo', header: 'K1: v1\nk1: v2\nK2:v3\nK3: a\nK3: b' }),
      req('two content types', { method: 'POST', url: 'BASE/echo', header: [{ key: 'content-type', value: 'text/a' }, { key: 'Content-Type', value: 'text/b' }], body: { mode: 'raw', raw: 'x' } }),
    ],
  },
  {
    name: 'disabledSystemHeaders drops each system header it names',
    items: [
      req(
        'off',
        { method: 'POST', url: 'BASE/echo', body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } } },
        {
          protocolProfileBehavior: {
            disabledSystemHeaders: { 'user-agent': true, accept: true, 'cache-control': true, 'postman-token': true, 'accept-encoding': true, 'content-type': true },
          },
        },
      ),
    ],
  },
  {
    name: 'auth: basic inherited from the collection, noauth and bearer on items',
    extra: { auth: basic },
    items: [
      req('inherited', { method: 'GET', url: 'BASE/echo' }),
      req('noauth', { method: 'GET', url: 'BASE/echo', auth: { type: 'noauth' } }),
      req('bearer', { method: 'GET', url: 'BASE/echo', header: [{ key: 'authorization', value: 'old' }], auth: { type: 'bearer', bearer: kv({ token: 'tok-1' }) } }),
      { name: 'folder', auth: { type: 'bearer', bearer: kv({ token: 'folder-tok' }) }, item: [req('in folder', { method: 'GET', url: 'BASE/echo' })] },
    ],
  },
  {
    name: 'auth: basic with empty credentials and the v2.0 map form',
    items: [
      req('empty', { method: 'GET', url: 'BASE/echo', auth: { type: 'basic', basic: [] } }),
      req('map', { method: 'GET', url: 'BASE/echo', auth: { type: 'basic', basic: { username: 'ü', password: 'p' } } }),
    ],
  },
  {
    name: 'auth: apikey in a header (replacing one of the same name) and in the query',
    items: [
      req('header', { method: 'GET', url: 'BASE/echo', header: [{ key: 'x_api_key', value: 'old' }, { key: 'XApiKeys', value: 'kept' }], auth: { type: 'apikey', apikey: kv({ key: 'X-API-Key', value: 'k1' }) } }),
      req('query', { method: 'GET', url: 'BASE/echo?a=1&my key=old', auth: { type: 'apikey', apikey: kv({ key: 'my key', value: 'v&1#', in: 'query' }) } }),
      req('empty', { method: 'GET', url: 'BASE/echo', auth: { type: 'apikey', apikey: [] } }),
    ],
  },
  {
    name: 'auth: oauth2 with a stored access token (header, prefix, query, none)',
    items: [
      req('default', { method: 'GET', url: 'BASE/echo', auth: { type: 'oauth2', oauth2: kv({ accessToken: 'at1', tokenType: 'Bearer' }) } }),
      req('prefix', { method: 'GET', url: 'BASE/echo', auth: { type: 'oauth2', oauth2: kv({ accessToken: 'at2', headerPrefix: ' OAuth ', addTokenTo: 'header' }) } }),
      req('no prefix', { method: 'GET', url: 'BASE/echo', auth: { type: 'oauth2', oauth2: kv({ accessToken: 'at3', headerPrefix: '' }) } }),
      req('query', { method: 'GET', url: 'BASE/echo?access_token=old&x=1', header: [{ key: 'Authorization', value: 'gone' }], auth: { type: 'oauth2', oauth2: kv({ accessToken: 'at4', addTokenTo: 'queryParams' }) } }),
      req('no token', { method: 'GET', url: 'BASE/echo', auth: { type: 'oauth2', oauth2: kv({ addTokenTo: 'header' }) } }),
    ],
  },
  {
    name: 'URL: null-valued and empty params, disabled params, path variables with and without values',
    items: [
      req('params', {
        method: 'GET',
        url: {
          raw: 'BASE/items/:id/:empty/:none.json?a&b=&c=1',
          host: ['BASE'],
          path: ['items', ':id', ':empty', ':none.json'],
          query: [{ key: 'a', value: null }, { key: 'b', value: '' }, { key: 'c', value: '1' }, { key: 'd', value: '2', disabled: true }, { key: 'e' }],
          variable: [{ key: 'id', value: '42' }, { key: 'empty', value: '' }],
        },
      }),
      req('string', { method: 'GET', url: 'BASE/echo?x&y=&z=1' }),
    ],
  },
  {
    name: 'URL user:password becomes Authorization: Basic unless the request has one',
    items: [
      req('userinfo', { method: 'POST', url: 'http://us%20er:p%40ss:x@HOSTPORT/echo', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }] } }),
      req('user only', { method: 'GET', url: 'http://ü@HOSTPORT/echo' }),
      req('own header', { method: 'GET', url: 'http://u:p@HOSTPORT/echo', header: [{ key: 'authorization', value: 'mine' }] }),
      req('auth wins', { method: 'GET', url: 'http://u:p@HOSTPORT/echo', auth: { type: 'bearer', bearer: kv({ token: 't' }) } }),
    ],
  },
  {
    name: 'URL encoding as postman-url-encoder, and disableUrlEncoding',
    items: [
      req('encoded', { method: 'GET', url: "BASE/e/a b/ü{x}|^/%41?q=a b&r=\"<>'&s=%20&t=ä`{}" }),
      req('raw', { method: 'GET', url: "BASE/e/a%20b/%C3%BC?q='ok'&r=`" }, { protocolProfileBehavior: { disableUrlEncoding: true } }),
    ],
  },
  {
    name: 'raw bodies: Content-Type from options.raw.language only when none is set',
    items: [
      req('json', { method: 'POST', url: 'BASE/echo', body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } } }),
      req('xml', { method: 'PUT', url: 'BASE/echo', body: { mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } } }),
      req('unknown language', { method: 'PATCH', url: 'BASE/echo', body: { mode: 'raw', raw: 'x', options: { raw: { language: 'yaml' } } } }),
      req('user type', { method: 'POST', url: 'BASE/echo', header: [{ key: 'content-type', value: 'application/vnd.x+json' }], body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } } }),
      req('utf8', { method: 'POST', url: 'BASE/echo', body: { mode: 'raw', raw: 'é ✓' } }),
      req('empty', { method: 'POST', url: 'BASE/echo', body: { mode: 'raw', raw: '' } }),
      req('disabled', { method: 'POST', url: 'BASE/echo', body: { mode: 'raw', raw: 'x', disabled: true } }),
    ],
  },
  {
    name: 'urlencoded bodies: disabled fields skipped, duplicates grouped, RFC 3986',
    items: [
      req('form', {
        method: 'POST',
        url: 'BASE/echo',
        body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1 2' }, { key: 'b', value: 'x', disabled: true }, { key: 'c', value: "!*'()" }, { key: 'a', value: '3' }, { key: 'ü', value: 'é' }] },
      }),
      req('user type', { method: 'POST', url: 'BASE/echo', header: [{ key: 'Content-Type', value: 'text/plain' }], body: { mode: 'urlencoded', urlencoded: [{ key: 'k', value: 'v' }] } }),
      req('odd values', { method: 'POST', url: 'BASE/echo', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: null }, { key: 'b' }, { key: 'c', value: 1 }] } }),
      req('all disabled', { method: 'POST', url: 'BASE/echo', body: { mode: 'urlencoded', urlencoded: [{ key: 'k', value: 'v', disabled: true }] } }),
    ],
  },
  {
    name: 'formdata bodies: text fields with contentType, files by src, disabled fields skipped',
    items: [
      req('form', {
        method: 'POST',
        url: 'BASE/echo',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 'text', value: 'v 1', type: 'text' },
            { key: 'json', value: '{"a":1}', type: 'text', contentType: 'application/json' },
            { key: 'off', value: 'x', type: 'text', disabled: true },
            { key: 'upload', src: 'test/fixtures/wire/upload.txt', type: 'file' },
            { key: 'data', src: 'test/fixtures/wire/data.json', type: 'file' },
            { key: 'bin', src: 'test/fixtures/wire/binary.bin', type: 'file', contentType: 'application/x-custom' },
            { key: 'renamed', src: 'test/fixtures/wire/upload.txt', type: 'file', fileName: 'other.csv' },
            { key: 'null', value: null },
            { key: 'number', value: 1, type: 'text' },
            { key: 'object', value: { x: 1 } },
          ],
        },
      }),
    ],
  },
  {
    name: 'file and graphql bodies',
    items: [
      req('file', { method: 'PUT', url: 'BASE/echo', body: { mode: 'file', file: { src: 'test/fixtures/wire/binary.bin' } } }),
      req('file json', { method: 'PUT', url: 'BASE/echo', body: { mode: 'file', file: { src: 'test/fixtures/wire/data.json' } } }),
      req('file yaml', { method: 'PUT', url: 'BASE/echo', body: { mode: 'file', file: { src: 'test/fixtures/wire/table.yaml' } } }),
      req('graphql string variables', { method: 'POST', url: 'BASE/echo', body: { mode: 'graphql', graphql: { query: 'query Q($x: Int) { a(x: $x) }', variables: '{\n  "x": 1\n}' } } }),
      req('graphql object variables', { method: 'POST', url: 'BASE/echo', body: { mode: 'graphql', graphql: { query: '{ a }', operationName: 'Op', variables: { x: [1, 'two'] } } } }),
      req('graphql no variables', { method: 'POST', url: 'BASE/echo', body: { mode: 'graphql', graphql: { query: '{ a }', variables: '' } } }),
    ],
  },
  {
    name: 'bodies on GET/HEAD/COPY pruned unless disableBodyPruning; DELETE/OPTIONS keep theirs',
    items: [
      req('get', { method: 'GET', url: 'BASE/echo', body: { mode: 'raw', raw: 'xyz' } }),
      req('get unpruned', { method: 'GET', url: 'BASE/echo', body: { mode: 'raw', raw: 'xyz' } }, { protocolProfileBehavior: { disableBodyPruning: true } }),
      req('copy', { method: 'COPY', url: 'BASE/echo', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }] } }),
      req('delete', { method: 'DELETE', url: 'BASE/echo', body: { mode: 'raw', raw: 'xyz' } }),
      req('options', { method: 'OPTIONS', url: 'BASE/echo', body: { mode: 'raw', raw: 'xyz' } }),
      req('post empty', { method: 'POST', url: 'BASE/echo' }),
    ],
  },
  {
    name: 'protocolProfileBehavior is inherited from folders and the collection (inner wins)',
    extra: { protocolProfileBehavior: { disabledSystemHeaders: { 'cache-control': true } } },
    items: [
      req('from collection', { method: 'GET', url: 'BASE/echo' }),
      {
        name: 'folder',
        protocolProfileBehavior: { disabledSystemHeaders: { 'user-agent': true } },
        item: [req('from folder', { method: 'GET', url: 'BASE/echo' }), req('own', { method: 'GET', url: 'BASE/echo' }, { protocolProfileBehavior: { disabledSystemHeaders: {} } })],
      },
    ],
  },
];

describe('native engine: the wire, compared with newman', function () {
  this.timeout(30_000);
  const server = useEchoServer();

  for (const c of CASES) {
    it(c.name, async () => {
      const { newman, native, newmanRun, nativeRun } = await runBoth(server(), atServer(wireCollection(c.items, c.extra), server()));
      expect(newmanRun.error, 'newman run').to.equal(undefined);
      expect(nativeRun.requests.flatMap((r) => r.errors)).to.deep.equal([]);
      expect(newman.length, 'requests newman sent').to.be.greaterThan(0);
      expect(native).to.deep.equal(newman);
    });
  }

  it('an explicit {type: "inherit"} inherits (as Postman does); newman 6.2.2 sends no auth for it (allow-listed)', async () => {
    const col = wireCollection([req('explicit inherit', { method: 'GET', url: 'BASE/echo', auth: { type: 'inherit' } })], { auth: basic });
    const { newman, native, newmanRun } = await runBoth(server(), col);
    expect(native[0]?.headers[0]).to.equal('Authorization: Basic dXNlcjpwYTpzcw==');
    // newman looks for an auth handler named "inherit", finds none, warns, and sends the request unsigned.
    expect(newmanRun.warnings).to.include('runtime: could not find a handler for auth: inherit');
    expect(newman[0]?.headers.some((h) => h.startsWith('Authorization'))).to.equal(false);
    expect(native[0]?.headers.slice(1)).to.deep.equal(newman[0]?.headers);
  });

  it('sends every request of the realworld Salesforce collection as newman does (scripts left out)', async () => {
    // The committed copy of Salesforce's collection (test/fixtures/README.md says where it comes from).
    const file = join(ROOT, 'test', 'fixtures', 'salesforce-platform-apis.postman_collection.json');
    const col = JSON.parse(readFileSync(file, 'utf8')) as { item: Json[]; event?: unknown };
    const strip = (items: Json[]): void =>
      items.forEach((i) => {
        delete i['event'];
        if (Array.isArray(i['item'])) strip(i['item'] as Json[]);
      });
    strip(col.item);
    delete col.event;
    const values = Object.entries({ url: 'BASE', _endpoint: 'BASE', _accessToken: 'TOKEN', username: 'u', password: 'p' }).map(([key, value]) => ({ key, value }));
    const environment = { name: 'echo', values };
    const { newman, native, newmanRun, nativeRun } = await runBoth(server(), col, { environment: atServer(environment, server()) }, {
      environment: atServer(environment, server()),
    });
    expect(native.length).to.be.greaterThan(200);
    expect(native).to.deep.equal(newman);
    expect(nativeRun.warnings.filter((w) => /file (load|source)/.test(w)).map((w) => w.replace(/ \(in "[^"]+"\)$/, ''))).to.deep.equal(newmanRun.warnings);
  });

  it('sends the system headers newman sends (a fixed expectation, not only agreement)', async () => {
    const { native } = await runBoth(server(), wireCollection([req('plain', { method: 'GET', url: 'BASE/echo' })]));
    expect(native[0]?.headers).to.deep.equal([
      'User-Agent: PostmanRuntime/7.39.1',
      'Accept: */*',
      'Cache-Control: no-cache',
      'Postman-Token: <uuid>',
      'Accept-Encoding: gzip, deflate, br',
    ]);
    expect(native[0]?.framing).to.deep.equal({ host: server().base.slice('http://'.length), connection: 'keep-alive' });
  });
});
