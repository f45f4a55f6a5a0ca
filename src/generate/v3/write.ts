/** Pure: a v2.1 collection (or environment) -> Postman collection format v3 files. */
import { stringify } from 'yaml';
import {
  DEFINITION,
  ENVIRONMENT_SUFFIX,
  REQUEST_SUFFIX,
  RAW_TYPES,
  descriptionText,
  fileSafe,
  type V2Auth,
  type V2Collection,
  type V2Event,
  type V2Item,
  type V2KeyValue,
  type V3Files,
} from './model';

const ORDER_STEP = 1000;
const yaml = (doc: Record<string, unknown>): string => stringify(doc, { lineWidth: 0 });

function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

function pairs(list: V2KeyValue[] | undefined): Array<Record<string, unknown>> | undefined {
  return list?.map((p) =>
    compact({ key: p.key, value: p.value ?? '', description: descriptionText(p.description ?? undefined), disabled: p.disabled || undefined }),
  );
}

function auth(a: V2Auth | undefined): Record<string, unknown> | undefined {
  if (!a) return undefined;
  if (a.type === 'noauth' || a.type === 'inherit') return { type: a.type };
  const attrs = (a[a.type] as V2KeyValue[] | undefined) ?? [];
  return { type: a.type, credentials: Object.fromEntries(attrs.map((x) => [x.key, x.value ?? ''])) };
}

function scripts(events: V2Event[] | undefined, group: boolean): Array<Record<string, unknown>> | undefined {
  return events
    ?.filter((e) => e.listen === 'prerequest' || e.listen === 'test')
    .map((e) => {
      const type = e.listen === 'prerequest' ? 'beforeRequest' : 'afterResponse';
      const exec = e.script?.exec ?? [];
      return { type: group ? `http:${type}` : type, language: 'text/javascript', code: Array.isArray(exec) ? exec.join('\n') : exec };
    });
}

function body(b: NonNullable<V2Item['request']>['body']): Record<string, unknown> | undefined {
  if (!b?.mode) return undefined;
  if (b.mode === 'urlencoded') return { type: 'urlencoded', content: pairs(b.urlencoded) ?? [] };
  if (b.mode === 'raw') {
    const lang = b.options?.raw?.language;
    const type = (RAW_TYPES as readonly string[]).includes(lang ?? '') ? lang : 'text';
    return { type, content: b.raw ?? '' };
  }
  throw new Error(`body mode "${b.mode}" has no v3 writer in sfcheck yet`);
}

function requestFile(item: V2Item, order: number, fileName: string): string {
  const r = item.request ?? {};
  const url = typeof r.url === 'string' ? { raw: r.url } : (r.url ?? {});
  return yaml(
    compact({
      $kind: 'http-request',
      name: item.name !== fileName ? item.name : undefined,
      description: descriptionText(item.description) ?? descriptionText(r.description),
      order,
      method: r.method ?? 'GET',
      url: url.raw ?? '',
      headers: pairs(r.header),
      queryParams: pairs(url.query),
      body: body(r.body),
      auth: auth(r.auth),
      scripts: scripts(item.event, false),
    }),
  );
}

function definition(fields: { name: string; description?: string; order?: number; auth?: V2Auth; event?: V2Event[]; variable?: V2KeyValue[] }): string {
  return yaml(
    compact({
      $kind: 'collection',
      name: fields.name,
      description: fields.description,
      order: fields.order,
      variables: fields.variable?.map((v) => compact({ key: v.key, value: v.value ?? '', disabled: v.disabled || undefined })),
      auth: auth(fields.auth),
      scripts: scripts(fields.event, true),
    }),
  );
}

function writeItems(items: V2Item[], dir: string, files: V3Files): void {
  const taken = new Set<string>();
  items.forEach((item, i) => {
    let stem = fileSafe(item.name);
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${fileSafe(item.name)} ${n}`;
    taken.add(stem.toLowerCase());
    const order = (i + 1) * ORDER_STEP;
    if (Array.isArray(item.item)) {
      const sub = `${dir}${stem}/`;
      files.set(
        `${sub}${DEFINITION}`,
        definition({ name: item.name, description: descriptionText(item.description), order, auth: item.auth, event: item.event }),
      );
      writeItems(item.item, sub, files);
    } else {
      files.set(`${dir}${stem}${REQUEST_SUFFIX}`, requestFile(item, order, stem));
    }
  });
}

/** The v3 files of a collection, paths relative to its folder. */
export function toV3(collection: V2Collection): V3Files {
  const files: V3Files = new Map();
  files.set(
    DEFINITION,
    definition({
      name: collection.info.name,
      description: descriptionText(collection.info.description),
      auth: collection.auth,
      event: collection.event,
      variable: collection.variable,
    }),
  );
  writeItems(collection.item, '', files);
  return files;
}

/** A v3 environment file: `<name>.environment.yaml`. */
export function environmentToV3(env: { name: string; values: Array<{ key: string; value: string; type?: string; enabled?: boolean }> }): { fileName: string; content: string } {
  return {
    fileName: `${fileSafe(env.name)}${ENVIRONMENT_SUFFIX}`,
    content: yaml({
      name: env.name,
      values: env.values.map((v) => ({ key: v.key, value: v.value, enabled: v.enabled !== false, type: v.type === 'secret' ? 'secret' : 'default' })),
    }),
  };
}
