/** Small, engine-neutral facts about a collection and a finished run, shared by both engines. */
import type { RequestResult } from './result';

interface RawItem {
  item?: RawItem[];
  request?: unknown;
}

export function collectionInfo(collection: unknown): { id: string; name: string } {
  const info = (collection as { info?: { _postman_id?: string; name?: string } } | undefined)?.info ?? {};
  return { id: info._postman_id ?? '', name: info.name ?? '' };
}

const isItem = (v: unknown): v is NamedItem => typeof v === 'object' && v !== null && !Array.isArray(v);

interface NamedItem extends RawItem {
  id?: string;
  name?: string;
  item?: NamedItem[];
}

/** Every request (leaf item) in run order, with its folder path: what a run that stops early did not reach. */
export function listRequests(collection: unknown): Array<{ id: string; name: string; path: string[] }> {
  const out: Array<{ id: string; name: string; path: string[] }> = [];
  const walk = (items: NamedItem[] | undefined, folders: string[]): void => {
    // A user's file may hold anything where items belong: as the engines do, only objects with a request count.
    for (const it of Array.isArray(items) ? items : []) {
      if (!isItem(it)) continue;
      const name = it.name ?? '';
      if (Array.isArray(it.item)) walk(it.item, [...folders, name]);
      else if (it.request !== undefined && it.request !== null) out.push({ id: it.id ?? '', name, path: [...folders, name] });
    }
  };
  walk((collection as NamedItem | undefined)?.item, []);
  return out;
}

/** Number of requests (leaf items) in a collection, folders included recursively. */
export function countRequests(collection: unknown): number {
  const walk = (items: RawItem[] | undefined): number =>
    (Array.isArray(items) ? items : []).reduce((n, it) => n + (!isItem(it) ? 0 : Array.isArray(it.item) ? walk(it.item) : it.request !== undefined && it.request !== null ? 1 : 0), 0);
  return walk((collection as RawItem | undefined)?.item);
}

const UNRESOLVED = /\{\{([^{}\s]+)\}\}/g;

/** One warning per distinct {{variable}} left unresolved in what a request actually sent. */
export function unresolvedWarnings(requests: readonly RequestResult[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of requests) {
    // A request that was not sent (skipRequest, a stopped run) carries its definition, not what was sent.
    if (r.skipped) continue;
    const sent = [safeDecode(r.request.url), ...r.request.headers.map((h) => `${h.key}: ${h.value}`), r.request.body ?? ''];
    for (const text of sent) {
      for (const m of text.matchAll(UNRESOLVED)) {
        const key = `${m[1]}\u0000${r.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(unresolvedWarning(m[1] ?? '', r.name));
      }
    }
  }
  return out;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function unresolvedWarning(variable: string, requestName: string): string {
  return `unresolved variable {{${variable}}} in "${requestName}"`;
}
