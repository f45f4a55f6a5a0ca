/**
 * The OAuth server's per-emulator state (codes, refresh tokens, keys, browser sessions of the authorize
 * pages) and the behaviour choices the wire spec leaves UNVERIFIED, each overridable through EmulatorOptions.oauth.
 */
import type { AuthorizeFlow } from '../authorize/flows';
import { AuthCodeStore } from './codes';
import type { OAuthError } from './errors';
import type { EmulatorKeys } from './keys';
import { RefreshTokenStore } from './refresh-tokens';

export interface OAuthBehaviour {
  /** Body for a PKCE verifier that does not match the challenge. Default invalid_grant / "invalid code verifier" (field reports; the docs say invalid_request). */
  pkceMismatchError: OAuthError;
  /** Body when /authorize had a code_challenge and /token has no code_verifier. Text UNVERIFIED. */
  pkceMissingVerifierError: OAuthError;
  /** Password grant, admin-approved app, user not pre-authorized. Default per the spec table: invalid_grant / "user hasn't approved this consumer". */
  passwordNotApprovedError: OAuthError;
  /** HTTP status of the inline (not redirected) /authorize errors. UNVERIFIED; default 400. */
  inlineErrorStatus: number;
  /** Host names that act as the login host (login.salesforce.com); every other host is the My Domain host. Default ['localhost']. */
  loginHostnames: string[];
  /** Lifetime of an id_token in seconds (iat + 120 in the captured token). */
  idTokenLifetimeSeconds: number;
  /** Whether the password-grant response carries `scope` (docs: no; some fixtures: yes). UNVERIFIED; default false. */
  passwordResponseScope: boolean;
  /** Session policies > Timeout Value: an access token dies after this long without use. Default 2 hours. */
  sessionTimeoutMs: number;
  /**
   * Org setting "Allow OAuth Username-Password Flows". Off (the default for orgs created since Summer '23), every
   * password grant is `authentication failure`. Default true here, so the guide's password flow works.
   */
  usernamePasswordFlowAllowed: boolean;
  /** How long a new Connected App answers `invalid_client_id` (Salesforce: 2 to 10 minutes; UNVERIFIED). Default 10 minutes. */
  appPropagationMs: number;
  /** Body for every token request to an inactive (locked, closed, suspended) org. Text UNVERIFIED (legacy doc list). */
  inactiveOrgError: OAuthError;
}

export const DEFAULT_OAUTH_BEHAVIOUR: OAuthBehaviour = {
  pkceMismatchError: { error: 'invalid_grant', description: 'invalid code verifier' },
  pkceMissingVerifierError: { error: 'invalid_grant', description: 'invalid code verifier' },
  passwordNotApprovedError: { error: 'invalid_grant', description: "user hasn't approved this consumer" },
  inlineErrorStatus: 400,
  loginHostnames: ['localhost'],
  idTokenLifetimeSeconds: 120,
  passwordResponseScope: false,
  sessionTimeoutMs: 2 * 60 * 60 * 1000,
  usernamePasswordFlowAllowed: true,
  appPropagationMs: 10 * 60 * 1000,
  inactiveOrgError: { error: 'inactive_org', description: 'organization is locked, closed, or suspended' },
};

/** A browser logged in through the authorize login page (cookie `sid`). */
export interface BrowserSession {
  userId: string;
  createdAt: number;
}

export interface OAuthState {
  /** Injectable clock (epoch ms) shared by codes, sessions and JWT checks. */
  now: () => number;
  behaviour: OAuthBehaviour;
  keys: EmulatorKeys;
  /** `http://localhost:PORT`: the login host (login.salesforce.com's role). Set once listening. */
  loginUrl: string;
  codes: AuthCodeStore;
  refreshTokens: RefreshTokenStore;
  /** Authorize-page browser sessions by the hash of the cookie value (secrets.ts secretKey). */
  browserSessions: Map<string, BrowserSession>;
  /** Pending authorize flows by flow id (see authorize/flows.ts). */
  flows: Map<string, AuthorizeFlow>;
  /** `<userId>:<clientId>` pairs the user approved on the consent page (or by a prior web flow). */
  approvals: Set<string>;
}

export function createOAuthState(keys: EmulatorKeys, now: () => number, behaviour: Partial<OAuthBehaviour> = {}): OAuthState {
  const merged: OAuthBehaviour = { ...DEFAULT_OAUTH_BEHAVIOUR };
  for (const [key, value] of Object.entries(behaviour) as [keyof OAuthBehaviour, unknown][]) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return {
    now,
    behaviour: merged,
    keys,
    loginUrl: '',
    codes: new AuthCodeStore(now),
    refreshTokens: new RefreshTokenStore(now),
    browserSessions: new Map(),
    flows: new Map(),
    approvals: new Set(),
  };
}
