/**
 * The parts of Postman's collection format v3.0.0 (git-native YAML: one file per request, `.resources/definition.yaml`
 * for collection and folder metadata, `*.environment.yaml` environments) that sfcheck writes and reads, and the v2.1
 * JSON shapes they map to. HTTP requests only.
 */
export interface V2KeyValue {
  key: string;
  value?: string | null;
  description?: string | { content?: string } | null;
  disabled?: boolean;
  type?: string;
}

export interface V2Auth {
  type: string;
  [attributes: string]: unknown;
}

export interface V2Event {
  listen: string;
  script?: { type?: string; exec?: string[] | string };
}

export interface V2Request {
  method?: string;
  url?: string | { raw?: string; query?: V2KeyValue[]; [part: string]: unknown };
  header?: V2KeyValue[];
  body?: { mode?: string; raw?: string; urlencoded?: V2KeyValue[]; options?: { raw?: { language?: string } } };
  auth?: V2Auth;
  description?: string | { content?: string } | null;
}

export interface V2Item {
  id?: string;
  name: string;
  description?: string | { content?: string } | null;
  item?: V2Item[];
  request?: V2Request;
  event?: V2Event[];
  auth?: V2Auth;
}

export interface V2Collection {
  info: { _postman_id?: string; name: string; description?: string | { content?: string } | null; schema: string };
  item: V2Item[];
  event?: V2Event[];
  variable?: V2KeyValue[];
  auth?: V2Auth;
}

/** A v3 collection as files: posix paths relative to the collection folder, YAML text. */
export type V3Files = Map<string, string>;

export const DEFINITION = '.resources/definition.yaml';
export const REQUEST_SUFFIX = '.request.yaml';
export const ENVIRONMENT_SUFFIX = '.environment.yaml';
export const V21_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Raw body languages that are v3 body types of their own; anything else is `text`. */
export const RAW_TYPES = ['json', 'xml', 'html', 'javascript', 'text'] as const;

/** A file-name-safe name: the characters v3 forbids in names become `-`. */
export function fileSafe(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, '-').trim() || 'unnamed';
}

export function descriptionText(d: V2Item['description']): string | undefined {
  if (d === undefined || d === null) return undefined;
  return typeof d === 'string' ? d : d.content;
}
