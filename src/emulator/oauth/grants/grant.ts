/** The contract every grant type (one file each) implements for the token endpoint. */
import type { EmulatorContext } from '../../context';
import type { ConnectedApp } from '../../org';
import type { OAuthError } from '../errors';
import type { Session } from '../session';

export interface GrantRequest {
  ctx: EmulatorContext;
  /** Query-string and form-body parameters, merged. */
  params: URLSearchParams;
  /** The connected app named by client_id; its secret is already checked when the grant requires it. */
  app: ConnectedApp;
}

export type GrantOutcome = { session: Session } | { error: OAuthError };

export interface Grant {
  /** `required`: a missing or wrong secret is invalid_client. `optional`: checked only when sent. */
  clientSecret: 'required' | 'optional';
  exchange(request: GrantRequest): GrantOutcome;
}
