/**
 * Scenarios where the org is set up right and the guide reader's client is not: the wrong host or audience, a URL
 * typo, or one mistake in the requests themselves (`client.mistake`: verify runs the generated collection with that
 * one change). The emulator changes nothing and answers as Salesforce does.
 */
import type { Scenario } from './types';

export const GUIDE_MISTAKE_SCENARIOS: readonly Scenario[] = [
  {
    name: 'client-credentials-on-login-host',
    summary: 'the client credentials token request goes to the login host (login.salesforce.com\'s role) instead of the My Domain URL',
    flows: ['client-credentials'],
    expectedDiagnosis: 'SFD_WRONG_DOMAIN',
    fix: 'send the client credentials token request to the org\'s My Domain URL (Setup > My Domain; SF_MY_DOMAIN_URL)',
    evidence: '400 invalid_grant "request not supported on this domain"',
    client: { clientCredentialsOnLoginHost: true },
  },
  {
    name: 'jwt-wrong-audience',
    summary: 'the JWT bearer assertion names the My Domain URL as its aud while the token request goes to the login host',
    flows: ['jwt'],
    expectedDiagnosis: 'SFD_JWT_AUDIENCE',
    fix: 'set the assertion\'s aud to the login host the token request goes to (https://login.salesforce.com, https://test.salesforce.com for a sandbox; SF_JWT_AUDIENCE or SF_LOGIN_URL)',
    evidence: '400 invalid_grant "Audience validation failed"',
    client: { jwtAudience: 'my-domain-url' },
  },
  {
    name: 'my-domain-unreachable',
    summary: 'the My Domain URL names a host and port where nothing answers (a typo): the client credentials flow never reaches Salesforce',
    flows: ['client-credentials'],
    expectedDiagnosis: 'SFD_HOST_UNREACHABLE',
    fix: 'copy the My Domain URL from Setup > My Domain into SF_MY_DOMAIN_URL',
    evidence: 'no HTTP answer: connect ECONNREFUSED 127.0.0.1:<closed port> (verify exits 3, an infrastructure failure)',
    client: { myDomainUnreachable: true },
  },
  {
    name: 'token-body-json',
    summary: 'the password token request sends its parameters as a JSON body instead of form-encoded',
    flows: ['password'],
    expectedDiagnosis: 'SFD_UNSUPPORTED_GRANT_TYPE',
    fix: 'send the token parameters form-encoded (Content-Type: application/x-www-form-urlencoded; Postman: Body > x-www-form-urlencoded)',
    evidence: '400 unsupported_grant_type "grant type not supported" (a JSON body is not read, so grant_type is never seen)',
    client: { mistake: 'token-body-json' },
  },
  {
    name: 'auth-header-without-bearer',
    summary: 'the password flow\'s REST calls send the access token alone as the Authorization header, without "Bearer "',
    flows: ['password'],
    expectedDiagnosis: 'SFD_INVALID_AUTH_HEADER',
    fix: 'send Authorization: Bearer <access_token> (Agent Studio: Header Auth Value Pattern "Bearer %s")',
    evidence: '401 INVALID_AUTH_HEADER "INVALID_HEADER_TYPE" on every REST call',
    client: { mistake: 'auth-header-without-bearer' },
  },
  {
    name: 'owner-id-me',
    summary: "the user-consent flows run the guide's literal query SELECT Id, Name FROM Account WHERE OwnerId = 'me'",
    flows: ['uca'],
    expectedDiagnosis: 'SFD_OWNERID_ME',
    fix: "filter on the user id UserInfo returns (WHERE OwnerId = '{{user_id}}', as the generated collection does) or use USING SCOPE mine",
    evidence: '400 INVALID_QUERY_FILTER_OPERATOR "invalid ID field: me"',
    client: { mistake: 'owner-id-me' },
  },
  {
    name: 'userinfo-with-refresh-token',
    summary: 'UserInfo is called with the refresh token (copied from the consent) as the Bearer token, before any access token is obtained',
    flows: ['uca'],
    expectedDiagnosis: 'SFD_USERINFO_BAD_TOKEN',
    fix: 'exchange the refresh token for an access token first (grant_type=refresh_token) and send that access token to UserInfo',
    evidence: '403 text/plain Bad_OAuth_Token on /services/oauth2/userinfo',
    client: { mistake: 'userinfo-with-refresh-token' },
  },
];
