/**
 * The shape of the diagnosis catalogue (data, one entry per known failure) and of what the matcher returns.
 * Everything here is plain JSON-serialisable data: reports carry diagnoses as they are.
 */

/** The flows sfcheck runs, as the grant a token request names (uca covers authorization_code and refresh_token). */
export type DiagnosisFlow = 'password' | 'client-credentials' | 'jwt' | 'uca';

/** What one failure looked like on the wire, normalised from a response, a network error or pasted text. */
export interface Evidence {
  /** HTTP status, when there was a response. */
  status?: number;
  /** OAuth `error` (token endpoint JSON, authorize inline form body, redirect query). */
  error?: string;
  /** OAuth `error_description`. */
  description?: string;
  /** REST `errorCode` of the first array element, or the identity service's one-word body (Bad_OAuth_Token). */
  errorCode?: string;
  /** REST `message` of the first array element. */
  message?: string;
  /** A network error's code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED...). */
  networkCode?: string;
  /** The whole text the evidence came from (body or error message), for `text` patterns. */
  text: string;
}

/** Facts about the run around the failure; every field optional (explain knows less than verify). */
export interface DiagnosisContext {
  flow?: DiagnosisFlow;
  /** Host of the token request (or SF_LOGIN_URL), e.g. login.salesforce.com. */
  loginHost?: string;
  /** The user the token was asked for (password grant username, JWT `sub`). */
  username?: string;
  /** An access token was obtained earlier in the same run (so a later rejection is about that token). */
  tokenObtained?: boolean;
  /** redirect_uri the client sent (shown with redirect_uri_mismatch). */
  redirectUri?: string;
  /** The last Sforce-Limit-Info header value seen (shown with REQUEST_LIMIT_EXCEEDED). */
  limitInfo?: string;
}

/** Named facts a cause can be promoted by; computed from the context in match.ts. */
export type ContextFact =
  | 'sandboxUserOnProductionHost'
  | 'productionUserOnSandboxHost'
  | 'flowPassword'
  | 'flowClientCredentials'
  | 'flowJwt'
  | 'flowUca'
  | 'tokenObtained'
  | 'noTokenObtained'
  | 'localHost';

/**
 * One way an entry is recognised. Every field given must hold (AND); string lists are alternatives (OR), compared
 * case-insensitively: `error` / `errorCode` / `networkCode` exactly, `text` as a substring of description, message or
 * the whole text. `requires` are context facts that must hold too (e.g. a token was obtained earlier in the run).
 */
export interface EvidencePattern {
  status?: readonly number[];
  error?: readonly string[];
  errorCode?: readonly string[];
  text?: readonly string[];
  networkCode?: readonly string[];
  requires?: readonly ContextFact[];
}

export interface Cause {
  /** The probable cause, in words. */
  cause: string;
  /** How to confirm it is this one. */
  confirm: string;
  /** What to change. */
  fix: string;
  /** The guide step that fixes it, when it differs from the entry's. */
  guideStep?: string;
  /** Context facts that move this cause to the top (any of them). */
  promotedBy?: readonly ContextFact[];
  /** Evidence that points to this cause rather than the entry's others: it moves to the top when one pattern holds. */
  seenWith?: readonly EvidencePattern[];
}

export interface CatalogueEntry {
  /** Stable code (SFD_*): documented, grepped by CI, shared with the emulator scenarios. */
  code: string;
  title: string;
  /** The recognised wire evidence, for people (`explain` and the docs). */
  signature: string;
  evidence: readonly EvidencePattern[];
  /** Probable causes, most likely first (before context ranking). */
  causes: readonly Cause[];
  /** The step of the set-up guide (shared/seed/salesforce-connector-setup-guide.md) that fixes it. */
  guideStep: string;
  /** Salesforce documentation. */
  doc: string;
  /** Sample wire bodies (tests and `explain` examples): each must match this entry and no other. */
  samples: readonly Sample[];
  /** Context facts printed with the diagnosis (the login host and username of a refused login, the redirect_uri sent...). */
  show?: ReadonlyArray<'loginHost' | 'username' | 'redirectUri' | 'limitInfo' | 'flow'>;
}

export interface Sample {
  status?: number;
  body?: string;
  networkCode?: string;
  /** A context the sample needs (e.g. tokenObtained). */
  context?: DiagnosisContext;
}

/** A matched entry with its causes ranked for the context. */
export interface Diagnosis {
  code: string;
  title: string;
  /** What was seen, in one line: `400 invalid_grant "authentication failure"`. */
  evidence: string;
  causes: Cause[];
  guideStep: string;
  doc: string;
  /** Facts from the context worth showing (the redirect_uri sent, the API usage, the login host). */
  notes: string[];
}

/**
 * What a checked request carries. `root`: this request's failure is the run's root cause. `consequence`: the request
 * failed because an earlier one did (an empty {{access_token}}, an unresolved variable, missing data); it points to
 * that request and repeats its code, so a run has exactly one diagnosis per root failure.
 */
export type RequestDiagnosis =
  | ({ role: 'root' } & Diagnosis)
  | { role: 'consequence'; code?: string; rootRequest: { index: number; name: string } };

/** One offline check `verify` makes before it sends anything (src/cli/preflight.ts); recorded in the reports. */
export interface PreflightFinding {
  /** Stable id: login-host, api-version, redirect-uri, scopes, security-token... */
  check: string;
  /** 'ok': checked and fine; 'warn': likely to make a request fail; 'info': could not be checked offline. */
  level: 'ok' | 'warn' | 'info';
  message: string;
  /** What to change, for 'warn'. */
  fix?: string;
  guideStep?: string;
}
