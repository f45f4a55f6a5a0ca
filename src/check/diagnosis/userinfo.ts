/** Identity service failures (userinfo and the identity URL): 403 with a one-word text body. Wire spec §5. */
import { DOC, STEP } from './guide';
import type { CatalogueEntry } from './types';

export const USERINFO_ENTRIES: readonly CatalogueEntry[] = [
  {
    code: 'SFD_USERINFO_BAD_TOKEN',
    title: 'The identity service (userinfo) did not accept the token',
    signature: '403 Bad_OAuth_Token / Missing_OAuth_Token (text/plain) on /services/oauth2/userinfo or the identity URL',
    evidence: [{ errorCode: ['Missing_OAuth_Token'] }, { errorCode: ['Bad_OAuth_Token'], requires: ['noTokenObtained'] }],
    causes: [
      {
        cause: 'No access token was sent: the Authorization header is missing or empty',
        confirm: 'The request must send the Authorization header with the value "Bearer" + space + the access token (a Missing_OAuth_Token answer says none arrived)',
        fix: 'Send the access token of the token response in the Authorization header',
        guideStep: STEP.ucaUserinfo,
      },
      {
        cause: 'The token is invalid or expired, or belongs to another org than the host called (userinfo on login.salesforce.com for a sandbox token)',
        confirm: 'Call userinfo on the instance_url (My Domain) of the token response with a fresh token',
        fix: 'Call https://<My Domain>/services/oauth2/userinfo with the token just obtained',
        guideStep: STEP.myDomain,
      },
      {
        cause: 'The token lacks a scope that allows the identity service (openid, id or api)',
        confirm: 'The token response\'s scope field',
        fix: 'Add the openid scope ("Access unique user identifiers") to the Connected App and get a new token',
        guideStep: STEP.ucaApp,
      },
    ],
    guideStep: STEP.ucaUserinfo,
    doc: DOC.userinfo,
    samples: [
      { status: 403, body: 'Bad_OAuth_Token' },
      { status: 403, body: 'Missing_OAuth_Token' },
    ],
  },
];
