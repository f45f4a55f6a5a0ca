/**
 * Redirects, TLS verification and response decoding: what the native engine sends on every hop compared with newman
 * through the echo server, plus the outcome each engine reports.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeEngine } from '../../../src/engine/native';
import { startEchoTlsServer, useEchoServer, type EchoServer } from './echo-server';
import { atServer, req, runBoth, wireCollection } from './wire-harness';

type Json = Record<string, unknown>;
const redirect = (code: number, to: string): string => `BASE/redirect/${code}?to=${encodeURIComponent(to)}`;
const bearer = { type: 'bearer', bearer: [{ key: 'token', value: 'tok' }] };

describe('native engine: redirects on the wire, compared with newman', function () {
  this.timeout(30_000);
  const server = useEchoServer();

  const compare = async (items: Json[]): Promise<Awaited<ReturnType<typeof runBoth>>> => {
    const both = await runBoth(server(), atServer(wireCollection(items), server()));
    expect(both.native).to.deep.equal(both.newman);
    return both;
  };

  it('301/302/303 turn the method into GET without the body; 307/308 keep method and body; HEAD stays HEAD', async () => {
    const { native } = await compare([
      req('301', { method: 'POST', url: redirect(301, '/echo/301'), header: [{ key: 'Authorization', value: 'same host keeps it' }], body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }] } }),
      req('302', { method: 'PUT', url: redirect(302, '/echo/302'), body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } } }),
      req('303', { method: 'DELETE', url: redirect(303, '/echo/303'), body: { mode: 'raw', raw: 'x' } }),
      req('307', { method: 'POST', url: redirect(307, '/echo/307'), body: { mode: 'raw', raw: 'x' } }),
      req('308', { method: 'PATCH', url: redirect(308, '/echo/308'), body: { mode: 'formdata', formdata: [{ key: 'a', value: 'b' }] } }),
      req('head', { method: 'HEAD', url: redirect(302, '/echo/head') }),
    ]);
    expect(native.filter((_, i) => i % 2 === 1).map((r) => `${r.method} ${r.url} ${r.body.length > 0}`)).to.deep.equal([
      'GET /echo/301 false',
      'GET /echo/302 false',
      'GET /echo/303 false',
      'POST /echo/307 true',
      'PATCH /echo/308 true',
      'HEAD /echo/head false',
    ]);
    expect(native[1]?.headers).to.include('Authorization: same host keeps it');
    expect(native[1]?.headers.at(-1)).to.match(/^Referer: http:\/\/127\.0\.0\.1:\d+\/redirect\/301\?to=/);
  });

  it('honours followRedirects, maxRedirects, followOriginalHttpMethod and removeRefererHeaderOnRedirect', async () => {
    const { native, nativeRun } = await compare([
      req('no follow', { method: 'GET', url: redirect(302, '/echo/nofollow') }, { protocolProfileBehavior: { followRedirects: false } }),
      req('max', { method: 'GET', url: redirect(302, '/redirect/302?to=/echo/max') }, { protocolProfileBehavior: { maxRedirects: 1 } }),
      req('original method', { method: 'POST', url: redirect(302, '/echo/orig'), body: { mode: 'raw', raw: 'keep' } }, { protocolProfileBehavior: { followOriginalHttpMethod: true } }),
      req('no referer', { method: 'GET', url: redirect(302, '/echo/noref'), header: [{ key: 'Referer', value: 'mine' }] }, { protocolProfileBehavior: { removeRefererHeaderOnRedirect: true } }),
      req('own referer', { method: 'GET', url: redirect(302, '/echo/ref'), header: [{ key: 'referer', value: 'mine' }] }),
    ]);
    expect(native.map((r) => r.url.split('?')[0])).to.deep.equal(['/redirect/302', '/redirect/302', '/redirect/302', '/redirect/302', '/echo/orig', '/redirect/302', '/echo/noref', '/redirect/302', '/echo/ref']);
    expect(nativeRun.requests[0]?.response?.code).to.equal(302);
    expect(nativeRun.requests[1]?.errors[0]?.message).to.match(/^Exceeded maxRedirects\. Probably stuck in a redirect loop http:\/\/127\.0\.0\.1:\d+\/redirect\/302\?to=\/echo\/max$/);
    expect(native[4]?.method).to.equal('POST');
    expect(native[4]?.body).to.equal('keep');
    expect(native[6]?.headers[0]).to.equal('Referer: mine');
    expect(native[8]?.headers[0]).to.match(/^referer: http:/);
  });

  it('drops Authorization when the host changes unless followAuthorizationHeader', async () => {
    const { native } = await compare([
      req('cross host', { method: 'GET', url: redirect(302, 'http://localhost:PORT/echo/cross'), auth: bearer }),
      req('keep auth', { method: 'GET', url: redirect(302, 'http://localhost:PORT/echo/keep'), auth: bearer }, { protocolProfileBehavior: { followAuthorizationHeader: true } }),
    ]);
    expect(native[1]?.framing.host).to.equal(`localhost:${server().port}`);
    expect(native[1]?.headers.some((h) => h.startsWith('Authorization'))).to.equal(false);
    expect(native[3]?.headers[0]).to.equal('Authorization: Bearer tok');
  });

  it('decodes gzip, deflate and br responses (it asks for them) for scripts and the result', async () => {
    const check = (enc: string): Json[] => [
      { listen: 'test', script: { exec: [`pm.test('decoded ${enc}', () => pm.expect(pm.response.json().encoded).to.equal('${enc}'));`] } },
    ];
    const col = wireCollection(['gzip', 'deflate', 'br'].map((enc) => req(enc, { method: 'GET', url: `BASE/encoded/${enc}` }, { event: check(enc) })));
    const { nativeRun } = await runBoth(server(), col);
    expect(nativeRun.requests.map((r) => r.tests.map((t) => `${t.name}: ${t.passed}`))).to.deep.equal([['decoded gzip: true'], ['decoded deflate: true'], ['decoded br: true']]);
    expect(nativeRun.requests.map((r) => r.response?.body)).to.deep.equal(['{"encoded":"gzip"}', '{"encoded":"deflate"}', '{"encoded":"br"}']);
  });
});

describe('native engine: strictSSL', function () {
  this.timeout(30_000);
  let server: EchoServer | undefined;
  let dir: string | undefined;
  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'sfcheck-tls-'));
    try {
      // A throwaway self-signed certificate for 127.0.0.1, made for this test run only.
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    } catch {
      this.skip(); // no openssl on this machine: nothing to serve TLS with
    }
    server = await startEchoTlsServer(readFileSync(join(dir, 'key.pem'), 'utf8'), readFileSync(join(dir, 'cert.pem'), 'utf8'));
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('verifies certificates by default and not for a request with strictSSL: false (as newman)', async () => {
    if (!server) throw new Error('no TLS server');
    const col = wireCollection([
      req('verified', { method: 'GET', url: 'BASE/echo' }),
      req('unverified', { method: 'POST', url: 'BASE/echo', body: { mode: 'raw', raw: 'tls' } }, { protocolProfileBehavior: { strictSSL: false } }),
      req('verified again', { method: 'GET', url: 'BASE/echo' }),
    ]);
    const { newman, native, nativeRun } = await runBoth(server, col);
    expect(native).to.deep.equal(newman);
    expect(native.map((r) => `${r.method} ${r.body}`)).to.deep.equal(['POST tls']);
    expect(nativeRun.requests.map((r) => r.errors[0]?.code ?? r.response?.code)).to.deep.equal(['DEPTH_ZERO_SELF_SIGNED_CERT', 200, 'DEPTH_ZERO_SELF_SIGNED_CERT']);
    // The insecure dispatcher is closed with the run: a later run still verifies.
    const again = await nativeEngine.run({ collection: atServer(col, server) });
    expect(again.requests[0]?.errors[0]?.code).to.equal('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
