/**
 * The emulator's own speed, on the 100k-Account org: authenticated REST requests per second (keep-alive, 8 in
 * flight, a bounded number of requests) and the p50 of a WHERE / ORDER BY / LIMIT 2000 query. Real HTTP on 127.0.0.1.
 */
import { Agent, request } from 'undici';
import { LOCAL_CREDENTIALS } from '../src/emulator';

const REQUESTS = 4_000;
const IN_FLIGHT = 8;

async function token(url: string, agent: Agent): Promise<string> {
  const c = LOCAL_CREDENTIALS;
  const body = new URLSearchParams({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password + c.securityToken });
  const res = await request(`${url}/services/oauth2/token`, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, dispatcher: agent });
  return ((await res.body.json()) as { access_token: string }).access_token;
}

/** totalSize of all Accounts, as the admin sees them. */
export async function accountCount(url: string): Promise<number> {
  const agent = new Agent();
  try {
    const auth = { authorization: `Bearer ${await token(url, agent)}` };
    const res = await request(`${url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT COUNT() FROM Account')}`, { headers: auth, dispatcher: agent });
    return ((await res.body.json()) as { totalSize: number }).totalSize;
  } finally {
    await agent.close();
  }
}

export async function emulatorFigures(url: string): Promise<{ restRequestsPerSecond: number; queryP50Ms: number }> {
  const agent = new Agent({ connections: IN_FLIGHT });
  try {
    const auth = { authorization: `Bearer ${await token(url, agent)}` };
    const q = `${url}/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id, Name FROM Account WHERE Name LIKE 'A%' ORDER BY Name LIMIT 2000")}`;
    let sent = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (sent < REQUESTS) {
          sent++;
          const res = await request(`${url}/services/data/v62.0/query?q=SELECT+Id+FROM+Account+LIMIT+1`, { headers: auth, dispatcher: agent });
          await res.body.dump();
        }
      }),
    );
    const restRequestsPerSecond = REQUESTS / (Number(process.hrtime.bigint() - started) / 1e9);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = process.hrtime.bigint();
      const res = await request(q, { headers: auth, dispatcher: agent });
      await res.body.dump();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const figures = { restRequestsPerSecond, queryP50Ms: times[25] ?? NaN };
    process.stdout.write(`  emulator: ${restRequestsPerSecond.toFixed(0)} REST req/s, query p50 ${figures.queryP50Ms.toFixed(2)} ms\n`);
    return figures;
  } finally {
    await agent.close();
  }
}
