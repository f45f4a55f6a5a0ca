/** The documented requests as typed data: every flow sfcheck knows, their schemas and the environment contract. */
import { passwordFlow } from './flows/password';
import { clientCredentialsFlow, jwtBearerFlow } from './flows/service';
import { userAccessFlow } from './flows/user-access';
import { userConsentFlow } from './flows/user-consent';
import type { FlowSpec } from './types';

export * from './types';
export * from './schemas';
export { passwordFlow } from './flows/password';
export { clientCredentialsFlow, jwtBearerFlow } from './flows/service';
export { userAccessFlow } from './flows/user-access';
export { userConsentFlow, USER_CONSENT_SCOPE } from './flows/user-consent';
export { DOCS, soqlRequest, versions, queryContacts, queryAccounts, userinfo } from './requests/data';
export { refreshTokenRequest, tokenClientCredentials, tokenJwtBearer, TOKEN_CAPTURES } from './requests/tokens';
export { countAccountsAdmin, queryAccountsAdmin, queryAccountsUser, queryOwnedAccounts, userinfoOf } from './requests/access';

/** Every flow, password first (the order of `generate` and of `verify --flow all`). */
export const FLOWS: readonly FlowSpec[] = [passwordFlow, clientCredentialsFlow, jwtBearerFlow, userConsentFlow, userAccessFlow];

export function flowById(id: string): FlowSpec | undefined {
  return FLOWS.find((f) => f.id === id);
}
