/**
 * The flows `verify --flow` knows, the collection each one runs, and what each needs from a real org (SF_ variables,
 * a stored login). Which flows run: the ones asked for; with `all` on a real org, those whose variables are present.
 * `all` means every read-only flow: the opt-in ones (write: it creates and deletes a record) run only when named.
 */
import type { EnvironmentInput, GrantConfig } from '../engine';
import { SfcheckError } from '../errors';
import { clientCredentialsFlow, jwtBearerFlow, passwordFlow, userAccessFlow, userConsentFlow, writeFlow, type EnvKey, type FlowSpec } from '../spec';
import { missingVariables, PASSWORD_VARIABLES } from './environment';
import { loginFile, readLogin } from './login/store';

/** The read-only flows: `--flow all`, the default. */
export const READ_ONLY_FLOWS = ['password', 'client-credentials', 'jwt', 'uca', 'user-access'] as const;
/** Flows that change data: only when named (`--flow write`, alone or in a list), or when a scenario breaks them. */
export const OPT_IN_FLOWS = ['write'] as const;
export const VERIFY_FLOWS = [...READ_ONLY_FLOWS, ...OPT_IN_FLOWS] as const;
export type VerifyFlow = (typeof VERIFY_FLOWS)[number];

const isOptIn = (f: string): boolean => (OPT_IN_FLOWS as readonly string[]).includes(f);

export const FLOW_SPECS: Readonly<Record<VerifyFlow, FlowSpec>> = {
  password: passwordFlow,
  'client-credentials': clientCredentialsFlow,
  jwt: jwtBearerFlow,
  uca: userConsentFlow,
  'user-access': userAccessFlow,
  write: writeFlow,
};

/**
 * `all` (every read-only flow), one flow, or a comma-separated list, in the canonical order. An opt-in flow runs only
 * when named: `all,write` is every flow.
 */
export function parseFlows(option: string): VerifyFlow[] {
  const names = option.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => n !== 'all' && !(VERIFY_FLOWS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new SfcheckError(
      'SFCHECK_USAGE',
      `unknown flow "${unknown[0] ?? option}"`,
      `use --flow ${VERIFY_FLOWS.join('|')}|all (or a comma-separated list); all is every read-only flow, ${OPT_IN_FLOWS.join(', ')} runs only when named`,
    );
  }
  const all = names.includes('all');
  return VERIFY_FLOWS.filter((f) => names.includes(f) || (all && !isOptIn(f)));
}

/**
 * The flows of `verify --env local --scenario NAME` without --flow: the read-only ones, plus the opt-in flows the
 * scenario breaks (a scenario that breaks only the write flow must run it to show its failure).
 */
export function scenarioFlows(broken: readonly string[]): VerifyFlow[] {
  return VERIFY_FLOWS.filter((f) => !isOptIn(f) || broken.includes(f));
}

/** The grant family of a flow, as preflight and the diagnosis context know it (write uses the password grant). */
export function grantFamily(flow: VerifyFlow): Exclude<VerifyFlow, 'write'> {
  return flow === 'write' ? 'password' : flow;
}

/** SF_ variables a flow needs on a real org, besides a refresh token for uca and user-access. */
const NEEDS: Readonly<Record<VerifyFlow, readonly string[]>> = {
  password: PASSWORD_VARIABLES,
  'client-credentials': ['SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_MY_DOMAIN_URL'],
  jwt: ['SF_CLIENT_ID', 'SF_USERNAME', 'SF_JWT_KEY_FILE'],
  uca: ['SF_CLIENT_ID', 'SF_CLIENT_SECRET'],
  'user-access': ['SF_CLIENT_ID', 'SF_CLIENT_SECRET'],
  write: PASSWORD_VARIABLES,
};

export interface OrgFlow {
  flow: VerifyFlow;
  /** Values on top of the SF_ ones (the stored refresh token and its login URL). */
  extra: Partial<Record<EnvKey, string>>;
}

export interface OrgPlan {
  run: OrgFlow[];
  skipped: Array<{ flow: VerifyFlow; why: string }>;
}

/** What each asked-for flow lacks; runs the complete ones. Asked for explicitly, a flow that lacks something is an error. */
export function planOrgFlows(envName: string, vars: Record<string, string | undefined>, flows: readonly VerifyFlow[], explicit: boolean): OrgPlan {
  const plan: OrgPlan = { run: [], skipped: [] };
  const stored = (role: 'user' | 'admin' = 'user'): ReturnType<typeof readLogin> => readLogin(envName, role);
  for (const flow of flows) {
    const missing = grantFamily(flow) === 'password' ? PASSWORD_VARIABLES.filter((n) => vars[n] === undefined) : missingVariables(NEEDS[flow], vars);
    const extra: Partial<Record<EnvKey, string>> = {};
    if (flow === 'uca' || flow === 'user-access') {
      if (!vars['SF_REFRESH_TOKEN']) {
        const login = stored();
        if (login) {
          extra.refresh_token = login.refresh_token;
          if (!vars['SF_LOGIN_URL']) extra.login_url = login.login_url;
        } else {
          missing.push(`SF_REFRESH_TOKEN (or run \`sfcheck login --env ${envName}\`, which stores it in ${loginFile(envName)})`);
        }
      }
    }
    if (flow === 'user-access' && !vars['SF_ADMIN_REFRESH_TOKEN']) {
      const admin = stored('admin');
      if (admin) extra.admin_refresh_token = admin.refresh_token;
      else missing.push(`SF_ADMIN_REFRESH_TOKEN (or \`sfcheck login --env ${envName} --admin\` as an admin)`);
    }
    if (missing.length === 0) plan.run.push({ flow, extra });
    else plan.skipped.push({ flow, why: `needs ${missing.join(', ')}` });
  }
  if (plan.run.length === 0 || (explicit && plan.skipped.length > 0)) {
    const lines = plan.skipped.map((s) => `  --flow ${s.flow} ${s.why}`);
    throw new SfcheckError(
      'SFCHECK_MISSING_VARIABLES',
      `--env ${envName}: ${plan.run.length === 0 ? 'no flow can run' : 'a flow you asked for cannot run'}:\n${lines.join('\n')}`,
      `export the variables in your shell or CI secrets, or put them in a .env file in ${process.cwd()} (copy .env.example). ` +
        'SF_SECURITY_TOKEN may be set to an empty value when the org trusts your IP range.',
    );
  }
  return plan;
}

const TOKEN_PATH = '/services/oauth2/token';

/**
 * How the native engine re-authenticates in a flow's run (401 INVALID_SESSION_ID mid-run), from the values the run's
 * environment holds (SF_ variables, the emulator's credentials, an environment file) — the same ones the collection's
 * token request uses. user-access has two identities and gets none. The JWT key is read by the CLI, never the engine.
 */
export function grantFor(flow: VerifyFlow, env: EnvironmentInput, extra: { jwtKeyPem?: string; jwtAudience?: string } = {}): GrantConfig | undefined {
  const v = (key: string): string => env.values.find((x) => x.key === key && x.enabled !== false)?.value ?? '';
  const tokenUrl = (base: string): string => `${base.replace(/\/+$/, '')}${TOKEN_PATH}`;
  const secret = v('client_secret') ? { clientSecret: v('client_secret') } : {};
  switch (grantFamily(flow)) {
    case 'password':
      return { grant: 'password', tokenUrl: tokenUrl(v('login_url')), clientId: v('client_id'), ...secret, username: v('username'), password: `${v('password')}${v('security_token')}` };
    case 'client-credentials':
      return { grant: 'client_credentials', tokenUrl: tokenUrl(v('my_domain_url')), clientId: v('client_id'), ...secret };
    case 'jwt':
      if (!extra.jwtKeyPem) return undefined;
      return {
        grant: 'jwt_bearer',
        tokenUrl: tokenUrl(v('login_url')),
        clientId: v('client_id'),
        username: v('username'),
        privateKeyPem: extra.jwtKeyPem,
        audience: extra.jwtAudience || v('login_url'),
      };
    case 'uca':
      return v('refresh_token') ? { grant: 'refresh_token', tokenUrl: tokenUrl(v('login_url')), clientId: v('client_id'), ...secret, refreshToken: v('refresh_token') } : undefined;
    default:
      return undefined;
  }
}
