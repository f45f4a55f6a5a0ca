import { expect } from 'chai';
import { errorsText } from '../../../src/engine/native/sandbox/schema';
import { encodeUrl, parseUrl, urlTemplate } from '../../../src/engine/native/url';
import Ajv from 'ajv';

const href = (template: string): string => encodeUrl(parseUrl(template)).href;

describe('native engine: URL building (postman-url-encoder rules)', () => {
  it('builds the template from object parts, ignoring raw, skipping disabled params', () => {
    const url = {
      raw: 'http://wrong/',
      protocol: 'https',
      host: ['{{instance}}', 'my', 'salesforce', 'com'],
      port: '8443',
      path: ['services', 'data', 'v{{v}}', ':id'],
      query: [
        { key: 'q', value: 'a&b#c' },
        { key: 'off', value: '1', disabled: true },
        { key: 'flag', value: null },
      ],
      variable: [{ key: 'id', value: '001' }],
      hash: 'frag',
    };
    expect(urlTemplate(url)).to.equal('https://{{instance}}.my.salesforce.com:8443/services/data/v{{v}}/001?q=a%26b%23c&flag#frag');
    expect(urlTemplate('{{base}}/x')).to.equal('{{base}}/x');
    expect(urlTemplate({ raw: '{{base}}/only-raw' })).to.equal('{{base}}/only-raw');
  });

  it('parses and encodes like newman', () => {
    expect(href('127.0.0.1:8080/a b/{c}?q=x y&r="1"#h h')).to.equal('http://127.0.0.1:8080/a%20b/%7Bc%7D?q=x%20y&r=%221%22#h%20h');
    expect(href('HTTPS://Example.COM/Ünï?ä=ö')).to.equal('https://example.com/%C3%9Cn%C3%AF?%C3%A4=%C3%B6');
    expect(href('http://h/already%20encoded?x=%41')).to.equal('http://h/already%20encoded?x=%41');
    expect(href('http://h')).to.equal('http://h/');
    expect(href('http://h/p?')).to.equal('http://h/p?');
    expect(href('http://u:p@h/x')).to.equal('http://u:p@h/x');
    expect(encodeUrl(parseUrl('http://h:1/p?q=1#f')).pathAndQuery).to.equal('/p?q=1');
  });

  it('keeps unresolved {{variables}} intact while splitting', () => {
    const parsed = parseUrl('http://h/{{a/b}}?x={{c#d}}');
    expect(parsed.path).to.deep.equal(['{{a/b}}']);
    expect(parsed.query).to.deep.equal(['x={{c#d}}']);
    expect(parsed.hash).to.equal(undefined);
  });
});

describe('native engine: schema error text (ajv 6 style)', () => {
  it('renders paths and messages the way Postman’s sandbox does', () => {
    const schema = {
      type: 'object',
      required: ['a'],
      properties: { issued_at: { pattern: '^[0-9]{13}$' }, 'odd-key': { type: 'string' }, list: { items: { type: 'number' } }, short: { minLength: 3 }, extra: { additionalProperties: { type: 'string' } } },
    };
    const data = { issued_at: '1', 'odd-key': 1, list: [1, 'x'], short: 'a', extra: { k: 1 } };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(data)).to.equal(false);
    expect(errorsText(validate.errors ?? [], data)).to.equal(
      "data should have required property 'a', " +
        'data.issued_at should match pattern "^[0-9]{13}$", ' +
        "data['odd-key'] should be string, " +
        'data.list[1] should be number, ' +
        'data.short should NOT be shorter than 3 characters, ' +
        "data.extra['k'] should be string",
    );
  });
});
