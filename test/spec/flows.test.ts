import { expect } from 'chai';
import { ENV_KEYS, FLOWS, passwordFlow } from '../../src/spec';

describe('spec flows', () => {
  it('FLOWS holds the password flow', () => {
    expect(FLOWS.map((f) => f.id)).to.deep.equal(['password']);
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

  it('every {{variable}} a request uses is an environment key', () => {
    const used = new Set(JSON.stringify(passwordFlow).match(/\{\{[a-z_]+\}\}/g));
    for (const v of used) expect(ENV_KEYS as readonly string[]).to.include(v.slice(2, -2));
  });

  it('the queries send the guide\'s SOQL', () => {
    const q = (id: string) => passwordFlow.requests.find((r) => r.id === id)?.query;
    expect(q('query-contacts')).to.deep.include({ key: 'q', value: 'SELECT Name FROM Contact LIMIT 10', description: 'SOQL' });
    expect(q('query-accounts')?.[0]?.value).to.equal('SELECT Id, Name, Industry, Type FROM Account');
  });
});
