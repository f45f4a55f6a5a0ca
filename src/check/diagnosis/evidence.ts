/**
 * Turns what a request got (status, body, network error) or text pasted from anywhere (a JSON body, a form-encoded
 * authorize error, "invalid_grant: authentication failure", a log line) into Evidence the matcher reads.
 */
import type { Evidence } from './types';

const ONE_WORD = /^[A-Za-z][A-Za-z_]{2,60}$/;

function fromJson(value: unknown, text: string): Evidence | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (!first || typeof first !== 'object') return undefined;
  const o = first as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const ev: Evidence = { text };
  const error = str('error');
  const description = str('error_description');
  const errorCode = str('errorCode');
  const message = str('message');
  if (error) ev.error = error;
  if (description) ev.description = description;
  if (errorCode) ev.errorCode = errorCode;
  if (message) ev.message = message;
  return error || errorCode ? ev : undefined;
}

/** error=…&error_description=… anywhere in the text (an authorize page's <pre>, a redirect Location, a log line). */
function fromForm(text: string): Evidence | undefined {
  const m = /(?:^|[?&#\s>])error=([^&\s<"']+)(?:&(?:amp;)?error_description=([^&\s<"']*))?/.exec(text);
  if (!m) return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  const ev: Evidence = { text, error: decode(m[1] ?? '') };
  if (m[2]) ev.description = decode(m[2]);
  return ev;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Evidence of one HTTP response (any status; the caller decides whether it failed). */
export function responseEvidence(status: number, body: string, location?: string): Evidence {
  const trimmed = body.trim();
  const json = trimmed.startsWith('{') || trimmed.startsWith('[') ? fromJson(parseJson(trimmed), body) : undefined;
  if (json) return { ...json, status };
  const form = fromForm(trimmed) ?? (location ? fromForm(location) : undefined);
  if (form) return { ...form, status };
  if (ONE_WORD.test(trimmed)) return { status, errorCode: trimmed, text: body };
  return { status, text: body };
}

/** Evidence of a network error (no response). */
export function networkEvidence(message: string, code?: string): Evidence {
  const found = code ?? /\b(E[A-Z_]{3,}|UND_ERR_[A-Z_]+|CERT_[A-Z_]+|[A-Z_]*SELF_SIGNED[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/.exec(message)?.[1];
  return { text: message, ...(found ? { networkCode: found } : {}) };
}

/** The words after a code in free text: "invalid_grant: authentication failure)" -> "authentication failure". */
function after(text: string, code: string): string {
  const rest = text.slice(text.toLowerCase().indexOf(code.toLowerCase()) + code.length).replace(/^["'\s:,-]+/, '').trim();
  // A closing quote or bracket that belongs to the text around the error, not to its description.
  return rest.includes('(') ? rest : rest.replace(/["'\])]+[.]?$/, '').trim();
}

/**
 * Evidence from text pasted by a person. `knownCodes` are the catalogue's OAuth errors, REST error codes and network
 * codes: when the text has no structure, the first one found in it (as a word) is taken.
 */
export function textEvidence(input: string, known: { errors: readonly string[]; errorCodes: readonly string[]; networkCodes: readonly string[] }): Evidence {
  const text = input.trim();
  const status = /\b([45]\d\d)\b/.exec(text)?.[1];
  const withStatus = (e: Evidence): Evidence => (status && e.status === undefined ? { ...e, status: Number(status) } : e);
  // A JSON body somewhere in the text (a log line that quotes it).
  const start = text.search(/[[{]/);
  if (start >= 0) {
    const json = fromJson(parseJson(text.slice(start)), text);
    if (json) return withStatus(json);
  }
  const form = fromForm(text);
  if (form) return withStatus(form);
  const word = (list: readonly string[]) =>
    list.find((c) => new RegExp(`(^|[^A-Za-z0-9_])${c.replace(/[^A-Za-z0-9_]/g, '')}($|[^A-Za-z0-9_])`, 'i').test(text));
  const ev: Evidence = { text };
  const network = word(known.networkCodes);
  if (network) ev.networkCode = network;
  const errorCode = word(known.errorCodes);
  const error = word(known.errors);
  if (error && (!errorCode || text.toLowerCase().indexOf(error.toLowerCase()) <= text.toLowerCase().indexOf(errorCode.toLowerCase()))) {
    ev.error = error;
    // "invalid_grant: authentication failure" / "invalid_grant - authentication failure"
    const rest = after(text, error);
    if (rest) ev.description = rest;
  } else if (errorCode) {
    ev.errorCode = errorCode;
    const rest = after(text, errorCode);
    if (rest) ev.message = rest;
  }
  return withStatus(ev);
}

/** `400 invalid_grant "authentication failure"`: what was seen, in one line. */
export function describeEvidence(e: Evidence): string {
  const parts: string[] = [];
  if (e.status !== undefined) parts.push(String(e.status));
  if (e.networkCode) parts.push(e.networkCode);
  if (e.error) parts.push(e.error);
  if (e.errorCode) parts.push(e.errorCode);
  const said = e.description ?? e.message;
  if (said) {
    const line = said.split('\n').filter(Boolean).pop() ?? said;
    parts.push(`"${line.length > 160 ? `${line.slice(0, 159)}…` : line}"`);
  } else if (parts.length === 0 || (e.networkCode && e.text && !e.error)) {
    const line = e.text.trim().split('\n')[0] ?? '';
    if (line && !parts.includes(line)) parts.push(line.length > 160 ? `${line.slice(0, 159)}…` : line);
  }
  return parts.join(' ');
}
