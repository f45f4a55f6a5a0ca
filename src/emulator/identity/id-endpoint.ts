/**
 * `GET|POST /id/<orgId>/<userId>` (wire spec §5.2): the identity URL. Field list and order of the
 * official "Successful Id Token" example; booleans are JSON booleans, utcOffset is milliseconds, urls keep
 * `{version}`. Only the token's own user: another org is 403 Wrong_Org, another user 403 No_Access
 * [status UNVERIFIED], an id that is no user 404 Bad_Id. `format=xml` is not emulated (JSON is returned).
 */
import type { EmulatorContext } from '../context';
import { jsonReply, textReply, type EmuRequest, type Reply } from '../http';
import { normalizeId } from '../ids';
import { findApp, findUserById, type OrgUser } from '../org';
import { identityAuth, identityVersion } from './token-auth';
import { identityServiceUrls, identityUrl } from './urls';

/** `2024-01-15T09:30:00Z` -> `2024-01-15T09:30:00.000+0000` (the identity URL's date format). */
function sfDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('Z', '+0000');
}

export function identityBody(ctx: EmulatorContext, user: OrgUser, version: string, appInstalled: boolean): Record<string, unknown> {
  const base = ctx.baseUrl;
  const body: Record<string, unknown> = {
    id: identityUrl(ctx, user.id),
    asserted_user: true,
    user_id: user.id,
    organization_id: ctx.org.info.id,
    username: user.username,
    nick_name: user.nickname,
    display_name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    email_verified: true,
    first_name: user.firstName,
    last_name: user.lastName,
    timezone: user.timeZone,
    photos: { picture: `${base}/profilephoto/005/F`, thumbnail: `${base}/profilephoto/005/T` },
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: user.country,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: identityServiceUrls(ctx, user.id, version),
    active: user.active,
    user_type: user.userType,
    language: user.language,
    locale: user.locale,
    utcOffset: user.utcOffsetMs,
    last_modified_date: sfDateTime(user.lastModified),
  };
  if (appInstalled) body.is_app_installed = true;
  return body;
}

export function identityEndpoint(match: RegExpExecArray, req: EmuRequest, ctx: EmulatorContext): Reply {
  const auth = identityAuth(req, ctx);
  if ('reply' in auth) return auth.reply;
  const orgId = normalizeId(match[1] ?? '');
  const userId = normalizeId(match[2] ?? '');
  if (orgId === undefined || userId === undefined) return textReply(404, 'Bad_Id');
  if (orgId !== ctx.org.info.id) return textReply(403, 'Wrong_Org');
  if (!findUserById(ctx.org, userId)) return textReply(404, 'Bad_Id');
  if (userId !== auth.user.id) return textReply(403, 'No_Access');
  const version = identityVersion(auth.params);
  if ('reply' in version) return version.reply;
  const installed = findApp(ctx.org, auth.session.clientId)?.installed === true;
  return jsonReply(200, identityBody(ctx, auth.user, version.version, installed));
}
