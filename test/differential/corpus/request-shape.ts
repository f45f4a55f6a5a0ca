/** URLs, headers, bodies and protocolProfileBehavior: what goes on the wire. All against the echo server. */
import { join } from 'node:path';
import type { CorpusCase } from '../harness';
import { collection, CORPUS_DIR, env, item } from './build';

export const urlsAndHeaders: CorpusCase = {
  name: 'urls-headers',
  group: 'features',
  covers: ['disabled headers', 'disabled query params', 'null-valued params', 'empty params', 'path variables (:name)', 'query encoding', 'headers as a string', 'duplicate headers'],
  input: (infra) => ({
    collection: collection('urls-headers', [
      item('params', {
        method: 'GET',
        url: {
          raw: '{{echo}}/shape/params?a=1&off=0&flag&empty=&sp=a b&plus=1+1&amp=x%26y&u={{unicode}}',
          host: ['{{echo}}'],
          path: ['shape', 'params'],
          query: [
            { key: 'a', value: '1' },
            { key: 'off', value: '0', disabled: true },
            { key: 'flag', value: null },
            { key: 'empty', value: '' },
            { key: 'sp', value: 'a b' },
            { key: 'plus', value: '1+1' },
            { key: 'amp', value: 'x%26y' },
            { key: 'u', value: '{{unicode}}' },
          ],
        },
      }),
      item('path variables', {
        method: 'GET',
        url: {
          raw: '{{echo}}/shape/:kind/:id/tail/:empty',
          host: ['{{echo}}'],
          path: ['shape', ':kind', ':id', 'tail', ':empty'],
          variable: [
            { key: 'kind', value: 'accounts' },
            { key: 'id', value: '{{recordId}}' },
            { key: 'empty', value: '' },
          ],
        },
      }),
      item('headers', {
        method: 'GET',
        url: '{{echo}}/shape/headers',
        header: [
          { key: 'X-A', value: '1' },
          { key: 'X-Off', value: 'disabled', disabled: true },
          { key: 'X-Dup', value: 'first' },
          { key: 'X-Dup', value: 'second' },
          { key: 'X-Var', value: 'v={{recordId}}' },
          { key: 'Accept', value: 'application/json' },
          { key: 'X-Empty', value: '' },
        ],
      }),
      item('header string', { method: 'GET', url: '{{echo}}/shape/header-string', header: 'X-From-String: yes\nX-Second: 2' }),
      item('hash and odd path', { method: 'GET', url: "{{echo}}/shape/it's (odd)/[x]?q=\"quoted\"#fragment" }),
    ]),
    environment: env('shape', { echo: infra.echo.url, recordId: '001xx000003DGb2AAG', unicode: 'é ü' }),
  }),
};

const raw = (language: string | undefined, text: string) => ({ mode: 'raw', raw: text, ...(language ? { options: { raw: { language } } } : {}) });

export const bodies: CorpusCase = {
  name: 'bodies',
  group: 'features',
  covers: ['raw bodies with language (json, xml, text, html, javascript)', 'raw with an explicit Content-Type', 'urlencoded (disabled fields)', 'formdata text fields and files by src', 'a missing formdata file', 'graphql', 'file body', 'GET with a body (pruned)', 'disableBodyPruning', 'DELETE with a body'],
  input: (infra) => ({
    collection: collection('bodies', [
      item('raw json', { method: 'POST', url: '{{echo}}/body/json', body: raw('json', '{"name":"{{name}}","n":1}') }),
      item('raw xml', { method: 'POST', url: '{{echo}}/body/xml', body: raw('xml', '<a>{{name}}</a>') }),
      item('raw text', { method: 'PUT', url: '{{echo}}/body/text', body: raw('text', 'plain {{name}}') }),
      item('raw html', { method: 'POST', url: '{{echo}}/body/html', body: raw('html', '<p>hi</p>') }),
      item('raw javascript', { method: 'POST', url: '{{echo}}/body/js', body: raw('javascript', 'let a = 1;') }),
      item('raw no options', { method: 'POST', url: '{{echo}}/body/none', body: { mode: 'raw', raw: 'no language' } }),
      item('raw explicit type', { method: 'PATCH', url: '{{echo}}/body/explicit', header: [{ key: 'Content-Type', value: 'application/vnd.custom+json' }], body: raw('json', '{}') }),
      item('urlencoded', {
        method: 'POST',
        url: '{{echo}}/body/form',
        body: {
          mode: 'urlencoded',
          urlencoded: [
            { key: 'a', value: '1' },
            { key: 'off', value: 'x', disabled: true },
            { key: 'sp ace', value: "it's {{name}}" },
            { key: 'a', value: '2' },
            { key: 'nullish', value: null },
          ],
        },
      }),
      item('formdata', {
        method: 'POST',
        url: '{{echo}}/body/multipart',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 'text', value: 'hello {{name}}', type: 'text' },
            { key: 'off', value: 'x', type: 'text', disabled: true },
            { key: 'typed', value: '{"a":1}', type: 'text', contentType: 'application/json' },
            { key: 'upload', src: 'hello.txt', type: 'file' },
          ],
        },
      }),
      item('formdata missing file', {
        method: 'POST',
        url: '{{echo}}/body/multipart-missing',
        body: { mode: 'formdata', formdata: [{ key: 'upload', src: 'does-not-exist.txt', type: 'file' }] },
      }),
      item('graphql', {
        method: 'POST',
        url: '{{echo}}/body/graphql',
        body: { mode: 'graphql', graphql: { query: 'query Q($id: ID!) { node(id: $id) { id } }', variables: '{"id":"{{name}}"}' } },
      }),
      item('file body', { method: 'POST', url: '{{echo}}/body/file', body: { mode: 'file', file: { src: 'payload.json' } } }),
      item('get with body', { method: 'GET', url: '{{echo}}/body/get', body: raw('json', '{"dropped":true}') }),
      item(
        'get with body kept',
        { method: 'GET', url: '{{echo}}/body/get-kept', body: raw('json', '{"kept":true}') },
        { extra: { protocolProfileBehavior: { disableBodyPruning: true } } },
      ),
      item('delete with body', { method: 'DELETE', url: '{{echo}}/body/delete', body: raw('text', 'bye') }),
      item('empty raw', { method: 'POST', url: '{{echo}}/body/empty', body: raw('json', '') }),
      item('disabled body', { method: 'POST', url: '{{echo}}/body/disabled', body: { mode: 'raw', raw: 'x', disabled: true } }),
    ]),
    environment: env('bodies', { echo: infra.echo.url, name: 'ada' }),
    workingDir: join(CORPUS_DIR, 'files'),
  }),
  oracle: ({ wire }) => {
    const bodyOf = (path: string): string => wire.find((w) => w.rawPath === path)?.body.toString('utf8') ?? '';
    const problems: string[] = [];
    if (!bodyOf('/body/multipart').includes('hello from a file')) problems.push('newman sent the formdata without hello.txt: workingDir not passed to newman');
    if (!bodyOf('/body/file').includes('file body')) problems.push('newman sent the file body without payload.json: workingDir not passed to newman');
    return problems;
  },
};

const profile = (p: Record<string, unknown>) => ({ extra: { protocolProfileBehavior: p } });

export const protocolProfile: CorpusCase = {
  name: 'protocol-profile',
  group: 'features',
  covers: ['redirects followed (method to GET)', '307 keeps method and body', 'followRedirects false', 'followOriginalHttpMethod', 'maxRedirects', 'disableUrlEncoding', 'strictSSL false on http', 'disabledSystemHeaders', 'a delayed answer'],
  input: (infra) => ({
    collection: collection('protocol-profile', [
      item('302 followed', { method: 'POST', url: '{{echo}}/redirect/302?to=/echo/after-302', body: { mode: 'raw', raw: 'payload' } }),
      item('307 followed', { method: 'POST', url: '{{echo}}/redirect/307?to=/echo/after-307', body: { mode: 'raw', raw: 'payload' } }),
      item('301 not followed', { method: 'GET', url: '{{echo}}/redirect/301?to=/echo/never' }, profile({ followRedirects: false })),
      item('303 original method', { method: 'PUT', url: '{{echo}}/redirect/303?to=/echo/after-303', body: { mode: 'raw', raw: 'kept?' } }, profile({ followOriginalHttpMethod: true })),
      item('redirect chain over max', { method: 'GET', url: '{{echo}}/redirect/302?to=/redirect/302%3Fto%3D/echo/end' }, profile({ maxRedirects: 1 })),
      item('no url encoding', { method: 'GET', url: "{{echo}}/profile/raw?q=it's&c=\"d\"&e=<x>&p=%41" }, profile({ disableUrlEncoding: true })),
      item('strictSSL off on http', { method: 'GET', url: '{{echo}}/profile/ssl' }, profile({ strictSSL: false })),
      item(
        'system headers disabled',
        { method: 'POST', url: '{{echo}}/profile/system', body: { mode: 'raw', raw: 'x' } },
        profile({ disabledSystemHeaders: { 'user-agent': true, 'postman-token': true, accept: true, 'cache-control': true, 'accept-encoding': true, connection: true } }),
      ),
      item('delayed', { method: 'GET', url: '{{echo}}/delay/150' }),
    ]),
    environment: env('profile', { echo: infra.echo.url }),
  }),
};
