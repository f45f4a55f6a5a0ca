/**
 * The user consent of verify --env local (authorize, login and consent pages, code exchange) for one local user, with
 * what the client is set up to send (a scenario may change the consumer key or secret, the redirect_uri, or leave
 * PKCE out). When the emulator refuses the authorize request or the code exchange, the failing request is returned
 * as a RequestSpec so verify can run it as the flow's report: the diagnosis then reads the real answer on the wire.
 * An authorize request and an exchange refused for the client's sake (unknown client, wrong secret) change nothing
 * on the server, so running them again gets the same answer.
 */
import { DOCS, oauthErrorSchema, tokenSchema, type FlowSpec, type RequestSpec, type SpecParam } from '../spec';
import { consentCode, startConsent, type HttpConsent } from './login/consent';
import { postCodeExchange } from './login/exchange';

export interface LocalConsent extends HttpConsent {
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
  const start = startConsent(c, c.pkce);
  // An inline error (no page, no redirect): the authorize request itself is the evidence.
  const first = await fetch(start.url, { redirect: 'manual' });
  await first.arrayBuffer();
  if (first.status !== 200 && first.status !== 302) {
    const variables: Record<string, string> = { client_id: '{{client_id}}', redirect_uri: '{{redirect_uri}}' };
    return { failed: replay(authorizeRequest(start.query.map(([key, value]) => ({ key, value: variables[key] ?? value })))) };
  }
  const code = await consentCode(c, start);
  const { status, json } = await postCodeExchange({ loginUrl: c.loginUrl, code, verifier: start.verifier, clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri });
  if (status === 200 && typeof json['refresh_token'] === 'string') return { refreshToken: json['refresh_token'] };
  return { failed: replay(exchangeRequest(code, start.verifier)) };
}
