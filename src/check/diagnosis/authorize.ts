/**
 * Authorization code flow failures: the authorize page's inline errors (form-encoded body, no redirect) and their
 * token-endpoint counterparts. Wire spec §3.
 */
import { DOC, STEP } from './guide';
import type { CatalogueEntry } from './types';

export const AUTHORIZE_ENTRIES: readonly CatalogueEntry[] = [
  {
    code: 'SFD_REDIRECT_URI_MISMATCH',
    show: ['redirectUri'],
    title: 'The redirect_uri is not a Callback URL of the Connected App',
    signature: 'redirect_uri_mismatch "redirect_uri must match configuration" (authorize inline, or token)',
    evidence: [{ error: ['redirect_uri_mismatch'] }],
    causes: [
      {
        cause: 'The Callback URL configured in the app differs from the redirect_uri the client sends (scheme, host, port, path and trailing slash all count)',
        confirm: 'Compare App Manager > the app > View > Callback URL with the redirect_uri shown below (SF_REDIRECT_URI, default http://localhost:1717/OauthRedirect)',
        fix: 'Add the exact redirect_uri as a Callback URL (one per line), save and wait a few minutes, or set SF_REDIRECT_URI to a configured one',
        guideStep: STEP.ucaApp,
      },
      {
        cause: 'The token request\'s redirect_uri differs from the one used on the authorize page',
        confirm: 'Both requests must carry the same redirect_uri, byte for byte',
        fix: 'Send the same redirect_uri in the code exchange',
        guideStep: STEP.ucaToken,
      },
    ],
    guideStep: STEP.ucaApp,
    doc: DOC.webServerFlow,
    samples: [
      { status: 400, body: 'error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration' },
      { status: 400, body: JSON.stringify({ error: 'redirect_uri_mismatch', error_description: 'redirect_uri must match configuration' }) },
    ],
  },
  {
    code: 'SFD_PKCE',
    title: 'PKCE: the app requires a code challenge, or the code verifier does not match',
    signature: 'invalid_request "missing required code challenge" (authorize inline) / invalid_grant "invalid code verifier" (token)',
    evidence: [
      { error: ['invalid_request', 'invalid_grant'], text: ['code challenge', 'code_challenge', 'code verifier', 'code_verifier'] },
    ],
    causes: [
      {
        cause: '"Require Proof Key for Code Exchange (PKCE)" is on and the client sends no code_challenge',
        confirm: 'App Manager > the app > Edit: the Require PKCE checkbox; the authorize URL lacks code_challenge',
        fix: 'Send PKCE (S256; sfcheck login always does), or turn "Require PKCE" off as the guide does for Agent Studio',
        guideStep: STEP.ucaPkce,
      },
      {
        cause: 'The code_verifier of the token request does not match the code_challenge of the authorize request (or is missing)',
        confirm: 'base64url(SHA-256(code_verifier)) must equal code_challenge, the verifier encoded once',
        fix: 'Send the verifier generated with that challenge, in the same login',
        guideStep: STEP.ucaToken,
      },
    ],
    guideStep: STEP.ucaPkce,
    doc: DOC.pkce,
    samples: [
      { status: 400, body: 'error=invalid_request&error_description=missing%20required%20code%20challenge' },
      { status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: 'invalid code verifier' }) },
    ],
  },
];
