/** Auth types and inheritance, against the echo server (which shows the Authorization header or query it got). */
import type { CorpusCase } from '../harness';
import { collection, env, folder, item, test } from './build';

const kv = (pairs: Record<string, unknown>): Array<{ key: string; value: unknown; type: string }> =>
  Object.entries(pairs).map(([key, value]) => ({ key, value, type: typeof value === 'boolean' ? 'boolean' : 'string' }));

const seen = test("pm.test('reached the echo server', function () { pm.response.to.have.status(200); });");

export const authTypes: CorpusCase = {
  name: 'auth-types',
  group: 'features',
  covers: ['noauth', 'bearer', 'basic', 'apikey (header, query)', 'oauth2 with a stored accessToken (header, query)', 'inherit', 'auth values from variables', 'collection-level auth'],
  input: (infra) => ({
    collection: collection(
      'auth-types',
      [
        item('inherits collection bearer', { url: '{{echo}}/auth/inherit', method: 'GET' }, { events: [seen] }),
        item('explicit inherit', { url: '{{echo}}/auth/inherit2', method: 'GET', auth: { type: 'inherit' } }),
        item('noauth', { url: '{{echo}}/auth/none', method: 'GET', auth: { type: 'noauth' } }),
        item('bearer from variable', { url: '{{echo}}/auth/bearer', method: 'GET', auth: { type: 'bearer', bearer: kv({ token: '{{token}}' }) } }),
        item('basic', { url: '{{echo}}/auth/basic', method: 'GET', auth: { type: 'basic', basic: kv({ username: '{{user}}', password: 'p@ss:word' }) } }),
        item('apikey header', { url: '{{echo}}/auth/apikey', method: 'GET', auth: { type: 'apikey', apikey: kv({ key: 'X-Api-Key', value: '{{apikey}}', in: 'header' }) } }),
        item('apikey query', { url: '{{echo}}/auth/apikey-q?a=1', method: 'GET', auth: { type: 'apikey', apikey: kv({ key: 'api_key', value: 'k 1', in: 'query' }) } }),
        item('oauth2 header', {
          url: '{{echo}}/auth/oauth2',
          method: 'GET',
          auth: { type: 'oauth2', oauth2: kv({ accessToken: '{{token}}', addTokenTo: 'header', tokenType: 'Bearer', headerPrefix: 'Bearer' }) },
        }),
        item('oauth2 query', { url: '{{echo}}/auth/oauth2-q', method: 'GET', auth: { type: 'oauth2', oauth2: kv({ accessToken: 'qtok', addTokenTo: 'queryParams' }) } }),
        item('oauth2 without token', { url: '{{echo}}/auth/oauth2-empty', method: 'GET', auth: { type: 'oauth2', oauth2: kv({ grant_type: 'implicit', addTokenTo: 'header' }) } }),
        item('explicit header wins', { url: '{{echo}}/auth/explicit', method: 'GET', header: [{ key: 'Authorization', value: 'Custom abc' }], auth: { type: 'bearer', bearer: kv({ token: 'ignored?' }) } }),
        folder(
          'folder with apikey',
          [
            item('inherits folder', { url: '{{echo}}/auth/folder', method: 'GET' }),
            item('null auth inherits', { url: '{{echo}}/auth/null', method: 'GET', auth: null }),
          ],
          { auth: { type: 'apikey', apikey: kv({ key: 'X-Folder-Key', value: 'folder', in: 'header' }) } },
        ),
        folder('folder with noauth', [item('inherits noauth', { url: '{{echo}}/auth/folder-none', method: 'GET' })], { auth: { type: 'noauth' } }),
      ],
      { auth: { type: 'bearer', bearer: kv({ token: 'collection-token' }) } },
    ),
    environment: env('auth', { echo: infra.echo.url, token: 'env-token-1', user: 'ada', apikey: 'k-123' }),
  }),
};
