import Ajv from 'ajv';
import { expect } from 'chai';
import {
  accountQuerySchema,
  contactQuerySchema,
  FLOWS,
  oauthErrorSchema,
  restErrorSchema,
  SCHEMAS,
  tokenSchema,
  userinfoErrorSchema,
  userinfoSchema,
  versionsSchema,
  type JsonSchema,
} from '../../src/spec';
import * as s from './samples';

const ajv = new Ajv({ strict: true, allErrors: true });
function valid(schema: JsonSchema, data: unknown): boolean {
  return ajv.validate(schema, data) as boolean;
}

function accepts(schema: JsonSchema, label: string, data: unknown): void {
  it(`accepts ${label}`, () => {
    const ok = valid(schema, data);
    expect(ok, ajv.errorsText()).to.equal(true);
  });
}
function rejects(schema: JsonSchema, label: string, data: unknown): void {
  it(`rejects ${label}`, () => expect(valid(schema, data)).to.equal(false));
}

describe('spec schemas', () => {
  it('every schema compiles with ajv strict mode and declares draft-07', () => {
    const all = [...Object.values(SCHEMAS), ...FLOWS.flatMap((f) => f.requests.flatMap((r) => (r.expect.schema ? [r.expect.schema, r.errorSchema] : [r.errorSchema])))];
    for (const schema of all) {
      expect(schema['$schema']).to.equal('http://json-schema.org/draft-07/schema#');
      expect(() => new Ajv({ strict: true }).compile(schema)).not.to.throw();
    }
  });

  it('every schema is plain JSON (survives serialisation into a Postman script unchanged)', () => {
    for (const schema of Object.values(SCHEMAS)) expect(JSON.parse(JSON.stringify(schema))).to.deep.equal(schema);
  });

  it('no schema uses "format" (Postman and ajv would need plugins)', () => {
    for (const schema of Object.values(SCHEMAS)) expect(JSON.stringify(schema)).not.to.match(/"format"\s*:/);
  });

  describe('token', () => {
    accepts(tokenSchema, 'the §2.2 password-grant example', s.TOKEN_PASSWORD);
    accepts(tokenSchema, 'the web-server example with scope and id_token', s.TOKEN_WEB_SERVER);
    accepts(tokenSchema, 'a response with an unknown extra field', s.patched(s.TOKEN_PASSWORD, { api_instance_url: 'https://api.salesforce.com' }));
    rejects(tokenSchema, 'issued_at in seconds', s.patched(s.TOKEN_PASSWORD, { issued_at: '1627237872' }));
    rejects(tokenSchema, 'issued_at as a number', s.patched(s.TOKEN_PASSWORD, { issued_at: 1627237872637 }));
    rejects(tokenSchema, 'token_type "bearer" in lowercase', s.patched(s.TOKEN_PASSWORD, { token_type: 'bearer' }));
    rejects(tokenSchema, 'an id with 15-char ids (restforce fixture)', s.patched(s.TOKEN_PASSWORD, {
      id: 'https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P',
    }));
    rejects(tokenSchema, 'a missing signature', s.patched(s.TOKEN_PASSWORD, { signature: undefined }));
    rejects(tokenSchema, 'a signature that is not base64', s.patched(s.TOKEN_PASSWORD, { signature: 'mock_signature' }));
    rejects(tokenSchema, 'instance_url with a path', s.patched(s.TOKEN_PASSWORD, { instance_url: 'https://na1.salesforce.com/services' }));
    rejects(tokenSchema, 'a missing access_token', s.patched(s.TOKEN_PASSWORD, { access_token: undefined }));
  });

  describe('versions', () => {
    accepts(versionsSchema, 'the §6.1 list', s.VERSIONS);
    rejects(versionsSchema, 'an empty list', []);
    rejects(versionsSchema, 'an object instead of an array', { versions: s.VERSIONS });
    rejects(versionsSchema, 'a numeric version', [{ label: "Winter '25", url: '/services/data/v62.0', version: 62.0 }]);
    rejects(versionsSchema, 'a url without the minor version', [{ label: "Winter '25", url: '/services/data/v62', version: '62.0' }]);
  });

  describe('Contact query', () => {
    accepts(contactQuerySchema, 'a LIMIT 10 result', s.CONTACT_QUERY);
    accepts(contactQuerySchema, 'the empty result', s.EMPTY_QUERY);
    const record = s.CONTACT_QUERY.records[0];
    rejects(contactQuerySchema, 'a record without Name', { ...s.CONTACT_QUERY, records: [{ attributes: record?.attributes }] });
    rejects(contactQuerySchema, 'a record without attributes', { ...s.CONTACT_QUERY, records: [{ Name: 'John Smith' }] });
    rejects(contactQuerySchema, 'field casing as typed (name)', { ...s.CONTACT_QUERY, records: [{ attributes: record?.attributes, name: 'x' }] });
    rejects(contactQuerySchema, 'a 15-char id in attributes.url', {
      ...s.CONTACT_QUERY,
      records: [{ attributes: { type: 'Contact', url: '/services/data/v62.0/sobjects/Contact/003RO0000035WQg' }, Name: 'x' }],
    });
    rejects(contactQuerySchema, 'totalSize above the LIMIT', { ...s.CONTACT_QUERY, totalSize: 11 });
    rejects(contactQuerySchema, 'done:false without nextRecordsUrl', { ...s.CONTACT_QUERY, done: false });
    rejects(contactQuerySchema, 'done:true with nextRecordsUrl', { ...s.CONTACT_QUERY, nextRecordsUrl: '/services/data/v62.0/query/01gRO0000016PIAYA2-2' });
    rejects(contactQuerySchema, 'a REST error array', s.REST_ERROR);
  });

  describe('Account query', () => {
    accepts(accountQuerySchema, 'a page with nextRecordsUrl and null fields', s.ACCOUNT_QUERY);
    const [first] = s.ACCOUNT_QUERY.records;
    rejects(accountQuerySchema, 'a record that omits a null field (Industry)', { ...s.ACCOUNT_QUERY, records: [s.patched(first!, { Industry: undefined })] });
    rejects(accountQuerySchema, 'a 15-char Id', { ...s.ACCOUNT_QUERY, records: [s.patched(first!, { Id: '001D000000IRFma' })] });
    rejects(accountQuerySchema, 'a Contact record', { ...s.ACCOUNT_QUERY, records: s.CONTACT_QUERY.records });
    rejects(accountQuerySchema, 'totalSize as a string', { ...s.ACCOUNT_QUERY, totalSize: '3222' });
  });

  describe('userinfo', () => {
    accepts(userinfoSchema, 'the §5.1 capture', s.USERINFO);
    rejects(userinfoSchema, 'utcOffset in seconds', s.patched(s.USERINFO, { utcOffset: 3600 }));
    rejects(userinfoSchema, 'email_verified as a string', s.patched(s.USERINFO, { email_verified: 'true' }));
    rejects(userinfoSchema, 'a 15-char user_id', s.patched(s.USERINFO, { user_id: '005gK000000TSnJ' }));
    rejects(userinfoSchema, 'urls.rest without {version}', s.patched(s.USERINFO, {
      urls: { ...s.USERINFO.urls, rest: 'https://convey.my.salesforce.com/services/data/v62.0/' },
    }));
    rejects(userinfoSchema, 'a missing organization_id', s.patched(s.USERINFO, { organization_id: undefined }));
  });

  describe('error bodies', () => {
    accepts(oauthErrorSchema, 'invalid_grant / authentication failure', s.OAUTH_ERROR);
    rejects(oauthErrorSchema, 'an error without error_description', { error: 'invalid_grant' });
    rejects(oauthErrorSchema, 'a REST-style error array', s.REST_ERROR);
    accepts(restErrorSchema, 'INVALID_SESSION_ID', s.REST_ERROR);
    accepts(restErrorSchema, 'REQUIRED_FIELD_MISSING with fields', s.REST_FIELD_ERROR);
    rejects(restErrorSchema, 'a single error object that is not an array', s.REST_ERROR[0]);
    rejects(restErrorSchema, 'an empty array', []);
    rejects(restErrorSchema, 'an OAuth error body', [s.OAUTH_ERROR]);
    accepts(userinfoErrorSchema, 'the text/plain Bad_OAuth_Token body', s.USERINFO_ERROR);
    rejects(userinfoErrorSchema, 'a JSON object', s.OAUTH_ERROR);
    rejects(userinfoErrorSchema, 'an HTML page', '<html><body>Bad</body></html>');
  });
});
