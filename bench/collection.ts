/**
 * The benchmark's collections, built from the spec like the real ones: a token request, then the Account query and
 * userinfo alternating, each with its status, content-type and jsonSchema tests.
 */
import { buildCollection } from '../src/generate';
import { passwordFlow, queryAccounts, userinfo, type FlowSpec, type RequestSpec } from '../src/spec';

export function benchFlow(n: number): FlowSpec {
  const token = passwordFlow.requests[0];
  if (!token) throw new Error('the password flow has no token request');
  const requests: RequestSpec[] = [token];
  for (let i = 1; i < n; i++) {
    const base = i % 2 === 1 ? queryAccounts : userinfo;
    requests.push({ ...base, id: `${base.id}-${i}`, name: `${base.name} #${i}` });
  }
  return { id: `bench-${n}`, name: `bench ${n}`, description: `${n} requests`, requests };
}

export function benchCollection(n: number): unknown {
  return buildCollection(benchFlow(n));
}

/** One request for the large-body case: GET the fixture server's body, checked against the Account query schema. */
export function bigCollection(url: string): unknown {
  return buildCollection({
    id: 'bench-big',
    name: 'bench big body',
    description: 'one ~30 MB query-shaped response',
    requests: [{ ...queryAccounts, id: 'big', name: 'big body', url: `${url}/services/data/v62.0/query`, auth: 'none' }],
  });
}
