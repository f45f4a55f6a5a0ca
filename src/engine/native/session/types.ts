/**
 * The auth layer's contract: one handler per OAuth grant (password.ts, client-credentials.ts, refresh-token.ts,
 * jwt-bearer.ts), each a small object that says what it needs from the GrantConfig and builds the token request's form
 * fields. session.ts owns everything else (sending, caching, instance_url, variables), so a handler has no I/O.
 */
import type { GrantConfig } from '../../result';

export type GrantType = GrantConfig['grant'];

/** What the session knows besides the configuration (a refresh token handed out earlier in the run). */
export interface KnownTokens {
  refreshToken?: string;
}

export interface GrantHandler {
  readonly grant: GrantType;
  /** GrantConfig fields this grant cannot work without (checked before any request). */
  readonly needs: ReadonlyArray<keyof GrantConfig>;
  /** The form fields of the token request (application/x-www-form-urlencoded). Secrets included: never log them. */
  form(config: GrantConfig, known: KnownTokens, nowMs: number): Promise<Record<string, string>>;
}

/** A token as the session keeps it for the run. */
export interface TokenSet {
  accessToken: string;
  instanceUrl?: string;
  refreshToken?: string;
  /** Which grant produced it (refresh_token when a known refresh token was used). */
  grant: GrantType;
}

/** The token endpoint's answer, as the session's sender returns it. */
export type TokenReply = { status: number; body: string } | { error: string };

/** Sends a token request (form POST to `url`); the engine supplies it (retries on 429/503/connection errors). */
export type TokenSender = (url: string, form: Record<string, string>) => Promise<TokenReply>;

export type RenewOutcome = { token: TokenSet; reused: boolean } | { error: string };
