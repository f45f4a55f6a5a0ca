/**
 * The plain result tree both engines return (run -> request -> test outcomes, with timings).
 * Reporters and checks read this and nothing else; it is JSON-serialisable by construction.
 *
 * Values here are raw: secrets are NOT yet redacted. Redaction happens in src/report before anything is written.
 */
export type EngineName = 'native' | 'newman';

export interface KeyValue {
  key: string;
  value: string;
}

/** One variable as a run ends, with the Postman type so reporters can redact secret-typed values. */
export interface VariableValue {
  key: string;
  value: string;
  type: 'default' | 'secret' | 'string' | 'any';
}

/** What a pm.test (or a legacy tests[] entry) reported. The engine does not interpret it; src/check does. */
export interface TestOutcome {
  name: string;
  passed: boolean;
  /** pm.test.skip. (pm.test without a callback passes, as in Postman.) */
  skipped: boolean;
  /** The assertion error's message when the test failed (e.g. "expected 401 to equal 200"). */
  message?: string;
  /** Error class name as the sandbox saw it (AssertionError, TypeError, ...). */
  errorName?: string;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: KeyValue[];
  /** The body as sent (text), when any. Secrets included: redact before writing. */
  body?: string;
}

export interface ReceivedResponse {
  code: number;
  status: string;
  headers: KeyValue[];
  /** Body text, cut at BODY_KEEP_BYTES; `size` is the full length in bytes. */
  body: string;
  bodyTruncated: boolean;
  size: number;
  /** Time from sending the request to the end of the response body, in ms. */
  timeMs: number;
}

export type RequestErrorKind = 'network' | 'timeout' | 'script' | 'engine';

export interface RequestError {
  kind: RequestErrorKind;
  /** Which script failed, for kind 'script'. */
  phase?: 'prerequest' | 'test';
  message: string;
  /** A stable code when the source provides one (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, ...). */
  code?: string;
}

export interface RequestResult {
  /** Item id from the collection (stable for generated collections). */
  id: string;
  name: string;
  /** Folder names then the item name. */
  path: string[];
  /** 1-based. */
  iteration: number;
  request: SentRequest;
  response?: ReceivedResponse;
  tests: TestOutcome[];
  /** Script errors, network errors: the request did not complete as a check could judge it. */
  errors: RequestError[];
  /**
   * Set when the request was deliberately not sent: pm.execution.skipRequest(), the rest of a run stopped by --bail, or
   * a flow skipped for missing variables. Reported as skipped, never as passed or failed.
   */
  skipped?: { reason: string };
  /**
   * Every attempt after the first (retries on 429/503/connection errors, re-authentication on 401
   * INVALID_SESSION_ID), in order, so reports show them. Absent when the request was sent once.
   */
  retries?: RetryRecord[];
  /** pm.visualizer.set(): the template and data, kept for the JSON report. */
  visualizer?: { template: string; data?: unknown };
  /** Wall clock: ms since the run started, and the whole item (scripts + request) duration. */
  startedAtMs: number;
  durationMs: number;
}

/** Why a request was sent again, and how long the engine waited before it. */
export interface RetryRecord {
  /** 2 for the first retry. */
  attempt: number;
  /** What the previous attempt got: "503 Service Unavailable", "ECONNRESET", "401 INVALID_SESSION_ID". */
  cause: string;
  /** 'retry' (backoff / Retry-After) or 'reauth' (a fresh token, then the request once more). */
  action: 'retry' | 'reauth';
  waitedMs: number;
}

export interface RunResult {
  engine: EngineName;
  collection: { id: string; name: string };
  environment?: string;
  /** ISO-8601 start time. */
  startedAt: string;
  durationMs: number;
  iterations: number;
  requests: RequestResult[];
  /** Non-fatal notes: unresolved {{variables}}, ignored features. */
  warnings: string[];
  /** Run-level failure (engine could not start, collection unreadable at run time). */
  error?: RequestError;
  /** Variables as the run ended (for --export-environment and for redaction). */
  variables: {
    environment: VariableValue[];
    collection: VariableValue[];
    globals: VariableValue[];
  };
}

/** Bodies kept in the tree are cut here; enough for reports and diagnosis, bounded for large responses. */
export const BODY_KEEP_BYTES = 64 * 1024;

/** Events an engine emits while it runs; every hook is optional (reporters implement what they need). */
export interface RunListener {
  onRunStart?(info: { engine: EngineName; collection: string; total: number }): void;
  onRequestStart?(info: { index: number; total: number; name: string; path: string[] }): void;
  onRequestEnd?(result: RequestResult, info: { index: number; total: number }): void;
  onWarning?(message: string): void;
  onRunEnd?(run: RunResult): void;
}

export interface EnvironmentInput {
  name: string;
  values: Array<{ key: string; value: string; type?: string; enabled?: boolean }>;
}

export interface RunInput {
  /** A parsed Postman collection (v2.1 JSON). */
  collection: unknown;
  environment?: EnvironmentInput;
  globals?: EnvironmentInput;
  /** Per-request timeout in ms (0 = none). */
  timeoutRequestMs?: number;
  /** Per-script time limit in ms. */
  scriptTimeoutMs?: number;
  /** Whole-run deadline in ms (0 or absent = none): the rest of the run is skipped once it passes. */
  timeoutMs?: number;
  /** Run only these folders (or items), by name or id, in the order given (newman's --folder, repeatable). */
  folders?: string[];
  /** Iteration data rows (-d): one iteration per row unless iterationCount says otherwise. */
  iterationData?: Array<Record<string, unknown>>;
  /** Number of iterations (-n); default: the number of data rows, or 1. */
  iterationCount?: number;
  /**
   * Guard against circular setNextRequest (newman has none): at most this many jumps (moves to any request but the
   * next one) per iteration, then the run stops with an error coded SFCHECK_FLOW_LOOP. Default 1000.
   */
  maxSteps?: number;
  /** Base folder for file references in bodies (formdata src, file src); default: the current directory. */
  workingDir?: string;
  /** Native engine only: retries on 429/503/connection errors for idempotent and token requests (default 2). */
  retries?: number;
  /** Native engine only: how to get a fresh token when a request gets 401 INVALID_SESSION_ID (re-auth once). */
  auth?: GrantConfig;
  /**
   * Certificate authorities trusted besides Node's (newman's --ssl-extra-ca-certs): the file, which newman reads
   * itself, and its PEM certificates, which the native engine adds to Node's root certificates. The CLI reads the
   * file and checks it holds certificates; the engine reads nothing.
   */
  extraCaCerts?: { file: string; pem: string[] };
  /** Server certificates are not verified (newman's --insecure). */
  insecure?: boolean;
}

/**
 * A grant the native engine's auth layer can run by itself (src/engine/native/session/). Values are raw secrets:
 * never report them. The variables named in `variables` receive the token and instance URL.
 */
export interface GrantConfig {
  grant: 'password' | 'client_credentials' | 'refresh_token' | 'jwt_bearer';
  /** Full token endpoint URL, e.g. https://login.salesforce.com/services/oauth2/token. */
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  username?: string;
  /** Password with the security token appended, as the password grant expects. */
  password?: string;
  refreshToken?: string;
  /** PEM private key (PKCS#8 or PKCS#1) for the JWT bearer assertion; audience defaults to the token URL's origin. */
  privateKeyPem?: string;
  audience?: string;
  variables?: { accessToken?: string; instanceUrl?: string };
}

export interface Engine {
  readonly name: EngineName;
  run(input: RunInput, listener?: RunListener): Promise<RunResult>;
}

export const DEFAULT_SCRIPT_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
