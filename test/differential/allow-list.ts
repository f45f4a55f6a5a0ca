/**
 * Differences between the native engine and newman that are deliberate: the native engine does what Postman means
 * where newman does not, or fails loudly where newman would pass. Each entry names the collection, the request and
 * the compared field ("*" matches any run of characters) and says why. An entry that matches no difference fails
 * the suite, so the list stays short and true. A native feature that is merely missing does NOT belong here
 * (see pending.ts).
 */
export interface AllowEntry {
  collection: string;
  request: string;
  field: string;
  reason: string;
}

const INHERIT =
  'auth {"type": "inherit"} (the Postman app\'s "Inherit auth from parent") is inherited by the native engine; ' +
  'postman-runtime 7.39 has no "inherit" handler and sends the request without any auth';

const V1 = 'sfcheck refuses collection format v1 (`sfcheck run` says how to convert it; the engine runs nothing and reports it unreadable); newman 6 converts v1 itself';

export const ALLOW_LIST: readonly AllowEntry[] = [
  { collection: 'format-v1', request: 'v1 request', field: 'presence', reason: V1 },
  { collection: 'format-v1', request: '(run)', field: 'error', reason: V1 },
  { collection: 'format-v1', request: '(run)', field: 'variables.environment', reason: V1 },
  { collection: 'nested-folders-events', request: 'outer / inner / leaf', field: 'headers', reason: INHERIT },
  { collection: 'nested-folders-events', request: 'outer / inner / leaf', field: 'wire.headers', reason: INHERIT },
  { collection: 'auth-types', request: 'explicit inherit', field: 'headers', reason: INHERIT },
  { collection: 'auth-types', request: 'explicit inherit', field: 'wire.headers', reason: INHERIT },
  {
    collection: 'send-request-promise',
    request: '(run)',
    field: 'variables.environment',
    reason: 'pm.sendRequest without a callback returns a promise natively (as in the Postman app); newman 6.2.2 (postman-sandbox 4.7.1) returns undefined',
  },
  {
    collection: 'unsupported-api',
    request: 'cookie jar',
    field: 'errors',
    reason: 'pm.cookies.jar() is not offered by the native engine: the item fails with an error naming it, where newman runs it',
  },
  {
    collection: 'unsupported-api',
    request: 'cookie jar',
    field: 'tests',
    reason: 'pm.cookies.jar() is not offered by the native engine: the script stops at it, so the test after it is not reported',
  },
];
