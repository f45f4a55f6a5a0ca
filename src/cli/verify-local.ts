/**
 * verify --env local: one embedded emulator for every flow, each flow's values prepared just before it runs.
 * client credentials: the app gets the admin as its run-as user and the token goes to the My Domain host (127.0.0.1);
 * JWT: an assertion signed with the app certificate's key, aud = the login host; uca and user-access: the login and
 * consent pages submitted over HTTP for the standard user and for the admin, then their refresh tokens.
 * With --scenario NAME the emulator reproduces that misconfiguration and the values sent follow the scenario's client
 * side (another consumer key or secret, the password without its token, no PKCE, another host or JWT audience...). When
 * the consent itself is refused, the flow runs the refused request instead of its collection, so its report shows the
 * answer; a scenario's collection mistake (scenario-mistakes.ts) runs the flow's collection with that one mistake.
 */
import type { ClientChanges, Scenario, StartedEmulator } from '../emulator';
import { SCENARIOS } from '../emulator/scenarios';
import type { EnvKey, FlowSpec } from '../spec';
import { SfcheckError } from '../errors';
import { FLOW_SPECS, type VerifyFlow } from './flows';
import { signAssertion } from './jwt';
import { withMistake } from './scenario-mistakes';
import { localConsent } from './local-consent';

/** The scenario named by --scenario; an unknown name is a usage error naming the known ones. */
export function scenarioNamed(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) {
    throw new SfcheckError('SFCHECK_USAGE', `unknown scenario "${name}"`, `use one of ${SCENARIOS.map((s) => s.name).join(', ')} (sfcheck emulator --scenario list describes them)`);
  }
  return found;
}

export async function startLocalEmulator(scenario?: Scenario): Promise<StartedEmulator> {
  const { startEmulator, LOCAL_USERS } = await import('../emulator');
  return startEmulator({ port: 0, app: { clientCredentialsUser: LOCAL_USERS.admin.username }, ...(scenario ? { scenario: scenario.name } : {}) }).catch((e: Error) => {
    throw new SfcheckError('SFCHECK_EMULATOR_START', `the embedded emulator did not start: ${e.message}`, 'free a local port or run with --debug');
  });
}

type Values = Partial<Record<EnvKey, string>>;
type Consent = { token: string } | { failed: FlowSpec };

export class LocalFlowValues {
  private readonly consents = new Map<string, Promise<Consent>>();
  private readonly replacements = new Map<VerifyFlow, FlowSpec>();
  private readonly client: ClientChanges;

  constructor(private readonly emu: StartedEmulator, scenario?: Scenario) {
    this.client = scenario?.client ?? {};
  }

  private get clientId(): string {
    return this.client.clientId ?? this.emu.credentials.clientId;
  }

  /** A local user's consent (authorize pages driven over HTTP), once per user. */
  private async consentOf(who: 'admin' | 'salesRep'): Promise<Consent> {
    let consent = this.consents.get(who);
    if (!consent) {
      const { LOCAL_USERS } = await import('../emulator');
      const user = LOCAL_USERS[who];
      const c = this.emu.credentials;
      consent = localConsent({
        loginUrl: this.emu.url,
        clientId: this.clientId,
        clientSecret: this.client.clientSecret ?? c.clientSecret,
        redirectUri: this.client.redirectUri ?? c.redirectUri,
        username: user.username,
        password: user.password,
        pkce: this.client.pkce !== false,
      }).then((o) => ('failed' in o ? o : { token: o.refreshToken }));
      this.consents.set(who, consent);
    }
    return consent;
  }

  /** What re-authentication needs besides the environment: the app certificate's key and the login host as `aud`. */
  grantExtras(): { jwtKeyPem: string; jwtAudience: string } {
    return { jwtKeyPem: this.emu.local.jwtPrivateKeyPem, jwtAudience: this.emu.loginUrl };
  }

  /** Refresh tokens by variable; a refused consent makes the flow run the refused request instead. */
  private async refreshTokens(flow: VerifyFlow, wanted: Array<['refresh_token' | 'admin_refresh_token', 'admin' | 'salesRep']>): Promise<Values> {
    const out: Values = {};
    for (const [variable, who] of wanted) {
      const consent = await this.consentOf(who);
      if ('failed' in consent) {
        this.replacements.set(flow, consent.failed);
        return {};
      }
      out[variable] = consent.token;
    }
    return out;
  }

  /**
   * Set after valuesFor(flow): the request to run instead of the flow's collection (its consent was refused), or the
   * flow's collection with the scenario's client-side mistake.
   */
  replacementFor(flow: VerifyFlow): FlowSpec | undefined {
    const refused = this.replacements.get(flow);
    if (refused) return refused;
    return this.client.mistake === undefined ? undefined : withMistake(flow, FLOW_SPECS[flow], this.client.mistake);
  }

  /** A URL on 127.0.0.1 where nothing listens: a port just bound by the system and released. */
  private async closedPortUrl(): Promise<string> {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', () => ok()));
    const address = server.address();
    await new Promise<void>((ok) => server.close(() => ok()));
    if (address === null || typeof address === 'string') throw new SfcheckError('SFCHECK_EMULATOR_START', 'no closed local port could be found', 'run with --debug');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The emulator's https listener (its certificate signed by the run's own authority), which the scenario opens. */
  private httpsUrl(): string {
    if (!this.emu.https) throw new SfcheckError('SFCHECK_EMULATOR_START', 'the embedded emulator has no https listener', 'run with --debug and report the issue');
    return this.emu.https.url;
  }

  /** The values every flow sends differently under the scenario (consumer key and secret, redirect_uri). */
  private clientValues(): Values {
    const v: Values = {};
    if (this.client.clientId !== undefined) v.client_id = this.client.clientId;
    if (this.client.clientSecret !== undefined) v.client_secret = this.client.clientSecret;
    if (this.client.redirectUri !== undefined) v.redirect_uri = this.client.redirectUri;
    return v;
  }

  async valuesFor(flow: VerifyFlow): Promise<Values> {
    const c = this.emu.credentials;
    const common = this.clientValues();
    switch (flow) {
      case 'password':
      case 'write': {
        const login = this.client.passwordLogin;
        return {
          ...common,
          ...(login ? { username: login.username, password: login.password, security_token: login.securityToken } : {}),
          ...(this.client.passwordOnLoginHost ? { login_url: this.emu.loginUrl } : {}),
        };
      }
      case 'client-credentials':
        if (this.client.myDomainUnreachable) return { ...common, my_domain_url: await this.closedPortUrl() };
        if (this.client.myDomainOverHttps) return { ...common, my_domain_url: this.httpsUrl() };
        return { ...common, ...(this.client.clientCredentialsOnLoginHost ? { my_domain_url: this.emu.loginUrl } : {}) };
      case 'jwt': {
        const username = this.client.jwtSubject ?? c.username;
        const audience = this.client.jwtAudience === 'my-domain-url' ? this.emu.url : this.emu.loginUrl;
        return { ...common, jwt_assertion: await signAssertion(this.emu.local.jwtPrivateKeyPem, { clientId: this.clientId, username, audience }) };
      }
      case 'uca':
        return { ...common, ...(await this.refreshTokens(flow, [['refresh_token', 'salesRep']])) };
      case 'user-access':
        return { ...common, ...(await this.refreshTokens(flow, [['refresh_token', 'salesRep'], ['admin_refresh_token', 'admin']])) };
      default:
        return common;
    }
  }
}
