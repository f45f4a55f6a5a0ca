/**
 * What an emulator scenario is: one misconfiguration of the set-up guide, reproduced for real. The org side is a set
 * of Connected App settings / OAuth behaviours (`options`) and changes to the org once it exists (`prepare`: users,
 * the API usage counter, the app's creation time); the client side (`client`) is what `verify --env local` sends
 * differently (a missing security token, another consumer key...). Data only: the CLI reads `client`, the emulator
 * applies the rest.
 */
import type { ConnectedApp, ConnectedAppSettings } from '../oauth/connected-app';
import type { OAuthBehaviour } from '../oauth/state';
import type { Org } from '../org';

/**
 * The verify flows a scenario can break; `uca` stands for the user-consent family (`uca` and `user-access`). `write`
 * is opt-in (it changes data): `verify --scenario` runs it only when the scenario breaks it.
 */
export type ScenarioFlow = 'password' | 'client-credentials' | 'jwt' | 'uca' | 'write';

/** What `prepare` may change, live, right after the org is built. */
export interface ScenarioOrg {
  org: Org;
  /** The org's Connected App. */
  app: ConnectedApp;
  /** The daily API request counter (`Sforce-Limit-Info`, `/limits` DailyApiRequests). */
  apiUsage: { used: number; max: number };
  /** The emulator's clock at start (epoch ms). */
  now: number;
}

/** The password flow's user as the client sends it. */
export interface PasswordLogin {
  username: string;
  password: string;
  securityToken: string;
}

/** What the client (verify --env local) does differently. Everything unset stays as the local credentials say. */
export interface ClientChanges {
  /** Consumer key sent by every flow (the JWT `iss` too). */
  clientId?: string;
  /** Consumer secret sent by the password, client-credentials and user-consent flows. */
  clientSecret?: string;
  /** redirect_uri of the user-consent flow (authorize and code exchange). */
  redirectUri?: string;
  /** The password flow logs in as this user, with these values. */
  passwordLogin?: PasswordLogin;
  /** The password flow's token request goes to the login host (login.salesforce.com's role) instead of My Domain. */
  passwordOnLoginHost?: boolean;
  /** The user named in the JWT bearer assertion (`sub`). */
  jwtSubject?: string;
  /** false: the user-consent flow sends no PKCE code_challenge (a client set up without PKCE). */
  pkce?: false;
  /** The client credentials token request goes to the login host instead of My Domain. */
  clientCredentialsOnLoginHost?: boolean;
  /** 'my-domain-url': the JWT assertion's `aud` is the My Domain URL instead of the login host the request goes to. */
  jwtAudience?: 'my-domain-url';
  /** The My Domain URL names a port where nothing listens (a closed port on 127.0.0.1). */
  myDomainUnreachable?: boolean;
  /**
   * The client credentials flow's My Domain URL is the emulator's https listener, whose certificate is signed by an
   * authority the client does not trust (a TLS-inspecting proxy's). The emulator opens that listener for the scenario.
   */
  myDomainOverHttps?: boolean;
  /** One mistake a guide reader makes in the collection itself: the flows run the generated one with it. */
  mistake?: CollectionMistake;
}

/**
 * Mistakes in the requests themselves, each the one a reader of the guide makes:
 * `token-body-json` the token request's parameters sent as a JSON body; `owner-id-me` the guide's literal
 * `WHERE OwnerId = 'me'`; `auth-header-without-bearer` the access token pasted as the whole Authorization header
 * (no "Bearer "); `userinfo-with-refresh-token` UserInfo called with the refresh token instead of an access token.
 */
export type CollectionMistake = 'token-body-json' | 'owner-id-me' | 'auth-header-without-bearer' | 'userinfo-with-refresh-token';

export interface Scenario {
  /** kebab-case, stable: `sfcheck emulator --scenario NAME`, `verify --scenario NAME`. */
  name: string;
  /** One line: what is misconfigured. */
  summary: string;
  /** The flows it breaks; the others keep working. */
  flows: ScenarioFlow[];
  /** The diagnosis code the run must end with (the shared contract with the diagnosis catalogue). */
  expectedDiagnosis: string;
  /** What to change (in the org or in the client) to make the same run pass. */
  fix: string;
  /** The answer on the wire, as the wire spec documents it. */
  evidence: string;
  /** Connected App settings and OAuth behaviours; they win over the caller's options. */
  options?: { app?: Partial<ConnectedAppSettings>; oauth?: Partial<OAuthBehaviour> };
  /** Org changes made right after the org is built. */
  prepare?: (org: ScenarioOrg) => void;
  /** Client-side changes (verify --env local applies them; a standalone emulator only names them). */
  client?: ClientChanges;
}
