/**
 * One probe per verify flow, over real HTTP, sending what the client of a scenario sends (ClientChanges): the flow's
 * token request (password, client credentials, JWT bearer, or the user-consent authorize pages, code exchange and
 * refresh grant), then a REST query on Account and UserInfo with the token. Returns ok, or the first refused step.
 */
import { SignJWT, importPKCS8 } from 'jose';
import type { ClientChanges, ScenarioFlow, StartedEmulator } from '../../src/emulator';
import { LOCAL_USERS } from '../../src/emulator';
import { call, postForm, type HttpResult } from './helpers';
import { Browser, authorizePath, pkce, raw, TOKEN } from './oauth-helpers';

export type Probe = { ok: true } | { ok: false; step: string; status: number; text: string; headers: Record<string, string> };

const refused = (step: string, res: HttpResult): Probe => ({ ok: false, step, status: res.status, text: res.text, headers: Object.fromEntries(res.headers) });

async function tokenCall(emu: StartedEmulator, form: Record<string, string>, onLoginHost = false): Promise<HttpResult> {
  if (!onLoginHost) return postForm(emu, TOKEN, form);
  const r = await raw(emu, { method: 'POST', path: TOKEN, host: `localhost:${emu.port}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers.set(k, v);
  return { status: r.status, headers, text: r.text };
}

/** The data half every flow runs with its token: an Account query, then UserInfo. */
async function dataCalls(emu: StartedEmulator, token: string): Promise<Probe> {
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const query = await call(emu, `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`, auth);
  if (query.status !== 200) return refused('query Account', query);
  const userinfo = await call(emu, '/services/oauth2/userinfo', auth);
  if (userinfo.status !== 200) return refused('userinfo', userinfo);
  return { ok: true };
}

async function withToken(emu: StartedEmulator, step: string, res: HttpResult): Promise<Probe> {
  if (res.status !== 200) return refused(step, res);
  return dataCalls(emu, (JSON.parse(res.text) as { access_token: string }).access_token);
}

export async function probe(emu: StartedEmulator, flow: ScenarioFlow, client: ClientChanges = {}): Promise<Probe> {
  const c = emu.credentials;
  const clientId = client.clientId ?? c.clientId;
  const clientSecret = client.clientSecret ?? c.clientSecret;
  switch (flow) {
    case 'password': {
      const login = client.passwordLogin ?? { username: c.username, password: c.password, securityToken: c.securityToken };
      const form = { grant_type: 'password', client_id: clientId, client_secret: clientSecret, username: login.username, password: login.password + login.securityToken };
      return withToken(emu, 'password grant', await tokenCall(emu, form, client.passwordOnLoginHost));
    }
    case 'client-credentials':
      return withToken(emu, 'client credentials grant', await tokenCall(emu, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }));
    case 'jwt': {
      const key = await importPKCS8(emu.local.jwtPrivateKeyPem, 'RS256');
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(clientId)
        .setSubject(client.jwtSubject ?? c.username)
        .setAudience(emu.loginUrl)
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
      return withToken(emu, 'refresh grant', await postForm(emu, TOKEN, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }));
    }
  }
}
