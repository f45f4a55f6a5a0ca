/**
 * The catalogue: every entry recognised from realistic wire bodies (wire spec §2.3, §3, §5, §6.4, §12), no sample
 * matching another entry, and causes ranked by context.
 */
import { strict as assert } from 'node:assert';
import {
  CATALOGUE,
  contextFacts,
  diagnose,
  looksLikeSandboxUsername,
  matchingEntries,
  networkEvidence,
  responseEvidence,
  type Evidence,
  type Sample,
} from '../../src/check';

function evidenceOf(s: Sample): Evidence {
  return s.networkCode ? networkEvidence(s.body ?? '', s.networkCode) : responseEvidence(s.status ?? 400, s.body ?? '');
}

/** The table shared with the scenarios branch (prompts/diagnosis-table.md) plus the entries without a scenario. */
const CONTRACT = [
  'SFD_AUTH_FAILURE', 'SFD_INVALID_CLIENT_ID', 'SFD_INVALID_CLIENT', 'SFD_APP_NOT_APPROVED', 'SFD_IP_RESTRICTED',
  'SFD_INACTIVE_USER', 'SFD_INACTIVE_ORG', 'SFD_REDIRECT_URI_MISMATCH', 'SFD_PKCE', 'SFD_TOKEN_EXPIRED',
  'SFD_NO_RUN_AS_USER', 'SFD_API_DISABLED', 'SFD_REQUEST_LIMIT_EXCEEDED', 'SFD_OBJECT_NOT_VISIBLE', 'SFD_INVALID_SESSION',
  'SFD_UNSUPPORTED_GRANT_TYPE', 'SFD_WRONG_DOMAIN', 'SFD_JWT_AUDIENCE', 'SFD_INSUFFICIENT_ACCESS', 'SFD_OWNERID_ME',
  'SFD_USERINFO_BAD_TOKEN', 'SFD_HOST_UNREACHABLE', 'SFD_TLS', 'SFD_INVALID_AUTH_HEADER',
];

describe('diagnosis catalogue', () => {
  it('has exactly the codes of the shared contract, each once', () => {
    assert.deepEqual([...CATALOGUE.map((e) => e.code)].sort(), [...CONTRACT].sort());
  });

  it('gives every entry a title, evidence, ranked causes with confirm and fix, a guide step and a Salesforce doc', () => {
    for (const e of CATALOGUE) {
      assert.ok(e.title && e.signature && e.evidence.length > 0, e.code);
      assert.ok(e.causes.length > 0, e.code);
      for (const c of e.causes) assert.ok(c.cause && c.confirm && c.fix, `${e.code}: ${c.cause}`);
      assert.match(e.guideStep, /^(Password grant|User consent), Steps? \d/, e.code);
      assert.match(e.doc, /^https:\/\/(help|developer)\.salesforce\.com\//, e.code);
      assert.ok(e.samples.length > 0, `${e.code} has no sample`);
    }
  });

  for (const entry of CATALOGUE) {
    it(`${entry.code}: each sample matches this entry and no other`, () => {
      for (const s of entry.samples) {
        const matched = matchingEntries(evidenceOf(s), s.context ?? {}).map((e) => e.code);
        assert.deepEqual(matched, [entry.code], `sample ${s.body ?? s.networkCode}`);
      }
    });
  }

  it('reads the exact wire bodies of the spec', () => {
    const cases: Array<[number, string, string]> = [
      [400, '{"error":"invalid_grant","error_description":"authentication failure"}', 'SFD_AUTH_FAILURE'],
      [400, '{"error":"invalid_client_id","error_description":"client identifier invalid"}', 'SFD_INVALID_CLIENT_ID'],
      [400, '{"error":"invalid_client","error_description":"invalid client credentials"}', 'SFD_INVALID_CLIENT'],
      [400, '{"error":"invalid_grant","error_description":"user hasn\'t approved this consumer"}', 'SFD_APP_NOT_APPROVED'],
      [400, '{"error":"invalid_app_access","error_description":"user is not admin approved to access this app"}', 'SFD_APP_NOT_APPROVED'],
      [400, '{"error":"invalid_grant","error_description":"ip restricted or invalid login hours"}', 'SFD_IP_RESTRICTED'],
      [400, '{"error":"invalid_grant","error_description":"inactive user"}', 'SFD_INACTIVE_USER'],
      [400, '{"error":"inactive_org","error_description":"organization is locked, closed, or suspended"}', 'SFD_INACTIVE_ORG'],
      [400, '<pre>error=redirect_uri_mismatch&amp;error_description=redirect_uri%20must%20match%20configuration</pre>', 'SFD_REDIRECT_URI_MISMATCH'],
      [400, 'error=invalid_request&error_description=missing%20required%20code%20challenge', 'SFD_PKCE'],
      [400, '{"error":"invalid_grant","error_description":"expired access/refresh token"}', 'SFD_TOKEN_EXPIRED'],
      [400, '{"error":"invalid_grant","error_description":"no client credentials user enabled"}', 'SFD_NO_RUN_AS_USER'],
      [403, '[{"message":"The REST API is not enabled for this Organization.","errorCode":"API_DISABLED_FOR_ORG"}]', 'SFD_API_DISABLED'],
      [403, '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]', 'SFD_REQUEST_LIMIT_EXCEEDED'],
      [401, '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]', 'SFD_INVALID_SESSION'],
      [400, '{"error":"unsupported_grant_type","error_description":"grant type not supported"}', 'SFD_UNSUPPORTED_GRANT_TYPE'],
      [400, '{"error":"invalid_grant","error_description":"request not supported on this domain"}', 'SFD_WRONG_DOMAIN'],
      [400, '{"error":"invalid_grant","error_description":"Audience validation failed"}', 'SFD_JWT_AUDIENCE'],
      [403, 'Bad_OAuth_Token', 'SFD_USERINFO_BAD_TOKEN'],
      [401, '[{"message":"INVALID_HEADER_TYPE","errorCode":"INVALID_AUTH_HEADER"}]', 'SFD_INVALID_AUTH_HEADER'],
    ];
    for (const [status, body, code] of cases) assert.equal(diagnose(responseEvidence(status, body))?.code, code, body);
  });

  it('does not diagnose what it does not know (a 500, a success body, another invalid_grant)', () => {
    assert.equal(diagnose(responseEvidence(500, '[{"errorCode":"UNKNOWN_EXCEPTION","message":"An unexpected error occurred."}]')), undefined);
    assert.equal(diagnose(responseEvidence(200, '{"totalSize":0,"done":true,"records":[]}')), undefined);
    assert.equal(diagnose(responseEvidence(400, '{"error":"invalid_grant","error_description":"invalid authorization code"}')), undefined);
  });

  it('matches descriptions case-insensitively', () => {
    assert.equal(diagnose(responseEvidence(400, '{"error":"invalid_grant","error_description":"IP Restricted or Invalid Login Hours"}'))?.code, 'SFD_IP_RESTRICTED');
    assert.equal(diagnose(responseEvidence(400, '{"error":"INVALID_GRANT","error_description":"AUTHENTICATION FAILURE"}'))?.code, 'SFD_AUTH_FAILURE');
  });

  it('reads a network error code from the message when the engine gives none', () => {
    assert.equal(diagnose(networkEvidence('getaddrinfo ENOTFOUND acme.my.salesforc.com'))?.code, 'SFD_HOST_UNREACHABLE');
    assert.equal(diagnose(networkEvidence('certificate has expired', 'CERT_HAS_EXPIRED'))?.code, 'SFD_TLS');
  });

  it('ranks the TLS causes by the certificate error: altnames first for a host mismatch, the proxy first for a foreign chain', () => {
    const altnames = diagnose(networkEvidence("Hostname/IP does not match certificate's altnames: Host: acme.my.salesforce.co.", 'ERR_TLS_CERT_ALTNAME_INVALID'));
    assert.equal(altnames?.code, 'SFD_TLS');
    assert.match(altnames?.causes[0]?.cause ?? '', /does not cover/);
    for (const [message, code] of [['self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'], ['unable to get local issuer certificate', undefined]] as const) {
      const proxy = diagnose(networkEvidence(message, code));
      assert.equal(proxy?.code, 'SFD_TLS', message);
      assert.match(proxy?.causes[0]?.cause ?? '', /TLS-inspecting proxy/, message);
      assert.equal(proxy?.causes.length, 2, 'no cause is lost by the ranking');
    }
  });

  it('Bad_OAuth_Token after a token was obtained in the run is the session problem, not a missing token', () => {
    const e = responseEvidence(403, 'Bad_OAuth_Token');
    assert.equal(diagnose(e, { tokenObtained: true })?.code, 'SFD_INVALID_SESSION');
    assert.equal(diagnose(e, {})?.code, 'SFD_USERINFO_BAD_TOKEN');
  });
});

describe('diagnosis context ranking', () => {
  const authFailure = responseEvidence(400, '{"error":"invalid_grant","error_description":"authentication failure"}');

  it('recognises sandbox usernames by their last label', () => {
    assert.ok(looksLikeSandboxUsername('moveworks@acme.com.uat'));
    assert.ok(looksLikeSandboxUsername('moveworks@acme.com.fullcopy'));
    assert.ok(!looksLikeSandboxUsername('moveworks@acme.com'));
    assert.ok(!looksLikeSandboxUsername('moveworks@acme.dev'), 'a .dev domain is not a sandbox suffix');
  });

  it('puts "wrong login host" first for a sandbox username on login.salesforce.com', () => {
    const d = diagnose(authFailure, { loginHost: 'login.salesforce.com', username: 'svc@acme.com.uat', flow: 'password' });
    assert.equal(d?.code, 'SFD_AUTH_FAILURE');
    assert.match(d?.causes[0]?.cause ?? '', /Wrong login host/);
    assert.ok(d?.notes.some((n) => /sandbox user/.test(n)));
    assert.ok(d?.notes.includes('username: svc@acme.com.uat'));
  });

  it('puts "wrong login host" first for a production username on test.salesforce.com', () => {
    const d = diagnose(authFailure, { loginHost: 'test.salesforce.com', username: 'svc@acme.com' });
    assert.match(d?.causes[0]?.cause ?? '', /Wrong login host/);
  });

  it('keeps the security token first when the host fits the username', () => {
    for (const ctx of [{ loginHost: 'test.salesforce.com', username: 'svc@acme.com.uat' }, { loginHost: 'login.salesforce.com', username: 'svc@acme.com' }, {}]) {
      const d = diagnose(authFailure, ctx);
      assert.match(d?.causes[0]?.cause ?? '', /security token/, JSON.stringify(ctx));
      assert.ok(!d?.notes.some((n) => /sandbox user/.test(n)));
    }
  });

  it('derives facts from the context', () => {
    const f = contextFacts({ loginHost: 'acme--uat.sandbox.my.salesforce.com', username: 'svc@acme.com', tokenObtained: true, flow: 'jwt' });
    assert.ok(f.has('productionUserOnSandboxHost') && f.has('tokenObtained') && f.has('flowJwt'));
    assert.ok(!f.has('sandboxUserOnProductionHost'));
  });

  it('shows the redirect_uri sent and the API usage where they explain the failure', () => {
    const mismatch = diagnose(responseEvidence(400, 'error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration'), { redirectUri: 'http://localhost:1717/OauthRedirect' });
    assert.ok(mismatch?.notes.some((n) => n.includes('http://localhost:1717/OauthRedirect')));
    const limit = diagnose(responseEvidence(403, '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]'), { limitInfo: 'api-usage=15000/15000' });
    assert.deepEqual(limit?.notes, ['Sforce-Limit-Info: api-usage=15000/15000']);
  });
});
