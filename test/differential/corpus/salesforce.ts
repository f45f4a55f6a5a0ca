/**
 * Salesforce's own "Salesforce Platform APIs" collection (test/fixtures/, 246 requests) against the emulator, with an
 * environment pointing `url` and `_endpoint` at it and the local credentials set (issue #5 point 5).
 *
 * One adaptation, the one a Postman user makes by hand: the collection's oauth2 auth (implicit grant in the Postman
 * app) gets `accessToken: {{_accessToken}}`, which is what Postman stores after "Get New Access Token". Without it no
 * request after the Auth folder would carry a token. The REST case also fills the path variables a user fills before
 * sending (`:SOBJECT_API_NAME` = Account, `:RECORD_ID` = an Account created for that engine's run), so its sObject
 * requests read, update and delete a real record. Nothing else in the collection is changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartedEmulator } from '../../../src/emulator';
import type { EnvironmentInput, RunResult } from '../../../src/engine';
import { ROOT } from '../../helpers';
import type { CorpusCase, Infra } from '../harness';

export const SALESFORCE_FILE = join(ROOT, 'test', 'fixtures', 'salesforce-platform-apis.postman_collection.json');

interface Auth {
  type: string;
  oauth2?: Array<{ key: string; value: unknown; type?: string }>;
}

interface Node {
  item?: Node[];
  request?: { url?: { variable?: Array<{ key: string; value?: unknown }> } };
}

/** Path variables left empty in the collection get these values (`{{recordId}}` resolves from the environment). */
const FILLED: Readonly<Record<string, string>> = { SOBJECT_API_NAME: 'Account', RECORD_ID: '{{recordId}}' };

export function salesforceCollection(fill = false): Record<string, unknown> {
  const c = JSON.parse(readFileSync(SALESFORCE_FILE, 'utf8')) as Record<string, unknown> & { auth?: Auth; item?: Node[] };
  if (c.auth?.type === 'oauth2' && c.auth.oauth2) c.auth.oauth2 = [...c.auth.oauth2, { key: 'accessToken', value: '{{_accessToken}}', type: 'string' }];
  const walk = (items: Node[] | undefined): void => {
    for (const it of items ?? []) {
      walk(it.item);
      for (const v of it.request?.url?.variable ?? []) if (fill && (v.value ?? '') === '' && FILLED[v.key] !== undefined) v.value = FILLED[v.key];
    }
  };
  walk(c.item);
  return c;
}

/** A fresh Account for one engine's run (the REST folder updates and deletes it). */
async function newAccount(emu: StartedEmulator, token: string): Promise<string> {
  const res = await fetch(`${emu.url}/services/data/v53.0/sobjects/Account`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Name: 'differential suite' }),
  });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`the emulator created no Account: ${JSON.stringify(body)}`);
  return body.id;
}

/** A password-grant access token, as the Auth folder's "OAuth Username Password" request would store it. */
async function accessToken(emu: StartedEmulator): Promise<string> {
  const c = emu.credentials;
  const form = new URLSearchParams({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password + c.securityToken });
  const res = await fetch(`${emu.url}/services/oauth2/token`, { method: 'POST', body: form });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`the emulator gave no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function environment(infra: Infra, withRecord: boolean): Promise<EnvironmentInput> {
  const emu = infra.emulator;
  const c = emu.credentials;
  const token = await accessToken(emu);
  const refresh = (await infra.flowValues.valuesFor('uca')).refresh_token ?? '';
  const values: Record<string, string> = {
    url: emu.url,
    _endpoint: emu.url,
    username: c.username,
    password: c.password,
    secretToken: c.securityToken,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    redirectUrl: c.redirectUri,
    _accessToken: token,
    _refreshToken: refresh,
    ...(withRecord ? { recordId: await newAccount(emu, token) } : {}),
  };
  const secret = new Set(['password', 'secretToken', 'clientSecret', '_accessToken', '_refreshToken']);
  return { name: 'salesforce local', values: Object.entries(values).map(([key, value]) => ({ key, value, type: secret.has(key) ? 'secret' : 'default', enabled: true })) };
}

/** Every 404 the emulator gave is Salesforce's: a JSON array of {errorCode: NOT_FOUND, message}. */
function notFoundShape(run: RunResult): string[] {
  const bad = run.requests.filter((r) => {
    if (r.response?.code !== 404) return false;
    try {
      const body = JSON.parse(r.response.body) as Array<{ errorCode?: string; message?: string }>;
      return !(Array.isArray(body) && body[0]?.errorCode === 'NOT_FOUND' && typeof body[0]?.message === 'string');
    } catch {
      return true;
    }
  });
  return bad.map((r) => `${r.path.join(' / ')}: a 404 that is not Salesforce-shaped: ${r.response?.body.slice(0, 120) ?? ''}`);
}

/** The Auth requests the emulator serves answer 200 on newman (the environment and credentials are right). */
const AUTH_OK = ['OAuth Username Password', 'Refresh Token', 'Revoke Token', 'OpenID Connect Discovery Endpoint', 'OpenID Connect Token Introspection Endpoint', 'Salesforce Keys'];

function authServed(run: RunResult): string[] {
  return AUTH_OK.filter((name) => run.requests.find((r) => r.path[0] === 'Auth' && r.name === name)?.response?.code !== 200).map((name) => `Auth / ${name} did not answer 200 on newman`);
}

/** With the folder applied, the REST requests the emulator serves answer as Salesforce would on newman. */
const REST_OK: ReadonlyArray<[string, number]> = [
  ['Versions', 200],
  ['Resources by Version', 200],
  ['Limits', 200],
  ['QueryAll', 200],
  ['SObject / Describe Global', 200],
  ['SObject / SObject Describe', 200],
  ['SObject / SObject Create', 201],
  ['SObject / SObject Rows', 200],
  ['SObject / SObject Rows Delete', 204],
];

function restServed(run: RunResult): string[] {
  return REST_OK.filter(([path, code]) => run.requests.find((r) => r.path.join(' / ') === `REST / ${path}`)?.response?.code !== code).map(([path, code]) => `REST / ${path} did not answer ${code} on newman`);
}

function salesforceCase(name: string, covers: string[], folders?: string[]): CorpusCase {
  const folderApplied = (run: RunResult): string[] => (!folders || run.requests.every((r) => folders.includes(r.path[0] ?? '')) ? [] : [`--folder ${folders.join(', ')} was not applied by the newman engine`]);
  return {
    name,
    group: 'salesforce',
    covers,
    input: async (infra) => {
      const fill = folders?.includes('REST') === true;
      return { collection: salesforceCollection(fill), environment: await environment(infra, fill), ...(folders ? { folders } : {}) };
    },
    // Records created by one run are not the other's: Salesforce ids (15/18 characters: key prefix, pod, a reserved 0) by shape.
    // The emulator's browser cookie (Web Server Flow sets it) is a fresh random value for each run. Its API usage
    // counters are shared by every run of the suite, so /limits (and the Limits visualizer) counts grow from one run
    // to the next.
    masks: [
      [/\b[a-zA-Z0-9]{5}0[a-zA-Z0-9]{9}(?:[a-zA-Z0-9]{3})?\b/g, '<sf-id>'],
      [/sfcheck_browser=[A-Za-z0-9_-]+/g, 'sfcheck_browser=<browser>'],
      [/"(consumed|consumedPercent)":\[[^\]]*\]/g, '"$1":<usage>'],
    ],
    oracle: ({ result }) => {
      const folder = folderApplied(result);
      const served = folders?.includes('REST') ? (folder.length === 0 ? restServed(result) : []) : authServed(result);
      return [...folder, ...notFoundShape(result), ...served];
    },
  };
}

export const salesforce: CorpusCase[] = [
  salesforceCase('salesforce-platform-apis', ['the whole real-world collection, in order (246 requests)']),
  salesforceCase('salesforce-auth', ['the Auth folder: username-password, refresh, revoke, introspect, userinfo, openid discovery, keys'], ['Auth']),
  salesforceCase('salesforce-rest', ['the REST folder: versions, resources, limits, describe, query, queryAll, sObject create/read/update/delete (path variables filled)'], ['REST']),
];
