/**
 * `GET|POST /services/oauth2/userinfo` (wire spec §5.1). The token comes from `Authorization: Bearer`
 * or an `access_token` / `oauth_token` parameter. Identity-service errors are 403 plain-text words,
 * not JSON: `Missing_OAuth_Token`, `Bad_OAuth_Token`.
 */
import type { EmulatorContext } from '../context';
import { jsonReply, type EmuRequest, type Reply } from '../http';
import { identityAuth, identityVersion } from '../identity/token-auth';
import { identityServiceUrls, identityUrl } from '../identity/urls';
import { findApp, type OrgUser } from '../org';

export function userinfoEndpoint(req: EmuRequest, ctx: EmulatorContext): Reply {
  const auth = identityAuth(req, ctx);
  if ('reply' in auth) return auth.reply;
  const version = identityVersion(auth.params);
  if ('reply' in version) return version.reply;
  const installed = findApp(ctx.org, auth.session.clientId)?.installed === true;
  return jsonReply(200, userInfoBody(ctx, auth.user, version.version, installed));
}

/** Fields in the order of Salesforce's "Successful User Info" example. */
export function userInfoBody(ctx: EmulatorContext, user: OrgUser, version: string, appInstalled: boolean): Record<string, unknown> {
  const base = ctx.baseUrl;
  const picture = `${base}/profilephoto/005/F`;
  const body: Record<string, unknown> = {
    sub: identityUrl(ctx, user.id),
    user_id: user.id,
    organization_id: ctx.org.info.id,
    preferred_username: user.username,
    nickname: user.nickname,
    name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    email_verified: true,
    given_name: user.firstName,
    family_name: user.lastName,
    zoneinfo: user.timeZone,
    photos: { picture, thumbnail: `${base}/profilephoto/005/T` },
    profile: `${base}/${user.id}`,
    picture,
    address: { country: user.country },
    is_salesforce_integration_user: false,
    urls: identityServiceUrls(ctx, user.id, version),
    active: user.active,
    user_type: user.userType,
    language: user.language,
    locale: user.locale,
    utcOffset: user.utcOffsetMs,
    updated_at: user.lastModified,
  };
  if (appInstalled) body.is_app_installed = true;
  return body;
}
