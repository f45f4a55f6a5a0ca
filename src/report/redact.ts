/**
 * Redaction: every secret value sfcheck knows of is replaced by [redacted] before anything is printed or written.
 *
 * Known secrets: values of secret-typed variables and of variables whose name says token/secret/password; tokens seen
 * in responses (access_token, refresh_token, id_token); Authorization header values; OAuth authorization codes in
 * form bodies and callback URLs. Values are also matched in their
 * URL-encoded and form-encoded spellings, since that is how they appear in sent bodies and URLs.
 */
import type { RequestResult, RunResult, VariableValue } from '../engine/result';

export const REDACTED = '[redacted]';

const SECRET_NAME = /(token|secret|password|passwd|pwd|api[_-]?key|assertion|client_secret|security_token)/i;
const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'];
/** Shorter values are too likely to collide with ordinary text ("1", "abc"); they are still masked by the patterns. */
const MIN_SECRET_LENGTH = 4;

/** Patterns that are secrets whatever their value: bearer credentials and Salesforce session ids. */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|OAuth|Basic)\s+[A-Za-z0-9._~+/!=-]{8,}/g, `$1 ${REDACTED}`],
  [/\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/g, REDACTED],
  [/((?:^|[?&\s"'])(?:password|client_secret|refresh_token|access_token|security_token|assertion|code_verifier)=)[^&\s"']+/gi, `$1${REDACTED}`],
  // OAuth authorization codes, in a token request's form body or a callback URL's query (only there: "code" alone is
  // too common a word to mask elsewhere).
  [/((?:^|[?&])code=)[^&\s"'#]+/gim, `$1${REDACTED}`],
  // JSON bodies: {"password":"...","client_secret":"...","access_token":"..."}
  [/("(?:password|client_secret|refresh_token|access_token|id_token|security_token|assertion|code_verifier)"\s*:\s*")(?:[^"\\]|\\.)+(")/gi, `$1${REDACTED}$2`],
  // "Authorization: <anything>" in logs and dumped headers, whatever the scheme.
  [/(\bauthorization:[ \t]*)(?![ \t]|\[redacted\]|(?:Bearer|OAuth|Basic) \[redacted\])[^\r\n]+/gi, `$1${REDACTED}`],
];

/** SF_ variables whose values are secrets (the rest, like SF_USERNAME or SF_LOGIN_URL, are shown). */
const SF_SECRET_VARIABLE = /^SF_(?:.*(?:SECRET|PASSWORD|TOKEN|KEY|ASSERTION))$/i;

export class Redactor {
  private readonly secrets = new Set<string>();
  private ordered: string[] | undefined;

  add(value: string | undefined): this {
    if (!value || value.length < MIN_SECRET_LENGTH || value === REDACTED) return this;
    for (const v of [value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+')]) {
      this.secrets.add(v);
    }
    this.ordered = undefined;
    return this;
  }

  addVariables(vars: readonly VariableValue[] | ReadonlyArray<{ key: string; value: string; type?: string }>): this {
    for (const v of vars) {
      if (v.type === 'secret' || SECRET_NAME.test(v.key)) this.add(v.value);
    }
    return this;
  }

  /** Values of SF_ secret variables (SF_CLIENT_SECRET, SF_PASSWORD, SF_SECURITY_TOKEN, ...) from the process environment. */
  addProcessSecrets(env: Readonly<Record<string, string | undefined>> = process.env): this {
    for (const [k, v] of Object.entries(env)) if (SF_SECRET_VARIABLE.test(k)) this.add(v);
    return this;
  }

  /** Learn tokens a response handed out, so they are masked even before a script stores them in a variable. */
  learnFromRequest(r: RequestResult): this {
    for (const h of r.request.headers) {
      if (/^authorization$/i.test(h.key)) this.add(h.value.replace(/^\S+\s+/, ''));
      // Cookies carry sessions (Salesforce's `sid` is the session id): every value is masked, names stay.
      else if (/^cookie$/i.test(h.key)) for (const pair of h.value.split(';')) this.addCookieValue(pair);
    }
    for (const h of r.response?.headers ?? []) {
      if (/^set-cookie$/i.test(h.key)) this.addCookieValue(h.value.split(';')[0] ?? '');
    }
    const body = r.response?.body;
    if (body && body.includes('_token')) {
      try {
        const json = JSON.parse(body) as Record<string, unknown>;
        for (const f of TOKEN_FIELDS) if (typeof json[f] === 'string') this.add(json[f] as string);
      } catch {
        /* not JSON: nothing to learn */
      }
    }
    return this;
  }

  private addCookieValue(pair: string): void {
    const eq = pair.indexOf('=');
    if (eq !== -1) this.add(pair.slice(eq + 1).trim());
  }

  learnFromRun(run: RunResult): this {
    this.addVariables(run.variables.environment).addVariables(run.variables.collection).addVariables(run.variables.globals);
    for (const r of run.requests) this.learnFromRequest(r);
    return this;
  }

  text(s: string): string {
    if (!s) return s;
    this.ordered ??= [...this.secrets].sort((a, b) => b.length - a.length);
    let out = s;
    for (const secret of this.ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
    return out;
  }

  /** A deep copy with every string redacted, and values under secret-looking keys masked outright. */
  deep<T>(value: T): T {
    const walk = (v: unknown, secretKey: boolean): unknown => {
      if (typeof v === 'string') return secretKey && v !== '' ? REDACTED : this.text(v);
      if (Array.isArray(v)) return v.map((x) => walk(x, false));
      if (v && typeof v === 'object') {
        // {key, value} pairs (headers, variables): the pair's key decides whether its value is a secret.
        const pairKey = (v as { key?: unknown }).key;
        const secretPair = typeof pairKey === 'string' && isSecretKey(pairKey);
        return Object.fromEntries(
          Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k === 'value' ? secretPair : isSecretKey(k))]),
        );
      }
      return v;
    };
    return walk(value, false) as T;
  }
}

function isSecretKey(key: string): boolean {
  return SECRET_NAME.test(key) || /^authorization$/i.test(key);
}
