/** FlowSpec -> Postman Collection v2.1.0 JSON, built with postman-collection so Postman's own model accepts it. */
import { Collection, Item, Url } from 'postman-collection';
import type { FlowOAuth2, FlowSpec, RequestSpec, SpecParam } from '../spec';
import { stableId } from './ids';
import { normalise } from './json';
import { schemaTitle, testScript } from './script';

export const COLLECTION_SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Variables the token request stores for the rest of the run. Empty until then. */
const CAPTURED_VARIABLES = ['access_token', 'instance_url'];

/** Collection variables: the token's, then what the flow's requests capture or set, in order of first use. */
function collectionVariables(flow: FlowSpec): string[] {
  const names = [...CAPTURED_VARIABLES];
  for (const req of flow.requests) for (const c of req.captures ?? []) names.push(c.variable);
  names.push(...(flow.variables ?? []));
  return [...new Set(names)];
}

/**
 * Postman's OAuth 2.0 helper ("Get New Access Token"), with the parameter names Postman itself exports: grant type
 * authorization_code_with_pkce, S256 challenge, client secret in the body, the token sent in the header.
 */
function oauth2Auth(o: FlowOAuth2): Record<string, unknown> {
  const param = (key: string, value: string | boolean) => ({ key, value, type: typeof value === 'boolean' ? 'boolean' : 'string' });
  return {
    type: 'oauth2',
    oauth2: [
      param('grant_type', 'authorization_code_with_pkce'),
      param('authUrl', o.authUrl),
      param('accessTokenUrl', o.accessTokenUrl),
      param('clientId', o.clientId),
      param('clientSecret', o.clientSecret),
      param('scope', o.scope),
      param('redirect_uri', o.redirectUri),
      param('useBrowser', false),
      param('challengeAlgorithm', 'S256'),
      param('state', o.state),
      param('client_authentication', 'body'),
      param('addTokenTo', 'header'),
      param('tokenName', o.tokenName),
    ],
  };
}

export function collectionPath(flow: FlowSpec): string {
  return `collections/salesforce-${flow.id}.postman_collection.json`;
}

function markdown(content: string): { content: string; type: string } {
  return { content, type: 'text/markdown' };
}

function params(list: readonly SpecParam[] | undefined): Array<{ key: string; value: string; description?: string }> {
  return (list ?? []).map((p) =>
    p.description === undefined ? { key: p.key, value: p.value } : { key: p.key, value: p.value, description: p.description },
  );
}

function itemDescription(req: RequestSpec): string {
  const errorDescription = req.errorSchema['description'];
  return [
    req.description,
    '',
    `- Salesforce docs: ${req.doc}`,
    `- Set-up guide: ${req.guideStep}`,
    req.expect.empty
      ? `- Expects: HTTP ${req.expect.status} with an empty body (see the Tests tab).`
      : `- Expects: HTTP ${req.expect.status}, Content-Type matching \`${req.expect.contentType}\`, ` +
        `a body matching the "${schemaTitle(req)}" schema (see the Tests tab).`,
    ...(typeof errorDescription === 'string' ? [`- On failure: ${errorDescription}`] : []),
  ].join('\n');
}

function requestDefinition(req: RequestSpec): Record<string, unknown> {
  const url = new Url(req.url);
  if (req.query !== undefined) url.addQueryParams(params(req.query) as never);
  const auth =
    req.auth === 'bearer'
      ? { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }] }
      : { type: 'noauth' };
  const definition: Record<string, unknown> = { method: req.method, url: url.toJSON(), header: params(req.headers), auth };
  if (req.body?.mode === 'json') {
    const raw = JSON.stringify(Object.fromEntries(req.body.fields.map((f) => [f.key, f.value])), null, 2);
    definition['body'] = { mode: 'raw', raw, options: { raw: { language: 'json' } } };
  } else if (req.body !== undefined) definition['body'] = { mode: 'urlencoded', urlencoded: params(req.body.fields) };
  return definition;
}

function buildItem(flow: FlowSpec, req: RequestSpec): Item {
  return new Item({
    id: stableId('item', flow.id, req.id),
    name: req.name,
    description: markdown(itemDescription(req)),
    request: requestDefinition(req),
    event: [
      {
        id: stableId('event', flow.id, req.id, 'test'),
        listen: 'test',
        script: { id: stableId('script', flow.id, req.id, 'test'), type: 'text/javascript', exec: testScript(req) },
      },
    ],
  } as never);
}

function howTo(flow: FlowSpec): string[] {
  if (flow.howTo !== undefined) return [...flow.howTo];
  return [
    '2. Choose the environment: `local` (sfcheck\'s Salesforce emulator), `sandbox` (https://test.salesforce.com) ' +
      'or `production` (https://login.salesforce.com). For sandbox/production fill in client_id, client_secret, ' +
      'username, password and security_token.',
    '3. Run the collection (Run collection) or send the requests in order: the first request stores access_token ' +
      'and instance_url, the others use them.',
  ];
}

function collectionDescription(flow: FlowSpec): string {
  return [
    flow.description,
    '',
    'Generated by sfcheck from its request spec: edit the spec and regenerate (`sfcheck generate`), not this file.',
    '',
    '## How to use',
    '1. Import this collection and an environment from `environments/` into Postman (Import).',
    ...howTo(flow),
    '',
    'Every request\'s Tests tab checks the status, the Content-Type and the body against a JSON Schema of the ' +
      'documented Salesforce response. All green means the Connected App works as the set-up guide expects.',
    '',
    '## Requests',
    ...flow.requests.map((r, i) => `${i + 1}. ${r.name} (${r.guideStep})`),
  ].join('\n');
}

/** Postman URL objects lose `raw` through the SDK; Postman shows it, so put it back (derived from the parts). */
function withRawUrls(json: Record<string, unknown>): void {
  for (const item of json['item'] as Array<Record<string, Record<string, unknown>>>) {
    const request = item['request'];
    if (request === undefined) continue;
    const url = request['url'] as Record<string, unknown>;
    request['url'] = { raw: new Url(url as never).toString(), ...url };
  }
}

export function buildCollection(flow: FlowSpec): object {
  const collection = new Collection({
    info: {
      _postman_id: stableId('collection', flow.id),
      name: flow.name,
      description: markdown(collectionDescription(flow)),
      schema: COLLECTION_SCHEMA_URL,
    },
    variable: collectionVariables(flow).map((key) => ({ key, value: '', type: 'string' })),
    ...(flow.oauth2 ? { auth: oauth2Auth(flow.oauth2) } : {}),
  } as never);
  for (const req of flow.requests) collection.items.add(buildItem(flow, req));
  const json = collection.toJSON() as unknown as Record<string, unknown>;
  delete json['_']; // postman-collection's internal copy of the id, not part of the v2.1.0 format
  withRawUrls(json);
  return normalise(json) as object;
}
