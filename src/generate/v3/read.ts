/**
 * Pure: Postman collection format v3 files -> a v2.1 collection that both engines run. Throws V3FormatError, naming the
 * file and the field, on anything it cannot read. Ids are derived from the file paths, so they are stable.
 */
import { Url } from 'postman-collection';
import { parse } from 'yaml';
import { stableId } from '../ids';
import {
  DEFINITION,
  ENVIRONMENT_SUFFIX,
  REQUEST_SUFFIX,
  RAW_TYPES,
  V21_SCHEMA,
  type V2Auth,
  type V2Collection,
  type V2Event,
  type V2Item,
  type V2KeyValue,
  type V3Files,
} from './model';

export class V3FormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

type Doc = Record<string, unknown>;

function load(files: V3Files, path: string): Doc {
  const text = files.get(path);
  if (text === undefined) return {};
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new V3FormatError(path, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new V3FormatError(path, 'expected a YAML mapping at the top');
  return doc as Doc;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

function pairs(file: string, field: string, v: unknown): V2KeyValue[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) ? v : typeof v === 'object' ? Object.entries(v as Doc).map(([key, value]) => ({ key, value })) : undefined;
  if (!list) throw new V3FormatError(file, `${field} must be a list of {key, value} or a map`);
  return list.map((p: Doc, i) => {
    if (!p || typeof p.key !== 'string') throw new V3FormatError(file, `${field}[${i}] has no key`);
    const out: V2KeyValue = { key: p.key, value: str(p.value) ?? '' };
    if (p.description !== undefined) out.description = String(p.description);
    if (p.disabled === true) out.disabled = true;
    return out;
  });
}

function auth(file: string, v: unknown): V2Auth | undefined {
  if (v === undefined || v === null) return undefined;
  const a = v as Doc;
  if (typeof a.type !== 'string') throw new V3FormatError(file, 'auth needs a type');
  if (a.type === 'noauth' || a.type === 'inherit') return { type: a.type };
  const creds = pairs(file, 'auth.credentials', a.credentials) ?? [];
  return { type: a.type, [a.type]: creds.map((c) => ({ key: c.key, value: c.value ?? '', type: 'string' })) };
}

function events(file: string, v: unknown): V2Event[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new V3FormatError(file, 'scripts must be a list');
  return v.map((s: Doc, i) => {
    const type = String(s?.type ?? '').replace(/^http:/, '');
    if (type !== 'beforeRequest' && type !== 'afterResponse') throw new V3FormatError(file, `scripts[${i}].type "${String(s?.type)}" is not beforeRequest/afterResponse`);
    const code = Array.isArray(s.code) ? (s.code as unknown[]).map(String).join('\n') : (str(s.code) ?? '');
    return { listen: type === 'beforeRequest' ? 'prerequest' : 'test', script: { type: 'text/javascript', exec: code.split('\n') } };
  });
}

function body(file: string, v: unknown): NonNullable<V2Item['request']>['body'] | undefined {
  if (v === undefined || v === null) return undefined;
  const b = v as Doc;
  if (b.type === 'none') return undefined;
  if (b.type === 'urlencoded') return { mode: 'urlencoded', urlencoded: pairs(file, 'body.content', b.content) ?? [] };
  if ((RAW_TYPES as readonly string[]).includes(String(b.type))) {
    return { mode: 'raw', raw: str(b.content) ?? '', ...(b.type === 'text' ? {} : { options: { raw: { language: String(b.type) } } }) };
  }
  throw new V3FormatError(file, `body type "${String(b.type)}" is not supported by sfcheck (use json, text, xml, html, javascript or urlencoded)`);
}

function orderOf(d: Doc): number {
  return typeof d.order === 'number' ? d.order : Number.MAX_SAFE_INTEGER;
}

function readFolder(files: V3Files, dir: string, idRoot: string): V2Item[] {
  const entries: Array<{ order: number; name: string; item: V2Item }> = [];
  const children = new Set<string>();
  for (const path of files.keys()) {
    if (!path.startsWith(dir)) continue;
    const rest = path.slice(dir.length);
    if (rest.startsWith('.resources/')) continue;
    const slash = rest.indexOf('/');
    if (slash >= 0) children.add(rest.slice(0, slash));
    else if (rest.endsWith(REQUEST_SUFFIX)) {
      const doc = load(files, path);
      if (doc.$kind !== 'http-request') throw new V3FormatError(path, `$kind is ${JSON.stringify(doc.$kind ?? null)}; sfcheck runs http-request only`);
      const name = str(doc.name) ?? rest.slice(0, -REQUEST_SUFFIX.length);
      const query = pairs(path, 'queryParams', doc.queryParams);
      const url = str(doc.url) ?? '';
      const item: V2Item = {
        id: stableId('v3', idRoot, path),
        name,
        ...(doc.description !== undefined ? { description: String(doc.description) } : {}),
        ...(doc.scripts ? { event: events(path, doc.scripts) } : {}),
        request: {
          method: str(doc.method) ?? 'GET',
          // Parsed like Postman does (host, path, query), so every runner accepts it; queryParams, when given, win.
          url: { ...(Url.parse(url) as object), raw: url, ...(query ? { query } : {}) },
          header: pairs(path, 'headers', doc.headers) ?? [],
          ...(doc.body !== undefined ? { body: body(path, doc.body) } : {}),
          ...(doc.auth !== undefined ? { auth: auth(path, doc.auth) } : {}),
        },
      };
      entries.push({ order: orderOf(doc), name, item });
    }
  }
  for (const child of children) {
    const sub = `${dir}${child}/`;
    const defPath = `${sub}${DEFINITION}`;
    const def = load(files, defPath);
    const item: V2Item = {
      id: stableId('v3', idRoot, sub),
      name: str(def.name) ?? child,
      ...(def.description !== undefined ? { description: String(def.description) } : {}),
      item: readFolder(files, sub, idRoot),
      ...(def.scripts ? { event: events(defPath, def.scripts) } : {}),
      ...(def.auth !== undefined ? { auth: auth(defPath, def.auth) } : {}),
    };
    entries.push({ order: orderOf(def), name: item.name, item });
  }
  // By order, then by name, as Postman lists them.
  return entries.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)).map((e) => e.item);
}

/** A v3 collection folder's files -> v2.1 collection JSON. `folderName` names the collection when definition.yaml has no name. */
export function fromV3(files: V3Files, folderName: string): V2Collection {
  const def = load(files, DEFINITION);
  if (Object.keys(def).length > 0 && def.$kind !== 'collection') throw new V3FormatError(DEFINITION, '$kind must be collection');
  const name = str(def.name) ?? folderName;
  const variable = pairs(DEFINITION, 'variables', def.variables);
  const collection: V2Collection = {
    info: { _postman_id: stableId('v3', name), name, schema: V21_SCHEMA, ...(def.description !== undefined ? { description: String(def.description) } : {}) },
    item: readFolder(files, '', name),
    ...(def.scripts ? { event: events(DEFINITION, def.scripts) } : {}),
    ...(variable ? { variable } : {}),
    ...(def.auth !== undefined ? { auth: auth(DEFINITION, def.auth) } : {}),
  };
  return collection;
}

/** A v3 `*.environment.yaml` file -> the environment shape engines take. */
export function environmentFromV3(fileName: string, text: string): { name: string; values: Array<{ key: string; value: string; type: string; enabled: boolean }> } {
  const doc = load(new Map([[fileName, text]]), fileName);
  if (!Array.isArray(doc.values)) throw new V3FormatError(fileName, 'an environment needs a values list');
  return {
    name: str(doc.name) ?? fileName.replace(ENVIRONMENT_SUFFIX, ''),
    values: (doc.values as Doc[]).map((v, i) => {
      if (!v || typeof v.key !== 'string') throw new V3FormatError(fileName, `values[${i}] has no key`);
      return { key: v.key, value: str(v.value) ?? '', type: v.type === 'secret' || v.secret === true ? 'secret' : 'default', enabled: v.enabled !== false };
    }),
  };
}
