/**
 * One probe per verify flow, over real HTTP, sending what the client of a scenario sends (ClientChanges): the flow's
 * token request (password, client credentials, JWT bearer, or the user-consent authorize pages, code exchange and
 * refresh grant), then a REST query on Account and UserInfo with the token, with the scenario's collection mistake
 * on the flow it concerns; for the write flow, the password grant then an Account created, renamed and deleted.
 * Returns ok, or the first refused step (status 0 and the error code: no answer at all).
 */
import { SignJWT, importPKCS8 } from 'jose';
import { createServer, type AddressInfo } from 'node:net';
import type { ClientChanges, CollectionMistake, ScenarioFlow, StartedEmulator } from '../../src/emulator';
import { LOCAL_USERS } from '../../src/emulator';
import { call, postForm, type HttpResult } from './helpers';
import { Browser, authorizePath, pkce, raw, TOKEN } from './oauth-helpers';

export type Probe = { ok: true } | { ok: false; step: string; status: number; text: string; headers: Record<string, string> };

const refused = (step: string, res: HttpResult): Probe => ({ ok: false, step, status: res.status, text: res.text, headers: Object.fromEntries(res.headers) });

async function tokenCall(emu: StartedEmulator, form: Record<string, string>, onLoginHost = false, json = false): Promise<HttpResult> {
  if (json) return call(emu, TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form) });
  if (!onLoginHost) return postForm(emu, TOKEN, form);
  const r = await raw(emu, { method: 'POST', path: TOKEN, host: `localhost:${emu.port}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers.set(k, v);
  return { status: r.status, headers, text: r.text };
}

/** A URL on 127.0.0.1 where nothing listens (a port just bound and released): the token request there, refused. */
async function unreachable(step: string): Promise<Probe> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  try {
    const res = await fetch(`http://127.0.0.1:${port}${TOKEN}`, { method: 'POST' });
    return refused(step, { status: res.status, headers: res.headers, text: await res.text() });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return { ok: false, step, status: 0, text: cause?.code ?? String(e), headers: {} };
  }
}

/**
 * The client credentials token request to the emulator's https listener, trusting Node's certificate authorities only
 * (fetch's default): the handshake fails, so status 0 and Node's error code.
 */
async function overUntrustedHttps(emu: StartedEmulator, step: string, form: Record<string, string>): Promise<Probe> {
  if (!emu.https) return { ok: false, step, status: -1, text: 'the emulator has no https listener', headers: {} };
  try {
    const res = await fetch(`${emu.https.url}${TOKEN}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    return refused(step, { status: res.status, headers: res.headers, text: await res.text() });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return { ok: false, step, status: 0, text: cause?.code ?? String(e), headers: {} };
  }
}

/** The data half every flow runs with its token: an Account query, then UserInfo (the mistakes of a client in them). */
async function dataCalls(emu: StartedEmulator, token: string, mistake?: CollectionMistake): Promise<Probe> {
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const soql = mistake === 'owner-id-me' ? "SELECT Id, Name FROM Account WHERE OwnerId = 'me'" : 'SELECT Id, Name FROM Account';
  const queryAuth = mistake === 'auth-header-without-bearer' ? { headers: { Authorization: token } } : auth;
  const query = await call(emu, `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, queryAuth);
  if (query.status !== 200) return refused('query Account', query);
  const userinfo = await call(emu, '/services/oauth2/userinfo', auth);
  if (userinfo.status !== 200) return refused('userinfo', userinfo);
  return { ok: true };
}

/** The write flow's record calls with the token: create, rename and delete one Account. */
async function writeCalls(emu: StartedEmulator, res: HttpResult): Promise<Probe> {
  if (res.status !== 200) return refused('password grant', res);
  const token = (JSON.parse(res.text) as { access_token: string }).access_token;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const base = '/services/data/v62.0/sobjects/Account';
  const created = await call(emu, base, { method: 'POST', headers, body: JSON.stringify({ Name: 'sfcheck write probe (scenario test)' }) });
  if (created.status !== 201) return refused('create Account', created);
  const id = (JSON.parse(created.text) as { id: string }).id;
  const updated = await call(emu, `${base}/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ Name: 'sfcheck write probe (renamed)' }) });
  if (updated.status !== 204) return refused('update Account', updated);
  const deleted = await call(emu, `${base}/${id}`, { method: 'DELETE', headers });
  if (deleted.status !== 204) return refused('delete Account', deleted);
  return { ok: true };
}

async function withToken(emu: StartedEmulator, step: string, res: HttpResult, mistake?: CollectionMistake): Promise<Probe> {
  if (res.status !== 200) return refused(step, res);
  return dataCalls(emu, (JSON.parse(res.text) as { access_token: string }).access_token, mistake);
}

/** The collection mistakes verify applies to each flow (src/cli/scenario-mistakes.ts). */
const MISTAKE_FLOWS: Readonly<Record<CollectionMistake, ScenarioFlow>> = {
  'token-body-json': 'password',
  'auth-header-without-bearer': 'password',
  'owner-id-me': 'uca',
  'userinfo-with-refresh-token': 'uca',
};

export async function probe(emu: StartedEmulator, flow: ScenarioFlow, client: ClientChanges = {}): Promise<Probe> {
  const c = emu.credentials;
  const clientId = client.clientId ?? c.clientId;
  const clientSecret = client.clientSecret ?? c.clientSecret;
  const mistake = client.mistake !== undefined && MISTAKE_FLOWS[client.mistake] === flow ? client.mistake : undefined;
  switch (flow) {
    case 'password':
    case 'write': {
      const login = client.passwordLogin ?? { username: c.username, password: c.password, securityToken: c.securityToken };
      const form = { grant_type: 'password', client_id: clientId, client_secret: clientSecret, username: login.username, password: login.password + login.securityToken };
      const token = await tokenCall(emu, form, client.passwordOnLoginHost, mistake === 'token-body-json');
      return flow === 'write' ? writeCalls(emu, token) : withToken(emu, 'password grant', token, mistake);
    }
    case 'client-credentials':
      if (client.myDomainUnreachable) return unreachable('client credentials grant');
      if (client.myDomainOverHttps) return overUntrustedHttps(emu, 'client credentials grant', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
      return withToken(emu, 'client credentials grant', await tokenCall(emu, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }, client.clientCredentialsOnLoginHost));
    case 'jwt': {
      const key = await importPKCS8(emu.local.jwtPrivateKeyPem, 'RS256');
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(clientId)
        .setSubject(client.jwtSubject ?? c.username)
        .setAudience(client.jwtAudience === 'my-domain-url' ? emu.url : emu.loginUrl)
        .setExpirationTime(Math.floor(Date.now() / 1000) + 120)
        .sign(key);
      return withToken(emu, 'JWT bearer grant', await tokenCall(emu, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }));
    }
    case 'uca': {
      const redirectUri = client.redirectUri ?? c.redirectUri;
      const pair = client.pkce === false ? undefined : pkce();
      const browser = new Browser(emu);
      const params: Record<string, string> = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'api refresh_token offline_access openid' };
      if (pair) Object.assign(params, { code_challenge: pair.challenge, code_challenge_method: 'S256' });
      let res = await browser.get(authorizePath(params));
      if (res.status !== 200 && res.status !== 302) return refused('authorize', res);
      const user = LOCAL_USERS.salesRep;
      for (let step = 0; step < 3 && res.status === 200; step++) {
        res = res.text.includes('name="pw"') ? await browser.submit(res.text, { username: user.username, pw: user.password }) : await browser.submit(res.text, {}, 'allow');
      }
      const location = new URL(res.headers.get('location') ?? 'http://invalid/');
      const code = location.searchParams.get('code');
      if (!code) return refused('authorize redirect', res);
      const exchange = await postForm(emu, TOKEN, { grant_type: 'authorization_code', code, ...(pair ? { code_verifier: pair.verifier } : {}), client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri });
      if (exchange.status !== 200) return refused('code exchange', exchange);
      const refreshToken = (JSON.parse(exchange.text) as { refresh_token: string }).refresh_token;
      if (mistake === 'userinfo-with-refresh-token') {
        const userinfo = await call(emu, '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${refreshToken}` } });
        if (userinfo.status !== 200) return refused('userinfo', userinfo);
      }
      return withToken(emu, 'refresh grant', await postForm(emu, TOKEN, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }), mistake);
    }
  }
}
