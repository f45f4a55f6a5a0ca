/**
 * The collections of every flow (password, client credentials, JWT bearer, user consent, user-level access): valid
 * v2.1, re-read by postman-collection, stable ids, Postman's OAuth 2.0 helper on the user-consent collection, and the
 * user-level access checks run against Salesforce-shaped bodies with the fake pm (only the pm API the engines support).
 */
import Ajv from 'ajv';
import { expect } from 'chai';
import { Collection } from 'postman-collection';
import { validate as isUuid } from 'uuid';
import { buildCollection, testNames } from '../../src/generate';
import { FLOWS, userAccessFlow, userConsentFlow, type FlowSpec, type RequestSpec } from '../../src/spec';
import postmanSchema from '../fixtures/postman-collection-v2.1.0.schema.json';
import { runScript } from './fake-pm';

type Json = Record<string, any>;
const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };
const ADMIN = '005000000000001AAA';
const REP = '005000000000002AAA';
const ORG = '00D000000000001EAA';

const execOf = (flow: FlowSpec, req: RequestSpec): string[] => {
  const c = buildCollection(flow) as Json;
  return c['item'].find((i: Json) => i['name'] === req.name)['event'][0]['script']['exec'];
};
const reqOf = (flow: FlowSpec, id: string): RequestSpec => flow.requests.find((r) => r.id === id)!;
const ok = (body: unknown) => ({ code: 200, headers: JSON_HEADERS, body: JSON.stringify(body) });
const account = (n: number, owner: string) => {
  const id = `0010000000000${String(n).padStart(2, '0')}AAA`;
  return { attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` }, Id: id, Name: `Account ${n}`, OwnerId: owner };
};
const records = (owners: string[]) => ({ totalSize: owners.length, done: true, records: owners.map((o, i) => account(i + 10, o)) });

describe('generate: the collection of every flow', () => {
  for (const flow of FLOWS) {
    describe(flow.id, () => {
      const c = (): Json => buildCollection(flow) as Json;

      it('is valid v2.1, re-read by postman-collection, identical twice, with unique v5 ids', () => {
        const ajv = new Ajv({ strict: false, allErrors: true });
        expect(ajv.validate(postmanSchema, c()), ajv.errorsText()).to.equal(true);
        expect(JSON.stringify(c())).to.equal(JSON.stringify(c()));
        const reread = new Collection(c() as never).toJSON() as Json;
        expect(reread['item'].map((i: Json) => i['name'])).to.deep.equal(flow.requests.map((r) => r.name));
        expect(reread['auth']?.['type']).to.equal(flow.oauth2 ? 'oauth2' : undefined);
        const ids = JSON.stringify(c()).match(/"(?:_postman_id|id)": ?"([^"]+)"/g) ?? [];
        expect(ids.length).to.equal(1 + flow.requests.length * 3);
        for (const id of ids) expect(isUuid(id.replace(/.*"([^"]+)"$/, '$1'))).to.equal(true);
        expect(new Set(ids).size).to.equal(ids.length);
      });

      it('declares every captured or checked variable as an empty collection variable', () => {
        const declared = c()['variable'].map((v: Json) => v['key']);
        for (const req of flow.requests) for (const cap of req.captures ?? []) expect(declared).to.include(cap.variable);
        for (const v of flow.variables ?? []) expect(declared).to.include(v);
        expect(c()['variable'].every((v: Json) => v['value'] === '')).to.equal(true);
      });

      it('every request states its own auth (never the collection helper), so both engines send the same headers', () => {
        for (const item of c()['item']) expect(['noauth', 'bearer']).to.include(item['request']['auth']['type']);
      });
    });
  }

  it("user consent: the collection's OAuth 2.0 helper is set up for Postman's Get New Access Token (code + PKCE S256)", () => {
    const auth = (buildCollection(userConsentFlow) as Json)['auth'];
    expect(auth['type']).to.equal('oauth2');
    const p = Object.fromEntries(auth['oauth2'].map((x: Json) => [x['key'], x['value']]));
    expect(p).to.deep.include({
      grant_type: 'authorization_code_with_pkce',
      authUrl: '{{login_url}}/services/oauth2/authorize',
      accessTokenUrl: '{{login_url}}/services/oauth2/token',
      clientId: '{{client_id}}',
      clientSecret: '{{client_secret}}',
      scope: 'api refresh_token offline_access openid',
      redirect_uri: '{{redirect_uri}}',
      challengeAlgorithm: 'S256',
      client_authentication: 'body',
      addTokenTo: 'header',
    });
    expect(p['state']).to.be.a('string').and.not.equal('');
  });

  describe('user-level access checks (fake pm)', () => {
    const f = userAccessFlow;
    const identity = (user: string) => `https://login.salesforce.com/id/${ORG}/${user}`;

    it("userinfo: user_id must match the token's identity URL", () => {
      const req = reqOf(f, 'userinfo-admin');
      const name = "user_id matches the token's identity URL";
      // The fake pm starts with empty collection variables: the token request's capture is replayed by a first line.
      const seed = ['pm.collectionVariables.set("identity_url", ' + JSON.stringify(identity(ADMIN)) + ');'];
      const result = (prefix: string[], userId: string) =>
        runScript([...prefix, ...execOf(f, req)], ok({ user_id: userId, organization_id: ORG })).tests.find((t) => t.name === name)?.passed;
      expect(result(seed, ADMIN)).to.equal(true);
      expect(result(seed, REP)).to.equal(false);
      expect(result([], ADMIN), 'no identity_url stored').to.equal(false);
    });

    const withVars = (vars: Record<string, string>, exec: string[]) => [
      ...Object.entries(vars).map(([k, v]) => `pm.collectionVariables.set(${JSON.stringify(k)}, ${JSON.stringify(v)});`),
      ...exec,
    ];
    const outcome = (id: string, vars: Record<string, string>, body: unknown) =>
      Object.fromEntries(runScript(withVars(vars, execOf(f, reqOf(f, id))), ok(body)).tests.map((t) => [t.name, t.passed]));

    it('the COUNT() as admin is stored for the comparisons', () => {
      const run = runScript(execOf(f, reqOf(f, 'count-accounts-admin')), ok({ totalSize: 12, done: true, records: [] }));
      expect(run.tests.every((t) => t.passed), JSON.stringify(run.tests)).to.equal(true);
      expect(run.collectionVariables.get('admin_account_count')).to.equal('12');
    });

    it('admin: passes when all rows are seen, other owners included; fails when only own rows come back', () => {
      const vars = { admin_user_id: ADMIN, admin_account_count: '3' };
      expect(outcome('query-accounts-admin', vars, records([ADMIN, REP, REP]))).to.deep.include({
        'the admin sees every Account (totalSize equals the COUNT())': true,
        'the admin sees Accounts other users own': true,
      });
      expect(outcome('query-accounts-admin', vars, records([ADMIN]))).to.deep.include({
        'the admin sees every Account (totalSize equals the COUNT())': false,
        'the admin sees Accounts other users own': false,
      });
    });

    it("standard user: passes on own rows only and fewer than the admin; fails on someone else's row or as many rows", () => {
      const vars = { user_id: REP, admin_account_count: '3' };
      const names = testNames(reqOf(f, 'query-accounts-user')).checks!;
      expect(names).to.deep.equal(['every row is owned by the user', 'the user sees strictly fewer Accounts than the admin']);
      expect(outcome('query-accounts-user', vars, records([REP]))).to.deep.include({ [names[0]!]: true, [names[1]!]: true });
      expect(outcome('query-accounts-user', vars, records([REP, ADMIN, REP]))).to.deep.include({ [names[0]!]: false, [names[1]!]: false });
    });

    it('the standard user must not be the admin', () => {
      const exec = withVars({ admin_user_id: ADMIN, identity_url: identity(ADMIN) }, execOf(f, reqOf(f, 'userinfo-user')));
      const run = runScript(exec, ok({ user_id: ADMIN, organization_id: ORG }));
      expect(run.tests.find((t) => t.name === 'the standard user is not the admin')?.passed).to.equal(false);
    });
  });
});
