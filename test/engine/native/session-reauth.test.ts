/**
 * The native engine's auth layer over real HTTP against the emulator: a token revoked mid-run (the emulator's revoke
 * endpoint, or its `session` fault) is replaced once with each grant — password, client credentials, refresh token,
 * JWT bearer (PKCS#8 and PKCS#1 keys) — the request is rebuilt with the new {{access_token}} and sent once more.
 * Only 401 INVALID_SESSION_ID triggers it, only with a GrantConfig, and a second 401 stands.
 */
import { expect } from 'chai';
import { createPrivateKey } from 'node:crypto';
import { consentOverHttp } from '../../../src/cli/login/consent';
import { LOCAL_USERS } from '../../../src/emulator';
import { nativeEngine } from '../../../src/engine/native';
import type { GrantConfig, RunInput, RunResult } from '../../../src/engine/result';
import { useEmulator } from '../../helpers';
import { loginAs } from '../../emulator/data-helpers';
import { bearer, collection, item, startServer } from './helpers';

const QUERY = '/services/data/v62.0/query?q=SELECT+Id+FROM+Account+LIMIT+1';
const TOKEN_PATH = '/services/oauth2/token';

function authHeader(r: RunResult['requests'][number]): string | undefined {
  return r.request.headers.find((h) => h.key.toLowerCase() === 'authorization')?.value;
}

/** query, revoke the token the run uses, query again (401 -> re-auth), userinfo with the new token. */
function revokeMidRun(base: string): unknown {
  const auth = bearer('{{access_token}}');
  return collection([
    item('before', { method: 'GET', url: `${base}${QUERY}`, auth }),
    item('revoke', { method: 'POST', url: `${base}/services/oauth2/revoke`, body: { mode: 'urlencoded', urlencoded: [{ key: 'token', value: '{{access_token}}' }] } }),
    item('after', { method: 'GET', url: `${base}${QUERY}`, auth }),
    item('userinfo', { method: 'GET', url: `${base}/services/oauth2/userinfo`, auth }),
  ]);
}

describe('native auth layer: re-authentication after a mid-run revocation, each grant', function () {
  this.timeout(30_000);
  const emu = useEmulator({ app: { clientCredentialsUser: LOCAL_USERS.admin.username } });

  async function runWith(grant: GrantConfig): Promise<{ run: RunResult; first: string }> {
    const first = await loginAs(emu(), LOCAL_USERS.admin);
    const input: RunInput = {
      collection: revokeMidRun(emu().url),
      environment: { name: 'reauth', values: [{ key: 'access_token', value: first, type: 'secret' }] },
      auth: grant,
    };
    return { run: await nativeEngine.run(input), first };
  }

  function expectRecovered(run: RunResult, first: string): void {
    const [before, revoke, after, userinfo] = run.requests;
    expect(before?.response?.code).to.equal(200);
    expect(revoke?.response?.code).to.equal(200);
    expect(after?.response?.code, after?.response?.body).to.equal(200);
    expect(after?.retries).to.have.length(1);
    expect(after?.retries?.[0]).to.include({ attempt: 2, cause: '401 INVALID_SESSION_ID', action: 'reauth' });
    // The request was rebuilt: it went out with the new token, and the variable holds it for the next request.
    const fresh = run.variables.environment.find((v) => v.key === 'access_token')?.value ?? '';
    expect(fresh).to.not.equal(first).and.to.not.equal('');
    expect(authHeader(after!)).to.equal(`Bearer ${fresh}`);
    expect(userinfo?.response?.code).to.equal(200);
    expect(userinfo?.retries).to.equal(undefined);
    expect(before?.retries).to.equal(undefined);
  }

  const c = () => emu().credentials;

  it('password grant', async () => {
    const { run, first } = await runWith({ grant: 'password', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c().clientId, clientSecret: c().clientSecret, username: c().username, password: c().password + c().securityToken });
    expectRecovered(run, first);
  });

  it('client credentials grant (My Domain host)', async () => {
    const { run, first } = await runWith({ grant: 'client_credentials', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c().clientId, clientSecret: c().clientSecret });
    expectRecovered(run, first);
  });

  it('refresh token grant (a user-consent refresh token)', async () => {
    const tokens = await consentOverHttp({ loginUrl: emu().url, clientId: c().clientId, clientSecret: c().clientSecret, redirectUri: c().redirectUri, username: c().username, password: c().password });
    const { run, first } = await runWith({ grant: 'refresh_token', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c().clientId, clientSecret: c().clientSecret, refreshToken: tokens.refresh_token });
    expectRecovered(run, first);
  });

  for (const format of ['pkcs8', 'pkcs1'] as const) {
    it(`JWT bearer grant, RS256 assertion from a ${format.toUpperCase()} PEM the emulator trusts`, async () => {
      const pem = createPrivateKey(emu().local.jwtPrivateKeyPem).export({ type: format, format: 'pem' }).toString();
      expect(pem).to.match(format === 'pkcs1' ? /BEGIN RSA PRIVATE KEY/ : /BEGIN PRIVATE KEY/);
      const { run, first } = await runWith({ grant: 'jwt_bearer', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c().clientId, username: c().username, privateKeyPem: pem, audience: emu().loginUrl });
      expectRecovered(run, first);
    });
  }

  it('without a GrantConfig the 401 stands (no re-authentication)', async () => {
    const first = await loginAs(emu(), LOCAL_USERS.admin);
    const run = await nativeEngine.run({ collection: revokeMidRun(emu().url), environment: { name: 'x', values: [{ key: 'access_token', value: first }] } });
    expect(run.requests[2]?.response?.code).to.equal(401);
    expect(run.requests[2]?.retries).to.equal(undefined);
  });

  it('a grant the org refuses: the 401 stands and a warning says why, without the secret', async () => {
    const { run } = await runWith({ grant: 'password', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c().clientId, clientSecret: c().clientSecret, username: c().username, password: 'wrong-Password-1' });
    expect(run.requests[2]?.response?.code).to.equal(401);
    expect(run.requests[2]?.retries).to.equal(undefined);
    const warning = run.warnings.find((w) => w.includes('re-authentication'));
    expect(warning).to.match(/password token request was refused: 400 invalid_grant/);
    expect(warning).to.not.include('wrong-Password-1');
  });
});

describe('native auth layer: the emulator revokes every session, a second 401 stands', function () {
  this.timeout(30_000);
  // Every query revokes every token first: the re-authenticated attempt is refused too.
  const emu = useEmulator({ faults: ['session@/services/data/v62.0/query'] });

  it('re-authenticates once, sends once more, and keeps the second 401', async () => {
    const c = emu().credentials;
    const first = await loginAs(emu(), LOCAL_USERS.admin);
    const col = collection([item('q', { method: 'GET', url: `${emu().url}${QUERY}`, auth: bearer('{{access_token}}') })]);
    const run = await nativeEngine.run({
      collection: col,
      environment: { name: 'x', values: [{ key: 'access_token', value: first }] },
      auth: { grant: 'password', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c.clientId, clientSecret: c.clientSecret, username: c.username, password: c.password + c.securityToken },
    });
    const q = run.requests[0];
    expect(q?.response?.code).to.equal(401);
    expect(q?.retries?.map((r) => r.action)).to.deep.equal(['reauth']);
    expect(authHeader(q!)).to.not.equal(`Bearer ${first}`);
  });
});

describe('native auth layer: only INVALID_SESSION_ID triggers re-authentication', function () {
  this.timeout(20_000);

  it('a 401 with another error code is left alone: no token request, no retry', async () => {
    const server = await startServer((req, res) => {
      if (req.url.startsWith(TOKEN_PATH)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'new-token-123', instance_url: 'http://127.0.0.1' }));
        return;
      }
      const invalid = req.url === '/invalid-session';
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify([{ message: 'no', errorCode: invalid ? 'INVALID_SESSION_ID' : 'INVALID_AUTH_HEADER' }]));
    });
    try {
      const col = collection([
        item('other', { method: 'GET', url: `${server.base}/other-401`, auth: bearer('{{access_token}}') }),
        item('invalid', { method: 'GET', url: `${server.base}/invalid-session`, auth: bearer('{{access_token}}') }),
      ]);
      const run = await nativeEngine.run({
        collection: col,
        environment: { name: 'x', values: [{ key: 'access_token', value: 'old-token-123' }] },
        auth: { grant: 'client_credentials', tokenUrl: `${server.base}${TOKEN_PATH}`, clientId: 'id', clientSecret: 'secret' },
      });
      expect(run.requests[0]?.retries).to.equal(undefined);
      expect(run.requests[1]?.retries?.map((r) => r.action)).to.deep.equal(['reauth']);
      expect(server.requests.map((r) => r.url)).to.deep.equal(['/other-401', '/invalid-session', TOKEN_PATH, '/invalid-session']);
      expect(server.requests[3]?.headers.authorization).to.equal('Bearer new-token-123');
      expect(server.requests[2]?.body).to.include('grant_type=client_credentials');
    } finally {
      await server.close();
    }
  });
});
