/**
 * Walks a Postman Collection v2.1 JSON object (no SDK) into the flat, ordered list of requests to run:
 * depth-first, in document order, each with its folder path, its effective auth (item, else nearest folder,
 * else collection) and its scripts per event (collection, then folders outermost first, then the item).
 */
export interface AuthDefinition {
  type: string;
  /** The type's parameters, v2.1 list ([{key, value}]) or v2.0 map, as written. */
  params: unknown;
}

export interface ProtocolProfile {
  disableBodyPruning?: boolean;
  followRedirects?: boolean;
  maxRedirects?: number;
  followOriginalHttpMethod?: boolean;
  followAuthorizationHeader?: boolean;
}

export interface FlatItem {
  /** The item's id, else a path-based one (for the result tree). */
  id: string;
  /** The id the collection gives the item (`id`, else `_postman_id`), for --folder and setNextRequest look-ups. */
  ownId?: string;
  /** Tree nodes (./folders.ts) of the item's folders, outermost first, then of the item itself. */
  nodes: number[];
  name: string;
  /** Folder names then the item name. */
  path: string[];
  /** The request definition (a string URL is normalised to {url}). */
  request: Record<string, unknown>;
  auth?: AuthDefinition;
  prerequest: string[];
  test: string[];
  profile: ProtocolProfile;
}

/** A folder or request of the collection, in document order, for --folder look-ups. */
export interface TreeNode {
  /** Pre-order number, the same in FlatItem.nodes. */
  node: number;
  id?: string;
  name: string;
  /** Folders only. */
  children?: TreeNode[];
}

export interface FlatCollection {
  id: string;
  name: string;
  variables: unknown;
  items: FlatItem[];
  tree: TreeNode[];
}

export class CollectionShapeError extends Error {
  override readonly name = 'CollectionShapeError';
}

interface Level {
  name: string;
  auth: unknown;
  events: unknown;
  profile: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function flattenCollection(collection: unknown): FlatCollection {
  if (!isObj(collection)) throw new CollectionShapeError('the collection is not a JSON object');
  const info = isObj(collection['info']) ? collection['info'] : {};
  if (!Array.isArray(collection['item'])) throw new CollectionShapeError('the collection has no "item" array');
  const root: Level = { name: '', auth: collection['auth'], events: collection['event'], profile: collection['protocolProfileBehavior'] };
  const items: FlatItem[] = [];
  const tree: TreeNode[] = [];
  walk(collection['item'] as unknown[], [root], items, { tree, ancestors: [], next: 0 });
  return {
    id: typeof info['_postman_id'] === 'string' ? info['_postman_id'] : '',
    name: typeof info['name'] === 'string' ? info['name'] : '',
    variables: collection['variable'],
    items,
    tree,
  };
}

interface TreeState {
  /** Where this level's nodes go. */
  tree: TreeNode[];
  /** Node numbers of the enclosing folders. */
  ancestors: number[];
  /** Shared counter (pre-order). */
  next: number;
}

/** `id`, else `_postman_id` (postman-collection's Property#id), when it is a non-empty string. */
function ownIdOf(entry: Obj): string | undefined {
  const id = typeof entry['id'] === 'string' && entry['id'] !== '' ? entry['id'] : entry['_postman_id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function walk(list: unknown[], levels: Level[], out: FlatItem[], state: TreeState): void {
  for (const entry of list) {
    if (!isObj(entry)) continue;
    const name = typeof entry['name'] === 'string' ? entry['name'] : '';
    const ownId = ownIdOf(entry);
    const node: TreeNode = { node: state.next++, name, ...(ownId !== undefined ? { id: ownId } : {}) };
    state.tree.push(node);
    if (Array.isArray(entry['item'])) {
      node.children = [];
      const inner: TreeState = { tree: node.children, ancestors: [...state.ancestors, node.node], next: state.next };
      walk(entry['item'] as unknown[], [...levels, { name, auth: entry['auth'], events: entry['event'], profile: entry['protocolProfileBehavior'] }], out, inner);
      state.next = inner.next;
      continue;
    }
    const rawRequest = entry['request'];
    if (rawRequest === undefined || rawRequest === null) continue;
    const request: Obj = typeof rawRequest === 'string' ? { url: rawRequest } : isObj(rawRequest) ? rawRequest : {};
    const self: Level = { name, auth: request['auth'], events: entry['event'], profile: entry['protocolProfileBehavior'] };
    const chain = [...levels, self];
    const folders = levels.slice(1).map((l) => l.name);
    const id = typeof entry['id'] === 'string' ? entry['id'] : typeof entry['_postman_id'] === 'string' ? entry['_postman_id'] : [...folders, name].join('/');
    out.push({
      id,
      ...(ownId !== undefined ? { ownId } : {}),
      nodes: [...state.ancestors, node.node],
      name,
      path: [...folders, name],
      request,
      auth: effectiveAuth(chain),
      prerequest: scripts(chain, 'prerequest'),
      test: scripts(chain, 'test'),
      profile: mergeProfiles(chain),
    });
  }
}

/** Innermost level that states an auth; `null`, a missing auth or type "inherit" defer to the parent. */
function effectiveAuth(chain: Level[]): AuthDefinition | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const auth = chain[i]?.auth;
    if (!isObj(auth) || typeof auth['type'] !== 'string' || auth['type'] === 'inherit') continue;
    const type = auth['type'];
    return { type, params: auth[type] };
  }
  return undefined;
}

function scripts(chain: Level[], listen: 'prerequest' | 'test'): string[] {
  const out: string[] = [];
  for (const level of chain) {
    if (!Array.isArray(level.events)) continue;
    for (const ev of level.events as unknown[]) {
      if (!isObj(ev) || ev['listen'] !== listen || ev['disabled'] === true) continue;
      const script = ev['script'];
      if (!isObj(script)) continue;
      const exec = script['exec'];
      const source = Array.isArray(exec) ? exec.map((l) => (typeof l === 'string' ? l : '')).join('\n') : typeof exec === 'string' ? exec : '';
      if (source.trim() !== '') out.push(source);
    }
  }
  return out;
}

/** Shallow merge, inner levels winning (postman-collection's getProtocolProfileBehaviorResolved). */
function mergeProfiles(chain: Level[]): ProtocolProfile {
  const merged: ProtocolProfile = {};
  for (const level of chain) if (isObj(level.profile)) Object.assign(merged, level.profile);
  return merged;
}
