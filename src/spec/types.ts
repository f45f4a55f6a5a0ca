/**
 * The documented requests as typed data. Everything downstream (the generator, the checks, the docs) reads these.
 * Schemas are JSON Schema draft-07 so the very same object works in ajv and inside Postman's sandbox
 * (pm.response.to.have.jsonSchema).
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface SpecParam {
  key: string;
  /** May contain {{variables}}. */
  value: string;
  description?: string;
}

export interface SpecBody {
  /** `json`: the fields as one JSON object (raw body); the documented requests are all `urlencoded`. */
  mode: 'urlencoded' | 'json';
  fields: readonly SpecParam[];
}

/** A value the request's test script stores for later requests (and the environment, when it defines the key). */
export interface SpecCapture {
  variable: string;
  /** Top-level property of the JSON success body. */
  from: string;
  /**
   * When true, a non-empty value the environment already holds is kept (the user pinned it, e.g. SF_INSTANCE_URL);
   * when false the environment value, if the key exists there, is always replaced (e.g. a fresh access token).
   */
  keepPinned?: boolean;
}

export interface RequestSpec {
  /** Stable key: file names, generated ids and test names derive from it. Never rename casually. */
  id: string;
  name: string;
  description: string;
  /** The Salesforce documentation page this request follows. */
  doc: string;
  /** The step of the set-up guide this request proves. */
  guideStep: string;
  method: HttpMethod;
  /** Base and path, with {{variables}}: e.g. "{{instance_url}}/services/data/v{{api_version}}/query". */
  url: string;
  query?: readonly SpecParam[];
  headers?: readonly SpecParam[];
  auth: 'none' | 'bearer';
  body?: SpecBody;
  expect: RequestExpectation;
  /** Schema of the body Salesforce sends when this request fails. */
  errorSchema: JsonSchema;
  captures?: readonly SpecCapture[];
  /**
   * Further assertions on a success body, each one pm.test of its own. `lines` are ES5 statements run with `body`
   * (the parsed JSON response) in scope; they may read and set collection variables through pm.collectionVariables.
   */
  checks?: readonly SpecCheck[];
}

/**
 * What a success looks like: a JSON body of a schema, or (`empty`) no body at all, as Salesforce answers an update or a
 * delete (204 No Content): the generated test then asserts the body is empty instead of its Content-Type and schema.
 */
export type RequestExpectation =
  | {
      status: number;
      /** A regular expression source matched against Content-Type. */
      contentType: string;
      schema: JsonSchema;
      empty?: undefined;
    }
  | { status: number; empty: true; contentType?: undefined; schema?: undefined };

export interface SpecCheck {
  /** Test name: a contract with the reports, keep it stable. */
  name: string;
  lines: readonly string[];
  /** true: the lines run without `body` (an empty answer such as a 204); they read pm.response themselves. */
  noBody?: boolean;
}

/** Collection-level OAuth 2.0 settings for Postman's "Get New Access Token" (authorization code with PKCE). */
export interface FlowOAuth2 {
  authUrl: string;
  accessTokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  redirectUri: string;
  state: string;
  tokenName: string;
}

export interface FlowSpec {
  /** Used in file names: collections/salesforce-<id>.postman_collection.json. */
  id: string;
  name: string;
  description: string;
  requests: readonly RequestSpec[];
  /** Collection variables set by checks (captures are declared automatically). */
  variables?: readonly string[];
  /** Collection-level auth for Postman's OAuth 2.0 helper; requests keep their own explicit auth. */
  oauth2?: FlowOAuth2;
  /** Replaces the generic steps 2-3 of "How to use" in the collection description. */
  howTo?: readonly string[];
}

/** Environment variable names: a contract with users' Postman workspaces and with the CLI. */
export const ENV_KEYS = [
  'login_url',
  'instance_url',
  'api_version',
  'client_id',
  'client_secret',
  'username',
  'password',
  'security_token',
  'redirect_uri',
  'refresh_token',
  'access_token',
  'my_domain_url',
  'jwt_assertion',
  'admin_refresh_token',
] as const;
export type EnvKey = (typeof ENV_KEYS)[number];

/** Keys whose values are credentials: typed "secret" in environments and redacted in every report. */
export const SECRET_ENV_KEYS: readonly EnvKey[] = [
  'client_secret',
  'password',
  'security_token',
  'refresh_token',
  'access_token',
  'jwt_assertion',
  'admin_refresh_token',
];

/** The REST API version the generated requests use unless the environment says otherwise (SF_API_VERSION). */
export const DEFAULT_API_VERSION = '62.0';
