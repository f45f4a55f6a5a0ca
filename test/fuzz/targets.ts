/**
 * The emulator fuzz targets: each is an arbitrary and a case runner that throws (naming the case) when an answer breaks
 * an invariant. The same targets serve `npm test` (a few cases each) and bench/fuzz.ts (thousands).
 */
import type { Agent } from 'undici';
import fc from 'fast-check';
import { LOCAL_USERS, type StartedEmulator } from '../../src/emulator';
import { anyText, authorizeParamsArb, authorizePostArb, recordJsonArb, sobjectTypeArb, soqlArb, tokenCaseArb, validRecordArb, type Known } from './arbitraries';
import { exchange, expectSane, fail, fuzzAgent, pct, query, type Sent } from './http';

export interface FuzzContext {
  base: string;
  agent: Agent;
  known: Known;
  tokens: { admin: string; rep: string };
  /** An Account the admin owns (the rep may not see it) and one the rep owns. */
  adminAccount: string;
  repAccount: string;
  close(): Promise<void>;
}

export interface Target<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs one case; throws (naming it) on a broken invariant, else returns a label to count (the status). */
  run(input: T): Promise<string>;
}

/** Emulator options for fuzzing: API usage never runs out mid-fuzz. */
export const FUZZ_EMULATOR = { dailyApiLimit: 10_000_000 } as const;

async function passwordToken(base: string, agent: Agent, known: Known, user: { username: string; password: string; securityToken: string }): Promise<string> {
  const sent: Sent = {
    method: 'POST',
    path: '/services/oauth2/token',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: query([['grant_type', 'password'], ['client_id', known.clientId], ['client_secret', known.clientSecret], ['username', user.username], ['password', user.password + user.securityToken]]),
  };
  const got = await exchange(agent, base, sent);
  if (got.status !== 200) fail(sent, got, 'set-up login failed');
  return (JSON.parse(got.text) as { access_token: string }).access_token;
}

async function createAccount(ctx: Omit<FuzzContext, 'adminAccount' | 'repAccount' | 'close'>, token: string, name: string): Promise<string> {
  const sent: Sent = { method: 'POST', path: '/services/data/v60.0/sobjects/Account', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ Name: name }) };
  const got = await exchange(ctx.agent, ctx.base, sent);
  if (got.status !== 201) fail(sent, got, 'set-up create failed');
  return (JSON.parse(got.text) as { id: string }).id;
}

export async function fuzzContext(emu: StartedEmulator): Promise<FuzzContext> {
  const agent = fuzzAgent();
  const c = emu.credentials;
  const known: Known = { clientId: c.clientId, clientSecret: c.clientSecret, username: c.username, password: c.password + c.securityToken, redirectUri: c.redirectUri };
  const tokens = { admin: await passwordToken(emu.url, agent, known, LOCAL_USERS.admin), rep: await passwordToken(emu.url, agent, known, LOCAL_USERS.salesRep) };
  const partial = { base: emu.url, agent, known, tokens };
  return {
    ...partial,
    adminAccount: await createAccount(partial, tokens.admin, 'Fuzz admin account'),
    repAccount: await createAccount(partial, tokens.rep, 'Fuzz rep account'),
    close: () => agent.close(),
  };
}

const mostly = fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const dotSegment = (s: string): boolean => /^(\.|%2e){0,2}$/i.test(s);

const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

function soqlTarget(ctx: FuzzContext): Target<{ soql: string; as: 'admin' | 'rep'; all: boolean; version: string; batch?: string }> {
  return {
    name: 'SOQL at /services/data/vXX.X/query',
    arbitrary: fc.record({
      soql: soqlArb,
      as: fc.constantFrom('admin' as const, 'rep' as const),
      all: fc.boolean(),
      version: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('60.0', '62.0', '31.0', '68.0') }, { weight: 1, arbitrary: fc.constantFrom('20.0', '99.0') }),
      batch: fc.option(fc.constantFrom('batchSize=200', 'batchSize=-1', 'batchSize=99999999999999', 'batchSize=x'), { nil: undefined }),
    }),
    async run(input) {
      const headers = { ...bearer(ctx.tokens[input.as]), ...(input.batch ? { 'Sforce-Query-Options': input.batch } : {}) };
      const sent: Sent = { method: 'GET', path: `/services/data/v${input.version}/${input.all ? 'queryAll' : 'query'}?q=${pct(input.soql)}`, headers };
      const got = await exchange(ctx.agent, ctx.base, sent);
      const body = expectSane(sent, got, input.version === '99.0' || input.version === '20.0' ? [404] : [200, 400]);
      if (got.status === 400) {
        const errors = body as Array<{ errorCode?: unknown; message?: unknown }>;
        if (!Array.isArray(errors) || typeof errors[0]?.errorCode !== 'string' || typeof errors[0]?.message !== 'string') fail(sent, got, 'a 400 that is not an error array');
      }
      if (got.status === 200) {
        const page = body as { totalSize?: unknown; done?: unknown; records?: unknown; nextRecordsUrl?: string };
        if (typeof page.totalSize !== 'number' || typeof page.done !== 'boolean' || !Array.isArray(page.records)) fail(sent, got, 'a 200 that is not a query result');
        if (page.nextRecordsUrl) {
          const more: Sent = { method: 'GET', path: page.nextRecordsUrl, headers };
          expectSane(more, await exchange(ctx.agent, ctx.base, more), [200]);
        }
      }
      return String(got.status);
    },
  };
}

function tokenTarget(ctx: FuzzContext): Target<ReturnType<typeof tokenCaseArb> extends fc.Arbitrary<infer T> ? T : never> {
  return {
    name: 'form bodies at /services/oauth2/token',
    arbitrary: tokenCaseArb(ctx.known),
    async run(input) {
      const form = query(input.params);
      const headers: Record<string, string> = {};
      if (input.contentType !== undefined) headers['Content-Type'] = input.contentType;
      if (input.basic !== undefined) headers['Authorization'] = `Basic ${input.basic}`;
      const sent: Sent = { method: 'POST', path: `/services/oauth2/token${input.inQuery ? `?${form}` : ''}`, headers, body: input.raw ?? (input.inQuery ? '' : form) };
      const got = await exchange(ctx.agent, ctx.base, sent);
      const body = expectSane(sent, got, [200, 400]) as { error?: unknown; error_description?: unknown; access_token?: unknown };
      if (got.status === 400 && (typeof body?.error !== 'string' || typeof body.error_description !== 'string')) fail(sent, got, 'a 400 without error and error_description');
      if (got.status === 200 && typeof body?.access_token !== 'string') fail(sent, got, 'a 200 without an access_token');
      return String(got.status);
    },
  };
}

/** Where a 302 from /authorize may go: the registered callback only (no open redirect). */
function checkRedirect(ctx: FuzzContext, sent: Sent, got: { status: number; headers: Record<string, string>; text: string }): void {
  if (got.status !== 302) return;
  const location = got.headers['location'] ?? '';
  const target = location.split(/[?#]/)[0];
  if (target !== ctx.known.redirectUri) fail(sent, got, `a redirect to ${JSON.stringify(location.slice(0, 200))}, not the registered callback`);
}

type AuthorizeCase = { params: [string, string][]; post: ReturnType<typeof authorizePostArb> extends fc.Arbitrary<infer T> ? T : never; method: 'GET' | 'POST' | 'FLOW'; keep: { flow: boolean; csrf: boolean; cookie: boolean; login: boolean; rightPassword: boolean }; prompt: string };

/** The hidden fields and browser cookie of a real login page, so a POST can reach the login and consent logic. */
async function startFlow(ctx: FuzzContext, prompt: string): Promise<{ flow: string; csrf: string; cookie: string }> {
  const sent: Sent = { method: 'GET', path: `/services/oauth2/authorize?${query([['response_type', 'code'], ['client_id', ctx.known.clientId], ['redirect_uri', ctx.known.redirectUri], ['prompt', prompt]])}` };
  const got = await exchange(ctx.agent, ctx.base, sent);
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(got.text)?.[1] ?? '';
  if (got.status !== 200 || !field('flow')) fail(sent, got, 'no login page');
  return { flow: field('flow'), csrf: field('csrf'), cookie: (got.headers['set-cookie'] ?? '').split(';')[0] ?? '' };
}

function authorizeTarget(ctx: FuzzContext): Target<AuthorizeCase> {
  return {
    name: 'parameters at /services/oauth2/authorize',
    arbitrary: fc.record({
      params: authorizeParamsArb(ctx.known),
      post: authorizePostArb(ctx.known),
      method: fc.constantFrom('GET' as const, 'GET' as const, 'POST' as const, 'FLOW' as const, 'FLOW' as const),
      keep: fc.record({ flow: mostly, csrf: mostly, cookie: mostly, login: mostly, rightPassword: fc.boolean() }),
      prompt: fc.constantFrom('login', 'consent', 'login consent'),
    }),
    async run(input) {
      const headers: Record<string, string> = {};
      let sent: Sent;
      if (input.method === 'GET') {
        sent = { method: 'GET', path: `/services/oauth2/authorize?${query(input.params)}`, headers };
      } else {
        const form = input.post.form.slice();
        let cookie = input.post.cookie;
        if (input.method === 'FLOW') {
          // A real flow: its own fields and cookie, each kept or not, then the random fields.
          const real = await startFlow(ctx, input.prompt);
          if (input.keep.login) form.unshift(['action', 'login'], ['username', ctx.known.username], ['pw', input.keep.rightPassword ? LOCAL_USERS.admin.password : 'wrong']);
          if (input.keep.flow) form.unshift(['flow', real.flow]);
          if (input.keep.csrf) form.unshift(['csrf', real.csrf]);
          if (input.keep.cookie) cookie = real.cookie;
        }
        if (cookie !== undefined) headers['Cookie'] = cookie;
        headers['Content-Type'] = input.post.contentType ?? 'application/x-www-form-urlencoded';
        sent = { method: 'POST', path: '/services/oauth2/authorize', headers, body: query(form) };
      }
      const got = await exchange(ctx.agent, ctx.base, sent);
      expectSane(sent, got, [200, 302, 400, 403]);
      checkRedirect(ctx, sent, got);
      return `${input.method} ${got.status}`;
    },
  };
}

function recordTarget(ctx: FuzzContext): Target<{ json: string; type: string; valid: boolean; op: 'create' | 'update' | 'update-hidden' | 'update-bad-id'; badId: string; override: boolean }> {
  return {
    name: 'JSON at sObject create / update',
    arbitrary: fc.record({
      json: recordJsonArb,
      type: sobjectTypeArb,
      valid: fc.boolean(),
      op: fc.constantFrom('create' as const, 'create' as const, 'update' as const, 'update-hidden' as const, 'update-bad-id' as const),
      badId: fc.oneof(fc.constantFrom('001000000000000', '001000000000000AAA', '001xx', '003000000000000AAA'), anyText(20)),
      override: fc.boolean(),
    }).chain((c) => (c.valid && ['Account', 'Contact', 'Opportunity'].includes(c.type) ? validRecordArb(c.op === 'create' ? c.type : 'Account').map((json) => ({ ...c, json })) : fc.constant(c))),
    async run(input) {
      const as = input.op === 'update-hidden' ? ctx.tokens.rep : ctx.tokens.admin;
      const headers = { ...bearer(as), 'Content-Type': 'application/json' };
      const base = '/services/data/v60.0/sobjects';
      let sent: Sent;
      let allowed: number[];
      if (input.op === 'create') {
        sent = { method: 'POST', path: `${base}/${pct(input.type)}`, headers, body: input.json };
        allowed = [201, 400, 403, 404, ...(dotSegment(input.type) ? [405] : [])];
      } else {
        const id = input.op === 'update-bad-id' ? pct(input.badId) : input.op === 'update-hidden' ? ctx.adminAccount : ctx.repAccount;
        const type = input.op === 'update-bad-id' ? pct(input.type) : 'Account';
        sent = input.override ? { method: 'POST', path: `${base}/${type}/${id}?_HttpMethod=PATCH`, headers, body: input.json } : { method: 'PATCH', path: `${base}/${type}/${id}`, headers, body: input.json };
        allowed = input.op === 'update-hidden' ? [403] : [204, 400, 403, 404];
        // "", "." and ".." segments are normalised away by the URL: another resource, which refuses the method.
        if (dotSegment(id) || dotSegment(type)) allowed.push(405);
      }
      const got = await exchange(ctx.agent, ctx.base, sent);
      const body = expectSane(sent, got, allowed) as { success?: unknown; id?: unknown } | Array<{ errorCode?: unknown }>;
      if (got.status === 201 && (Array.isArray(body) || body?.success !== true || typeof body.id !== 'string')) fail(sent, got, 'a 201 without success and an id');
      if (got.status >= 400 && (!Array.isArray(body) || typeof body[0]?.errorCode !== 'string')) fail(sent, got, 'an error that is not an error array');
      return `${input.op} ${got.status}`;
    },
  };
}

/** The emulator targets, in the order the suites run them. */
export function emulatorTargets(ctx: FuzzContext): Target<never>[] {
  return [soqlTarget(ctx), tokenTarget(ctx), authorizeTarget(ctx), recordTarget(ctx)] as unknown as Target<never>[];
}

/** The emulator still answers a plain request (it did not crash or wedge). */
export async function stillAnswers(ctx: FuzzContext): Promise<void> {
  const sent: Sent = { method: 'GET', path: '/services/data' };
  expectSane(sent, await exchange(ctx.agent, ctx.base, sent), [200]);
}
