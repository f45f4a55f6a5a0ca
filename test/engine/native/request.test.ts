import { expect } from 'chai';
import { flattenCollection } from '../../../src/engine/native/collection';
import { cookieJar, createAgent, send } from '../../../src/engine/native/http';
import { buildRequest } from '../../../src/engine/native/request';
import { Resolver, VariableStore } from '../../../src/engine/native/variables';
import { wireOf } from '../../../src/engine/native/wire';
import { useEchoServer } from './echo-server';
import { req, view, wireCollection } from './wire-harness';

type Json = Record<string, unknown>;

function prepare(request: Json, extra: Json = {}): { prepared: ReturnType<typeof buildRequest>; warnings: string[] } {
  const [item] = flattenCollection(wireCollection([req('one', request, extra)])).items;
  if (!item) throw new Error('no item');
  const store = (): VariableStore => new VariableStore();
  const warnings: string[] = [];
  const prepared = buildRequest(item, { resolver: new Resolver({ globals: store(), collection: store(), environment: store(), local: store() }), warn: (m) => warnings.push(m) });
  return { prepared, warnings };
}

const OPTIONS = { timeoutMs: 5_000, followRedirects: true, maxRedirects: 10, followOriginalHttpMethod: false, followAuthorizationHeader: false };

describe('native engine: request building', () => {
  it('reports the headers newman’s engine reports and keeps the whole wire request on that array', () => {
    const { prepared } = prepare({
      method: 'POST',
      url: 'http://127.0.0.1:9/p',
      header: [{ key: 'X-A', value: '1' }],
      auth: { type: 'bearer', bearer: [{ key: 'token', value: 't' }] },
      body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }] },
    });
    expect(prepared.headers).to.deep.equal([
      { key: 'X-A', value: '1' },
      { key: 'Authorization', value: 'Bearer t' },
      { key: 'Accept', value: '*/*' },
      { key: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ]);
    expect(prepared.wire.headers.map((h) => h.key)).to.deep.equal([
      'X-A',
      'Authorization',
      'User-Agent',
      'Accept',
      'Cache-Control',
      'Postman-Token',
      'Host',
      'Accept-Encoding',
      'Connection',
      'Content-Type',
    ]);
    expect(wireOf(prepared.headers)).to.equal(prepared.wire);
    // The link does not leak into JSON (the result tree is serialised as it is).
    expect(JSON.stringify(prepared.headers)).to.not.include('wire');
    expect(prepared.body).to.equal('a=b');
  });

  it('leaves the multipart Content-Type out of the reported headers (newman’s engine does) but sends it', () => {
    const { prepared } = prepare({ method: 'POST', url: 'http://h/', body: { mode: 'formdata', formdata: [{ key: 'a', value: 'b' }] } });
    expect(prepared.headers).to.deep.equal([{ key: 'Accept', value: '*/*' }]);
    expect(prepared.wire.headers.at(-1)?.value).to.match(/^multipart\/form-data; boundary=-{26}\d{24}$/);
    expect(prepared.wire.form).to.equal(true);
    expect(prepared.body).to.equal('');
  });

  it('puts auth query parameters into the URL the result reports', () => {
    const { prepared } = prepare({ method: 'GET', url: 'http://h/p?a=1', auth: { type: 'oauth2', oauth2: [{ key: 'accessToken', value: 't t' }, { key: 'addTokenTo', value: 'queryParams' }] } });
    expect(prepared.url.href).to.equal('http://h/p?a=1&access_token=t%20t');
  });

  it('warns that host, connection and content-length cannot be turned off', () => {
    const { warnings, prepared } = prepare({ method: 'GET', url: 'http://h/' }, { protocolProfileBehavior: { disabledSystemHeaders: { host: true, connection: true, accept: true } } });
    expect(warnings).to.deep.equal(['disabledSystemHeaders host, connection: the native engine always sends these headers (HTTP/1.1 framing); "one"']);
    expect(prepared.wire.headers.map((h) => h.key)).to.deep.equal(['User-Agent', 'Cache-Control', 'Postman-Token', 'Accept-Encoding']);
  });
});

describe('native engine: sending without a built request', function () {
  this.timeout(20_000);
  const server = useEchoServer();

  it('adds postman-runtime’s system headers (as pm.sendRequest does) and shares the run’s cookie jar', async () => {
    const agent = createAgent(5_000);
    try {
      server().requests.length = 0;
      cookieJar(agent).store(`${server().base}/`, ['s=1; Path=/']);
      const out = await send(agent, { method: 'POST', href: `${server().base}/raw?x=1`, headers: [{ key: 'accept', value: 'application/json' }], body: 'hi' }, OPTIONS);
      expect('response' in out && out.response.code).to.equal(200);
      expect('response' in out && out.response.cookie).to.equal('s=1');
      const seen = server().requests.map(view)[0];
      expect(seen?.headers).to.deep.equal([
        'accept: application/json',
        'User-Agent: PostmanRuntime/7.39.1',
        'Cache-Control: no-cache',
        'Postman-Token: <uuid>',
        'Accept-Encoding: gzip, deflate, br',
        'Cookie: s=1',
      ]);
      expect(seen?.body).to.equal('hi');
      expect(seen?.framing.host).to.equal(server().base.slice('http://'.length));
    } finally {
      await agent.destroy();
    }
  });
});
