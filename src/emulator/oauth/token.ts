/**
 * `POST /services/oauth2/token` (wire spec §2). Parameters come from the query string and a form body;
 * the client may authenticate with form fields or HTTP Basic. Checks run in Salesforce's order: grant
 * type, client id, client secret, then the grant's own checks. `format` / `Accept` are ignored: the
 * answer is always JSON (urlencoded and xml responses are not emulated).
 */
import type { EmulatorContext } from '../context';
import { authorizationCredential, jsonReply, mergedParams, type EmuRequest, type Reply } from '../http';
import type { ConnectedApp } from '../org';
import { sameSecret } from '../secrets';
import { oauthApp } from './app-lookup';
import { OAUTH_ERRORS, oauthErrorReply, type OAuthError } from './errors';
import { GRANTS } from './grants';
import type { Grant } from './grants/grant';
import { fullTokenResponseBody, tokenResponseBody } from './token-response';

export interface ClientCredentials {
  id?: string;
  secret?: string;
}

/** Form fields first; otherwise `Authorization: Basic base64(client_id:client_secret)`. */
export function clientCredentials(req: EmuRequest, params: URLSearchParams): ClientCredentials {
  const fromForm: ClientCredentials = { id: params.get('client_id') ?? undefined, secret: params.get('client_secret') ?? undefined };
  const basic = authorizationCredential(req, ['Basic']);
  if (!basic) return fromForm;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return fromForm;
  return { id: fromForm.id ?? decoded.slice(0, colon), secret: fromForm.secret ?? decoded.slice(colon + 1) };
}

/** The app named by the client credentials, with the secret checked when `required` or when sent. */
export function authenticateClient(ctx: EmulatorContext, client: ClientCredentials, secretRequired: (app: ConnectedApp) => boolean): { app: ConnectedApp } | { error: OAuthError } {
  const app = client.id === undefined ? undefined : oauthApp(ctx, client.id);
  if (!app) return { error: OAUTH_ERRORS.invalidClientId };
  if ((secretRequired(app) || client.secret !== undefined) && !sameSecret(client.secret, app.clientSecret)) return { error: OAUTH_ERRORS.invalidClient };
  return { app };
}

function secretRule(grant: Grant, app: ConnectedApp): boolean {
  return (typeof grant.clientSecret === 'function' ? grant.clientSecret(app) : grant.clientSecret) === 'required';
}

const NO_CACHE = { 'Cache-Control': 'no-cache,no-store' };

/** POST only; the router answers other methods with `invalid_request` / `must use HTTP POST`. */
export async function tokenEndpoint(req: EmuRequest, ctx: EmulatorContext): Promise<Reply> {
  const params = mergedParams(req);
  const grant = GRANTS.get(params.get('grant_type') ?? '');
  if (!grant) return oauthErrorReply(OAUTH_ERRORS.unsupportedGrantType);

  const client = grant.resolveClient
    ? grant.resolveClient(params, ctx)
    : authenticateClient(ctx, clientCredentials(req, params), (app) => secretRule(grant, app));
  if ('error' in client) return oauthErrorReply(client.error);
  const { app } = client;
  if (!ctx.org.info.active) return oauthErrorReply(ctx.oauth.behaviour.inactiveOrgError);

  const outcome = await grant.exchange({ ctx, params, app, req });
  if ('error' in outcome) return oauthErrorReply(outcome.error);
  if ('session' in outcome) return jsonReply(200, tokenResponseBody(ctx, app, outcome.session), NO_CACHE);
  return jsonReply(200, await fullTokenResponseBody(ctx, app, outcome.full), NO_CACHE);
}
