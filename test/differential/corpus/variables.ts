/** Variable scopes and precedence, -g, --env-var, -d / -n, dynamic variables, unresolved references. */
import type { CorpusCase } from '../harness';
import { collection, dataRows, env, item, pre, test, withEnvVars } from './build';

const globals = (values: Record<string, string>) => ({ name: 'globals', values: Object.entries(values).map(([key, value]) => ({ key, value, type: 'default', enabled: true })) });

/** The same keys defined in several scopes; the URL shows which one won, scripts read and write every scope. */
export const precedence: CorpusCase = {
  name: 'variables-precedence',
  group: 'features',
  covers: ['globals < collection < environment < local', 'pm.variables get/set/has/replaceIn/toObject', 'pm.environment / pm.collectionVariables / pm.globals get/set/unset/has/toObject/name', 'disabled environment values', '-g globals'],
  input: (infra) => ({
    collection: collection(
      'variables-precedence',
      [
        item('scopes in url', { method: 'GET', url: '{{echo}}/vars?g={{onlyGlobal}}&gc={{gc}}&gce={{gce}}&all={{all}}&off={{off}}' }, {
          events: [
            pre("pm.variables.set('all', 'local-' + pm.variables.get('all'));"),
            test(
              "pm.test('local wins in scripts', function () { pm.expect(pm.variables.get('all')).to.equal('local-env'); });",
              "pm.test('each scope read directly', function () { pm.expect([pm.globals.get('all'), pm.collectionVariables.get('all'), pm.environment.get('all')]).to.eql(['global', 'collection', 'env']); });",
              "pm.test('has', function () { pm.expect([pm.variables.has('gc'), pm.environment.has('gc'), pm.environment.has('off')]).to.eql([true, false, false]); });",
              "pm.test('replaceIn', function () { pm.expect(pm.variables.replaceIn('{{gce}}/{{nope}}')).to.equal('env/{{nope}}'); });",
              "pm.test('environment name', function () { pm.expect(pm.environment.name).to.equal('precedence'); });",
              "pm.test('toObject keys', function () { pm.expect(Object.keys(pm.environment.toObject()).sort()).to.eql(['all', 'echo', 'gce']); });",
            ),
          ],
        }),
        item('scripts write scopes', { method: 'GET', url: '{{echo}}/vars/write' }, {
          events: [
            test(
              "pm.environment.set('fromTest', 'e1');",
              "pm.collectionVariables.set('fromTest', 'c1');",
              "pm.globals.set('fromTest', 'g1');",
              "pm.environment.set('num', 42);",
              "pm.environment.set('obj', { a: 1 });",
              "pm.collectionVariables.unset('gc');",
              "pm.globals.unset('onlyGlobal');",
              "pm.environment.set('gce', 'overwritten');",
            ),
          ],
        }),
        item('after writes', { method: 'GET', url: '{{echo}}/vars/after?fromTest={{fromTest}}&gc={{gc}}&num={{num}}&obj={{obj}}&g={{onlyGlobal}}' }, {
          events: [test("pm.test('local is gone', function () { pm.expect(pm.variables.get('all')).to.equal('env'); });")],
        }),
      ],
      { variable: [{ key: 'gc', value: 'collection' }, { key: 'gce', value: 'collection' }, { key: 'all', value: 'collection' }] },
    ),
    environment: env('precedence', { echo: infra.echo.url, gce: 'env', all: 'env' }, { off: 'disabled-env' }),
    globals: globals({ onlyGlobal: 'global', gc: 'global', gce: 'global', all: 'global' }),
  }),
};

/** -d rows.json -n 3: data beats environment; the third iteration reuses the last row; iteration info in scripts. */
export const iterations: CorpusCase = {
  name: 'iterations-data',
  group: 'features',
  covers: ['-d DATA.json', '-n iterations (more than rows)', 'pm.iterationData get/has/toObject', 'data < local, data > environment', 'pm.info.iteration / iterationCount'],
  input: (infra) => ({
    collection: collection('iterations-data', [
      item('per row', { method: 'GET', url: '{{echo}}/iter/{{who}}?n={{n}}&shared={{shared}}' }, {
        events: [
          test(
            "pm.test('iteration data', function () { pm.expect(pm.iterationData.get('who')).to.be.a('string'); pm.expect(pm.iterationData.has('n')).to.equal(true); });",
            "pm.test('info', function () { pm.expect(pm.info.iteration).to.be.a('number'); pm.expect(pm.info.iterationCount).to.equal(3); });",
            "pm.environment.set('seen', (pm.environment.get('seen') || '') + pm.iterationData.get('who') + pm.info.iteration + ';');",
            "pm.test('data wins over environment', function () { pm.expect(pm.variables.get('shared')).to.match(/^from-data/); });",
          ),
        ],
      }),
      item('local beats data', { method: 'GET', url: '{{echo}}/iter/local?who={{who}}' }, { events: [pre("pm.variables.set('who', 'local');")] }),
    ]),
    environment: env('iterations', { echo: infra.echo.url, shared: 'from-env' }),
    iterationData: dataRows('rows.json'),
    iterationCount: 3,
  }),
  oracle: ({ result: run }) => (run.requests.length === 6 && run.iterations === 3 ? [] : [`the newman engine ran ${run.requests.length} requests in ${run.iterations} iteration(s), not 6 in 3: iteration data or -n not passed`]),
};

/** --env-var on top of an environment file, plus globals (-g). */
export const envVar: CorpusCase = {
  name: 'env-var-globals',
  group: 'features',
  covers: ['--env-var k=v (replaces and adds)', '-g GLOBALS'],
  input: (infra) => ({
    collection: collection('env-var-globals', [item('values', { method: 'GET', url: '{{echo}}/envvar?a={{a}}&b={{b}}&g={{g}}' })]),
    environment: withEnvVars(env('envvar', { echo: infra.echo.url, a: 'from-file' }), { a: 'from-flag', b: 'added' }),
    globals: globals({ g: 'global-value' }),
  }),
};

const DYNAMIC = ['$guid', '$randomUUID', '$timestamp', '$isoTimestamp', '$randomInt', '$randomFirstName', '$randomEmail', '$randomAlphaNumeric', '$randomBoolean', '$randomColor', '$randomWord', '$randomPhoneNumber'];

export const dynamic: CorpusCase = {
  name: 'dynamic-variables',
  group: 'features',
  covers: ['dynamic variables ($guid, $randomUUID, $timestamp, $isoTimestamp, $randomInt, common $random*): shape compared'],
  input: (infra) => ({
    collection: collection('dynamic-variables', [
      item('in url, header and body', {
        method: 'POST',
        url: `{{echo}}/dynamic?${DYNAMIC.map((d, i) => `d${i}={{${d}}}`).join('&')}`,
        header: [{ key: 'X-Guid', value: '{{$guid}}' }],
        body: { mode: 'raw', raw: '{"ts":"{{$timestamp}}","uuid":"{{$randomUUID}}"}', options: { raw: { language: 'json' } } },
      }, {
        events: [
          test(
            "pm.test('replaceIn resolves dynamics', function () { pm.expect(pm.variables.replaceIn('{{$randomInt}}')).to.match(/^\\d+$/); });",
            "pm.test('two $guid differ', function () { pm.expect(pm.variables.replaceIn('{{$guid}}')).to.not.equal(pm.variables.replaceIn('{{$guid}}')); });",
          ),
        ],
      }),
    ]),
    environment: env('dynamic', { echo: infra.echo.url }),
  }),
  // The value of every d<i> query parameter is compared by shape only (uuids, dates and epochs are masked by default).
  masks: [
    [/(d4=)\d+/g, '$1<int>'],
    // Faker's names, e-mails, colours, words and phone numbers vary in form: "resolved to something" is the shape.
    [/(d5=)(?!\{\{|%7B)[^&]+/g, '$1<first-name>'],
    [/(d6=)(?!\{\{|%7B)[^&]+/g, '$1<email>'],
    [/(d7=)[a-z0-9](?=&)/g, '$1<alnum>'],
    [/(d8=)(?:true|false)(?=&)/g, '$1<boolean>'],
    [/(d9=)(?!\{\{|%7B)[^&]+/g, '$1<color>'],
    [/(d10=)(?!\{\{|%7B)[^&]+/g, '$1<word>'],
    [/(d11=)(?!\{\{|%7B)[^&]+/g, '$1<phone>'],
  ],
};

export const unresolved: CorpusCase = {
  name: 'unresolved',
  group: 'features',
  covers: ['unresolved {{var}} sent as is (path, query, header, body)', 'a reference to a disabled environment value', 'warnings listed'],
  input: (infra) => ({
    collection: collection('unresolved', [
      item('everywhere', {
        method: 'POST',
        url: '{{echo}}/unresolved/{{missingPath}}?q={{missingQuery}}&d={{disabledOne}}',
        header: [{ key: 'X-Missing', value: '{{missingHeader}}' }],
        body: { mode: 'raw', raw: 'body {{missingBody}} {{ spaced }}' },
      }),
    ]),
    environment: env('unresolved', { echo: infra.echo.url }, { disabledOne: 'not used' }),
  }),
};
