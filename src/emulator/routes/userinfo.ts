/**
 * `GET|POST /services/oauth2/userinfo` (wire spec §5.1). The token comes from `Authorization: Bearer`
 * or an `access_token` / `oauth_token` parameter. Identity-service errors are 403 plain-text words,
 * not JSON: `Missing_OAuth_Token`, `Bad_OAuth_Token`.
 */
import type { EmulatorContext } from '../context';
import { authorizationCredential, jsonReply, mergedParams, textReply, type EmuRequest, type Reply } from '../http';
import { identityServiceUrls, identityUrl } from '../identity/urls';
import { findApp, findUserById, type OrgUser } from '../org';
import { isSupportedVersion, LATEST_VERSION } from './versions';

export function userinfoEndpoint(req: EmuRequest, ctx: EmulatorContext): Reply {
  const params = mergedParams(req);
  const token = authorizationCredential(req, ['Bearer', 'OAuth']) ?? params.get('access_token') ?? params.get('oauth_token');
  if (!token) return textReply(403, 'Missing_OAuth_Token');
  const session = ctx.sessions.use(token);
  const user = session ? findUserById(ctx.org, session.userId) : undefined;
  if (!session || !user) return textReply(403, 'Bad_OAuth_Token');

  const asked = params.get('version');
  let version = '{version}';
  if (asked !== null) {
    if (asked === 'latest') version = LATEST_VERSION;
    else if (isSupportedVersion(asked)) version = asked;
    else return textReply(406, 'Invalid_Version');
  }
  const installed = findApp(ctx.org, session.clientId)?.installed === true;
  return jsonReply(200, userInfoBody(ctx, user, version, installed));
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
