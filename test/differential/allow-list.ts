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

const VAULT =
  'pm.vault is not offered by either engine: newman 6.2.2 has no pm.vault and the script dies on a TypeError reading ' +
  'undefined; the native engine fails the same script with an UnsupportedAPIError naming pm.vault (issue #5: unsupported ' +
  'APIs fail loudly by name). Both fail the item; only the message differs';

const FS_MODULE =
  "require('fs') in postman-sandbox returns an empty object, so the script goes on with no file system and sets " +
  "fs=undefined; the native engine has no file system either, but fails the item naming the module and listing the " +
  'modules it provides (issue #5: no file system in scripts, unsupported APIs fail loudly)';

const CONNECTION =
  'disabledSystemHeaders.connection: newman sends no Connection header; undici writes `connection: keep-alive` on every ' +
  'HTTP/1.1 request (the protocol default, so the meaning is the same) and the native engine says so in a run ' +
  'warning instead of dropping the option silently. The Connection header itself is never compared';

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
  { collection: 'unsupported-api', request: 'vault', field: 'errors', reason: VAULT },
  { collection: 'libraries', request: 'forbidden module', field: 'errors', reason: FS_MODULE },
  { collection: 'libraries', request: '(run)', field: 'variables.environment', reason: FS_MODULE },
  { collection: 'protocol-profile', request: '(run)', field: 'warnings', reason: CONNECTION },
];
