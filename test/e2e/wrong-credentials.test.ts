/**
 * Each documented failure is produced by a real wrong credential against the emulator, and the body Salesforce would
 * send is checked against the spec's error schema.
 */
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { ENGINES, type RequestResult } from '../../src/engine';
import { passwordFlow, type RequestSpec } from '../../src/spec';
import { useEmulator } from '../helpers';
import { localEnvironment, only, passwordCollection, type PmCollection } from './fixtures';

const ajv = new Ajv({ strict: false, allErrors: true });

function spec(id: string): RequestSpec {
  const s = passwordFlow.requests.find((r) => r.id === id);
  if (!s) throw new Error(`no request ${id}`);
  return s;
}

function assertErrorBody(r: RequestResult | undefined, id: string, status: number, body: unknown) {
  assert.ok(r?.response, 'a response');
  assert.equal(r.response.code, status);
  const parsed: unknown = JSON.parse(r.response.body);
  assert.deepEqual(parsed, body);
  const validate = ajv.compile(spec(id).errorSchema);
  assert.ok(validate(parsed), JSON.stringify(validate.errors));
  assert.ok(!ajv.validate(spec(id).expect.schema ?? {}, parsed), 'an error body must not pass as a success body');
}

describe('emulator errors produced by real wrong credentials', function () {
  this.timeout(20_000);
  const emulator = useEmulator();

  const tokenOnly = () => only(passwordCollection(), /access token/);
  const runToken = async (collection: PmCollection, override: Parameters<typeof localEnvironment>[1]) => {
    const run = await ENGINES.native.run({ collection, environment: localEnvironment(emulator(), override) });
    return run.requests[0];
  };

  it('wrong password -> 400 invalid_grant "authentication failure"', async () => {
    const r = await runToken(tokenOnly(), { password: 'wrong-password' });
    assertErrorBody(r, 'token-password', 400, { error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('security token not appended -> 400 invalid_grant "authentication failure"', async () => {
    const r = await runToken(tokenOnly(), { security_token: '' });
    assertErrorBody(r, 'token-password', 400, { error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('unknown consumer key -> 400 invalid_client_id "client identifier invalid"', async () => {
    const r = await runToken(tokenOnly(), { client_id: '3MVG9notARealConsumerKey' });
    assertErrorBody(r, 'token-password', 400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
  });

  it('wrong consumer secret -> 400 invalid_client "invalid client credentials"', async () => {
    const r = await runToken(tokenOnly(), { client_secret: 'not-the-secret' });
    assertErrorBody(r, 'token-password', 400, { error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  it('unknown grant type -> 400 unsupported_grant_type "grant type not supported"', async () => {
    const c = tokenOnly();
    const field = c.item[0]?.request.body?.urlencoded?.find((f) => f.key === 'grant_type');
    assert.ok(field);
    field.value = 'magic_beans';
    const r = await runToken(c, {});
    assertErrorBody(r, 'token-password', 400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
  });

  it('a bad access token on REST -> 401 INVALID_SESSION_ID; on userinfo -> 403 text/plain Bad_OAuth_Token', async () => {
    const c = only(passwordCollection(), /Query Accounts|UserInfo/);
    const run = await ENGINES.native.run({ collection: c, environment: localEnvironment(emulator(), { access_token: 'bogus-token-value' }) });
    assertErrorBody(run.requests[0], 'query-accounts', 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const userinfo = run.requests[1]?.response;
    assert.equal(userinfo?.code, 403);
    assert.match(userinfo?.headers.find((h) => /content-type/i.test(h.key))?.value ?? '', /^text\/plain/);
    assert.equal(userinfo?.body, 'Bad_OAuth_Token');
    assert.ok(ajv.validate(spec('userinfo').errorSchema, userinfo?.body), JSON.stringify(ajv.errors));
  });
});
