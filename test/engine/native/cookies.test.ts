import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { CookieJar } from '../../../src/engine/native/cookies';
import { useEchoServer } from './echo-server';
import { atServer, req, runBoth, view, wireCollection } from './wire-harness';

const set = (...cookies: string[]): string => `BASE/cookies/set?${cookies.map((c) => `c=${encodeURIComponent(c)}`).join('&')}`;

describe('native engine: cookie jar rules', () => {
  const T0 = Date.UTC(2030, 0, 1);

  it('keeps host-only cookies to their host and domain cookies to the domain and its subdomains', () => {
    const jar = new CookieJar();
    jar.store('http://api.example.test/x', ['host=1; Path=/', 'dom=2; Domain=.Example.TEST; Path=/', 'foreign=3; Domain=other.test; Path=/'], T0);
    expect(jar.header('http://api.example.test/', T0)).to.equal('host=1; dom=2');
    expect(jar.header('http://www.example.test/', T0)).to.equal('dom=2');
    expect(jar.header('http://example.test/', T0)).to.equal('dom=2');
    expect(jar.header('http://other.test/', T0)).to.equal(undefined);
  });

  it('treats an IP address as a host that only matches itself', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:1/', ['ip=1; Domain=127.0.0.1', 'sub=2; Domain=0.0.1', 'lh=3; Domain=localhost'], T0);
    expect(jar.header('http://127.0.0.1:2/', T0)).to.equal('ip=1');
    expect(jar.header('http://localhost/', T0)).to.equal(undefined);
  });

  it('defaults the path to the request directory and matches paths on segment boundaries', () => {
    const jar = new CookieJar();
    jar.store('http://h.test/a/b/page?q=1', ['d=1', 'p=2; Path=/a', 'bad=3; Path=relative'], T0);
    expect(jar.header('http://h.test/a/b', T0)).to.equal('d=1; bad=3; p=2');
    expect(jar.header('http://h.test/a/b/c', T0)).to.equal('d=1; bad=3; p=2');
    expect(jar.header('http://h.test/a/bc', T0)).to.equal('p=2');
    expect(jar.header('http://h.test/ab', T0)).to.equal(undefined);
    // An invalid Path falls back to the default path.
    expect(jar.matching('http://h.test/a/b', T0).map((c) => `${c.name}:${c.path}`)).to.deep.equal(['d:/a/b', 'bad:/a/b', 'p:/a']);
  });

  it('expires by Max-Age before Expires, deletes with Max-Age=0 or a past date', () => {
    const jar = new CookieJar();
    const future = new Date(T0 + 86_400_000).toUTCString();
    jar.store('http://h.test/', [`ma=1; Max-Age=10; Expires=${future}`, `ex=2; Expires=${future}`, 'keep=3', 'del=4'], T0);
    expect(jar.header('http://h.test/', T0 + 5_000)).to.equal('ma=1; ex=2; keep=3; del=4');
    expect(jar.header('http://h.test/', T0 + 11_000)).to.equal('ex=2; keep=3; del=4');
    jar.store('http://h.test/', ['keep=x; Max-Age=0', 'del=y; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], T0 + 12_000);
    expect(jar.header('http://h.test/', T0 + 12_000)).to.equal('ex=2');
    expect(jar.header('http://h.test/', T0 + 86_400_001)).to.equal(undefined);
  });

  it('sends Secure cookies over https and to loopback hosts only', () => {
    const jar = new CookieJar();
    for (const host of ['h.test', '127.0.0.1', 'localhost', 'app.localhost']) jar.store(`https://${host}/`, ['s=1; Secure'], T0);
    expect(jar.header('https://h.test/', T0)).to.equal('s=1');
    expect(jar.header('http://h.test/', T0)).to.equal(undefined);
    expect(jar.header('http://127.0.0.1/', T0)).to.equal('s=1');
    expect(jar.header('http://localhost/', T0)).to.equal('s=1');
    expect(jar.header('http://app.localhost/', T0)).to.equal('s=1');
  });

  it('orders longer paths first, then by creation; a replaced cookie keeps its place', () => {
    const jar = new CookieJar();
    jar.store('http://h.test/', ['a=1; Path=/', 'b=2; Path=/', 'deep=3; Path=/x/y', 'mid=4; Path=/x'], T0);
    jar.store('http://h.test/', ['a=new; Path=/', 'value-only'], T0);
    expect(jar.header('http://h.test/x/y/z', T0)).to.equal('deep=3; mid=4; a=new; b=2; value-only');
    expect(jar.size).to.equal(5);
  });
});

describe('native engine: cookies on the wire, compared with newman', function () {
  this.timeout(30_000);
  const server = useEchoServer();

  it('stores Set-Cookie and sends matching cookies back (paths, domains, expiry, Secure, a user Cookie header, redirects)', async () => {
    const items = [
      req('set', {
        method: 'GET',
        url: set(
          'a=1; Path=/',
          'dflt=2',
          'sec=3; Path=/; Secure',
          'dom=4; Domain=127.0.0.1; Path=/',
          'foreign=5; Domain=example.com; Path=/',
          'long=6; Path=/echo',
          'gone=7; Path=/; Max-Age=0',
          'old=8; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
          'later=9; Path=/; Max-Age=3600',
        ),
      }),
      req('echo', { method: 'GET', url: 'BASE/echo' }),
      req('under /cookies', { method: 'GET', url: 'BASE/cookies/x' }),
      req('replace and delete', { method: 'GET', url: set('a=new; Path=/', 'later=; Path=/; Max-Age=-1') }),
      req('user cookie', { method: 'GET', url: 'BASE/echo', header: [{ key: 'cookie', value: 'mine=1' }] }),
      req('redirect', { method: 'POST', url: `BASE/redirect/302?to=/echo/after&c=${encodeURIComponent('hop=1; Path=/echo')}`, body: { mode: 'raw', raw: 'x' } }),
      req('other host', { method: 'GET', url: 'http://localhost:PORT/echo' }),
    ];
    const { newman, native } = await runBoth(server(), atServer(wireCollection(items), server()));
    expect(native).to.deep.equal(newman);
    const cookieOf = (i: number): string | undefined => native[i]?.headers.find((h) => /^cookie:/i.test(h));
    // What the case is about, stated outright (not only agreement with newman).
    expect(cookieOf(1)).to.equal('Cookie: long=6; a=1; sec=3; dom=4; later=9');
    expect(cookieOf(2)).to.equal('Cookie: dflt=2; a=1; sec=3; dom=4; later=9');
    expect(cookieOf(4)).to.equal('cookie: mine=1; long=6; a=new; sec=3; dom=4');
    expect(cookieOf(6)).to.equal('Cookie: long=6; hop=1; a=new; sec=3; dom=4');
    expect(cookieOf(7)).to.equal(undefined);
  });

  it('neither sends nor stores cookies for a request with disableCookies', async () => {
    const off = { protocolProfileBehavior: { disableCookies: true } };
    const items = [
      req('set', { method: 'GET', url: set('kept=1; Path=/') }),
      req('ignored', { method: 'GET', url: set('ignored=1; Path=/') }, off),
      req('no cookies sent', { method: 'GET', url: 'BASE/echo' }, off),
      req('cookies sent', { method: 'GET', url: 'BASE/echo' }),
    ];
    const { newman, native } = await runBoth(server(), atServer(wireCollection(items), server()));
    expect(native).to.deep.equal(newman);
    expect(native.map((v) => v.headers.find((h) => h.startsWith('Cookie')) ?? null)).to.deep.equal([null, null, null, 'Cookie: kept=1']);
  });

  it('keeps one jar per run: a new run starts with no cookies', async () => {
    const col = atServer(wireCollection([req('set', { method: 'GET', url: set('x=1; Path=/') }), req('echo', { method: 'GET', url: 'BASE/echo' })]), server());
    server().requests.length = 0;
    await nativeEngine.run({ collection: col });
    await nativeEngine.run({ collection: col });
    const cookies = server().requests.map(view).map((v) => v.headers.find((h) => h.startsWith('Cookie')) ?? null);
    expect(cookies).to.deep.equal([null, 'Cookie: x=1', null, 'Cookie: x=1']);
  });
});
