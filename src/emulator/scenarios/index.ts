/**
 * The emulator's scenarios: each reproduces one misconfiguration of the set-up guide for real (org, Connected App or
 * user settings, or what the client sends) so that `verify --env local --scenario NAME` fails with exactly one
 * diagnosis. `sfcheck emulator --scenario list` prints them.
 */
import { APP_SCENARIOS } from './app';
import { CLIENT_SCENARIOS } from './client';
import { DATA_SCENARIOS } from './data-api';
import { GUIDE_MISTAKE_SCENARIOS } from './guide-mistakes';
import { NETWORK_SCENARIOS } from './network';
import type { Scenario } from './types';
import { USER_SCENARIOS } from './users';

export type { ClientChanges, CollectionMistake, PasswordLogin, Scenario, ScenarioFlow, ScenarioOrg } from './types';

/** The order of the diagnosis table: password authentication, the client, users, the app, the data API, then the guide reader's own mistakes. */
const ORDER = [
  'security-token-missing', 'wrong-password', 'user-locked', 'password-flow-blocked', 'sandbox-user-on-production-login',
  'app-not-propagated', 'wrong-consumer-key', 'wrong-consumer-secret', 'permission-set-missing', 'ip-restricted',
  'user-inactive', 'org-inactive', 'wrong-callback', 'pkce-required', 'refresh-token-revoked', 'client-credentials-no-run-as',
  'api-disabled', 'daily-limit-spent', 'object-not-visible', 'service-user-read-only', 'session-expired',
  'client-credentials-on-login-host', 'jwt-wrong-audience', 'my-domain-unreachable', 'tls-untrusted-certificate', 'token-body-json',
  'auth-header-without-bearer', 'owner-id-me', 'userinfo-with-refresh-token',
] as const;

const ALL: readonly Scenario[] = [...CLIENT_SCENARIOS, ...USER_SCENARIOS, ...APP_SCENARIOS, ...DATA_SCENARIOS, ...GUIDE_MISTAKE_SCENARIOS, ...NETWORK_SCENARIOS];

export const SCENARIOS: readonly Scenario[] = Object.freeze(
  ORDER.map((name) => {
    const found = ALL.find((s) => s.name === name);
    if (!found) throw new Error(`scenario ${name} is listed but not defined`);
    return found;
  }),
);

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
