import { strict as assert } from 'node:assert';
import { Redactor, REDACTED } from '../../src/report';

describe('redaction', () => {
  it('masks secret-typed and secret-named variable values, also URL- and form-encoded', () => {
    const r = new Redactor().addVariables([
      { key: 'client_secret', value: 'sec ret/+1', type: 'default' },
      { key: 'api_note', value: 'visible-value', type: 'default' },
      { key: 'anything', value: 'typed-secret', type: 'secret' },
    ]);
    const text = `a=sec ret/+1 b=${encodeURIComponent('sec ret/+1')} c=sec+ret%2F%2B1 d=typed-secret e=visible-value`;
    const out = r.text(text);
    assert.ok(!out.includes('sec ret') && !out.includes('sec%20ret') && !out.includes('sec+ret'), out);
    assert.ok(!out.includes('typed-secret'), out);
    assert.ok(out.includes('visible-value'), out);
  });

  it('masks bearer credentials and Salesforce session ids by pattern', () => {
    const token = `00D5e000001N20Q!${'A'.repeat(60)}`;
    const out = new Redactor().text(`Authorization: Bearer abcdefghijkl and ${token}`);
    assert.ok(!out.includes('abcdefghijkl') && !out.includes(token), out);
    assert.ok(out.includes(`Bearer ${REDACTED}`));
  });

  it('learns tokens from a token response and masks form fields in bodies', () => {
    const r = new Redactor().learnFromRequest({
      id: 'i',
      name: 't',
      path: ['t'],
      iteration: 1,
      request: { method: 'POST', url: 'http://127.0.0.1/token', headers: [], body: 'grant_type=password&password=hunter22' },
      response: {
        code: 200,
        status: 'OK',
        headers: [],
        body: JSON.stringify({ access_token: 'tok-123456789', refresh_token: 'ref-987654321' }),
        bodyTruncated: false,
        size: 10,
        timeMs: 1,
      },
      tests: [],
      errors: [],
      startedAtMs: 0,
      durationMs: 1,
    });
    const out = r.text('got tok-123456789 and ref-987654321; sent grant_type=password&password=hunter22');
    assert.ok(!out.includes('tok-123456789') && !out.includes('ref-987654321') && !out.includes('hunter22'), out);
  });

  it('masks an OAuth authorization code in a token request body and a callback URL, not other "code" words', () => {
    const code = 'aPrxcvTSkRxzGMEyyW66wZ7xLaot3r4%3D%3D';
    const body = `grant_type=authorization_code&code=${code}&client_id=abc`;
    const callback = `http://localhost:1717/OauthRedirect?code=${code}&state=s1`;
    const out = new Redactor().text(`${body}\n${callback}\ncode=${code}\nerrorCode=INVALID_TYPE status code=400`);
    assert.ok(!out.includes(code), out);
    assert.ok(out.includes(`grant_type=authorization_code&code=${REDACTED}&client_id=abc`), out);
    assert.ok(out.includes(`OauthRedirect?code=${REDACTED}&state=s1`), out);
    assert.ok(out.includes('errorCode=INVALID_TYPE status code=400'), out);
  });

  it('masks cookie values a response set and a request carried (a session cookie is a token), keeping their names', () => {
    const r = new Redactor().learnFromRequest({
      id: 'i',
      name: 'c',
      path: ['c'],
      iteration: 1,
      request: { method: 'GET', url: 'http://127.0.0.1/x', headers: [{ key: 'Cookie', value: 'sid=session-value-1234; theme=dark-mode' }] },
      response: { code: 200, status: 'OK', headers: [{ key: 'Set-Cookie', value: 'inst=next-session-5678; Path=/; HttpOnly' }], body: '', bodyTruncated: false, size: 0, timeMs: 1 },
      tests: [],
      errors: [],
      startedAtMs: 0,
      durationMs: 1,
    });
    const out = r.text('Cookie: sid=session-value-1234; theme=dark-mode / Set-Cookie: inst=next-session-5678; Path=/');
    assert.ok(!out.includes('session-value-1234') && !out.includes('next-session-5678') && !out.includes('dark-mode'), out);
    assert.ok(out.includes(`sid=${REDACTED}`) && out.includes(`inst=${REDACTED}; Path=/`), out);
  });

  it('deep-redacts {key, value} pairs by their key', () => {
    const out = new Redactor().deep({
      headers: [
        { key: 'Authorization', value: 'Bearer xyz' },
        { key: 'Accept', value: 'application/json' },
      ],
      variables: [{ key: 'access_token', value: 'short', type: 'default' }],
    });
    assert.equal(out.headers[0]?.value, REDACTED);
    assert.equal(out.headers[1]?.value, 'application/json');
    assert.equal(out.variables[0]?.value, REDACTED);
  });

  it('masks passwords, client secrets and tokens in JSON bodies, and any Authorization header line', () => {
    const out = new Redactor().text(
      '{"username":"u","password":"p\\"w1","client_secret": "cs1"}\nAuthorization: Digest abc\nauthorization: Bearer [redacted]',
    );
    assert.ok(!out.includes('p\\"w1') && !out.includes('cs1') && !out.includes('Digest abc'), out);
    assert.match(out, /"username":"u"/);
    assert.match(out, /authorization: Bearer \[redacted\]/, 'an already redacted bearer is left as it is');
  });

  it('masks SF_ secret values from the environment, not the other SF_ values', () => {
    const r = new Redactor().addProcessSecrets({
      SF_CLIENT_SECRET: 'client-secret-1',
      SF_PASSWORD: 'pass-word-2',
      SF_SECURITY_TOKEN: 'tok3n-value',
      SF_USERNAME: 'someone@example.com',
      HOME: '/root',
    });
    const out = r.text('client-secret-1 pass-word-2tok3n-value someone@example.com /root');
    assert.equal(out, `${REDACTED} ${REDACTED}${REDACTED} someone@example.com /root`);
  });
});
