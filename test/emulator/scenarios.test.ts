/**
 * Every scenario over real HTTP: with the scenario's org and client side, each flow it lists is refused with the
 * documented wire answer, and every other flow still works end to end (token, Account query, UserInfo). Without the
 * scenario (the fix), the same client side works for the org-side scenarios.
 */
import { expect } from 'chai';
import { LOCAL_USERS, SCENARIOS, startEmulator, type ScenarioFlow, type StartedEmulator } from '../../src/emulator';
import { probe, type Probe } from './scenario-probe';

const FLOWS: readonly ScenarioFlow[] = ['password', 'client-credentials', 'jwt', 'uca'];
/** Opt-in flows (they change data): probed under the scenarios that list them, and in every fix. */
const OPT_IN: readonly ScenarioFlow[] = ['write'];
const flowsOf = (listed: readonly ScenarioFlow[]): ScenarioFlow[] => [...FLOWS, ...OPT_IN.filter((f) => listed.includes(f))];

interface Wire {
  status: number;
  /** Substring of the body (JSON or the form-encoded inline error). */
  text: string;
}

const oauth = (error: string, description: string): Wire => ({ status: 400, text: JSON.stringify({ error, error_description: description }) });
const inline = (error: string, description: string): Wire => ({ status: 400, text: `error=${error}&error_description=${encodeURIComponent(description)}` });
const rest = (status: number, code: string, message: string): Wire => ({ status, text: JSON.stringify([{ message, errorCode: code }]) });

const AUTH_FAILURE = oauth('invalid_grant', 'authentication failure');
const INVALID_CLIENT_ID = { password: oauth('invalid_client_id', 'client identifier invalid'), uca: inline('invalid_client_id', 'client identifier invalid') };

/** The documented answer per scenario and flow (`*` for every flow it lists). */
const WIRE: Record<string, Partial<Record<ScenarioFlow | '*', Wire>>> = {
  'security-token-missing': { '*': AUTH_FAILURE },
  'wrong-password': { '*': AUTH_FAILURE },
  'user-locked': { '*': AUTH_FAILURE },
  'password-flow-blocked': { '*': AUTH_FAILURE },
  'sandbox-user-on-production-login': { '*': AUTH_FAILURE },
  'app-not-propagated': { '*': INVALID_CLIENT_ID.password, uca: INVALID_CLIENT_ID.uca },
  'wrong-consumer-key': { '*': INVALID_CLIENT_ID.password, uca: INVALID_CLIENT_ID.uca },
  'wrong-consumer-secret': { '*': oauth('invalid_client', 'invalid client credentials') },
  'permission-set-missing': { password: oauth('invalid_grant', "user hasn't approved this consumer"), jwt: oauth('invalid_app_access', 'user is not admin approved to access this app') },
  'ip-restricted': { '*': oauth('invalid_grant', 'ip restricted or invalid login hours') },
  'user-inactive': { '*': oauth('invalid_grant', 'inactive user') },
  'org-inactive': { '*': oauth('inactive_org', 'organization is locked, closed, or suspended'), uca: inline('inactive_org', 'organization is locked, closed, or suspended') },
  'wrong-callback': { uca: inline('redirect_uri_mismatch', 'redirect_uri must match configuration') },
  'pkce-required': { uca: inline('invalid_request', 'missing required code challenge') },
  'refresh-token-revoked': { uca: oauth('invalid_grant', 'expired access/refresh token') },
  'client-credentials-no-run-as': { 'client-credentials': oauth('invalid_grant', 'no client credentials user enabled') },
  'api-disabled': { '*': rest(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.') },
  'daily-limit-spent': { '*': rest(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.') },
  'object-not-visible': { '*': { status: 400, text: "sObject type 'Account' is not supported" } },
  'service-user-read-only': { write: rest(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id') },
  'session-expired': { '*': rest(401, 'INVALID_SESSION_ID', 'Session expired or invalid') },
  'client-credentials-on-login-host': { 'client-credentials': oauth('invalid_grant', 'request not supported on this domain') },
  'jwt-wrong-audience': { jwt: oauth('invalid_grant', 'Audience validation failed') },
  'my-domain-unreachable': { 'client-credentials': { status: 0, text: 'ECONNREFUSED' } },
  'tls-untrusted-certificate': { 'client-credentials': { status: 0, text: 'SELF_SIGNED_CERT_IN_CHAIN' } },
  'token-body-json': { password: oauth('unsupported_grant_type', 'grant type not supported') },
  'auth-header-without-bearer': { password: rest(401, 'INVALID_AUTH_HEADER', 'INVALID_HEADER_TYPE') },
  'owner-id-me': { uca: { status: 400, text: '"errorCode":"INVALID_QUERY_FILTER_OPERATOR"' } },
  'userinfo-with-refresh-token': { uca: { status: 403, text: 'Bad_OAuth_Token' } },
};

function describeProbe(p: Probe): string {
  return p.ok ? 'ok' : `${p.step}: ${p.status} ${p.text.slice(0, 200)}`;
}

/** The emulator verify --env local starts (the admin as client-credentials run-as user), with the scenario. */
function start(scenario?: string): Promise<StartedEmulator> {
  return startEmulator({ app: { clientCredentialsUser: LOCAL_USERS.admin.username }, ...(scenario ? { scenario } : {}) });
}

describe('emulator scenarios over HTTP', function () {
  this.timeout(30_000);

  it(`lists the ${Object.keys(WIRE).length} scenarios of the diagnosis table, each with a code, a fix and at least one flow`, () => {
    expect(SCENARIOS.map((s) => s.name)).to.deep.equal(Object.keys(WIRE));
    for (const s of SCENARIOS) {
      expect(s.expectedDiagnosis, s.name).to.match(/^SFD_[A-Z_]+$/);
      expect(s.flows, s.name).to.not.be.empty;
      expect(s.fix.length, s.name).to.be.greaterThan(20);
      expect(s.summary.length, s.name).to.be.greaterThan(20);
    }
  });

  it('refuses an unknown scenario, naming the known ones', async () => {
    let error: Error | undefined;
    await startEmulator({ scenario: 'no-such-thing' }).catch((e: Error) => (error = e));
    expect(error?.message).to.include('unknown scenario "no-such-thing"').and.include('wrong-callback');
  });

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      let emu: StartedEmulator;
      before(async () => {
        emu = await start(scenario.name);
      });
      after(() => emu.close());

      for (const flow of flowsOf(scenario.flows)) {
        const broken = scenario.flows.includes(flow);
        it(`${flow}: ${broken ? 'answers the documented error' : 'still works'}`, async () => {
          const result = await probe(emu, flow, scenario.client);
          if (!broken) {
            expect(result.ok, describeProbe(result)).to.equal(true);
            return;
          }
          const wire = WIRE[scenario.name]?.[flow] ?? WIRE[scenario.name]?.['*'];
          expect(wire, 'an expectation for this flow').to.not.equal(undefined);
          expect(result.ok, 'the flow is refused').to.equal(false);
          if (result.ok || !wire) return;
          expect(result.status, describeProbe(result)).to.equal(wire.status);
          expect(result.text, describeProbe(result)).to.include(wire.text);
          if (scenario.name === 'daily-limit-spent') expect(result.headers['sforce-limit-info']).to.equal('api-usage=15000/15000');
        });
      }
    });
  }

  describe('the fix: the same clients against an org without the misconfiguration', () => {
    let emu: StartedEmulator;
    before(async () => {
      emu = await start();
    });
    after(() => emu.close());

    // The org-side scenarios: the scenario's own client side works once the org is fixed.
    for (const scenario of SCENARIOS.filter((s) => s.options || s.prepare)) {
      it(`${scenario.name}: every flow works`, async () => {
        for (const flow of [...FLOWS, ...OPT_IN]) {
          const result = await probe(emu, flow, scenario.client);
          expect(result.ok, `${flow}: ${describeProbe(result)}`).to.equal(true);
        }
      });
    }
  });
});
