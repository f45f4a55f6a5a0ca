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

/**
 * queryMore at scale: the token, the Account query, then `batches` requests that each follow the previous response's
 * nextRecordsUrl (stored by its test script), every one checked against the query schema. A straight list of requests,
 * so both engines run it without setNextRequest.
 */
export function queryMoreCollection(batches: number): unknown {
  const token = passwordFlow.requests[0];
  if (!token) throw new Error('the password flow has no token request');
  const capture = { variable: 'next_url', from: 'nextRecordsUrl' };
  const first: RequestSpec = { ...queryAccounts, id: 'more-0', name: 'query', captures: [capture] };
  const more: RequestSpec[] = Array.from({ length: batches }, (_, i) => ({
    ...queryAccounts,
    id: `more-${i + 1}`,
    name: `queryMore #${i + 1}`,
    url: '{{instance_url}}{{next_url}}',
    query: [],
    ...(i + 1 < batches ? { captures: [capture] } : {}),
  }));
  return buildCollection({ id: 'bench-more', name: 'bench queryMore', description: 'query + queryMore', requests: [token, first, ...more] });
}
