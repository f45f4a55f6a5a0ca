/**
 * pm.request edits in prerequest scripts (sandbox output and how they go back into the item), pm.cookies,
 * pm.execution.location, and the APIs the native sandbox does not support (they must fail by name).
 */
import { expect } from 'chai';
import { applyRequestEdit, editedScriptRequest, scriptRequestFor } from '../../../src/engine/native/request-edits';
import { Sandbox } from '../../../src/engine/native/sandbox/host';
import type { ScriptInput, ScriptOutput } from '../../../src/engine/native/sandbox/protocol';
import { scriptInput } from './script-input';

describe('native engine: pm.request edits, pm.cookies and unsupported APIs', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = new Sandbox(5_000);
  });
  afterEach(() => sandbox.close());

  async function run(source: string, input: ScriptInput): Promise<ScriptOutput> {
    const r = await sandbox.run(source, input, input.response ? { data: '{}', last: true } : undefined);
    if (!r.ok) throw new Error(`script failed: ${r.message}`);
    return r.output;
  }

  const definition = {
    method: 'POST',
    url: { raw: '{{base}}/users/:id?a=1', host: ['{{base}}'], path: ['users', ':id'], query: [{ key: 'a', value: '1' }], variable: [{ key: 'id', value: '7' }] },
    header: [
      { key: 'X-Keep', value: 'k' },
      { key: 'X-Off', value: 'o', disabled: true },
    ],
    body: { mode: 'urlencoded', urlencoded: [{ key: 'f', value: '1' }] },
  };

  function prerequestInput(): ScriptInput {
    return { ...scriptInput('prerequest'), request: scriptRequestFor(definition), itemPath: ['folder', 'req'] };
  }

  it('shows a prerequest script the request as defined, with Postman URL helpers', async () => {
    const out = await run(
      [
        "pm.test('url', () => { pm.expect(pm.request.url.toString()).to.equal('{{base}}/users/7?a=1'); pm.expect(pm.request.url.getPath()).to.equal('/users/7'); pm.expect(pm.request.url.query.toObject()).to.deep.equal({ a: '1' }); });",
        "pm.test('headers', () => { pm.expect(pm.request.headers.toObject()).to.deep.equal({ 'x-keep': 'k' }); pm.expect(pm.request.getHeaders()).to.deep.equal({ 'X-Keep': 'k' }); });",
        "pm.test('body', () => { pm.expect(pm.request.body.mode).to.equal('urlencoded'); pm.expect(pm.request.body.urlencoded.get('f')).to.equal('1'); pm.expect(pm.request.body.toString()).to.equal('f=1'); });",
        "pm.test('location', () => { pm.expect(Array.from(pm.execution.location)).to.deep.equal(['folder', 'req']); pm.expect(pm.execution.location.current).to.equal('req'); });",
        "pm.test('no response in a prerequest script', () => pm.expect(pm.response).to.equal(undefined));",
      ].join('\n'),
      prerequestInput(),
    );
    expect(out.tests.filter((t) => !t.passed)).to.deep.equal([]);
    expect(out).to.not.have.property('request');
  });

  it('hands back the edited request, which replaces only what changed in the definition', async () => {
    const out = await run(
      [
        "pm.request.headers.add({ key: 'X-Added', value: '{{token}}' });",
        "pm.request.headers.upsert({ key: 'x-keep', value: 'changed' });",
        "pm.request.url.query.add({ key: 'b', value: '2' });",
        "pm.request.body.urlencoded.upsert({ key: 'g', value: 'new' });",
      ].join('\n'),
      prerequestInput(),
    );
    expect(out.request).to.deep.equal({
      url: '{{base}}/users/7?a=1&b=2',
      method: 'POST',
      headers: [
        ['X-Keep', 'changed'],
        ['X-Added', '{{token}}'],
      ],
      body: { mode: 'urlencoded', pairs: [['f', '1'], ['g', 'new']] },
    });
    const next = applyRequestEdit(definition, out.request!);
    expect(next['url']).to.equal('{{base}}/users/7?a=1&b=2');
    expect(next['header']).to.deep.equal([
      { key: 'X-Keep', value: 'changed' },
      { key: 'X-Added', value: '{{token}}' },
    ]);
    expect(next['body']).to.deep.equal({ mode: 'urlencoded', urlencoded: [{ key: 'f', value: '1', type: 'text' }, { key: 'g', value: 'new', type: 'text' }] });
    expect(definition.header).to.have.length(2);

    const headersOnly = await run("pm.request.removeHeader('X-Keep'); pm.request.method = 'put';", prerequestInput());
    const kept = applyRequestEdit(definition, headersOnly.request!);
    expect(kept['url']).to.equal(definition.url);
    expect(kept['method']).to.equal('PUT');
    expect(kept['header']).to.deep.equal([]);
    expect(kept['body']).to.equal(definition.body);

    const rewritten = await run("pm.request.url = 'http://127.0.0.1:9/other'; pm.request.body = undefined;", prerequestInput());
    const replaced = applyRequestEdit(definition, rewritten.request!);
    expect(replaced['url']).to.equal('http://127.0.0.1:9/other');
    expect(replaced).to.not.have.property('body');
  });

  it('keeps a file or graphql body (which scripts do not see) when a script edits only the headers', async () => {
    for (const body of [{ mode: 'file', file: { src: 'upload.bin' } }, { mode: 'graphql', graphql: { query: '{ a }' } }]) {
      const def = { ...definition, body };
      const out = await run("pm.request.headers.add({ key: 'Sforce-Call-Options', value: 'client=postman' });", { ...scriptInput('prerequest'), request: scriptRequestFor(def) });
      const next = applyRequestEdit(def, out.request!);
      expect(next['body']).to.deep.equal(body);
      expect(next['header']).to.deep.equal([{ key: 'X-Keep', value: 'k' }, { key: 'Sforce-Call-Options', value: 'client=postman' }]);
    }
  });

  it('lets the next script of the phase see the previous one\'s edits (editedScriptRequest)', async () => {
    const first = await run("pm.request.headers.add({ key: 'X-First', value: '1' }); pm.request.body.update('raw text');", prerequestInput());
    const second = await run(
      "pm.test('sees the edit', () => { pm.expect(pm.request.headers.get('X-First')).to.equal('1'); pm.expect(pm.request.body.raw).to.equal('raw text'); }); pm.request.headers.remove('X-Keep');",
      { ...prerequestInput(), request: editedScriptRequest(first.request!, prerequestInput().request) },
    );
    expect(second.tests.map((t) => t.passed)).to.deep.equal([true]);
    expect(second.request?.headers).to.deep.equal([['X-First', '1']]);
    expect(second.request?.body).to.deep.equal({ mode: 'raw', raw: 'raw text' });
  });

  it('reads pm.cookies from the engine when given, else from the Set-Cookie headers; the jar fails by name', async () => {
    const input = scriptInput('test');
    input.response = { code: 200, status: 'OK', headers: [['Set-Cookie', 'sid=abc; Path=/; HttpOnly'], ['set-cookie', 'theme=dark']], responseTime: 1, size: 2 };
    const fromHeaders = await run(
      [
        "pm.test('cookies', () => { pm.expect(pm.cookies.get('sid')).to.equal('abc'); pm.expect(pm.cookies.has('theme')).to.equal(true); pm.expect(pm.cookies.toObject()).to.deep.equal({ sid: 'abc', theme: 'dark' }); pm.expect(pm.cookies.one('sid').httpOnly).to.equal(true); });",
        "pm.test('response cookies', () => pm.expect(pm.response.cookies.get('theme')).to.equal('dark'));",
        "pm.test('legacy', () => pm.expect(responseCookies.map((c) => c.name)).to.deep.equal(['sid', 'theme']));",
        'pm.cookies.jar();',
      ].join('\n'),
      input,
    );
    expect(fromHeaders.tests.filter((t) => !t.passed)).to.deep.equal([]);
    expect(fromHeaders.error).to.deep.equal({ name: 'UnsupportedAPIError', message: "pm.cookies.jar is not supported by sfcheck's native engine" });

    const fromJar = await run("pm.test('jar view', () => pm.expect(pm.cookies.toObject()).to.deep.equal({ old: '1' }));", { ...input, cookies: [{ name: 'old', value: '1', domain: '127.0.0.1' }] });
    expect(fromJar.tests.map((t) => t.passed)).to.deep.equal([true]);
  });

  const UNSUPPORTED: Array<[string, string]> = [
    ["pm.vault.get('k')", "UnsupportedAPIError: pm.vault is not supported by sfcheck's native engine"],
    ["pm.require('@team/lib')", "UnsupportedAPIError: pm.require is not supported by sfcheck's native engine"],
    ["pm.execution.runRequest('id')", "UnsupportedAPIError: pm.execution.runRequest is not supported by sfcheck's native engine"],
    ["tv4.validate({}, {})", "UnsupportedAPIError: tv4 is not supported by sfcheck's native engine"],
    ["cheerio.load('<p>')", "UnsupportedAPIError: cheerio is not supported by sfcheck's native engine"],
    [
      "require('fs')",
      "Error: Cannot find module 'fs': sfcheck's native engine provides lodash, crypto-js, moment, uuid, xml2js, chai, atob, btoa, csv-parse/lib/sync, ajv",
    ],
  ];
  for (const [source, message] of UNSUPPORTED) {
    it(`fails loudly on ${source}`, async () => {
      const out = await run(`pm.test('before', () => {}); ${source}; pm.test('after', () => {});`, scriptInput('test'));
      expect(out.error && `${out.error.name}: ${out.error.message}`).to.equal(message);
      expect(out.tests.map((t) => t.name)).to.deep.equal(['before']);
    });
  }

  it('runs csv-parse on the host and keeps unsupported names out of a plain script', async () => {
    const out = await run(
      [
        "pm.test('csv', () => pm.expect(require('csv-parse/lib/sync')('a,b\\n1,2', { columns: true })).to.deep.equal([{ a: '1', b: '2' }]));",
        "pm.test('chai', () => pm.expect(require('chai').expect).to.equal(pm.expect));",
        "pm.test('xml2js promise', async () => pm.expect(await require('xml2js').parseStringPromise('<a>1</a>')).to.deep.equal({ a: '1' }));",
        "pm.test('bad xml', () => pm.expect(xml2Json('<a>')).to.equal(undefined));",
      ].join('\n'),
      scriptInput('test'),
    );
    expect(out.tests.filter((t) => !t.passed)).to.deep.equal([]);
    expect(out.tests).to.have.length(4);
  });
});
