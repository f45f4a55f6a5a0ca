/**
 * The user-consent flow without a person, for the embedded emulator: authorize (state, PKCE S256 unless the client is
 * set up without it), the login and consent forms submitted over HTTP, state checked on the redirect, the code
 * exchanged. consentOverHttp returns the refresh token; verify --env local (local-consent.ts) uses the steps one by
 * one, to report a refused step instead of failing.
 */
import { SfcheckError } from '../../errors';
import { USER_CONSENT_SCOPE } from '../../spec';
import { exchangeCode, type Tokens } from './exchange';
import { driveAuthorizeForms } from './forms';
import { authorizeQuery, authorizeUrl, pkcePair, randomState } from './pkce';

export interface HttpConsent {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  username: string;
  password: string;
}

export interface ConsentStart {
  /** The authorize URL, ready to open. */
  url: string;
  /** Its query, in order. */
  query: Array<[string, string]>;
  state: string;
  /** The PKCE verifier; undefined without PKCE. */
  verifier: string | undefined;
}

/** The authorize request (scope of the user-consent flows, prompt=login consent, a fresh state; PKCE when `pkce`). */
export function startConsent(c: HttpConsent, pkce = true): ConsentStart {
  const pair = pkce ? pkcePair() : undefined;
  const state = randomState();
  const params = { loginUrl: c.loginUrl, clientId: c.clientId, redirectUri: c.redirectUri, scope: USER_CONSENT_SCOPE, state, ...(pair ? { challenge: pair.challenge } : {}), prompt: 'login consent' };
  return { url: authorizeUrl(params), query: authorizeQuery(params), state, verifier: pair?.verifier };
}

/** Submits the login and consent forms (allow) from the authorize URL; returns the code of the redirect, state checked. */
export async function consentCode(c: HttpConsent, start: ConsentStart): Promise<string> {
  const location = new URL(await driveAuthorizeForms(start.url, { username: c.username, password: c.password, decision: 'allow' }));
  const q = location.searchParams;
  if (q.get('state') !== start.state) throw new SfcheckError('SFCHECK_LOGIN_STATE', 'the redirect carried a different state than the authorize request', 'this is a bug in sfcheck or the emulator');
  const code = q.get('code');
  if (!code) throw new SfcheckError('SFCHECK_LOGIN_FAILED', `the authorize flow ended without a code (${q.get('error') ?? '?'}: ${q.get('error_description') ?? ''})`, 'check the Connected App settings of the emulator');
  return code;
}

export async function consentOverHttp(c: HttpConsent): Promise<Tokens & { refresh_token: string }> {
  const start = startConsent(c);
  const code = await consentCode(c, start);
  const tokens = await exchangeCode({ loginUrl: c.loginUrl, code, verifier: start.verifier, clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri });
  if (!tokens.refresh_token) throw new SfcheckError('SFCHECK_LOGIN_FAILED', 'the token response has no refresh_token', 'give the Connected App the refresh_token, offline_access scope');
  return tokens as Tokens & { refresh_token: string };
}
