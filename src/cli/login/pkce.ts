/** PKCE (RFC 7636, S256), state and the authorize URL of the web server flow. */
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function randomState(): string {
  return randomBytes(16).toString('base64url');
}

export interface AuthorizeParams {
  loginUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  /** The S256 code challenge; without it the request carries no PKCE (a client set up without it). */
  challenge?: string;
  /** e.g. "login consent": always show the pages (the guide's Agent Studio set-up sends prompt=consent). */
  prompt?: string;
}

/** The query of the authorize request, in the order it is sent. */
export function authorizeQuery(p: AuthorizeParams): Array<[string, string]> {
  return [
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['scope', p.scope],
    ['state', p.state],
    ...(p.challenge === undefined ? [] : ([['code_challenge', p.challenge], ['code_challenge_method', 'S256']] as Array<[string, string]>)),
    ...(p.prompt ? ([['prompt', p.prompt]] as Array<[string, string]>) : []),
  ];
}

export function authorizeUrl(p: AuthorizeParams): string {
  return `${p.loginUrl.replace(/\/$/, '')}/services/oauth2/authorize?${new URLSearchParams(authorizeQuery(p)).toString()}`;
}
