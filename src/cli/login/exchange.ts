/** The token call of the web server flow: code + PKCE verifier -> tokens. Never prints a token. */
import { SfcheckError } from '../../errors';

export interface CodeExchange {
  loginUrl: string;
  code: string;
  /** The PKCE verifier; left out of the request when undefined (a client set up without PKCE). */
  verifier: string | undefined;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
  scope?: string;
}

/** POSTs the code exchange and returns the status and the JSON body ({} when it is not JSON); throws only when unreachable. */
export async function postCodeExchange(x: CodeExchange): Promise<{ status: number; json: Record<string, unknown> }> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: x.code,
    ...(x.verifier === undefined ? {} : { code_verifier: x.verifier }),
    client_id: x.clientId,
    client_secret: x.clientSecret,
    redirect_uri: x.redirectUri,
  });
  const url = `${x.loginUrl.replace(/\/$/, '')}/services/oauth2/token`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body });
  } catch (e) {
    throw new SfcheckError('SFCHECK_LOGIN_FAILED', `the token endpoint ${url} is unreachable: ${(e as Error).message}`, 'check SF_LOGIN_URL and your network', { cause: e });
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* the caller reports it */
  }
  return { status: res.status, json };
}

/** The code exchanged for tokens, or SFCHECK_LOGIN_FAILED naming the OAuth error. */
export async function exchangeCode(x: CodeExchange): Promise<Tokens> {
  const { status, json } = await postCodeExchange(x);
  if (status !== 200 || typeof json['access_token'] !== 'string') {
    const error = typeof json['error'] === 'string' ? `${json['error']}: ${String(json['error_description'] ?? '')}` : `HTTP ${status}`;
    throw new SfcheckError(
      'SFCHECK_LOGIN_FAILED',
      `the authorization code was not exchanged for tokens (${error})`,
      'check SF_CLIENT_ID, SF_CLIENT_SECRET and that SF_REDIRECT_URI is exactly a Callback URL of the Connected App',
    );
  }
  return json as unknown as Tokens;
}
