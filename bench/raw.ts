/**
 * The physical limit the native engine is measured against: a plain undici loop doing the same requests and checks
 * (status, content type, ajv-compiled schema), with no collection, variables or scripts.
 */
import Ajv from 'ajv';
import { Agent, request } from 'undici';
import type { EnvKey, FlowSpec } from '../src/spec';

export async function rawLoop(flow: FlowSpec, env: Record<EnvKey, string>): Promise<{ requests: number; failures: number }> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = new Map(flow.requests.flatMap((r) => (r.expect.schema ? [[r.expect.schema, ajv.compile(r.expect.schema)] as const] : [])));
  const agent = new Agent({ keepAliveTimeout: 4_000 });
  let token = '';
  let instance = env.instance_url;
  let failures = 0;
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k === 'access_token' ? token : k === 'instance_url' ? instance : (env[k as EnvKey] ?? '')));
  try {
    for (const r of flow.requests) {
      const url = new URL(fill(r.url));
      for (const q of r.query ?? []) url.searchParams.set(q.key, fill(q.value));
      const headers: Record<string, string> = {};
      for (const h of r.headers ?? []) headers[h.key] = fill(h.value);
      if (r.auth === 'bearer') headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (r.body) {
        body = r.body.fields.map((f) => `${encodeURIComponent(f.key)}=${encodeURIComponent(fill(f.value))}`).join('&');
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const res = await request(url, { method: r.method, headers, body, dispatcher: agent });
      const text = await res.body.text();
      const json: unknown = JSON.parse(text);
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.statusCode !== r.expect.status || !new RegExp(r.expect.contentType ?? '^$', 'i').test(contentType)) failures++;
      if (r.expect.schema && !validators.get(r.expect.schema)?.(json)) failures++;
      for (const c of r.captures ?? []) {
        const v = (json as Record<string, string>)[c.from] ?? '';
        if (c.variable === 'access_token') token = v;
        if (c.variable === 'instance_url') instance = v;
      }
    }
  } finally {
    await agent.close();
  }
  return { requests: flow.requests.length, failures };
}
