/**
 * How the identity service (userinfo and /id/) finds its token: `Authorization: Bearer|OAuth`, or an
 * `access_token` / `oauth_token` parameter. Its errors are 403 plain-text words, not JSON.
 */
import type { EmulatorContext } from '../context';
import { authorizationCredential, mergedParams, textReply, type EmuRequest, type Reply } from '../http';
import type { Session } from '../oauth/session';
import { findUserById, type OrgUser } from '../org';
import { isSupportedVersion, LATEST_VERSION } from '../routes/versions';

export type IdentityAuth = { session: Session; user: OrgUser; params: URLSearchParams } | { reply: Reply };

export function identityAuth(req: EmuRequest, ctx: EmulatorContext): IdentityAuth {
  const params = mergedParams(req);
  const token = authorizationCredential(req, ['Bearer', 'OAuth']) ?? params.get('access_token') ?? params.get('oauth_token');
  if (!token) return { reply: textReply(403, 'Missing_OAuth_Token') };
  const session = ctx.sessions.use(token);
  const user = session ? findUserById(ctx.org, session.userId) : undefined;
  if (!session || !user) return { reply: textReply(403, 'Bad_OAuth_Token') };
  return { session, user, params };
}

/** `?version=<n>|latest` fills the `{version}` placeholder of the urls block; anything else is 406 Invalid_Version. */
export function identityVersion(params: URLSearchParams): { version: string } | { reply: Reply } {
  const asked = params.get('version');
  if (asked === null) return { version: '{version}' };
  if (asked === 'latest') return { version: LATEST_VERSION };
  if (isSupportedVersion(asked)) return { version: asked };
  return { reply: textReply(406, 'Invalid_Version') };
}
