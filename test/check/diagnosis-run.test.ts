/** The root-cause rule on RunResult trees: exactly one diagnosis per failing iteration, later failures point to it. */
import { strict as assert } from 'node:assert';
import { check, diagnosisCodes } from '../../src/check';
import type { RequestResult } from '../../src/engine/result';
import { fail, pass, request, run } from '../report/trees';

const TOKEN_URL = 'https://login.salesforce.com/services/oauth2/token';

function token(body: string, code: number, over: Partial<RequestResult> = {}): RequestResult {
  return request({
    name: 'Get an access token (password grant)',
    request: { method: 'POST', url: TOKEN_URL, headers: [], body: 'grant_type=password&client_id=k&client_secret=s&username=svc%40acme.com.uat&password=pw' },
    response: { code, status: code === 200 ? 'OK' : 'Bad Request', headers: [], body, bodyTruncated: false, size: body.length, timeMs: 3 },
    tests: [code === 200 ? pass('status 200') : fail('status 200', `expected response to have status code 200 but got ${code}`)],
    ...over,
  });
}

function rest(name: string, code: number, body: string, iteration = 1): RequestResult {
  return request({
    name,
    iteration,
    request: { method: 'GET', url: 'https://acme.my.salesforce.com/services/data/v62.0/query?q=x', headers: [] },
    response: { code, status: code === 200 ? 'OK' : 'Error', headers: [{ key: 'Sforce-Limit-Info', value: 'api-usage=15000/15000' }], body, bodyTruncated: false, size: body.length, timeMs: 2 },
    tests: [code === 200 ? pass('status 200') : fail('status 200', `expected response to have status code 200 but got ${code}`)],
  });
}

const OK_TOKEN = '{"access_token":"00Dx!tok","instance_url":"https://acme.my.salesforce.com","id":"https://login.salesforce.com/id/00D/005","token_type":"Bearer","issued_at":"1","signature":"x"}';
const SESSION = '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

describe('diagnosis of a run (root cause and consequences)', () => {
  it('a failed token request is the root; the 401s and the userinfo 403 after it are consequences', () => {
    const checked = check(
      run([
        token('{"error":"invalid_grant","error_description":"authentication failure"}', 400),
        request({ name: 'Versions', tests: [pass('status 200')] }),
        rest('Query Contacts', 401, SESSION),
        rest('Query Accounts', 401, SESSION),
        request({ name: 'UserInfo', response: { code: 403, status: 'Forbidden', headers: [], body: 'Missing_OAuth_Token', bodyTruncated: false, size: 19, timeMs: 1 }, tests: [fail('status 200')] }),
      ]),
    );
    assert.deepEqual(diagnosisCodes(checked), ['SFD_AUTH_FAILURE']);
    const [tok, versions, contacts, accounts, userinfo] = checked.requests;
    assert.equal(tok?.diagnosis?.role, 'root');
    assert.equal(versions?.diagnosis, undefined, 'a passed request carries nothing');
    for (const r of [contacts, accounts, userinfo]) {
      assert.deepEqual(r?.diagnosis, { role: 'consequence', code: 'SFD_AUTH_FAILURE', rootRequest: { index: 0, name: 'Get an access token (password grant)' } });
    }
  });

  it('reads the context from the token request: a sandbox username on login.salesforce.com ranks the login host first', () => {
    const checked = check(run([token('{"error":"invalid_grant","error_description":"authentication failure"}', 400)]));
    const d = checked.requests[0]?.diagnosis;
    assert.ok(d?.role === 'root');
    assert.match(d.causes[0]?.cause ?? '', /Wrong login host/);
    assert.ok(d.notes.includes('login host: login.salesforce.com'));
  });

  it('what the caller passes wins over what the tree shows', () => {
    const checked = check(run([token('{"error":"invalid_grant","error_description":"authentication failure"}', 400)]), { loginHost: 'test.salesforce.com' });
    const d = checked.requests[0]?.diagnosis;
    assert.ok(d?.role === 'root');
    assert.match(d.causes[0]?.cause ?? '', /security token/);
  });

  it('a token that worked, then a session that expired: the first 401 is the root, not the token', () => {
    const checked = check(run([token(OK_TOKEN, 200), rest('Query Contacts', 401, SESSION), rest('Query Accounts', 401, SESSION)]));
    assert.deepEqual(diagnosisCodes(checked), ['SFD_INVALID_SESSION']);
    assert.equal(checked.requests[0]?.diagnosis, undefined);
    assert.equal(checked.requests[2]?.diagnosis?.role, 'consequence');
  });

  it('userinfo 403 Bad_OAuth_Token right after a good token is the session diagnosis (uca order)', () => {
    const userinfo = request({ name: 'UserInfo', response: { code: 403, status: 'Forbidden', headers: [], body: 'Bad_OAuth_Token', bodyTruncated: false, size: 15, timeMs: 1 }, tests: [fail('status 200')] });
    const checked = check(run([token(OK_TOKEN, 200), userinfo, rest('Query Accounts', 401, SESSION)]));
    assert.deepEqual(diagnosisCodes(checked), ['SFD_INVALID_SESSION']);
  });

  it('shows Sforce-Limit-Info with REQUEST_LIMIT_EXCEEDED', () => {
    const checked = check(run([token(OK_TOKEN, 200), rest('Query Accounts', 403, '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]')]));
    const d = checked.requests[1]?.diagnosis;
    assert.ok(d?.role === 'root');
    assert.equal(d.code, 'SFD_REQUEST_LIMIT_EXCEEDED');
    assert.deepEqual(d.notes, ['Sforce-Limit-Info: api-usage=15000/15000']);
  });

  it('an unknown first failure has no diagnosis, and later failures point to it without a code', () => {
    const checked = check(run([token('{"error":"invalid_grant","error_description":"invalid authorization code"}', 400), rest('Query Accounts', 401, SESSION)]));
    assert.deepEqual(diagnosisCodes(checked), []);
    assert.equal(checked.requests[0]?.diagnosis, undefined);
    assert.deepEqual(checked.requests[1]?.diagnosis, { role: 'consequence', rootRequest: { index: 0, name: 'Get an access token (password grant)' } });
  });

  it('a network error on the first request is the root (host unreachable); unresolved-variable errors after it are consequences', () => {
    const unreachable = request({ name: 'Get an access token (password grant)', request: { method: 'POST', url: TOKEN_URL, headers: [] }, response: undefined, tests: [], errors: [{ kind: 'network', message: 'getaddrinfo ENOTFOUND acme.my.salesforc.com', code: 'ENOTFOUND' }] });
    const next = request({ name: 'Query Accounts', request: { method: 'GET', url: '{{instance_url}}/services/data/v62.0/query', headers: [] }, response: undefined, tests: [], errors: [{ kind: 'network', message: 'Invalid URL', code: 'ERR_INVALID_URL' }] });
    const checked = check(run([unreachable, next]));
    assert.deepEqual(diagnosisCodes(checked), ['SFD_HOST_UNREACHABLE']);
    assert.equal(checked.requests[1]?.diagnosis?.role, 'consequence');
  });

  it('applies the rule per iteration: each failing iteration has its own root', () => {
    const bad = (i: number) => ({ ...token('{"error":"invalid_client","error_description":"invalid client credentials"}', 400), iteration: i });
    const checked = check(run([bad(1), rest('Query Accounts', 401, SESSION, 1), bad(2), rest('Query Accounts', 401, SESSION, 2)]));
    assert.deepEqual(diagnosisCodes(checked), ['SFD_INVALID_CLIENT', 'SFD_INVALID_CLIENT']);
    const last = checked.requests[3]?.diagnosis;
    assert.ok(last?.role === 'consequence');
    assert.equal(last.rootRequest.index, 2);
  });

  it('a passing run has no diagnosis at all', () => {
    const checked = check(run([token(OK_TOKEN, 200), rest('Query Accounts', 200, '{"totalSize":0,"done":true,"records":[]}')]));
    assert.deepEqual(diagnosisCodes(checked), []);
    assert.ok(checked.requests.every((r) => r.diagnosis === undefined));
  });
});
