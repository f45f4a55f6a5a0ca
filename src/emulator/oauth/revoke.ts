/**
 * `POST|GET /services/oauth2/revoke` (wire spec §4): the token comes from a form body, the query string of
 * a POST, or `GET ?token=`. Success is 200 with an empty body. Revoking a refresh token also revokes every
 * access token issued from it. An unknown token is 400 with a form-urlencoded body (not JSON).
 */
import type { EmulatorContext } from '../context';
import { mergedParams, type EmuRequest, type Reply } from '../http';

function formError(error: string, description: string): Reply {
  return {
    status: 400,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-store' },
    body: `error=${encodeURIComponent(error)}&error_description=${encodeURIComponent(description)}`,
  };
}

export function revokeEndpoint(req: EmuRequest, ctx: EmulatorContext): Reply {
  const token = mergedParams(req).get('token') ?? '';
  if (ctx.sessions.revoke(token)) return { status: 200, headers: {}, body: '' };
  if (ctx.oauth.refreshTokens.revoke(token)) {
    ctx.sessions.revokeFamily(token);
    return { status: 200, headers: {}, body: '' };
  }
  return formError('unsupported_token_type', 'this token type is not supported');
}
