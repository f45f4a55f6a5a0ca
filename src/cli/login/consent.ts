/**
 * The whole user-consent flow without a person, for the embedded emulator: authorize (PKCE S256 + state), the login
 * and consent forms submitted over HTTP, state checked on the redirect, the code exchanged. Returns the refresh token.
 */
import { SfcheckError } from '../../errors';
import { USER_CONSENT_SCOPE } from '../../spec';
import { exchangeCode, type Tokens } from './exchange';
import { driveAuthorizeForms } from './forms';
import { authorizeUrl, pkcePair, randomState } from './pkce';

export interface HttpConsent {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  username: string;
  password: string;
}

export async function consentOverHttp(c: HttpConsent): Promise<Tokens & { refresh_token: string }> {
  const pkce = pkcePair();
  const state = randomState();
  const url = authorizeUrl({ loginUrl: c.loginUrl, clientId: c.clientId, redirectUri: c.redirectUri, scope: USER_CONSENT_SCOPE, state, challenge: pkce.challenge, prompt: 'login consent' });
  const location = new URL(await driveAuthorizeForms(url, { username: c.username, password: c.password, decision: 'allow' }));
  const q = location.searchParams;
  if (q.get('state') !== state) throw new SfcheckError('SFCHECK_LOGIN_STATE', 'the redirect carried a different state than the authorize request', 'this is a bug in sfcheck or the emulator');
  const code = q.get('code');
  if (!code) throw new SfcheckError('SFCHECK_LOGIN_FAILED', `the authorize flow ended without a code (${q.get('error') ?? '?'}: ${q.get('error_description') ?? ''})`, 'check the Connected App settings of the emulator');
  const tokens = await exchangeCode({ loginUrl: c.loginUrl, code, verifier: pkce.verifier, clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri });
  if (!tokens.refresh_token) throw new SfcheckError('SFCHECK_LOGIN_FAILED', 'the token response has no refresh_token', 'give the Connected App the refresh_token, offline_access scope');
  return tokens as Tokens & { refresh_token: string };
}
