/**
 * The generated collection in Postman's own runtime (newman + postman-sandbox): proves the scripts work in Postman
 * as is. The server is a stub replaying the wire-spec samples, not the emulator: this tests the generator, not Salesforce.
 */
import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import newman, { type NewmanRunSummary } from 'newman';
import { buildCollection, buildEnvironment, localEnvironmentValues } from '../../src/generate';
import { passwordFlow } from '../../src/spec';
import * as s from '../spec/samples';
import { INPUT } from './input';

const TOKEN = s.TOKEN_PASSWORD.access_token;
interface Seen { method: string; path: string; authorization?: string; body: string }

function stub(token: Record<string, unknown>): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, body });
      const send = (code: number, value: unknown): void => {
        res.writeHead(code, { 'Content-Type': 'application/json;charset=UTF-8' }).end(JSON.stringify(value));
      };
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (url.pathname === '/services/oauth2/token') return send(200, { ...token, instance_url: base });
      if (url.pathname === '/services/data/') return send(200, s.VERSIONS);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, s.REST_ERROR);
      if (url.pathname === '/services/oauth2/userinfo') return send(200, s.USERINFO);
      const q = url.searchParams.get('q') ?? '';
      if (url.pathname === '/services/data/v62.0/query') return send(200, q.includes('Contact') ? s.CONTACT_QUERY : s.ACCOUNT_QUERY);
      return send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

function run(url: string): Promise<NewmanRunSummary> {
  // instance_url empty, as in a fresh sandbox environment: the token request must fill it in the environment.
  const values = { ...localEnvironmentValues({ ...INPUT.local, url }, '62.0'), instance_url: '' };
  return new Promise((resolve, reject) =>
    newman.run(
      { collection: buildCollection(passwordFlow) as never, environment: buildEnvironment('local', values) as never, reporters: [], timeoutRequest: 10000 },
      (err, summary) => (err ? reject(err) : resolve(summary)),
    ),
  );
}

const assertionsOf = (summary: NewmanRunSummary) =>
  summary.run.executions.flatMap((e) =>
    (e.assertions ?? []).map((a) => ({ item: e.item.name, name: a.assertion, failed: a.error !== undefined })),
  );

describe('generate: collection in newman', function () {
  this.timeout(30000);

  it('passes every assertion against Salesforce-shaped responses and chains the token', async () => {
    const { server, url, seen } = await stub(s.TOKEN_PASSWORD);
    try {
      const summary = await run(url);
      const assertions = assertionsOf(summary);
      expect(assertions.filter((a) => a.failed)).to.deep.equal([]);
      expect(summary.run.failures).to.deep.equal([]);
      expect(assertions.length).to.equal(passwordFlow.requests.length * 3 + 1);
      expect(seen.map((r) => `${r.method} ${r.path.split('?')[0]}`)).to.deep.equal([
        'POST /services/oauth2/token',
        'GET /services/data/',
        'GET /services/data/v62.0/query',
        'GET /services/data/v62.0/query',
        'GET /services/oauth2/userinfo',
      ]);
      expect(new URLSearchParams(seen[0]!.body).get('password')).to.equal('local-passwordlocal-token');
      expect(seen.slice(2).map((r) => r.authorization)).to.deep.equal([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
      expect(seen[0]!.authorization).to.equal(undefined);
      const env = (summary.environment as unknown as { toObject(): Record<string, string> }).toObject();
      expect(env['access_token']).to.equal(TOKEN);
      expect(env['instance_url']).to.equal(url);
    } finally {
      server.close();
    }
  });

  it('fails the token schema test on a lowercase token_type', async () => {
    const { server, url } = await stub({ ...s.TOKEN_PASSWORD, token_type: 'bearer' });
    try {
      const failed = assertionsOf(await run(url)).filter((a) => a.failed);
      expect(failed.map((a) => `${a.item}: ${a.name}`)).to.deep.equal([`${passwordFlow.requests[0]!.name}: body matches the token schema`]);
    } finally {
      server.close();
    }
  });
});
