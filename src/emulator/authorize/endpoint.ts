/**
 * `GET|POST /services/oauth2/authorize` (wire spec §3): web server flow (`response_type=code`) and user-agent
 * flow (`token`, `token id_token`: answers in the fragment, see implicit.ts). `prompt=none` never shows a page
 * (`login_required` / `consent_required`, texts UNVERIFIED).
 * GET validates the request (inline errors for an unknown client, a redirect_uri mismatch and a missing
 * required code_challenge; redirected errors otherwise) and starts a flow; the login and consent pages POST
 * back here with the flow id and its anti-forgery token. prompt=login always shows the login page,
 * prompt=consent always the consent page; otherwise the browser's login and a prior approval skip them.
 */
import type { EmulatorContext } from '../context';
import { isFormEncoded, mergedParams, type EmuRequest, type Reply } from '../http';
import { findApp, findUserById, findUserByUsername, type ConnectedApp } from '../org';
import { oauthApp } from '../oauth/app-lookup';
import { parseScopes } from '../oauth/scopes';
import { sameSecret, secretKey } from '../secrets';
import { notAdminApproved, userStateError } from '../oauth/user-access';
import { browserCookie, browserId, endFlow, flowOfForm, startFlow, type AuthorizeFlow, type AuthorizeRequest, type ResponseType } from './flows';
import { tokenFragmentRedirect } from './implicit';
import { inlineError, redirectError, redirectTo } from './redirects';
import { consentPage, errorPage, loginPage } from './render';

const HTML = { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-cache, no-store', 'X-Frame-Options': 'DENY' };
const BAD_LOGIN = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

function html(status: number, body: string, extra: Record<string, string> = {}): Reply {
  return { status, headers: { ...HTML, ...extra }, body };
}

type Parsed = { request: AuthorizeRequest } | { reply: Reply };

/** `response_type` values, their words sorted. `token id_token` adds an id_token to the user-agent flow. */
const RESPONSE_TYPES = new Map<string, ResponseType>([['code', 'code'], ['token', 'token'], ['id_token token', 'token id_token']]);

function errorRedirect(flow: AuthorizeFlow, error: string, description: string, extra: Record<string, string> = {}): Reply {
  const r = flow.request;
  return redirectError(r.redirectUri, error, description, r.state, extra, r.responseType !== 'code');
}

function parseRequest(params: URLSearchParams, ctx: EmulatorContext): Parsed {
  const app = oauthApp(ctx, params.get('client_id') ?? '');
  if (!app) return { reply: inlineError(ctx, 'invalid_client_id', 'client identifier invalid', 'text/plain') };
  if (!ctx.org.info.active) {
    const e = ctx.oauth.behaviour.inactiveOrgError;
    return { reply: inlineError(ctx, e.error, e.description, 'text/plain') };
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.callbackUrls.includes(redirectUri)) return { reply: inlineError(ctx, 'redirect_uri_mismatch', 'redirect_uri must match configuration', 'text/plain') };
  const state = params.get('state') ?? undefined;
  const responseType = RESPONSE_TYPES.get(parseScopes(params.get('response_type')).sort().join(' '));
  if (!responseType) return { reply: redirectError(redirectUri, 'unsupported_response_type', 'response type not supported', state) };
  const fragment = responseType !== 'code';
  const challenge = params.get('code_challenge');
  if (app.requirePkce && !challenge && !fragment) return { reply: inlineError(ctx, 'invalid_request', 'missing required code challenge', undefined) };
  const method = params.get('code_challenge_method') ?? 'S256';
  if (challenge && method !== 'S256' && method !== 'plain') return { reply: redirectError(redirectUri, 'invalid_request', 'invalid code challenge method', state, {}, fragment) };
  const asked = parseScopes(params.get('scope'));
  if (asked.some((s) => !app.scopes.includes(s))) return { reply: redirectError(redirectUri, 'invalid_scope', 'requested scope is invalid, unknown, or malformed', state, {}, fragment) };

  const request: AuthorizeRequest = { responseType, clientId: app.clientId, redirectUri, scopes: asked.length > 0 ? asked : [...app.scopes], prompts: parseScopes(params.get('prompt')) };
  if (state !== undefined) request.state = state;
  if (challenge) request.challenge = { value: challenge, method: method === 'plain' ? 'plain' : 'S256' };
  const nonce = params.get('nonce');
  if (nonce) request.nonce = nonce;
  const hint = params.get('login_hint');
  if (hint) request.loginHint = hint;
  return { request };
}

function showLogin(ctx: EmulatorContext, flow: AuthorizeFlow, status: number, username: string, error?: string, extra: Record<string, string> = {}): Reply {
  flow.step = 'login';
  const body = loginPage({ orgName: ctx.org.info.name, flow: flow.id, csrf: flow.csrf, username, ...(error === undefined ? {} : { error }) });
  return html(status, body, extra);
}

function finish(ctx: EmulatorContext, flow: AuthorizeFlow, app: ConnectedApp, userId: string, extra: Record<string, string>): Reply | Promise<Reply> {
  const r = flow.request;
  endFlow(ctx, flow);
  if (r.responseType !== 'code') return tokenFragmentRedirect(ctx, app, r, userId, extra);
  const code = ctx.oauth.codes.issue({ clientId: r.clientId, userId, redirectUri: r.redirectUri, scopes: r.scopes, ...(r.challenge ? { challenge: r.challenge } : {}), ...(r.nonce ? { nonce: r.nonce } : {}) });
  const params: [string, string][] = [['code', code.code]];
  if (r.state !== undefined) params.push(['state', r.state]);
  return redirectTo(r.redirectUri, params, extra);
}

/** After the user is known: the Permitted Users policy, then consent (or not), then the code. */
function afterLogin(ctx: EmulatorContext, flow: AuthorizeFlow, userId: string, extra: Record<string, string>): Reply | Promise<Reply> {
  const r = flow.request;
  const app = findApp(ctx.org, r.clientId);
  const user = findUserById(ctx.org, userId);
  if (!app || !user) return html(400, errorPage('Error', 'The connected app or the user no longer exists.'), extra);
  flow.userId = userId;
  if (notAdminApproved(app, user)) {
    endFlow(ctx, flow);
    return errorRedirect(flow, 'OAUTH_APP_ACCESS_DENIED', 'user is not admin approved to access this app', extra);
  }
  const approved = app.permittedUsers === 'admin_approved' || ctx.oauth.approvals.has(`${userId}:${app.clientId}`);
  if (r.prompts.includes('consent') || !approved) {
    if (r.prompts.includes('none')) {
      endFlow(ctx, flow);
      return errorRedirect(flow, 'consent_required', 'consent required', extra);
    }
    flow.step = 'consent';
    return html(200, consentPage({ appName: app.name, username: user.username, scopes: r.scopes, flow: flow.id, csrf: flow.csrf }), extra);
  }
  return finish(ctx, flow, app, userId, extra);
}

function getAuthorize(req: EmuRequest, ctx: EmulatorContext): Reply | Promise<Reply> {
  const parsed = parseRequest(req.query, ctx);
  if ('reply' in parsed) return parsed.reply;
  const browser = browserId(req);
  const extra: Record<string, string> = browser.isNew ? { 'Set-Cookie': browserCookie(browser.id) } : {};
  const flow = startFlow(ctx, browser.id, parsed.request);
  const known = browser.isNew ? undefined : ctx.oauth.browserSessions.get(secretKey(browser.id));
  const user = known ? findUserById(ctx.org, known.userId) : undefined;
  if (!user || userStateError(user, req.remoteAddress) || parsed.request.prompts.includes('login')) {
    if (parsed.request.prompts.includes('none')) {
      endFlow(ctx, flow);
      return errorRedirect(flow, 'login_required', 'login required', extra);
    }
    return showLogin(ctx, flow, 200, user?.username ?? parsed.request.loginHint ?? '', undefined, extra);
  }
  return afterLogin(ctx, flow, user.id, extra);
}

function postAuthorize(req: EmuRequest, ctx: EmulatorContext): Reply | Promise<Reply> {
  if (!isFormEncoded(req)) return html(400, errorPage('Invalid request', 'The form could not be read. Start again from the application.'));
  const form = mergedParams(req);
  const check = flowOfForm(ctx, req, form);
  if ('expired' in check) return html(400, errorPage('Session expired', 'This login page has expired or is unknown. Start again from the application.'));
  if ('forged' in check) return html(403, errorPage('Invalid request', 'The anti-forgery token is missing or invalid. Start again from the application.'));
  const { flow } = check;
  const action = form.get('action');

  if (action === 'login' && flow.step === 'login') {
    const username = form.get('username') ?? '';
    const user = findUserByUsername(ctx.org, username);
    if (!user || user.password === undefined || !sameSecret(form.get('pw'), user.password) || userStateError(user, req.remoteAddress)) {
      return showLogin(ctx, flow, 200, username, BAD_LOGIN);
    }
    ctx.oauth.browserSessions.set(secretKey(flow.browserId), { userId: user.id, createdAt: ctx.oauth.now() });
    return afterLogin(ctx, flow, user.id, {});
  }
  if ((action === 'allow' || action === 'deny') && flow.step === 'consent' && flow.userId !== undefined) {
    if (action === 'deny') {
      endFlow(ctx, flow);
      return errorRedirect(flow, 'access_denied', 'end-user denied authorization');
    }
    const app = findApp(ctx.org, flow.request.clientId);
    if (!app) return html(400, errorPage('Error', 'The connected app no longer exists.'));
    ctx.oauth.approvals.add(`${flow.userId}:${app.clientId}`);
    return finish(ctx, flow, app, flow.userId, {});
  }
  return html(400, errorPage('Invalid request', 'This action does not belong to this page. Start again from the application.'));
}

export function authorizeEndpoint(req: EmuRequest, ctx: EmulatorContext): Reply | Promise<Reply> {
  return req.method === 'POST' ? postAuthorize(req, ctx) : getAuthorize(req, ctx);
}
