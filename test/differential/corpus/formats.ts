/** Collection formats, nested folders and event order, --folder. All against the echo server. */
import type { CorpusCase } from '../harness';
import { collection, env, folder, item, pre, test, V20 } from './build';

const trace = (where: string): string => `pm.collectionVariables.set('trace', (pm.collectionVariables.get('trace') || '') + '${where};');`;

/** v2.0: string URLs, a request given as a bare URL string, auth as a map, headers as a list. */
export const formatV20: CorpusCase = {
  name: 'format-v2.0',
  group: 'features',
  covers: ['collection format v2.0', 'request as a URL string', 'v2.0 auth (map form)'],
  input: (infra) => ({
    collection: collection(
      'format-v2.0',
      [
        item('bare url', '{{echo}}/v20/bare?x=1'),
        item('string url with headers', {
          url: '{{echo}}/v20/headers?q=a b',
          method: 'POST',
          header: [
            { key: 'X-One', value: '1' },
            { key: 'X-Off', value: 'no', disabled: true },
          ],
          body: { mode: 'raw', raw: '{"v":20}' },
        }),
        item('v2.0 bearer', { url: '{{echo}}/v20/bearer', method: 'GET', auth: { type: 'bearer', bearer: { token: '{{tok}}' } } }),
        item('v2.0 basic', { url: '{{echo}}/v20/basic', method: 'GET', auth: { type: 'basic', basic: { username: 'ada', password: 's3cret' } } }),
      ],
      { variable: [{ key: 'tok', value: 'v20-token' }] },
      V20,
    ),
    environment: env('v20', { echo: infra.echo.url }),
  }),
};

/** Nested folders, auth inherited through them, and prerequest/test scripts at collection, folder and item level. */
export const nestedEvents: CorpusCase = {
  name: 'nested-folders-events',
  group: 'features',
  covers: ['nested folders', 'event order: collection, folder, item', 'auth inheritance (collection > folder > item)', 'same request name in two folders'],
  input: (infra) => ({
    collection: collection(
      'nested-folders-events',
      [
        folder(
          'outer',
          [
            folder(
              'inner',
              [
                item('leaf', { url: '{{echo}}/nested/leaf', method: 'GET' }, { events: [pre(trace('pre:item')), test(trace('test:item'))] }),
                item('own auth', { url: '{{echo}}/nested/own', method: 'GET', auth: { type: 'bearer', bearer: [{ key: 'token', value: 'item-token' }] } }),
                item('noauth', { url: '{{echo}}/nested/none', method: 'GET', auth: { type: 'noauth' } }),
              ],
              { event: [pre(trace('pre:inner')), test(trace('test:inner'))], auth: { type: 'inherit' } },
            ),
            item('same name', { url: '{{echo}}/nested/outer-same', method: 'GET' }),
          ],
          { event: [pre(trace('pre:outer')), test(trace('test:outer'))], auth: { type: 'bearer', bearer: [{ key: 'token', value: 'folder-token' }] } },
        ),
        folder('other', [item('same name', { url: '{{echo}}/nested/other-same', method: 'GET' })]),
        item('top level', { url: '{{echo}}/nested/top', method: 'GET' }),
      ],
      {
        event: [pre(trace('pre:collection')), test(trace('test:collection'), "pm.test('trace so far', function () { pm.expect(pm.collectionVariables.get('trace')).to.be.a('string'); });")],
        auth: { type: 'bearer', bearer: [{ key: 'token', value: 'collection-token' }] },
        variable: [{ key: 'trace', value: '' }],
      },
    ),
    environment: env('nested', { echo: infra.echo.url }),
  }),
};

/** --folder, repeated: only those folders (by name; one nested) run. */
export const folderSelection: CorpusCase = {
  name: 'folder-selection',
  group: 'features',
  covers: ['--folder NAME (repeatable)', 'a nested folder selected by name'],
  input: (infra) => ({
    collection: collection('folder-selection', [
      folder('first', [item('one', { url: '{{echo}}/folders/one', method: 'GET' })]),
      folder('second', [item('two', { url: '{{echo}}/folders/two', method: 'GET' }), folder('deep', [item('three', { url: '{{echo}}/folders/three', method: 'GET' })])]),
      folder('third', [item('four', { url: '{{echo}}/folders/four', method: 'GET' })]),
      item('loose', { url: '{{echo}}/folders/loose', method: 'GET' }),
    ]),
    environment: env('folders', { echo: infra.echo.url }),
    folders: ['third', 'deep'],
  }),
  oracle: ({ result: run }) => {
    const names = run.requests.map((r) => r.name);
    return names.includes('one') || names.includes('loose') || !names.includes('four') ? [`--folder was not applied by the newman engine: ran ${names.join(', ')}`] : [];
  },
};

/**
 * Collection format v1 (`requests` + `order`): newman converts it and runs it; sfcheck refuses it (issue #5 point 1:
 * `sfcheck run` says to convert it, src/cli/collection.ts; the native engine reports the run as unreadable and runs
 * nothing) — a deliberate difference, allow-listed.
 */
export const formatV1: CorpusCase = {
  name: 'format-v1',
  group: 'features',
  covers: ['collection format v1: refused by sfcheck, converted by newman'],
  input: (infra) => ({
    collection: {
      id: 'differential-format-v1',
      name: 'format-v1',
      order: ['v1-one'],
      folders: [],
      requests: [{ id: 'v1-one', name: 'v1 request', url: '{{echo}}/v1/one', method: 'GET', headers: 'X-V1: yes\n', data: [], collectionId: 'differential-format-v1' }],
    },
    environment: env('v1', { echo: infra.echo.url }),
  }),
  oracle: ({ result }) => (result.requests.length === 1 && result.requests[0]?.response?.code === 200 ? [] : ['newman did not run the v1 collection']),
  nativeCheck: ({ result }) => (result.error && result.requests.length === 0 ? [] : ['the native engine ran a v1 collection instead of refusing it']),
};
