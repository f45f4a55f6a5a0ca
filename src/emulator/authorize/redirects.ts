/**
 * The two ways /authorize answers an error (wire spec §3): inline, as the form-encoded error string with no
 * redirect (unknown client, redirect_uri mismatch, missing required PKCE challenge), or by a 302 to the
 * redirect_uri with error, error_description and state in the query string.
 */
import type { EmulatorContext } from '../context';
import type { Reply } from '../http';

/** `fragment`: the user-agent flow puts its answer after `#` instead of in the query string. */
export function redirectTo(uri: string, params: [string, string][], headers: Record<string, string> = {}, fragment = false): Reply {
  const query = new URLSearchParams(params).toString();
  const location = fragment ? `${uri}#${query}` : query === '' ? uri : uri + (uri.includes('?') ? '&' : '?') + query;
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-cache, no-store', ...headers }, body: '' };
}

export function redirectError(uri: string, error: string, description: string, state: string | undefined, headers: Record<string, string> = {}, fragment = false): Reply {
  const params: [string, string][] = [['error', error], ['error_description', description]];
  if (state !== undefined) params.push(['state', state]);
  return redirectTo(uri, params, headers, fragment);
}

/**
 * The body is `error=...&error_description=...` percent-encoded with %20. Browsers render invalid_client_id
 * and redirect_uri_mismatch as text; the missing-challenge error comes with no Content-Type at all.
 */
export function inlineError(ctx: EmulatorContext, error: string, description: string, contentType: string | undefined): Reply {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache, no-store' };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  return { status: ctx.oauth.behaviour.inlineErrorStatus, headers, body: `error=${encodeURIComponent(error)}&error_description=${encodeURIComponent(description)}` };
}
