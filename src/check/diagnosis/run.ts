/**
 * Diagnosis of a whole run, and the root-cause rule.
 *
 * Rule (per iteration, requests in run order): the FIRST request whose verdict is failed or errored is the root
 * request. If its evidence (response or network error) matches a catalogue entry it carries that diagnosis, role
 * 'root'. Every LATER failed or errored request of the same iteration is a consequence (a token request that failed
 * leaves {{access_token}} empty, so the next calls get 401 INVALID_SESSION_ID, unresolved variables, assertions on
 * missing data): it carries role 'consequence', the root's code (when the root has one) and the root request — never a
 * diagnosis of its own. Passed, skipped and earlier requests carry nothing. One failure, one diagnosis.
 *
 * The context (flow, login host, username, whether a token was obtained, redirect_uri, Sforce-Limit-Info) is read from
 * the requests before and at the failure; what the caller passes (verify knows the flow and SF_LOGIN_URL) wins.
 */
import type { RequestResult } from '../../engine/result';
import { CATALOGUE } from './catalogue';
import { networkEvidence, responseEvidence } from './evidence';
import { diagnose } from './match';
import type { Diagnosis, DiagnosisContext, DiagnosisFlow, Evidence, RequestDiagnosis } from './types';

type Failing = Pick<RequestResult, 'request' | 'response' | 'errors'>;

const header = (r: RequestResult, name: string) => r.response?.headers.find((h) => h.key.toLowerCase() === name)?.value;

const GRANT_FLOWS: Readonly<Record<string, DiagnosisFlow>> = {
  password: 'password',
  client_credentials: 'client-credentials',
  'urn:ietf:params:oauth:grant-type:jwt-bearer': 'jwt',
  authorization_code: 'uca',
  refresh_token: 'uca',
};

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** The `sub` of a JWT assertion (the user a JWT bearer token is asked for); no signature check, only for context. */
function jwtSubject(assertion: string): string | undefined {
  const payload = assertion.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

const isTokenRequest = (r: RequestResult) => /\/services\/oauth2\/token(?:[?#]|$)/.test(r.request.url);

function tokenObtained(r: RequestResult): boolean {
  if (!r.response || r.response.code >= 300) return false;
  try {
    const body = JSON.parse(r.response.body) as { access_token?: unknown };
    return typeof body.access_token === 'string' && body.access_token.length > 0;
  } catch {
    return false;
  }
}

/** What the requests up to and including `requests[index]` (same iteration) tell about the run. */
export function contextAt(requests: readonly RequestResult[], index: number, given: DiagnosisContext = {}): DiagnosisContext {
  const target = requests[index];
  const ctx: DiagnosisContext = {};
  for (let i = 0; i <= index; i++) {
    const r = requests[i];
    if (!r || (target && r.iteration !== target.iteration)) continue;
    if (i < index && tokenObtained(r)) ctx.tokenObtained = true;
    const limit = header(r, 'sforce-limit-info');
    if (limit) ctx.limitInfo = limit;
    if (!isTokenRequest(r)) continue;
    const form = new URLSearchParams(r.request.body ?? '');
    const flow = GRANT_FLOWS[form.get('grant_type') ?? ''];
    if (flow) ctx.flow = flow;
    const host = hostOf(r.request.url);
    if (host) ctx.loginHost = host;
    const user = form.get('username') ?? jwtSubject(form.get('assertion') ?? '');
    if (user) ctx.username = user;
    const redirect = form.get('redirect_uri');
    if (redirect) ctx.redirectUri = redirect;
  }
  return { ...ctx, ...given };
}

/** The evidence a failed request shows: its network error, or its response. */
export function requestEvidence(r: Failing): Evidence | undefined {
  const net = r.errors.find((e) => e.kind === 'network' || e.kind === 'timeout');
  if (net) return networkEvidence(net.message, net.code);
  if (r.response) return responseEvidence(r.response.code, r.response.body, r.response.headers.find((h) => h.key.toLowerCase() === 'location')?.value);
  return undefined;
}

/** The diagnosis of one failed request on its own (no root/consequence rule), or undefined. */
export function diagnoseRequest(r: Failing, ctx: DiagnosisContext = {}): Diagnosis | undefined {
  const e = requestEvidence(r);
  return e ? diagnose(e, ctx) : undefined;
}

type WithVerdict = RequestResult & { verdict: 'passed' | 'failed' | 'errored' | 'skipped' };

/**
 * Applies the root-cause rule to checked requests (in run order). Returns one entry per request: its diagnosis or
 * undefined. Pure; the same input gives the same output, request by request (a live reporter can call it on the
 * requests seen so far and get the same answer for the last one as the whole run gives).
 */
export function diagnoseRequests(requests: readonly WithVerdict[], given: DiagnosisContext = {}): Array<RequestDiagnosis | undefined> {
  const roots = new Map<number, { index: number; name: string; code?: string }>();
  return requests.map((r, index) => {
    if (r.verdict !== 'failed' && r.verdict !== 'errored') return undefined;
    const root = roots.get(r.iteration);
    if (root) return { role: 'consequence', ...(root.code ? { code: root.code } : {}), rootRequest: { index: root.index, name: root.name } };
    const d = diagnoseRequest(r, contextAt(requests, index, given));
    const name = r.path.length > 0 ? r.path.join(' / ') : r.name;
    roots.set(r.iteration, { index, name, ...(d ? { code: d.code } : {}) });
    return d ? { role: 'root', ...d } : undefined;
  });
}

/** Every catalogue code, for documentation and tests. */
export const DIAGNOSIS_CODES: readonly string[] = CATALOGUE.map((e) => e.code);
