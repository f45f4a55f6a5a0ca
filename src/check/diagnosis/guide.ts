/**
 * Steps of the set-up guide (shared/seed/salesforce-connector-setup-guide.md) and the Salesforce pages diagnoses
 * point to. One place, so every entry names a step the same way.
 */
export const STEP = {
  consumerDetails: 'Password grant, Step 1.1.6: Manage Consumer Details (note the Consumer Key and Consumer Secret)',
  oauthSettings: 'Password grant, Step 1.1.3–1.1.5: "Enable OAuth" settings, scopes api and refresh_token offline_access, the flows enabled',
  policies: 'Password grant, Step 1.1.7: Manage > Edit Policies (Permitted Users: Admin approved users are pre-authorized; session Timeout Value 24 hours)',
  permissionSet: 'Password grant, Steps 1.2 and 1.4: a permission set with the Connected App, assigned to the service user',
  serviceUser: 'Password grant, Step 1.3: the service account (an active user with a profile that can use the API)',
  securityToken: 'Password grant, Step 1.5: the service user\'s password and security token (Reset My Security Token)',
  testPostman: 'Password grant, Step 2: Test with Postman (login.salesforce.com for production, test.salesforce.com for a sandbox)',
  agentStudio: 'Password grant, Step 3: Integrate with Agent Studio (Base URL: your My Domain; API version in the path)',
  ucaApp: 'User consent, Step 2: Create a New Connected App (Callback URL, scopes api, refresh_token offline_access, openid)',
  ucaPkce: 'User consent, Step 2: Create a New Connected App (Require Proof Key for Code Exchange (PKCE) and the Require Secret options)',
  ucaToken: 'User consent, Step 4: Test the Connector in Agent Studio (Generate New Access Token)',
  ucaUserinfo: 'User consent, Step 4: Test the Connector in Agent Studio (1. Verify UCA Setup Using Salesforce User Info API)',
  ucaQuery: 'User consent, Step 4: Test the Connector in Agent Studio (2. standard object query)',
  ucaOwnerMe: 'User consent, Step 4: Verify UCA Functionality (the OwnerId=\'me\' query)',
  myDomain: 'User consent, Step 4: Your Instance Configuration (the My Domain URL)',
} as const;

const HELP = (id: string) => `https://help.salesforce.com/s/articleView?id=${id}&type=5`;
const REST = (page: string) => `https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/${page}`;

export const DOC = {
  passwordFlow: HELP('sf.remoteaccess_oauth_username_password_flow.htm'),
  clientCredentials: HELP('sf.remoteaccess_oauth_client_credentials_flow.htm'),
  jwtFlow: HELP('sf.remoteaccess_oauth_jwt_flow.htm'),
  webServerFlow: HELP('sf.remoteaccess_oauth_web_server_flow.htm'),
  refreshFlow: HELP('sf.remoteaccess_oauth_refresh_token_flow.htm'),
  oauthErrors: HELP('sf.remoteaccess_oauth_flow_errors.htm'),
  endpoints: HELP('sf.remoteaccess_oauth_endpoints.htm'),
  manageAccess: HELP('sf.connected_app_manage_oauth.htm'),
  securityToken: HELP('sf.user_security_token.htm'),
  loginIpRanges: HELP('sf.users_profiles_login_ip_ranges.htm'),
  deactivateUser: HELP('sf.users_deactivate.htm'),
  pkce: HELP('sf.remoteaccess_pkce.htm'),
  userinfo: HELP('sf.remoteaccess_using_userinfo_endpoint.htm'),
  myDomain: HELP('sf.domain_name_overview.htm'),
  sessionTimeout: HELP('sf.connected_app_manage_session_policies.htm'),
  apiLimits: 'https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm',
  restErrors: REST('errorcodes.htm'),
  limitHeader: REST('headers_api_usage.htm'),
  soqlIds: 'https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_using_scope.htm',
  objectPermissions: HELP('sf.users_profiles_object_perms.htm'),
} as const;
