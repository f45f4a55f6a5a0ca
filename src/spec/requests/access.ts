/**
 * Requests of the user-level access proof (the guide's "data is fetched at the user level only", checked by eye
 * there): UserInfo tied to the token's identity, the Account queries with each row's owner, and the admin's COUNT().
 * Their checks run as generated pm.test assertions, so both engines and Postman report them.
 */
import { accountCountSchema, accountOwnerQuerySchema, ownedAccountQuerySchema } from '../schemas';
import type { RequestSpec, SpecCheck } from '../types';
import { ACCEPT_JSON, soqlRequest, userinfo } from './data';

const OWNER_SOQL = 'SELECT Id, Name, OwnerId FROM Account';

/** userinfo.user_id and organization_id are the last two segments of the token's identity URL (`id`). */
export const MATCHES_IDENTITY: SpecCheck = {
  name: "user_id matches the token's identity URL",
  lines: [
    'var parts = String(pm.collectionVariables.get("identity_url") || "").split("/");',
    'pm.expect(body.user_id, "user_id").to.equal(parts[parts.length - 1]);',
    'pm.expect(body.organization_id, "organization_id").to.equal(parts[parts.length - 2]);',
  ],
};

/** UserInfo, checked against the token's identity and storing the user id in `variable`. */
export function userinfoOf(o: { id: string; name: string; variable: string; checks?: readonly SpecCheck[] }): RequestSpec {
  return {
    ...userinfo,
    id: o.id,
    name: o.name,
    description: `${userinfo.description} Stores user_id in the collection variable ${o.variable} for the queries that follow.`,
    captures: [{ variable: o.variable, from: 'user_id' }],
    checks: [MATCHES_IDENTITY, ...(o.checks ?? [])],
  };
}

/** The guide's "SELECT Id, Name FROM Account WHERE OwnerId='me'" as valid SOQL: the user id comes from UserInfo. */
export const queryOwnedAccounts = soqlRequest({
  id: 'query-accounts-owned',
  name: "Query the user's own Accounts (SOQL)",
  description:
    "Runs the guide's user-scoped Account query with the user id UserInfo returned (SOQL has no 'me': " +
    "OwnerId = 'me' is INVALID_QUERY_FILTER_OPERATOR). Proves the token acts as that user.",
  guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (Verify UCA Functionality)',
  soql: "SELECT Id, Name FROM Account WHERE OwnerId = '{{user_id}}'",
  schema: ownedAccountQuerySchema,
  headers: [ACCEPT_JSON],
});

export const countAccountsAdmin: RequestSpec = {
  ...soqlRequest({
    id: 'count-accounts-admin',
    name: 'Count every Account as the admin (SOQL COUNT())',
    description: 'Counts the Accounts the admin sees. The admin has View All Data: this is every Account of the org.',
    guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (an admin has access to all data)',
    soql: 'SELECT COUNT() FROM Account',
    schema: accountCountSchema,
    headers: [ACCEPT_JSON],
  }),
  checks: [
    {
      name: 'stores admin_account_count',
      lines: ['pm.expect(body.totalSize, "totalSize").to.be.a("number");', 'pm.collectionVariables.set("admin_account_count", String(body.totalSize));'],
    },
  ],
};

export const queryAccountsAdmin: RequestSpec = {
  ...soqlRequest({
    id: 'query-accounts-admin',
    name: 'Query Accounts with their owners as the admin (SOQL)',
    description: 'Lists the Accounts the admin sees with each owner. Proves the admin sees all of them, other users\' included.',
    guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (an admin has access to all data)',
    soql: OWNER_SOQL,
    schema: accountOwnerQuerySchema,
    headers: [ACCEPT_JSON],
  }),
  checks: [
    {
      name: 'the admin sees every Account (totalSize equals the COUNT())',
      lines: ['pm.expect(body.totalSize).to.equal(Number(pm.collectionVariables.get("admin_account_count")));'],
    },
    {
      name: 'the admin sees Accounts other users own',
      lines: [
        'var admin = pm.collectionVariables.get("admin_user_id");',
        'var others = body.records.filter(function (r) { return r.OwnerId !== admin; });',
        'pm.expect(others.length, "rows owned by other users").to.be.above(0);',
      ],
    },
  ],
};

export const queryAccountsUser: RequestSpec = {
  ...soqlRequest({
    id: 'query-accounts-user',
    name: 'Query Accounts with their owners as the standard user (SOQL)',
    description:
      'Lists the Accounts the standard user sees with each owner. Proves data comes back at the user\'s level only: ' +
      'every row is theirs (Account sharing Private, no subordinates) and they see strictly fewer rows than the admin.',
    guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (a regular user only sees data they have permissions for)',
    soql: OWNER_SOQL,
    schema: accountOwnerQuerySchema,
    headers: [ACCEPT_JSON],
  }),
  checks: [
    {
      name: 'every row is owned by the user',
      lines: [
        'var me = pm.collectionVariables.get("user_id");',
        'pm.expect(body.done, "all rows in one batch").to.equal(true);',
        'body.records.forEach(function (r) { pm.expect(r.OwnerId, "OwnerId of " + r.Id).to.equal(me); });',
      ],
    },
    {
      name: 'the user sees strictly fewer Accounts than the admin',
      lines: ['pm.expect(body.totalSize).to.be.below(Number(pm.collectionVariables.get("admin_account_count")));'],
    },
  ],
};

export const NOT_THE_ADMIN: SpecCheck = {
  name: 'the standard user is not the admin',
  lines: ['pm.expect(body.user_id).to.not.equal(pm.collectionVariables.get("admin_user_id"));'],
};
