/**
 * fast-check generators for the emulator's inputs: SOQL (grammar-shaped, mutated and raw), token-endpoint form bodies,
 * authorize parameters and login/consent forms, and record JSON. Each mixes valid pieces with garbage so that cases
 * reach deep into the handlers instead of stopping at the first check.
 */
import fc from 'fast-check';

/** Any text, including unpaired surrogates, controls and astral characters. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', "'", '"', '\\', '%', '%zz', '%E0%A4', '\u0000', '\uD800', '🚀', 'ü', '\r\n', '{{x}}', 'null', '-1', '1e309', 'NaN') },
  );

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

// ---------------------------------------------------------------- SOQL
const OBJECTS = ['Account', 'Contact', 'Opportunity', 'User', 'Profile', 'UserRole', 'Nope', 'account', 'ACCOUNT'];
const FIELDS = ['Id', 'Name', 'Industry', 'Type', 'AnnualRevenue', 'NumberOfEmployees', 'OwnerId', 'Owner.Name', 'Owner.Profile.Name', 'CreatedDate', 'LastModifiedDate', 'IsDeleted', 'AccountId', 'Account.Name', 'Account.Owner.Name', 'LastName', 'Email', 'Amount', 'CloseDate', 'StageName', 'IsWon', 'Username', 'UserRole.Name', 'Nope__c', 'Owner.Nope', 'Name.Name'];
const AGGREGATES = ['COUNT()', 'COUNT(Id)', 'COUNT(Id) n', 'MAX(AnnualRevenue)', 'MIN(CreatedDate)', 'SUM(Amount) total', 'AVG(NumberOfEmployees)', 'COUNT_DISTINCT(Industry)', 'CALENDAR_YEAR(CreatedDate)', 'FORMAT(Name)', 'toLabel(Industry)'];
const SUBQUERIES = ['(SELECT Id, LastName FROM Contacts)', '(SELECT Name FROM Opportunities WHERE IsWon = true)', '(SELECT Id FROM Nope)', '(SELECT Id FROM Contacts LIMIT 1)'];
const OPS = ['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'IN', 'NOT IN', 'INCLUDES', 'EXCLUDES', '=='];
const DATE_LITERALS = ['TODAY', 'YESTERDAY', 'LAST_N_DAYS:30', 'NEXT_N_DAYS:0', 'THIS_YEAR', 'LAST_N_DAYS:-1', 'LAST_N_DAYS:99999999999', 'N_DAYS_AGO:3', 'THIS_FISCAL_QUARTER', '2024-01-01', '2024-01-01T00:00:00Z', '2024-13-45T99:99:99Z'];

const soqlValue: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  pick('null', 'true', 'false', 'TRUE', ...DATE_LITERALS),
  anyText(20).map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
  anyText(20).map((s) => `'${s}'`),
  fc.array(anyText(8).map((s) => `'${s.replace(/'/g, '')}'`), { maxLength: 4 }).map((xs) => `(${xs.join(', ')})`),
  pick("(SELECT AccountId FROM Contact)", "(SELECT Id FROM Account WHERE Name LIKE 'A%')", '(SELECT Id FROM Nope)'),
);

const condition: fc.Arbitrary<string> = fc.letrec<{ cond: string }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(pick(...FIELDS, ...AGGREGATES), pick(...OPS), soqlValue).map(([f, op, v]) => `${f} ${op} ${v}`),
    fc.tuple(tie('cond'), pick('AND', 'OR', 'and', 'XOR'), tie('cond')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('cond').map((c) => `NOT ${c}`),
    tie('cond').map((c) => `(${c})`),
    tie('cond').map((c) => `(${c}`),
  ),
})).cond;

const grammarSoql: fc.Arbitrary<string> = fc
  .record({
    fields: fc.array(fc.oneof(pick(...FIELDS), pick(...AGGREGATES), pick(...SUBQUERIES), anyText(10)), { minLength: 0, maxLength: 5 }),
    object: fc.oneof({ weight: 5, arbitrary: pick(...OBJECTS) }, { weight: 1, arbitrary: anyText(12) }),
    scope: fc.option(pick('USING SCOPE mine', 'USING SCOPE everything', 'USING SCOPE nope')),
    where: fc.option(condition),
    groupBy: fc.option(fc.array(pick(...FIELDS), { minLength: 1, maxLength: 2 }).map((xs) => xs.join(', '))),
    having: fc.option(condition),
    orderBy: fc.option(fc.tuple(pick(...FIELDS, ...AGGREGATES), pick('', 'ASC', 'DESC', 'DESC NULLS LAST', 'NULLS FIRST', 'SIDEWAYS')).map(([f, d]) => `${f} ${d}`)),
    limit: fc.option(fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), pick('50001', '99999999999999999999', 'x', ''))),
    offset: fc.option(fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), pick('2001', 'x'))),
    tail: fc.option(pick('FOR UPDATE', 'FOR VIEW', 'ALL ROWS', 'WITH SECURITY_ENFORCED', ';', '--', "'", ')', 'UNION SELECT Id FROM User')),
  })
  .map((q) =>
    [
      `SELECT ${q.fields.join(', ')}`,
      `FROM ${q.object}`,
      q.scope ?? '',
      q.where !== null ? `WHERE ${q.where}` : '',
      q.groupBy !== null ? `GROUP BY ${q.groupBy}` : '',
      q.having !== null ? `HAVING ${q.having}` : '',
      q.orderBy !== null ? `ORDER BY ${q.orderBy}` : '',
      q.limit !== null ? `LIMIT ${q.limit}` : '',
      q.offset !== null ? `OFFSET ${q.offset}` : '',
      q.tail ?? '',
    ]
      .filter((s) => s !== '')
      .join(' '),
  );

/** A valid or invalid query, mutated at a random point: a character dropped, doubled or replaced. */
const mutatedSoql: fc.Arbitrary<string> = fc
  .tuple(grammarSoql, fc.nat(), pick('drop', 'double', 'replace', 'truncate'), anyText(3))
  .map(([q, at, how, with_]) => {
    const i = q.length === 0 ? 0 : at % q.length;
    if (how === 'drop') return q.slice(0, i) + q.slice(i + 1);
    if (how === 'double') return q.slice(0, i) + q[i] + q.slice(i);
    if (how === 'truncate') return q.slice(0, i);
    return q.slice(0, i) + with_ + q.slice(i + 1);
  });

/** Fields by object, with a literal of the right type: queries that mostly run, to reach the engine's later stages. */
const VALID: Record<string, Array<[string, fc.Arbitrary<string>]>> = {
  Account: [['Name', anyText(10).map((s) => `'${s.replace(/\\/g, '').replace(/'/g, "\\'")}%'`)], ['AnnualRevenue', fc.integer().map(String)], ['NumberOfEmployees', fc.nat().map(String)], ['Industry', pick("'Banking'", "'Energy'", 'null')], ['CreatedDate', pick(...DATE_LITERALS.slice(0, 9))], ['Owner.Name', pick("'Nobody'", 'null')], ['Id', pick("'001000000000000AAA'", 'null')]],
  Contact: [['LastName', anyText(8).map((s) => `'${s.replace(/\\/g, '').replace(/'/g, "\\'")}'`)], ['Account.Name', pick("'Edge Communications'", 'null')], ['Email', pick('null', "'a@b.c'")], ['CreatedDate', pick(...DATE_LITERALS.slice(0, 9))]],
  Opportunity: [['Amount', fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)], ['StageName', pick("'Prospecting'", "'Closed Won'")], ['IsWon', pick('true', 'false')], ['CloseDate', pick(...DATE_LITERALS.slice(0, 10))]],
};

const validSoql: fc.Arbitrary<string> = fc.constantFrom('Account', 'Contact', 'Opportunity').chain((object) => {
  const fields = VALID[object]!;
  const names = fields.map(([n]) => n);
  const cond = fc.constantFrom(...fields).chain(([f, lit]) => fc.tuple(pick('=', '!=', '<', '>', 'LIKE'), lit).map(([op, v]) => `${f} ${f.endsWith('Name') || f === 'LastName' ? (op === '<' || op === '>' ? '=' : op) : op === 'LIKE' ? '=' : op} ${v}`));
  return fc
    .record({
      fields: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }),
      where: fc.option(fc.array(cond, { minLength: 1, maxLength: 3 }).chain((cs) => pick(' AND ', ' OR ').map((j) => cs.join(j)))),
      order: fc.option(fc.tuple(fc.constantFrom(...names), pick('ASC', 'DESC', 'DESC NULLS LAST'))),
      limit: fc.option(fc.integer({ min: 0, max: 2500 })),
      offset: fc.option(fc.integer({ min: 0, max: 50 })),
      count: fc.boolean(),
    })
    .map((q) => {
      const select = q.count ? 'COUNT()' : `Id, ${q.fields.join(', ')}`;
      return [`SELECT ${select} FROM ${object}`, q.where ? `WHERE ${q.where}` : '', q.order && !q.count ? `ORDER BY ${q.order[0]} ${q.order[1]}` : '', q.limit !== null ? `LIMIT ${q.limit}` : '', q.offset !== null && !q.count ? `OFFSET ${q.offset}` : '']
        .filter((x) => x !== '')
        .join(' ');
    });
});

export const soqlArb: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: validSoql }, { weight: 4, arbitrary: grammarSoql }, { weight: 3, arbitrary: mutatedSoql }, { weight: 1, arbitrary: anyText(200) });

// ---------------------------------------------------------------- token endpoint
export interface Known {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  redirectUri: string;
}

const GRANTS = ['password', 'authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'implicit', 'PASSWORD', ''];
const TOKEN_KEYS = ['grant_type', 'client_id', 'client_secret', 'username', 'password', 'code', 'refresh_token', 'redirect_uri', 'code_verifier', 'assertion', 'scope', 'format', 'token'];

/** A parameter value: a known-good one (so the checks after it are reached) or garbage. */
function tokenValue(known: Known, key: string): fc.Arbitrary<string> {
  const good: Record<string, string[]> = {
    grant_type: GRANTS,
    client_id: [known.clientId],
    client_secret: [known.clientSecret],
    username: [known.username],
    password: [known.password],
    redirect_uri: [known.redirectUri],
    assertion: ['a.b.c', 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.', 'eyJhbGciOiJSUzI1NiJ9.e30.AAAA'],
    code: ['aPrxAAAA==', ''],
    refresh_token: ['5Aep861AAAA', ''],
  };
  const known_ = Object.hasOwn(good, key) ? good[key] : undefined;
  return known_ ? fc.oneof({ weight: 3, arbitrary: pick(...known_) }, { weight: 2, arbitrary: anyText(60) }) : anyText(60);
}

export interface TokenCase {
  params: [string, string][];
  /** The body as sent: form-encoded parameters, or raw text. */
  raw?: string;
  contentType?: string;
  basic?: string;
  inQuery: boolean;
}

export function tokenCaseArb(known: Known): fc.Arbitrary<TokenCase> {
  const param = fc.oneof({ weight: 4, arbitrary: pick(...TOKEN_KEYS) }, { weight: 1, arbitrary: anyText(10) }).chain((k) => tokenValue(known, k).map((v): [string, string] => [k, v]));
  const valid: [string, string][] = [['grant_type', 'password'], ['client_id', known.clientId], ['client_secret', known.clientSecret], ['username', known.username], ['password', known.password]];
  // A valid password grant with a few parameters dropped, replaced or added: some succeed, most fail late.
  const mutated = fc.tuple(fc.subarray(valid, { minLength: 3 }), fc.array(param, { maxLength: 3 })).map(([kept, extra]) => [...kept, ...extra]);
  return fc.record({
    params: fc.oneof(mutated, fc.constant(valid), fc.array(param, { maxLength: 8 })),
    raw: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(anyText(200), pick('grant_type=password&&&', '=&=&=', 'grant_type', '%', 'a=%zz&b=%E0%A4', '{"grant_type":"password"}')) }),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/x-www-form-urlencoded') },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: pick('application/x-www-form-urlencoded; charset=ISO-8859-1', 'APPLICATION/X-WWW-FORM-URLENCODED', 'application/json', 'text/plain', 'multipart/form-data', ';;;') },
    ),
    basic: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => Buffer.from(s, 'latin1').toString('base64')), fc.constant(Buffer.from(`${known.clientId}:${known.clientSecret}`).toString('base64')), fc.stringMatching(/^[!-~]{0,30}$/)) },
    ),
    inQuery: fc.boolean(),
  });
}

// ---------------------------------------------------------------- authorize
const AUTHORIZE_KEYS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'prompt', 'code_challenge', 'code_challenge_method', 'nonce', 'login_hint', 'display', 'immediate'];

function authorizeValue(known: Known, key: string): fc.Arbitrary<string> {
  const good: Record<string, string[]> = {
    response_type: ['code', 'token', 'token id_token', 'id_token token', 'id_token', 'code token', ''],
    client_id: [known.clientId],
    redirect_uri: [known.redirectUri, 'https://evil.example/cb', `${known.redirectUri}/x`, `${known.redirectUri}?a=b`, 'javascript:alert(1)'],
    scope: ['api', 'api refresh_token offline_access openid', 'full', 'nope', 'api  api'],
    prompt: ['login', 'consent', 'none', 'login consent', 'select_account', 'none login'],
    code_challenge_method: ['S256', 'plain', 's256', 'nope'],
  };
  const g = Object.hasOwn(good, key) ? good[key] : undefined;
  return g ? fc.oneof({ weight: 3, arbitrary: pick(...g) }, { weight: 1, arbitrary: anyText(60) }) : anyText(60);
}

export function authorizeParamsArb(known: Known): fc.Arbitrary<[string, string][]> {
  const param = fc.oneof({ weight: 5, arbitrary: pick(...AUTHORIZE_KEYS) }, { weight: 1, arbitrary: anyText(10) }).chain((k) => authorizeValue(known, k).map((v): [string, string] => [k, v]));
  // The client and callback come first most of the time, so the later checks are reached.
  return fc.tuple(fc.boolean(), fc.array(param, { maxLength: 8 })).map(([base, rest]) =>
    base ? ([['client_id', known.clientId], ['redirect_uri', known.redirectUri], ...rest] as [string, string][]) : rest,
  );
}

export interface AuthorizePost {
  form: [string, string][];
  cookie?: string;
  contentType?: string;
}

export function authorizePostArb(known: Known): fc.Arbitrary<AuthorizePost> {
  const key = fc.oneof({ weight: 4, arbitrary: pick('action', 'username', 'pw') }, { weight: 1, arbitrary: pick('flow', 'csrf', 'state') });
  const value = (k: string): fc.Arbitrary<string> =>
    k === 'action' ? fc.oneof({ weight: 4, arbitrary: pick('login', 'allow', 'deny', '') }, { weight: 1, arbitrary: anyText(10) }) : k === 'username' ? fc.oneof(pick(known.username), anyText(30)) : k === 'pw' ? fc.oneof(pick(known.password), anyText(30)) : anyText(40);
  return fc.record({
    form: fc.array(key.chain((k) => value(k).map((v): [string, string] => [k, v])), { maxLength: 6 }),
    cookie: fc.option(fc.stringMatching(/^[ -~]{0,60}$/).map((s) => `sfcheck_browser=${s}`), { nil: undefined }),
    contentType: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: pick('text/plain', 'application/json', 'application/x-www-form-urlencoded; charset=UTF-8') }),
  });
}

// ---------------------------------------------------------------- record JSON
const RECORD_FIELDS = ['Name', 'Industry', 'Type', 'AnnualRevenue', 'NumberOfEmployees', 'Phone', 'Website', 'BillingCity', 'OwnerId', 'Id', 'IsDeleted', 'CreatedDate', 'LastName', 'FirstName', 'Email', 'AccountId', 'StageName', 'CloseDate', 'Amount', 'Probability', 'IsWon', 'attributes', 'Nope__c', 'name'];

const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText(300),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  pick('2024-01-01', '2024-02-30', '2024-01-01T00:00:00.000+0000', '001000000000000AAA', '005xx000001Sv6AAAZ', 'Prospecting', 'Closed Won', 'Banking', 'x'.repeat(256)),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A body that a create of `type` would accept, plus up to two random fields: some succeed, the rest fail late. */
export function validRecordArb(type: string): fc.Arbitrary<string> {
  const base: fc.Arbitrary<Record<string, unknown>> =
    type === 'Contact' ? fc.record({ LastName: anyText(40) }) : type === 'Opportunity' ? fc.record({ Name: anyText(60), StageName: pick('Prospecting', 'Closed Won'), CloseDate: pick('2025-01-31', '2024-02-29') }) : fc.record({ Name: anyText(80) });
  return fc.tuple(base, fc.dictionary(pick(...RECORD_FIELDS), fieldValue, { maxKeys: 2 })).map(([b, extra]) => JSON.stringify({ ...b, ...extra }));
}

export const recordJsonArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.oneof({ weight: 5, arbitrary: pick(...RECORD_FIELDS) }, { weight: 1, arbitrary: anyText(12) }), fieldValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: anyText(100) },
  { weight: 1, arbitrary: pick('', '{', '{"Name":', '[]', '[{}]', 'null', '{"Name":"a","Name":"b"}', '{"__proto__":{"polluted":1},"Name":"p"}', '{"constructor":{"prototype":{"x":1}}}') },
);

export const sobjectTypeArb: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: pick('Account', 'Contact', 'Opportunity') }, { weight: 1, arbitrary: pick('User', 'Profile', 'UserRole', 'Nope', 'account') }, { weight: 1, arbitrary: anyText(12) });
