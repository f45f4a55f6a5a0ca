/**
 * The native engine's auth session for one run: obtains tokens with the configured grant (one handler per grant,
 * GRANTS below), caches the token for the run, captures instance_url and any refresh token handed out, prefers the
 * refresh grant once a refresh token is known, and writes the token into the run's variables so a rebuilt request
 * resolves {{access_token}} to it. Sending is the engine's (TokenSender); secrets never appear in what it returns.
 */
import type { GrantConfig } from '../../result';
import type { Scopes } from '../variables';
import { clientCredentialsGrant } from './client-credentials';
import { jwtBearerGrant } from './jwt-bearer';
import { passwordGrant } from './password';
import { refreshTokenGrant } from './refresh-token';
import type { GrantHandler, GrantType, RenewOutcome, TokenSender, TokenSet } from './types';

export type { GrantHandler, RenewOutcome, TokenSender, TokenSet } from './types';

/** A handler must say which grant it is, what it needs and how to build its form: anything else is refused. */
export function checkHandler(h: unknown): GrantHandler {
  const g = h as Partial<GrantHandler> | null;
  if (!g || typeof g.grant !== 'string' || !Array.isArray(g.needs) || typeof g.form !== 'function') {
    throw new Error(`not a grant handler: it needs grant, needs and form (got ${g && typeof g === 'object' ? Object.keys(g).join(', ') : typeof g})`);
  }
  return g as GrantHandler;
}

export const GRANTS: Readonly<Record<GrantType, GrantHandler>> = {
  password: checkHandler(passwordGrant),
  client_credentials: checkHandler(clientCredentialsGrant),
  refresh_token: checkHandler(refreshTokenGrant),
  jwt_bearer: checkHandler(jwtBearerGrant),
};

export const DEFAULT_TOKEN_VARIABLE = 'access_token';
export const DEFAULT_INSTANCE_VARIABLE = 'instance_url';

/** Fields of `config` its grant needs and lacks (empty strings count as missing, except a password). */
export function missingFields(config: GrantConfig): string[] {
  const handler = GRANTS[config.grant];
  if (!handler) return [`grant (unknown grant "${String(config.grant)}")`];
  const lacking = handler.needs.filter((k) => {
    const v = config[k];
    return v === undefined || (v === '' && k !== 'password');
  });
  if (config.grant === 'refresh_token' && !config.refreshToken) lacking.push('refreshToken');
  if (!config.tokenUrl) lacking.unshift('tokenUrl');
  return lacking.map(String);
}

/** The error an OAuth server answered, in words that hold no secret: "400 invalid_grant: authentication failure". */
function oauthError(status: number, body: string): string {
  try {
    const j = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    if (typeof j.error === 'string') return `${status} ${j.error}${typeof j.error_description === 'string' ? `: ${j.error_description}` : ''}`;
  } catch {
    /* not JSON */
  }
  return `HTTP ${status}`;
}

export class Session {
  private current: TokenSet | undefined;
  private refreshToken: string | undefined;
  private pending: Promise<RenewOutcome> | undefined;

  constructor(
    readonly config: GrantConfig,
    private readonly send: TokenSender,
    private readonly now: () => number = Date.now,
  ) {
    this.refreshToken = config.refreshToken || undefined;
  }

  get token(): TokenSet | undefined {
    return this.current;
  }

  get variableNames(): { accessToken: string; instanceUrl: string } {
    return {
      accessToken: this.config.variables?.accessToken || DEFAULT_TOKEN_VARIABLE,
      instanceUrl: this.config.variables?.instanceUrl || DEFAULT_INSTANCE_VARIABLE,
    };
  }

  /** The run's token: the cached one, or a new one. */
  accessToken(): Promise<RenewOutcome> {
    if (this.current) return Promise.resolve({ token: this.current, reused: true });
    return this.obtain();
  }

  /**
   * A token to replace `stale` (the one a request was refused with). When the cache already holds another one (a
   * request before this one renewed it), that one is reused; otherwise a new one is obtained.
   */
  renew(stale: string | undefined): Promise<RenewOutcome> {
    if (this.current && stale !== undefined && this.current.accessToken !== stale) return Promise.resolve({ token: this.current, reused: true });
    this.current = undefined;
    return this.obtain();
  }

  /** One token request at a time: concurrent callers share it. */
  private obtain(): Promise<RenewOutcome> {
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<RenewOutcome> {
    const missing = missingFields(this.config);
    if (missing.length > 0) return { error: `the ${this.config.grant} grant is missing ${missing.join(', ')}` };
    // A known refresh token is the cheapest way back in; when it fails, the configured grant still may not.
    if (this.refreshToken && this.config.grant !== 'refresh_token') {
      const refreshed = await this.request(GRANTS.refresh_token);
      if ('token' in refreshed) return refreshed;
    }
    return this.request(GRANTS[this.config.grant]);
  }

  private async request(handler: GrantHandler): Promise<RenewOutcome> {
    let form: Record<string, string>;
    try {
      form = await handler.form(this.config, { ...(this.refreshToken ? { refreshToken: this.refreshToken } : {}) }, this.now());
    } catch (e) {
      return { error: `the ${handler.grant} token request could not be built: ${(e as Error).message}` };
    }
    const reply = await this.send(this.config.tokenUrl, form);
    if ('error' in reply) return { error: `the ${handler.grant} token request failed: ${reply.error}` };
    if (reply.status !== 200) return { error: `the ${handler.grant} token request was refused: ${oauthError(reply.status, reply.body)}` };
    let body: { access_token?: unknown; instance_url?: unknown; refresh_token?: unknown };
    try {
      body = JSON.parse(reply.body) as typeof body;
    } catch {
      return { error: `the ${handler.grant} token response is not JSON` };
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') return { error: `the ${handler.grant} token response has no access_token` };
    if (typeof body.refresh_token === 'string' && body.refresh_token !== '') this.refreshToken = body.refresh_token; // rotation
    const token: TokenSet = {
      accessToken: body.access_token,
      ...(typeof body.instance_url === 'string' && body.instance_url ? { instanceUrl: body.instance_url } : {}),
      ...(this.refreshToken ? { refreshToken: this.refreshToken } : {}),
      grant: handler.grant,
    };
    this.current = token;
    return { token, reused: false };
  }

  /**
   * Writes the token into the run's variables: the access token in the environment scope (and the collection scope
   * when it defines the name, as the generated token scripts do); instance_url in the environment only when it holds
   * none, so a pinned instance URL (SF_INSTANCE_URL) stays.
   */
  install(scopes: Scopes, token: TokenSet): void {
    const names = this.variableNames;
    scopes.environment.set(names.accessToken, token.accessToken);
    if (scopes.collection.has(names.accessToken)) scopes.collection.set(names.accessToken, token.accessToken);
    const pinned = scopes.environment.get(names.instanceUrl);
    if (token.instanceUrl && (pinned === undefined || pinned === null || pinned === '')) scopes.environment.set(names.instanceUrl, token.instanceUrl);
  }
}
