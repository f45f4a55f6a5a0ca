/**
 * Preflight: what `verify` can check offline, before it sends anything, from the values a flow will run with:
 * - login host vs instance host (https; a Salesforce host; sandbox vs production on both sides; client credentials on
 *   My Domain);
 * - api_version: the NN.0 format, and whether it is older than the versions the guide uses (58.0 and 62.0);
 * - redirect_uri: https, or http only on localhost / 127.0.0.1 (what Salesforce accepts as a Callback URL);
 * - the scopes the flow needs (api, refresh_token/offline_access, openid), checked when sfcheck knows what it requests;
 * - a password that looks like it lacks the security token, or already ends with it.
 * Findings never quote a secret. Pure: values in, findings out; verify prints them and records them in the reports.
 */
import { STEP, type PreflightFinding } from '../check';

export type PreflightFlow = 'password' | 'client-credentials' | 'jwt' | 'uca' | 'user-access';

export interface PreflightInput {
  flow: PreflightFlow;
  /** Environment values by key (login_url, instance_url, api_version, redirect_uri, password, security_token, ...). */
  values: Readonly<Record<string, string | undefined>>;
  /** The scope sfcheck asks for in this flow, when it asks for one (user consent: `sfcheck login`). */
  requestedScope?: string;
}

/** The oldest REST API version the guide uses (password grant Step 3), and the one of its user-consent part. */
export const GUIDE_API_VERSIONS = { oldest: 58, latest: 62 } as const;

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;
const isSandboxHost = (h: string) => h === 'test.salesforce.com' || h.endsWith('.sandbox.my.salesforce.com') || /--[a-z0-9]+\./.test(h);
const isLoginHost = (h: string) => h === 'login.salesforce.com' || h === 'test.salesforce.com';
const isSalesforceHost = (h: string) => /(^|\.)(salesforce|force|cloudforce|database)\.com$/.test(h) || h.endsWith('.salesforce.mil');

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function hostChecks(v: PreflightInput['values'], flow: PreflightFlow): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const hostFinding = (key: string, label: string): URL | undefined => {
    const raw = v[key];
    if (!raw) return undefined;
    const u = parse(raw);
    if (!u) {
      out.push({ check: 'login-host', level: 'warn', message: `${label} "${raw}" is not a URL`, fix: 'write it as https://host (e.g. https://login.salesforce.com)', guideStep: STEP.testPostman });
      return undefined;
    }
    const local = LOCAL.test(u.hostname);
    if (u.protocol !== 'https:' && !local) out.push({ check: 'login-host', level: 'warn', message: `${label} ${u.host} is not https`, fix: 'Salesforce answers only over https: use https://', guideStep: STEP.myDomain });
    else if (!local && !isSalesforceHost(u.hostname)) out.push({ check: 'login-host', level: 'warn', message: `${label} ${u.host} is not a Salesforce host`, fix: 'use login.salesforce.com, test.salesforce.com or your My Domain (Setup > My Domain)', guideStep: STEP.myDomain });
    return u;
  };
  const l = hostFinding('login_url', 'login URL');
  const instance = hostFinding('instance_url', 'instance URL');
  const myDomain = hostFinding('my_domain_url', 'My Domain URL');
  if (l && LOCAL.test(l.hostname)) out.push({ check: 'login-host', level: 'ok', message: `login host ${l.host} (local emulator)` });
  else if (l && !out.length) out.push({ check: 'login-host', level: 'ok', message: `login host ${l.host} (${isSandboxHost(l.hostname) ? 'sandbox' : 'production or My Domain'})` });
  if (l && instance && !LOCAL.test(l.hostname) && !LOCAL.test(instance.hostname)) {
    if (isLoginHost(instance.hostname)) {
      out.push({ check: 'instance-host', level: 'warn', message: `instance URL is the login host ${instance.host}`, fix: 'REST calls go to the org\'s own host: unset SF_INSTANCE_URL (the token response gives it) or set your My Domain URL', guideStep: STEP.agentStudio });
    } else if (isSandboxHost(l.hostname) !== isSandboxHost(instance.hostname) && isSalesforceHost(instance.hostname)) {
      out.push({
        check: 'instance-host',
        level: 'warn',
        message: `login host ${l.host} is a ${isSandboxHost(l.hostname) ? 'sandbox' : 'production'} host but the instance URL ${instance.host} is ${isSandboxHost(instance.hostname) ? 'a sandbox' : 'production'}`,
        fix: 'a token from one org is refused by another (401 INVALID_SESSION_ID): make both point at the same org',
        guideStep: STEP.testPostman,
      });
    }
  }
  if (flow === 'client-credentials' && myDomain && isLoginHost(myDomain.hostname)) {
    out.push({ check: 'login-host', level: 'warn', message: `client credentials go to ${myDomain.host}, which refuses them ("request not supported on this domain")`, fix: 'set SF_MY_DOMAIN_URL to https://MyDomainName.my.salesforce.com', guideStep: STEP.myDomain });
  }
  return out;
}

function apiVersionCheck(version: string | undefined): PreflightFinding[] {
  if (!version) return [];
  const m = /^v?(\d{2,3})\.0$/.exec(version.trim());
  if (!m || version.startsWith('v')) {
    return [{ check: 'api-version', level: 'warn', message: `API version "${version}" is not in the form NN.0`, fix: 'write it as 62.0 (no leading v: the path adds it)', guideStep: STEP.agentStudio }];
  }
  const n = Number(m[1]);
  if (n < GUIDE_API_VERSIONS.oldest) {
    return [{ check: 'api-version', level: 'warn', message: `API version ${version} is older than the guide's (v${GUIDE_API_VERSIONS.oldest}.0 and v${GUIDE_API_VERSIONS.latest}.0)`, fix: `use ${GUIDE_API_VERSIONS.latest}.0 (SF_API_VERSION) unless you depend on an old version`, guideStep: STEP.agentStudio }];
  }
  if (n < GUIDE_API_VERSIONS.latest) {
    return [{ check: 'api-version', level: 'info', message: `API version ${version}: the guide's user-consent part uses v${GUIDE_API_VERSIONS.latest}.0` }];
  }
  return [{ check: 'api-version', level: 'ok', message: `API version ${version}` }];
}

function redirectCheck(uri: string | undefined): PreflightFinding[] {
  if (!uri) return [];
  const u = parse(uri);
  const fix = 'a Callback URL is https://…, or http://localhost:PORT/… for a local listener; it must equal one of the app\'s Callback URLs';
  if (!u) return [{ check: 'redirect-uri', level: 'warn', message: `redirect_uri "${uri}" is not a URL`, fix, guideStep: STEP.ucaApp }];
  if (u.hash) return [{ check: 'redirect-uri', level: 'warn', message: `redirect_uri ${uri} has a #fragment`, fix, guideStep: STEP.ucaApp }];
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL.test(u.hostname))) return [{ check: 'redirect-uri', level: 'ok', message: `redirect_uri ${uri}` }];
  return [{ check: 'redirect-uri', level: 'warn', message: `redirect_uri ${uri} is ${u.protocol === 'http:' ? 'http on a host other than localhost' : `not http(s) (${u.protocol})`}`, fix, guideStep: STEP.ucaApp }];
}

const NEEDED_SCOPES: Readonly<Record<PreflightFlow, ReadonlyArray<readonly string[]>>> = {
  password: [['api']],
  'client-credentials': [['api']],
  jwt: [['api']],
  uca: [['api'], ['refresh_token', 'offline_access'], ['openid']],
  'user-access': [['api'], ['refresh_token', 'offline_access'], ['openid']],
};

function scopeCheck(flow: PreflightFlow, requested: string | undefined): PreflightFinding[] {
  const needed = NEEDED_SCOPES[flow];
  const names = needed.map((alts) => alts.join('/')).join(', ');
  if (requested === undefined) {
    return [{ check: 'scopes', level: 'info', message: `the Connected App must offer the scopes ${names} (not visible offline)`, guideStep: STEP.oauthSettings }];
  }
  const have = new Set(requested.split(/\s+/).filter(Boolean));
  const missing = needed.filter((alts) => !alts.some((s) => have.has(s))).map((alts) => alts.join(' or '));
  if (missing.length) return [{ check: 'scopes', level: 'warn', message: `the requested scope "${requested}" lacks ${missing.join(', ')}`, fix: `ask for ${names}`, guideStep: STEP.ucaApp }];
  return [{ check: 'scopes', level: 'ok', message: `scopes ${requested}` }];
}

/** A security token is 24 or 25 letters and digits. */
const TOKEN_SHAPE = /^[A-Za-z0-9]{20,30}$/;

function securityTokenCheck(v: PreflightInput['values']): PreflightFinding[] {
  const password = v['password'] ?? '';
  const token = v['security_token'] ?? '';
  if (!password) return [];
  if (!token) {
    return [{ check: 'security-token', level: 'warn', message: 'the security token is empty: the password is sent without it', fix: 'set SF_SECURITY_TOKEN (Reset My Security Token) unless the org trusts your IP range; otherwise expect invalid_grant "authentication failure"', guideStep: STEP.securityToken }];
  }
  if (password.endsWith(token)) {
    return [{ check: 'security-token', level: 'warn', message: 'the password already ends with the security token: it would be sent twice', fix: 'keep the password in SF_PASSWORD and the token in SF_SECURITY_TOKEN, each alone', guideStep: STEP.securityToken }];
  }
  if (!TOKEN_SHAPE.test(token)) {
    return [{ check: 'security-token', level: 'warn', message: `the security token does not look like one (${token.length} characters; tokens are 24–25 letters and digits)`, fix: 'copy it again from the "Your new Salesforce security token" email', guideStep: STEP.securityToken }];
  }
  return [{ check: 'security-token', level: 'ok', message: 'password and security token both set' }];
}

export function preflight(input: PreflightInput): PreflightFinding[] {
  const v = input.values;
  const uca = input.flow === 'uca' || input.flow === 'user-access';
  return [
    ...hostChecks(v, input.flow),
    ...apiVersionCheck(v['api_version']),
    ...(uca ? redirectCheck(v['redirect_uri']) : []),
    ...scopeCheck(input.flow, input.requestedScope),
    ...(input.flow === 'password' ? securityTokenCheck(v) : []),
  ];
}
