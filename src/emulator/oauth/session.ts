/**
 * Access tokens and the sessions behind them. A token is `<15-char org id>!<opaque>` with a random
 * opaque part; sessions end after `timeoutMs` without use (Salesforce's session timeout is inactivity-based).
 */
import { randomBytes } from 'node:crypto';
import { secretKey } from '../secrets';

/** 64 characters, so one random byte masked to 6 bits picks one without bias. */
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
const OPAQUE_LENGTH = 96;
export const DEFAULT_SESSION_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** Live sessions kept at most; past that the least recently used one ends (memory stays bounded under any load). */
export const MAX_SESSIONS = 10_000;

export interface Session {
  accessToken: string;
  orgId: string;
  userId: string;
  clientId: string;
  /** Epoch ms when the token was issued. */
  issuedAt: number;
  lastUsedAt: number;
  /** Granted scopes (empty for the password grant, which grants the app's scopes implicitly). */
  scopes: string[];
  /** The refresh token this access token was issued with or from, if any. */
  refreshToken?: string;
}

export interface IssueOptions {
  scopes?: string[];
  refreshToken?: string;
}

function opaque(): string {
  const bytes = randomBytes(OPAQUE_LENGTH);
  let out = '';
  for (const byte of bytes) out += TOKEN_ALPHABET.charAt(byte & 63);
  // Real tokens start with "A" after the "!" (e.g. "!AQ...", "!AR...").
  return 'A' + out.slice(1);
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly timeoutMs = DEFAULT_SESSION_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
    private readonly capacity = MAX_SESSIONS,
  ) {}

  issue(org: { id15: string; id: string }, userId: string, clientId: string, options: IssueOptions = {}): Session {
    const at = this.now();
    const session: Session = {
      accessToken: `${org.id15}!${opaque()}`,
      orgId: org.id,
      userId,
      clientId,
      issuedAt: at,
      lastUsedAt: at,
      scopes: [...(options.scopes ?? [])],
    };
    if (options.refreshToken !== undefined) session.refreshToken = options.refreshToken;
    this.sessions.set(secretKey(session.accessToken), session);
    if (this.sessions.size > this.capacity) this.sessions.delete(this.sessions.keys().next().value as string);
    return session;
  }

  /** The live session of a token, refreshing its inactivity clock; undefined when unknown or expired. */
  use(accessToken: string): Session | undefined {
    const key = secretKey(accessToken);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    const at = this.now();
    if (this.expired(session, at)) {
      this.sessions.delete(key);
      return undefined;
    }
    session.lastUsedAt = at;
    // Most recently used last: the map's first entry is the one to end when the store is full.
    this.sessions.delete(key);
    this.sessions.set(key, session);
    return session;
  }

  /** The live session of a token without touching its inactivity clock (introspection). */
  peek(accessToken: string): Session | undefined {
    const session = this.sessions.get(secretKey(accessToken));
    if (!session || this.expired(session, this.now())) return undefined;
    return session;
  }

  /** Inactive longer than the timeout; a timeout of 0 ends every session as soon as it is issued. */
  private expired(session: Session, at: number): boolean {
    return this.timeoutMs <= 0 || at - session.lastUsedAt > this.timeoutMs;
  }

  /** Epoch ms when the session ends unless used again. */
  expiresAt(session: Session): number {
    return session.lastUsedAt + this.timeoutMs;
  }

  revoke(accessToken: string): boolean {
    return this.sessions.delete(secretKey(accessToken));
  }

  /** Ends every session (the `session` fault: an admin revoked them all). */
  revokeAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  /** Ends every access token issued with or from `refreshToken`; returns how many. */
  revokeFamily(refreshToken: string): number {
    let n = 0;
    for (const [token, session] of this.sessions) {
      if (session.refreshToken === refreshToken) {
        this.sessions.delete(token);
        n += 1;
      }
    }
    return n;
  }
}
