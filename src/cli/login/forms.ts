/**
 * Drives the embedded emulator's login and consent pages over HTTP exactly as a browser submits them: GET the
 * authorize URL, fill the login form (hidden fields + username + pw), click Allow or Deny, and return the redirect.
 * Only for the emulator (verify --env local): a real org's login page is for a real browser (`sfcheck login`).
 */
import { SfcheckError } from '../../errors';

interface Form {
  action: string;
  fields: Array<[string, string]>;
  hasPassword: boolean;
  buttons: Array<{ name: string; value: string }>;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1]?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};

function parseForm(html: string): Form | undefined {
  const m = /<form\b[^>]*>[\s\S]*?<\/form>/i.exec(html);
  if (!m) return undefined;
  const open = /<form\b[^>]*>/i.exec(m[0])![0];
  const fields: Array<[string, string]> = [];
  let hasPassword = false;
  for (const i of m[0].matchAll(/<input\b[^>]*>/gi)) {
    const name = attr(i[0], 'name');
    if (name === undefined) continue;
    if (attr(i[0], 'type') === 'password') hasPassword = true;
    if (attr(i[0], 'type') === 'hidden') fields.push([name, attr(i[0], 'value') ?? '']);
  }
  const buttons = [...m[0].matchAll(/<button\b[^>]*>/gi)].map((b) => ({ name: attr(b[0], 'name') ?? '', value: attr(b[0], 'value') ?? '' }));
  return { action: attr(open, 'action') ?? '', fields, hasPassword, buttons };
}

export interface FormLogin {
  username: string;
  password: string;
  decision: 'allow' | 'deny';
}

/** Returns the Location the authorize flow finally redirects to (the redirect URI with code or error). */
export async function driveAuthorizeForms(authorizeUrl: string, who: FormLogin): Promise<string> {
  const cookies = new Map<string, string>();
  const send = async (url: string, body?: URLSearchParams): Promise<{ status: number; location: string | null; text: string }> => {
    const headers: Record<string, string> = {};
    if (cookies.size > 0) headers['Cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: body ? 'POST' : 'GET', redirect: 'manual', headers, ...(body ? { body: body.toString() } : {}) });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  let page = await send(authorizeUrl);
  for (let step = 0; step < 4; step++) {
    if (page.status === 302 && page.location) return new URL(page.location, authorizeUrl).toString();
    const form = page.status === 200 ? parseForm(page.text) : undefined;
    if (!form) break;
    const body = new URLSearchParams(form.fields);
    if (form.hasPassword) {
      body.set('username', who.username);
      body.set('pw', who.password);
    } else {
      const button = form.buttons.find((b) => b.value === who.decision);
      if (!button) break;
      body.append(button.name, button.value);
    }
    page = await send(new URL(form.action, authorizeUrl).toString(), body);
  }
  const error = /<(?:pre|p)[^>]*class="error"[^>]*>([^<]*)/.exec(page.text)?.[1] ?? page.text.slice(0, 200);
  throw new SfcheckError('SFCHECK_LOGIN_FAILED', `the emulator's authorize pages did not redirect (HTTP ${page.status}: ${error.trim()})`, 'run with --debug; this is a bug in sfcheck or the emulator');
}
