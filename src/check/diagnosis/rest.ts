/** REST data API failures (/services/data/vXX.X/...): a JSON array of {message, errorCode}. Wire spec §6.4, §12. */
import { DOC, STEP } from './guide';
import type { CatalogueEntry } from './types';

const rest = (errorCode: string, message: string) => JSON.stringify([{ message, errorCode }]);

export const REST_ENTRIES: readonly CatalogueEntry[] = [
  {
    code: 'SFD_INVALID_SESSION',
    show: ['loginHost'],
    title: 'The access token was rejected by the REST API',
    signature: '401 INVALID_SESSION_ID "Session expired or invalid" (or 403 Bad_OAuth_Token on userinfo after a token was obtained)',
    evidence: [{ errorCode: ['INVALID_SESSION_ID'] }, { errorCode: ['Bad_OAuth_Token'], requires: ['tokenObtained'] }],
    causes: [
      {
        cause: 'The session expired: the Connected App\'s (or the profile\'s) session Timeout Value is shorter than the run',
        confirm: 'Manage > Edit Policies > Session Policies > Timeout Value; the token worked at first and stopped later',
        fix: 'Set the Timeout Value to 24 hours as the guide says, or get a new token when a call answers 401 (refresh)',
        guideStep: STEP.policies,
      },
      {
        cause: 'The token is used on another org\'s host: instance_url does not belong to the org that issued the token',
        confirm: 'The request host must be the instance_url of the token response (SF_INSTANCE_URL overrides it: is it another org\'s?)',
        fix: 'Unset SF_INSTANCE_URL (or set it to the org\'s My Domain URL) and call the instance_url the token response gives',
        guideStep: STEP.agentStudio,
      },
      {
        cause: 'The session is not valid for the REST API ("This session is not valid for use with the REST API": a high-assurance or UI-only session)',
        confirm: 'The message says "not valid for use with the REST API"',
        fix: 'Get the token through an OAuth flow with the api scope, and lower the session security level required by the app',
        guideStep: STEP.oauthSettings,
      },
      {
        cause: 'The token was revoked (an admin revoked the app\'s sessions, or the user logged out)',
        confirm: 'Setup > Session Management no longer lists the session',
        fix: 'Get a new token and run again',
      },
    ],
    guideStep: STEP.policies,
    doc: DOC.sessionTimeout,
    samples: [
      { status: 401, body: rest('INVALID_SESSION_ID', 'Session expired or invalid') },
      { status: 401, body: rest('INVALID_SESSION_ID', 'This session is not valid for use with the REST API') },
      { status: 403, body: 'Bad_OAuth_Token', context: { tokenObtained: true } },
    ],
  },
  {
    code: 'SFD_INVALID_AUTH_HEADER',
    title: 'The Authorization header is not a Bearer token Salesforce accepts',
    signature: '401 INVALID_AUTH_HEADER',
    evidence: [{ errorCode: ['INVALID_AUTH_HEADER'] }],
    causes: [
      {
        cause: 'The header scheme is not "Bearer" (or "OAuth"), or the value is not an access token',
        confirm: 'The request must send the Authorization header with the value "Bearer" + space + the access token (Agent Studio: Header Auth Value Pattern "Bearer %s")',
        fix: 'Send the header Authorization with the word Bearer, a space and the access_token of the token response',
        guideStep: STEP.agentStudio,
      },
      {
        cause: 'An expired JWT-format access token (INVALID_JWT_FORMAT)',
        confirm: 'The message says INVALID_JWT_FORMAT',
        fix: 'Get a new token',
      },
    ],
    guideStep: STEP.agentStudio,
    doc: DOC.restErrors,
    samples: [{ status: 401, body: rest('INVALID_AUTH_HEADER', 'INVALID_HEADER_TYPE') }],
  },
  {
    code: 'SFD_API_DISABLED',
    title: 'The API is not enabled for this user or org',
    signature: '403 API_DISABLED_FOR_ORG',
    evidence: [{ errorCode: ['API_DISABLED_FOR_ORG'] }],
    causes: [
      {
        cause: 'The service user\'s profile (or permission sets) lacks the "API Enabled" permission',
        confirm: 'Setup > Users > the user > Profile > System Permissions: "API Enabled" is unchecked',
        fix: 'Use a profile with "API Enabled" (the guide uses System Administrator) or add it through a permission set',
        guideStep: STEP.serviceUser,
      },
      {
        cause: 'The org\'s edition has no API access (Essentials, or Professional without the API add-on)',
        confirm: 'Setup > Company Information > Organization Edition',
        fix: 'Buy the API add-on or use an edition with API access (Enterprise, Unlimited, Developer)',
      },
    ],
    guideStep: STEP.serviceUser,
    doc: DOC.restErrors,
    samples: [
      { status: 403, body: rest('API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.') },
      { status: 403, body: rest('API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner') },
    ],
  },
  {
    code: 'SFD_REQUEST_LIMIT_EXCEEDED',
    show: ['limitInfo'],
    title: 'The org spent its API requests for the last 24 hours',
    signature: '403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded."',
    evidence: [{ errorCode: ['REQUEST_LIMIT_EXCEEDED'] }],
    causes: [
      {
        cause: 'The daily API request limit is spent (every integration of the org counts, over a rolling 24 hours)',
        confirm: 'Sforce-Limit-Info (below) shows api-usage at its maximum; Setup > Company Information > API Requests, Last 24 Hours',
        fix: 'Wait for the rolling window, find the integration that spends the calls (Setup > Connected Apps OAuth Usage), or buy more calls',
      },
    ],
    guideStep: STEP.agentStudio,
    doc: DOC.apiLimits,
    samples: [{ status: 403, body: rest('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.') }],
  },
  {
    code: 'SFD_OBJECT_NOT_VISIBLE',
    title: 'The object or field of the query is not visible to the user',
    signature: '400 INVALID_TYPE "sObject type \'Account\' is not supported" / INVALID_FIELD "No such column"',
    evidence: [
      { errorCode: ['INVALID_TYPE'] },
      { errorCode: ['INVALID_FIELD'], text: ['no such column', "didn't understand relationship"] },
    ],
    causes: [
      {
        cause: 'The user\'s profile or permission sets give no Read access to the object (or field-level security hides the field)',
        confirm: 'Setup > Users > the user > Profile > Object Settings: Read on the object, and Field-Level Security of the field',
        fix: 'Grant Read on the object and its fields through the profile or a permission set',
        guideStep: STEP.serviceUser,
      },
      {
        cause: 'The object or field name is misspelt, or a custom one lacks its __c / __r suffix',
        confirm: 'Setup > Object Manager: the API name',
        fix: 'Use the API name in the query',
        guideStep: STEP.agentStudio,
      },
    ],
    guideStep: STEP.serviceUser,
    doc: DOC.objectPermissions,
    samples: [
      {
        status: 400,
        body: rest(
          'INVALID_TYPE',
          "\nSELECT Id, Name, Industry, Type FROM Account\n                                     ^\nERROR at Row:1:Column:38\nsObject type 'Account' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
        ),
      },
      {
        status: 400,
        body: rest(
          'INVALID_FIELD',
          "\nSELECT Bogus__c FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Bogus__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
        ),
      },
    ],
  },
  {
    code: 'SFD_INSUFFICIENT_ACCESS',
    title: 'The user lacks the access rights for this record or operation',
    signature: '403/400 INSUFFICIENT_ACCESS, INSUFFICIENT_ACCESS_OR_READONLY, INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    evidence: [{ errorCode: ['INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY'] }],
    causes: [
      {
        cause: 'The user\'s profile, permission sets or sharing do not allow this operation on this record',
        confirm: 'Setup > Users > the user: object permissions (Create/Edit/Delete) and the record\'s sharing (Sharing button on the record)',
        fix:
          'Give the service user a profile that may modify the object (the guide: Salesforce Admin, or a custom profile ' +
          'that can view or modify it) or a permission set with Create/Edit/Delete on it, or share the record (role, sharing rule)',
        guideStep: STEP.serviceUser,
      },
      {
        cause: 'The token\'s scopes do not include api (or full)',
        confirm: 'The token response\'s scope field',
        fix: 'Add the "Manage user data via APIs (api)" scope to the Connected App and get a new token',
        guideStep: STEP.oauthSettings,
      },
    ],
    guideStep: STEP.serviceUser,
    doc: DOC.restErrors,
    samples: [
      { status: 403, body: rest('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id') },
      { status: 400, body: rest('INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', 'insufficient access rights on cross-reference id') },
    ],
  },
  {
    code: 'SFD_OWNERID_ME',
    title: 'OwnerId = \'me\' is not valid SOQL',
    signature: '400 INVALID_QUERY_FILTER_OPERATOR "invalid ID field: me"',
    evidence: [{ errorCode: ['INVALID_QUERY_FILTER_OPERATOR'] }],
    causes: [
      {
        cause: 'The guide\'s query filters on OwnerId = \'me\'; SOQL has no \'me\' shortcut, an Id field only compares with an Id',
        confirm: 'The message ends with "invalid ID field: me"',
        fix: 'Filter on the user id from userinfo (WHERE OwnerId = \'{{user_id}}\', as sfcheck\'s user-consent collection does) or use USING SCOPE mine',
        guideStep: STEP.ucaOwnerMe,
      },
      {
        cause: 'Another Id filter compares with a value that is not a 15- or 18-character Id',
        confirm: 'The caret in the message points at the value',
        fix: 'Use a real record Id',
      },
    ],
    guideStep: STEP.ucaOwnerMe,
    doc: DOC.soqlIds,
    samples: [
      {
        status: 400,
        body: rest(
          'INVALID_QUERY_FILTER_OPERATOR',
          "\nSELECT Id, Name FROM Account WHERE OwnerId='me'\n                                   ^\nERROR at Row:1:Column:36\ninvalid ID field: me",
        ),
      },
    ],
  },
];
