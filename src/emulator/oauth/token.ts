/**
 * `POST /services/oauth2/token` (wire spec §2). Parameters come from the query string and a form body;
 * the client may authenticate with form fields or HTTP Basic. Checks run in Salesforce's order: grant
 * type, client id, client secret, then the grant's own checks.
 */
import type { EmulatorContext } from '../context';
import { authorizationCredential, jsonReply, mergedParams, type EmuRequest, type Reply } from '../http';
import { findApp } from '../org';
import { OAUTH_ERRORS, oauthErrorReply } from './errors';
import { GRANTS } from './grants';
import { tokenResponseBody } from './token-response';

interface ClientCredentials {
  id?: string;
  secret?: string;
}

/** Form fields first; otherwise `Authorization: Basic base64(client_id:client_secret)`. */
function clientCredentials(req: EmuRequest, params: URLSearchParams): ClientCredentials {
  const fromForm: ClientCredentials = { id: params.get('client_id') ?? undefined, secret: params.get('client_secret') ?? undefined };
  const basic = authorizationCredential(req, ['Basic']);
  if (!basic) return fromForm;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return fromForm;
  return { id: fromForm.id ?? decoded.slice(0, colon), secret: fromForm.secret ?? decoded.slice(colon + 1) };
}

/** POST only; the router answers other methods with `invalid_request` / `must use HTTP POST`. */
export function tokenEndpoint(req: EmuRequest, ctx: EmulatorContext): Reply {
  const params = mergedParams(req);
  const grant = GRANTS.get(params.get('grant_type') ?? '');
  if (!grant) return oauthErrorReply(OAUTH_ERRORS.unsupportedGrantType);

  const client = clientCredentials(req, params);
  const app = client.id === undefined ? undefined : findApp(ctx.org, client.id);
  if (!app) return oauthErrorReply(OAUTH_ERRORS.invalidClientId);
  if ((grant.clientSecret === 'required' || client.secret !== undefined) && client.secret !== app.clientSecret) {
    return oauthErrorReply(OAUTH_ERRORS.invalidClient);
  }

  const outcome = grant.exchange({ ctx, params, app });
  if ('error' in outcome) return oauthErrorReply(outcome.error);
  return jsonReply(200, tokenResponseBody(ctx, app, outcome.session), { 'Cache-Control': 'no-cache,no-store' });
}
