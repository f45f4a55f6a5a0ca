/** Fills the authorize-page templates: `{{x}}` HTML-escaped, `{{{x}}}` verbatim (markup built here). */
import { CONSENT_TEMPLATE } from './templates/consent';
import { ERROR_TEMPLATE } from './templates/error';
import { LAYOUT_TEMPLATE } from './templates/layout';
import { LOGIN_TEMPLATE } from './templates/login';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function fill(template: string, values: Record<string, string>, raw: Record<string, string> = {}): string {
  return template
    .replace(/\{\{\{(\w+)\}\}\}/g, (_m, key: string) => raw[key] ?? '')
    .replace(/\{\{(\w+)\}\}/g, (_m, key: string) => escapeHtml(values[key] ?? ''));
}

function page(title: string, content: string): string {
  return fill(LAYOUT_TEMPLATE, { title }, { content });
}

export const AUTHORIZE_ACTION = '/services/oauth2/authorize';

const SCOPE_LABELS: Record<string, string> = {
  api: 'Manage user data via APIs',
  refresh_token: 'Perform requests at any time',
  offline_access: 'Perform requests at any time',
  openid: 'Access unique user identifiers',
  id: 'Access the identity URL service',
  profile: 'Access the identity URL service',
  email: 'Access the identity URL service',
  address: 'Access the identity URL service',
  phone: 'Access the identity URL service',
  full: 'Full access',
  web: 'Access the Salesforce API Platform',
};

export function loginPage(v: { orgName: string; flow: string; csrf: string; username: string; error?: string }): string {
  const error = v.error === undefined ? '' : `<p class="error" id="error">${escapeHtml(v.error)}</p>`;
  return page('Login', fill(LOGIN_TEMPLATE, { orgName: v.orgName, flow: v.flow, csrf: v.csrf, username: v.username, action: AUTHORIZE_ACTION }, { error }));
}

export function consentPage(v: { appName: string; username: string; scopes: string[]; flow: string; csrf: string }): string {
  const items = v.scopes.map((s) => `<li data-scope="${escapeHtml(s)}">${escapeHtml(SCOPE_LABELS[s] ?? 'Access')} (${escapeHtml(s)})</li>`).join('\n');
  const values = { appName: v.appName, username: v.username, flow: v.flow, csrf: v.csrf, action: AUTHORIZE_ACTION };
  return page('Allow Access', fill(CONSENT_TEMPLATE, values, { scopes: items }));
}

export function errorPage(heading: string, message: string): string {
  return page('Error', fill(ERROR_TEMPLATE, { heading, message }));
}
