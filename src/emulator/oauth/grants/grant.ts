/** The contract every grant type (one file each) implements for the token endpoint. */
import type { EmulatorContext } from '../../context';
import type { EmuRequest } from '../../http';
import type { ConnectedApp } from '../../org';
import type { OAuthError } from '../errors';
import type { Session } from '../session';
import type { FullResponseInput } from '../token-response';

export interface GrantRequest {
  ctx: EmulatorContext;
  /** Query-string and form-body parameters, merged. */
  params: URLSearchParams;
  /** The connected app named by client_id; its secret is already checked when the grant requires it. */
  app: ConnectedApp;
  /** The raw request (host checks). */
  req: EmuRequest;
}

/**
 * `session`: the password-flow body (no scope). `full`: the web-server-flow body with scope and, when
 * given, refresh_token and id_token.
 */
export type GrantOutcome = { session: Session } | { full: FullResponseInput } | { error: OAuthError };

export type SecretRule = 'required' | 'optional';

export interface Grant {
  /** `required`: a missing or wrong secret is invalid_client. `optional`: checked only when sent. */
  clientSecret: SecretRule | ((app: ConnectedApp) => SecretRule);
  /** For grants that name their client elsewhere (JWT bearer: the assertion's `iss`); client_id is then not needed. */
  resolveClient?: (params: URLSearchParams, ctx: EmulatorContext) => { app: ConnectedApp } | { error: OAuthError };
  exchange(request: GrantRequest): GrantOutcome | Promise<GrantOutcome>;
}
