import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { applyAuth, type AuthTarget } from '../../../src/engine/native/auth';
import type { KeyValue } from '../../../src/engine/result';
import { useEchoServer } from './echo-server';
import { atServer, req, view, wireCollection } from './wire-harness';

/** Applies `auth` to a request with `headers` and `query` segments; returns what it became. */
function signed(type: string, params: unknown, headers: KeyValue[] = [], query?: string[]): { headers: string[]; query?: string[] } {
  let q = query ? [...query] : undefined;
  const target: AuthTarget = {
    method: 'GET',
    url: 'http://h/',
    headers: headers.map((h) => ({ ...h })),
    query: {
      remove: (key) => {
        q = q?.filter((s) => s.split('=')[0] !== key);
      },
      add: (key, value) => (q ??= []).push(`${key}=${value}`),
    },
  };
  expect(applyAuth({ type, params }, target, (raw) => String(raw))).to.equal(true);
  return { headers: target.headers.map((h) => `${h.key}: ${h.value}`), ...(q ? { query: q } : {}) };
}

describe('native engine: auth types', () => {
  it('apikey matches header names as lodash lowerCase does (words, any separator or case)', () => {
    const before = [
      { key: 'x_api_key', value: 'a' },
      { key: 'XApiKey', value: 'b' },
      { key: 'X-Api-Keys', value: 'c' },
    ];
    expect(signed('apikey', { key: 'X-API-Key', value: 'new' }, before).headers).to.deep.equal(['X-Api-Keys: c', 'X-API-Key: new']);
    expect(signed('apikey', [{ key: 'key', value: 'k' }, { key: 'value', value: 'v' }, { key: 'in', value: 'query' }], [], ['k=old', 'kk=1']).query).to.deep.equal(['kk=1', 'k=v']);
    expect(signed('apikey', { key: '', value: '' }, [{ key: 'A', value: '1' }]).headers).to.deep.equal(['A: 1']);
  });

  it('oauth2 clears Authorization and access_token, skips MAC tokens and requests without a token', () => {
    const headers = [{ key: 'authorization', value: 'old' }];
    expect(signed('oauth2', { accessToken: 't', addTokenTo: 'queryParams' }, headers, ['access_token=x', 'a=1'])).to.deep.equal({ headers: [], query: ['a=1', 'access_token=t'] });
    expect(signed('oauth2', { accessToken: 't', tokenType: 'MAC' }, headers).headers).to.deep.equal(['authorization: old']);
    expect(signed('oauth2', { accessToken: '' }, headers).headers).to.deep.equal(['authorization: old']);
    expect(signed('oauth2', { accessToken: 't', headerPrefix: null }, headers).headers).to.deep.equal(['Authorization: Bearer t']);
  });

  it('basic encodes UTF-8 credentials and replaces an existing Authorization header', () => {
    expect(signed('basic', { username: 'ü', password: 'p:w' }, [{ key: 'AUTHORIZATION', value: 'x' }, { key: 'X', value: '1' }]).headers).to.deep.equal([
      'X: 1',
      `Authorization: Basic ${Buffer.from('ü:p:w', 'utf8').toString('base64')}`,
    ]);
  });

  it('returns false for a type it does not know (the caller warns)', () => {
    const target: AuthTarget = { method: 'GET', url: 'http://h/', headers: [], query: { remove: () => undefined, add: () => undefined } };
    expect(applyAuth({ type: 'hawk', params: [] }, target, String)).to.equal(false);
    expect(target.headers).to.deep.equal([]);
  });
});

describe('native engine: unsupported auth types', function () {
  this.timeout(20_000);
  const server = useEchoServer();

  it('warns naming each type (v2.1 list and v2.0 map params) and sends the request without auth', async () => {
    const types = ['digest', 'hawk', 'awsv4', 'ntlm', 'oauth1', 'edgegrid', 'jwt', 'asap', 'akamai'];
    const items = types.map((type, i) =>
      req(`r${i}`, { method: 'GET', url: 'BASE/echo', auth: { type, [type]: i % 2 === 0 ? [{ key: 'username', value: 'u' }] : { username: 'u' } } }),
    );
    const col = atServer(wireCollection(items), server());
    server().requests.length = 0;
    const run = await nativeEngine.run({ collection: col });
    expect(run.warnings).to.deep.equal(types.map((type, i) => `auth type "${type}" is not supported by the native engine; "r${i}" was sent without auth`));
    expect(server().requests.map(view).map((v) => v.headers.filter((h) => /^authorization/i.test(h)))).to.deep.equal(types.map(() => []));
  });
});
