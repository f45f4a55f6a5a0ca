/**
 * The user consent of verify --env local (authorize, login and consent pages, code exchange) for one local user, with
 * what the client is set up to send (a scenario may change the consumer key or secret, the redirect_uri, or leave
 * PKCE out). When the emulator refuses the authorize request or the code exchange, the failing request is returned
 * as a RequestSpec so verify can run it as the flow's report: the diagnosis then reads the real answer on the wire.
 * An authorize request and an exchange refused for the client's sake (unknown client, wrong secret) change nothing
 * on the server, so running them again gets the same answer.
 */
import { SfcheckError } from '../errors';
import { DOCS, oauthErrorSchema, tokenSchema, USER_CONSENT_SCOPE, type FlowSpec, type RequestSpec, type SpecParam } from '../spec';
import { driveAuthorizeForms } from './login/forms';
import { pkcePair, randomState } from './login/pkce';

export interface LocalConsent {
  /** The My Domain URL of the emulator (login_url of the local environment). */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  username: string;
  password: string;
  /** false: no code_challenge (a client set up without PKCE). */
  pkce: boolean;
}

export type ConsentOutcome = { refreshToken: string } | { failed: FlowSpec };

const GUIDE_STEP = 'User consent, Step 2: Create a New Connected App (Callback URL, scopes, PKCE)';

function replay(request: RequestSpec): FlowSpec {
  return {
    id: 'user-consent',
    name: 'Salesforce — user consent: the authorization step',
    description: 'The user-consent flow could not get a refresh token: the authorization step the emulator refused, as sent.',
    requests: [request],
  };
}

function authorizeRequest(query: SpecParam[]): RequestSpec {
  return {
    id: 'authorize',
    name: 'Authorize the Connected App (authorization code)',
    description: 'Opens the authorize URL of the web server flow, as the browser does before the login page.',
    doc: DOCS.webServerFlow,
    guideStep: GUIDE_STEP,
    method: 'GET',
    url: '{{login_url}}/services/oauth2/authorize',
    query,
    auth: 'none',
    expect: { status: 200, contentType: '^text/html', schema: {} },
    errorSchema: {},
  };
}

function exchangeRequest(code: string, verifier: string | undefined): RequestSpec {
  const fields: SpecParam[] = [
    { key: 'grant_type', value: 'authorization_code' },
    { key: 'code', value: code },
    ...(verifier === undefined ? [] : [{ key: 'code_verifier', value: verifier }]),
    { key: 'client_id', value: '{{client_id}}' },
    { key: 'client_secret', value: '{{client_secret}}' },
    { key: 'redirect_uri', value: '{{redirect_uri}}' },
  ];
  return {
    id: 'token-authorization-code',
    name: 'Exchange the authorization code for tokens',
    description: 'The token call of the web server flow: the code from the redirect, the PKCE verifier, the client credentials.',
    doc: DOCS.webServerFlow,
    guideStep: GUIDE_STEP,
    method: 'POST',
    url: '{{login_url}}/services/oauth2/token',
    headers: [{ key: 'Accept', value: 'application/json' }, { key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    auth: 'none',
    body: { mode: 'urlencoded', fields },
    expect: { status: 200, contentType: '^application/json', schema: tokenSchema },
    errorSchema: oauthErrorSchema,
  };
}

export async function localConsent(c: LocalConsent): Promise<ConsentOutcome> {
  const pkce = c.pkce ? pkcePair() : undefined;
  const state = randomState();
  const params: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', c.clientId],
    ['redirect_uri', c.redirectUri],
    ['scope', USER_CONSENT_SCOPE],
    ['state', state],
    ...(pkce ? ([['code_challenge', pkce.challenge], ['code_challenge_method', 'S256']] as Array<[string, string]>) : []),
    ['prompt', 'login consent'],
  ];
  const base = c.loginUrl.replace(/\/$/, '');
  const url = `${base}/services/oauth2/authorize?${new URLSearchParams(params).toString()}`;
  // An inline error (no page, no redirect): the authorize request itself is the evidence.
  const first = await fetch(url, { redirect: 'manual' });
  await first.arrayBuffer();
  if (first.status !== 200 && first.status !== 302) {
    const variables: Record<string, string> = { client_id: '{{client_id}}', redirect_uri: '{{redirect_uri}}' };
    return { failed: replay(authorizeRequest(params.map(([key, value]) => ({ key, value: variables[key] ?? value })))) };
  }
  const location = new URL(await driveAuthorizeForms(url, { username: c.username, password: c.password, decision: 'allow' }));
  const q = location.searchParams;
  const code = q.get('code');
  if (q.get('state') !== state || !code) {
    throw new SfcheckError('SFCHECK_LOGIN_FAILED', `the emulator's authorize flow ended without a code (${q.get('error') ?? '?'}: ${q.get('error_description') ?? ''})`, 'check the Connected App settings of the emulator');
  }
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, ...(pkce ? { code_verifier: pkce.verifier } : {}), client_id: c.clientId, client_secret: c.clientSecret, redirect_uri: c.redirectUri });
  const res = await fetch(`${base}/services/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 200 && typeof json['refresh_token'] === 'string') return { refreshToken: json['refresh_token'] };
  return { failed: replay(exchangeRequest(code, pkce?.verifier)) };
}
