import { expect } from 'chai';
import fc from 'fast-check';
import { encodeUrl } from '../../../src/engine/native/url';

/**
 * The URL encoder returns a part untouched when nothing in it needs encoding (a fast path). This checks it against
 * the plain byte-by-byte pass (postman-url-encoder's rules: C0 controls, DEL, non-ASCII and the part's set are
 * percent-encoded; an existing %XX escape is kept), written out here as the oracle.
 */
const SETS = {
  fragment: ' "<>`',
  path: ' "<>`#?{}',
  query: ' "#\'<>',
  userinfo: ' "<>`#?{}/:;=@[\\]^|',
};

function byteByByte(value: string, set: string): string {
  const bytes = Buffer.from(value, 'utf8');
  const hex = (b: number | undefined) => b !== undefined && /[0-9a-fA-F]/.test(String.fromCharCode(b));
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x25 && hex(bytes[i + 1]) && hex(bytes[i + 2]) && i + 2 < bytes.length) {
      out += `%${String.fromCharCode(bytes[i + 1] as number, bytes[i + 2] as number)}`;
      i += 2;
    } else if (b < 0x20 || b >= 0x7f || set.includes(String.fromCharCode(b))) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

const userinfo = (auth: string): string => {
  const sep = auth.indexOf(':');
  return sep === -1 ? byteByByte(auth, SETS.userinfo) : `${byteByByte(auth.slice(0, sep), SETS.userinfo)}:${byteByByte(auth.slice(sep + 1), SETS.userinfo)}`;
};

// Every character class the encoder treats differently, plus any code unit at all (lone surrogates included).
const unit = fc.oneof(
  fc.constantFrom('%', '4', '1', 'f', 'g', 'a', '~', '&', ' ', '"', '#', '?', '{', '}', '<', '>', '`', "'", '/', ':', ';', '=', '@', '[', '\\', ']', '^', '|', '\x00', '\x1f', '\x7f', '\x80', 'é', '\ud800', '\udfff', '😀'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const part = fc.string({ unit, maxLength: 12 });

describe('native engine: URL encoding fast path', () => {
  it('encodes every part exactly as the byte-by-byte pass does', () => {
    fc.assert(
      fc.property(part, part, part, part, part, (path, query, hash, auth, plain) => {
        const url = encodeUrl({ protocol: 'http', host: 'h', path: [path, plain], query: [query, plain], hash, auth });
        const expected = `http://${userinfo(auth)}@h${byteByByte(`/${path}/${plain}`, SETS.path)}?${byteByByte(`${query}&${plain}`, SETS.query)}#${byteByByte(hash, SETS.fragment)}`;
        expect(url.href).to.equal(expected);
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });

  it('returns a part with nothing to encode as it is, and encodes the one character that needs it', () => {
    expect(encodeUrl({ host: 'h', path: ['services', 'data', 'v62.0', 'query'], query: ["q=SELECT+Id,Name+FROM+Account+WHERE+Name='A%25'"] }).href).to.equal(
      "http://h/services/data/v62.0/query?q=SELECT+Id,Name+FROM+Account+WHERE+Name=%27A%25%27",
    );
    expect(encodeUrl({ host: 'h', path: ['a\x7fb'] }).pathAndQuery).to.equal('/a%7Fb');
    expect(encodeUrl({ host: 'h', path: ['é'] }).pathAndQuery).to.equal('/%C3%A9');
  });
});
