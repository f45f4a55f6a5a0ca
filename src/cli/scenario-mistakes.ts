/**
 * verify --env local --scenario with a `client.mistake`: the generated collection of a flow with the one mistake a
 * guide reader makes, everything else as generated. Undefined when the mistake does not concern the flow (it then
 * runs its own collection).
 */
import type { CollectionMistake } from '../emulator';
import type { FlowSpec, RequestSpec } from '../spec';
import type { VerifyFlow } from './flows';

const TOKEN_PATH = '/services/oauth2/token';
const OWNER_FILTER = "OwnerId = '{{user_id}}'";

/** The token request's parameters as a JSON body, Content-Type application/json. */
function jsonTokenBody(req: RequestSpec): RequestSpec {
  if (!req.url.endsWith(TOKEN_PATH) || !req.body) return req;
  const headers = (req.headers ?? []).map((h) => (h.key.toLowerCase() === 'content-type' ? { ...h, value: 'application/json' } : h));
  return { ...req, headers, body: { ...req.body, mode: 'json' } };
}

/** The guide's literal filter: OwnerId = 'me'. */
function ownerIdMe(req: RequestSpec): RequestSpec {
  if (!req.query?.some((q) => q.value.includes(OWNER_FILTER))) return req;
  return { ...req, query: req.query.map((q) => ({ ...q, value: q.value.replace(OWNER_FILTER, "OwnerId = 'me'") })) };
}

/** The access token alone as the Authorization header of the data API calls (no "Bearer "). */
function withoutBearer(req: RequestSpec): RequestSpec {
  if (req.auth !== 'bearer' || !req.url.includes('/services/data/')) return req;
  return { ...req, auth: 'none', headers: [...(req.headers ?? []), { key: 'Authorization', value: '{{access_token}}' }] };
}

/** UserInfo with the refresh token of the same user as the Bearer token; the token requests are not sent. */
function userinfoWithRefreshToken(flow: FlowSpec): FlowSpec {
  const requests = flow.requests
    .filter((r) => r.url.endsWith('/services/oauth2/userinfo'))
    .map((r) => ({ ...r, auth: 'none' as const, headers: [...(r.headers ?? []), { key: 'Authorization', value: `Bearer {{${r.id === 'userinfo-admin' ? 'admin_refresh_token' : 'refresh_token'}}}` }] }));
  return { ...flow, requests };
}

const CONCERNS: Readonly<Record<CollectionMistake, readonly VerifyFlow[]>> = {
  'token-body-json': ['password'],
  'auth-header-without-bearer': ['password'],
  'owner-id-me': ['uca', 'user-access'],
  'userinfo-with-refresh-token': ['uca', 'user-access'],
};

export function withMistake(flow: VerifyFlow, spec: FlowSpec, mistake: CollectionMistake): FlowSpec | undefined {
  if (!CONCERNS[mistake].includes(flow)) return undefined;
  switch (mistake) {
    case 'token-body-json':
      return { ...spec, requests: spec.requests.map(jsonTokenBody) };
    case 'owner-id-me':
      return { ...spec, requests: spec.requests.map(ownerIdMe) };
    case 'auth-header-without-bearer':
      return { ...spec, requests: spec.requests.map(withoutBearer) };
    case 'userinfo-with-refresh-token':
      return userinfoWithRefreshToken(spec);
  }
}
