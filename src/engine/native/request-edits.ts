/**
 * pm.request in prerequest scripts, on the engine side: what the script is shown (scriptRequestFor) and how its
 * changes come back into the item's request definition (applyRequestEdit), before variables are resolved and the
 * request is built, as postman-runtime does (a script can add `{{variables}}` and they resolve).
 *
 * Only what changed is replaced: an unchanged URL keeps its object form (path variables), unchanged headers keep
 * their disabled entries, and an unchanged body keeps its options.
 */
import { stringifyValue } from './variables';
import type { RequestBodySpec, ScriptRequest, ScriptRequestEdit } from './sandbox/protocol';
import { urlTemplate } from './url';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The item's headers as scripts see them: enabled ones, values as text. */
function enabledHeaders(request: Obj): Array<[string, string]> {
  const header = request['header'];
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .map((line): [string, string] => {
        const i = line.indexOf(':');
        return i === -1 ? [line.trim(), ''] : [line.slice(0, i).trim(), line.slice(i + 1).trim()];
      })
      .filter((h) => h[0] !== '');
  }
  if (!Array.isArray(header)) return [];
  const out: Array<[string, string]> = [];
  for (const h of header) {
    if (!isObj(h) || h['disabled'] === true || typeof h['key'] !== 'string' || h['key'] === '') continue;
    out.push([h['key'], stringifyValue(h['value'])]);
  }
  return out;
}

function methodOf(request: Obj): string {
  const m = request['method'];
  return typeof m === 'string' && m !== '' ? m.toUpperCase() : 'GET';
}

/** The body as pm.request.body shows it: raw text, or the enabled text fields of a form; undefined when none. */
export function scriptBodySpec(request: Obj): RequestBodySpec | undefined {
  const body = request['body'];
  if (!isObj(body) || body['disabled'] === true) return undefined;
  const mode = body['mode'];
  if (mode === 'raw') {
    const raw = body['raw'];
    const options = isObj(body['options']) && isObj(body['options']['raw']) ? body['options']['raw'] : {};
    const language = typeof options['language'] === 'string' ? options['language'] : undefined;
    const text = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw);
    return language ? { mode: 'raw', raw: text, language } : { mode: 'raw', raw: text };
  }
  if (mode === 'urlencoded' || mode === 'formdata') {
    const fields = Array.isArray(body[mode]) ? (body[mode] as unknown[]) : [];
    const pairs: Array<[string, string]> = [];
    for (const f of fields) {
      if (!isObj(f) || f['disabled'] === true || f['type'] === 'file') continue;
      pairs.push([stringifyValue(f['key']), stringifyValue(f['value'])]);
    }
    return { mode, pairs };
  }
  return undefined;
}

/** pm.request for a prerequest script: the URL template, method, enabled headers and body of the definition. */
export function scriptRequestFor(request: Obj): ScriptRequest {
  const bodySpec = scriptBodySpec(request);
  const out: ScriptRequest = { url: urlTemplate(request['url']), method: methodOf(request), headers: enabledHeaders(request) };
  if (bodySpec) out.bodySpec = bodySpec;
  return out;
}

/** A copy of the request definition with the script's changes; the definition itself is not modified. */
export function applyRequestEdit(request: Obj, edit: ScriptRequestEdit): Obj {
  const next: Obj = { ...request };
  if (edit.url !== urlTemplate(request['url'])) next['url'] = edit.url;
  if (edit.method !== methodOf(request)) next['method'] = edit.method;
  if (JSON.stringify(edit.headers) !== JSON.stringify(enabledHeaders(request))) {
    next['header'] = edit.headers.map(([key, value]) => ({ key, value }));
  }
  // null: the script removed the body it saw. A body scripts do not see (file, graphql) reads as none, so an edit
  // of the headers alone must not drop it.
  if (edit.body === null) {
    if (scriptBodySpec(request) !== undefined) delete next['body'];
  }
  else if (edit.body && JSON.stringify(edit.body) !== JSON.stringify(scriptBodySpec(request))) {
    const old = isObj(request['body']) ? request['body'] : {};
    if (edit.body.mode === 'raw') {
      next['body'] = { mode: 'raw', raw: edit.body.raw, ...(old['mode'] === 'raw' && isObj(old['options']) ? { options: old['options'] } : {}) };
    } else {
      next['body'] = { mode: edit.body.mode, [edit.body.mode]: edit.body.pairs.map(([key, value]) => ({ key, value, type: 'text' })) };
    }
  }
  return next;
}

/**
 * pm.request for the next script of the same phase after a script changed it (Postman's scripts of one phase share
 * one Request object: the collection's script's edits are seen by the folder's and the item's).
 */
export function editedScriptRequest(edit: ScriptRequestEdit, previous: ScriptRequest): ScriptRequest {
  const next: ScriptRequest = { url: edit.url, method: edit.method, headers: edit.headers };
  if (edit.body) next.bodySpec = edit.body;
  else if (edit.body === undefined && previous.bodySpec) next.bodySpec = previous.bodySpec;
  else if (edit.body === undefined && previous.body !== undefined) next.body = previous.body;
  return next;
}
