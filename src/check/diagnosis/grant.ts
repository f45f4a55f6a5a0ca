/** Token endpoint failures tied to one grant: client credentials, JWT bearer, the request encoding. Wire spec §1, §2. */
import { DOC, STEP } from './guide';
import type { CatalogueEntry } from './types';

const oauth = (error: string, description: string) => JSON.stringify({ error, error_description: description });

export const GRANT_ENTRIES: readonly CatalogueEntry[] = [
  {
    code: 'SFD_NO_RUN_AS_USER',
    title: 'Client credentials flow without a Run As user',
    signature: '400 invalid_grant "no client credentials user enabled"',
    evidence: [{ error: ['invalid_grant'], text: ['no client credentials user enabled'] }],
    causes: [
      {
        cause: 'The Connected App has "Enable Client Credentials Flow" but no Run As user',
        confirm: 'Manage > Edit Policies > Client Credentials Flow: the Run As field is empty',
        fix: 'Choose an active integration user (with the app\'s permission set) as Run As, and save',
        guideStep: STEP.policies,
      },
      {
        cause: '"Enable Client Credentials Flow" is not checked in the app (API section)',
        confirm: 'App Manager > the app > Edit > API section, the "Enable OAuth" settings',
        fix: 'Check "Enable Client Credentials Flow", save, then set the Run As user',
        guideStep: STEP.oauthSettings,
      },
    ],
    guideStep: STEP.policies,
    doc: DOC.clientCredentials,
    samples: [{ status: 400, body: oauth('invalid_grant', 'no client credentials user enabled') }],
  },
  {
    code: 'SFD_WRONG_DOMAIN',
    show: ['loginHost'],
    title: 'This grant is refused on this host: use the My Domain URL',
    signature: '400 invalid_grant "request not supported on this domain"',
    evidence: [{ error: ['invalid_grant'], text: ['request not supported on this domain'] }],
    causes: [
      {
        cause: 'The client credentials request went to login.salesforce.com or test.salesforce.com, which refuse it',
        confirm: 'The token URL host is login/test.salesforce.com instead of https://MyDomainName.my.salesforce.com',
        fix: 'Set SF_MY_DOMAIN_URL to the org\'s My Domain URL (Setup > My Domain) and send the token request there',
        guideStep: STEP.myDomain,
      },
    ],
    guideStep: STEP.myDomain,
    doc: DOC.clientCredentials,
    samples: [{ status: 400, body: oauth('invalid_grant', 'request not supported on this domain') }],
  },
  {
    code: 'SFD_JWT_AUDIENCE',
    show: ['loginHost'],
    title: 'The JWT assertion names the wrong audience',
    signature: '400 invalid_grant "Audience validation failed"',
    evidence: [{ error: ['invalid_grant'], text: ['audience validation failed'] }],
    causes: [
      {
        cause: 'The assertion\'s aud is not the login host the token request goes to (https://login.salesforce.com for production, https://test.salesforce.com for a sandbox)',
        confirm: 'Decode the assertion (the middle part, base64url): aud must equal the login URL, without a path or trailing slash',
        fix: 'Set SF_JWT_AUDIENCE to the login URL (or leave it unset: sfcheck uses SF_LOGIN_URL)',
        guideStep: STEP.testPostman,
      },
    ],
    guideStep: STEP.testPostman,
    doc: DOC.jwtFlow,
    samples: [{ status: 400, body: oauth('invalid_grant', 'Audience validation failed') }],
  },
  {
    code: 'SFD_UNSUPPORTED_GRANT_TYPE',
    title: 'Salesforce did not see a grant it accepts',
    signature: '400 unsupported_grant_type "grant type not supported"',
    evidence: [{ error: ['unsupported_grant_type'] }],
    causes: [
      {
        cause: 'The token request body is not form-encoded (JSON body, or a Content-Type other than application/x-www-form-urlencoded), so grant_type is never read',
        confirm: 'The request must send Content-Type: application/x-www-form-urlencoded and a body like grant_type=password&client_id=…',
        fix: 'Send the parameters form-encoded (in Agent Studio and Postman: x-www-form-urlencoded, not raw JSON)',
        guideStep: STEP.testPostman,
      },
      {
        cause: 'The grant is not enabled for this app (client credentials, or the authorization code and credentials flow)',
        confirm: 'App Manager > the app > Edit > API section, the "Enable OAuth" settings: the flow\'s checkbox',
        fix: 'Check "Enable Authorization Code and Credentials Flow" (or "Enable Client Credentials Flow") and save',
        guideStep: STEP.oauthSettings,
      },
      {
        cause: 'grant_type is misspelt or missing',
        confirm: 'The body must carry grant_type=password, client_credentials, authorization_code, refresh_token or urn:ietf:params:oauth:grant-type:jwt-bearer',
        fix: 'Correct grant_type',
      },
    ],
    guideStep: STEP.testPostman,
    doc: DOC.endpoints,
    samples: [{ status: 400, body: oauth('unsupported_grant_type', 'grant type not supported') }],
  },
];
