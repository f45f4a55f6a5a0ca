import { expect } from 'chai';
import { ENV_KEYS, FLOWS, passwordFlow, SECRET_ENV_KEYS } from '../../src/spec';

describe('spec flows', () => {
  it('FLOWS holds the password flow first, then client credentials, JWT bearer, user consent, user-level access and write', () => {
    expect(FLOWS.map((f) => f.id)).to.deep.equal(['password', 'client-credentials', 'jwt-bearer', 'user-consent', 'user-access', 'write']);
    expect(FLOWS[0]).to.equal(passwordFlow);
  });

  it('the password flow runs token, versions, the two queries and userinfo, in that order', () => {
    expect(passwordFlow.requests.map((r) => r.id)).to.deep.equal([
      'token-password',
      'versions',
      'query-contacts',
      'query-accounts',
      'userinfo',
    ]);
  });

  it('every request links a Salesforce doc page and a guide step', () => {
    for (const r of passwordFlow.requests) {
      expect(r.doc, r.id).to.match(/^https:\/\/(help|developer)\.salesforce\.com\/\S+$/);
      expect(r.guideStep, r.id).to.match(/^(Password grant|User consent), Step \d/);
    }
  });

  it('only the token and versions requests go without a bearer token', () => {
    const none = passwordFlow.requests.filter((r) => r.auth === 'none').map((r) => r.id);
    expect(none).to.deep.equal(['token-password', 'versions']);
  });

  it('the token request sends the documented password-grant form and captures the token and instance URL', () => {
    const token = passwordFlow.requests[0]!;
    expect(token.method).to.equal('POST');
    expect(token.url).to.equal('{{login_url}}/services/oauth2/token');
    const fields = Object.fromEntries((token.body?.fields ?? []).map((f) => [f.key, f.value]));
    expect(fields).to.deep.equal({
      grant_type: 'password',
      client_id: '{{client_id}}',
      client_secret: '{{client_secret}}',
      username: '{{username}}',
      password: '{{password}}{{security_token}}',
    });
    expect(token.captures?.map((c) => c.variable)).to.deep.equal(['access_token', 'instance_url']);
  });

  it('every {{variable}} a request uses is an environment key or a value an earlier request stores', () => {
    for (const flow of FLOWS) {
      const stored = new Set<string>();
      for (const req of flow.requests) {
        const used = new Set(JSON.stringify(req).match(/\{\{[a-z_]+\}\}/g));
        for (const v of used) expect([...ENV_KEYS, ...stored], `${flow.id}/${req.id}`).to.include(v.slice(2, -2));
        for (const c of req.captures ?? []) stored.add(c.variable);
      }
    }
  });

  it('every flow has unique request ids, a doc link and a guide step per request', () => {
    for (const flow of FLOWS) {
      const ids = flow.requests.map((r) => r.id);
      expect(new Set(ids).size, flow.id).to.equal(ids.length);
      for (const r of flow.requests) {
        expect(r.doc, `${flow.id}/${r.id}`).to.match(/^https:\/\/(help|developer)\.salesforce\.com\/\S+$/);
        expect(r.guideStep, `${flow.id}/${r.id}`).to.match(/^(Password grant|User consent), Step \d/);
      }
    }
  });

  it('the token requests of the new flows send their documented grant and store the token identity', () => {
    const token = (id: string) => FLOWS.find((f) => f.id === id)!.requests[0]!;
    const fields = (id: string) => Object.fromEntries((token(id).body?.fields ?? []).map((f) => [f.key, f.value]));
    expect(fields('client-credentials')).to.deep.equal({ grant_type: 'client_credentials', client_id: '{{client_id}}', client_secret: '{{client_secret}}' });
    expect(token('client-credentials').url).to.equal('{{my_domain_url}}/services/oauth2/token');
    expect(fields('jwt-bearer')).to.deep.equal({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: '{{jwt_assertion}}' });
    expect(fields('user-consent')).to.deep.equal({ grant_type: 'refresh_token', refresh_token: '{{refresh_token}}', client_id: '{{client_id}}', client_secret: '{{client_secret}}' });
    expect(fields('user-access')['refresh_token']).to.equal('{{admin_refresh_token}}');
    for (const id of ['client-credentials', 'jwt-bearer', 'user-consent', 'user-access']) {
      expect(token(id).captures?.map((c) => c.variable), id).to.deep.equal(['access_token', 'instance_url', 'identity_url']);
    }
  });

  it("the user-consent flow queries the user's Accounts with valid SOQL (not OwnerId = 'me')", () => {
    const flow = FLOWS.find((f) => f.id === 'user-consent')!;
    expect(flow.requests.map((r) => r.id)).to.deep.equal(['token-refresh', 'userinfo-user', 'query-accounts-owned', 'query-accounts']);
    expect(flow.requests[2]?.query?.[0]?.value).to.equal("SELECT Id, Name FROM Account WHERE OwnerId = '{{user_id}}'");
    expect(flow.oauth2?.scope).to.equal('api refresh_token offline_access openid');
  });

  it('secrets of the new flows are typed secret', () => {
    for (const key of ['jwt_assertion', 'admin_refresh_token', 'refresh_token'] as const) expect(SECRET_ENV_KEYS).to.include(key);
  });

  it('the queries send the guide\'s SOQL', () => {
    const q = (id: string) => passwordFlow.requests.find((r) => r.id === id)?.query;
    expect(q('query-contacts')).to.deep.include({ key: 'q', value: 'SELECT Name FROM Contact LIMIT 10', description: 'SOQL' });
    expect(q('query-accounts')?.[0]?.value).to.equal('SELECT Id, Name, Industry, Type FROM Account');
  });
});
