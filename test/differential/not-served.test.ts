/**
 * Issue #5 point 5: the Salesforce collection calls many APIs the emulator does not serve (Bulk, SOAP, Apex REST,
 * Chatter, Tooling…). Each must get Salesforce's 404: a JSON array with errorCode NOT_FOUND, as Salesforce answers an
 * unknown resource, so both engines' scripts see the same thing a real org would give for a resource that is missing.
 */
import { strict as assert } from 'node:assert';
import { useEmulator } from '../helpers';

describe('differential: APIs the emulator does not serve answer a Salesforce-shaped 404', () => {
  const emulator = useEmulator();
  let token = '';

  before(async () => {
    const emu = emulator();
    const c = emu.credentials;
    const form = new URLSearchParams({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password + c.securityToken });
    const res = await fetch(`${emu.url}/services/oauth2/token`, { method: 'POST', body: form });
    token = ((await res.json()) as { access_token: string }).access_token;
    assert.ok(token);
  });

  const paths: Array<[string, string]> = [
    ['POST', '/services/data/v53.0/async-queries'],
    ['GET', '/services/data/v53.0/chatter/users/me'],
    ['GET', '/services/data/v53.0/tooling/sobjects/'],
    ['POST', '/services/data/v53.0/composite/'],
    ['GET', '/services/data/v53.0/jobs/ingest'],
    ['POST', '/services/async/53.0/job'],
    ['POST', '/services/Soap/u/53.0'],
    ['POST', '/services/apexrest/SBQQ/ServiceRouter?loader=QuoteDocumentAPI.SaveProposal'],
    ['GET', '/services/oauth2/register'],
  ];

  for (const [method, path] of paths) {
    it(`${method} ${path}`, async () => {
      const res = await fetch(`${emulator().url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await res.json(), [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    });
  }
});
