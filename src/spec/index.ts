/** The documented requests as typed data: every flow sfcheck knows, their schemas and the environment contract. */
import { passwordFlow } from './flows/password';
import { clientCredentialsFlow, jwtBearerFlow } from './flows/service';
import { userAccessFlow } from './flows/user-access';
import { userConsentFlow } from './flows/user-consent';
import { writeFlow } from './flows/write';
import type { FlowSpec } from './types';

export * from './types';
export * from './schemas';
export { passwordFlow } from './flows/password';
export { clientCredentialsFlow, jwtBearerFlow } from './flows/service';
export { userAccessFlow } from './flows/user-access';
export { userConsentFlow, USER_CONSENT_SCOPE } from './flows/user-consent';
export { writeFlow } from './flows/write';
export { DOCS, soqlRequest, versions, queryContacts, queryAccounts, userinfo } from './requests/data';
export { refreshTokenRequest, tokenClientCredentials, tokenJwtBearer, tokenPassword, TOKEN_CAPTURES } from './requests/tokens';
export { createProbeAccount, deleteProbeAccount, PROBE_NAME, readProbeAccount, updateProbeAccount, WRITE_DOCS } from './requests/write';
export { countAccountsAdmin, queryAccountsAdmin, queryAccountsUser, queryOwnedAccounts, userinfoOf } from './requests/access';

/**
 * Every flow, password first (the order of `generate`). The read-only ones are `verify --flow all`; write (it changes
 * data) runs only when asked for by name (src/cli/flows.ts).
 */
export const FLOWS: readonly FlowSpec[] = [passwordFlow, clientCredentialsFlow, jwtBearerFlow, userConsentFlow, userAccessFlow, writeFlow];

export function flowById(id: string): FlowSpec | undefined {
  return FLOWS.find((f) => f.id === id);
}
