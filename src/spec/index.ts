/** The documented requests as typed data: every flow sfcheck knows, their schemas and the environment contract. */
import { passwordFlow } from './flows/password';
import type { FlowSpec } from './types';

export * from './types';
export * from './schemas';
export { passwordFlow } from './flows/password';
export { DOCS, soqlRequest, versions, queryContacts, queryAccounts, userinfo } from './requests/data';

export const FLOWS: readonly FlowSpec[] = [passwordFlow];
