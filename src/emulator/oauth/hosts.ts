/**
 * Login host vs My Domain host. One emulator listens on one socket and tells them apart by the Host
 * header: a host name in `behaviour.loginHostnames` (default `localhost`, i.e. `http://localhost:PORT`)
 * plays login.salesforce.com; any other (the default `http://127.0.0.1:PORT`, which `url` and
 * instance_url point at) plays the org's My Domain. client_credentials works only on the My Domain host.
 */
import type { EmulatorContext } from '../context';
import { header, type EmuRequest } from '../http';

function hostname(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(1, hostHeader.indexOf(']')).toLowerCase();
  const colon = hostHeader.lastIndexOf(':');
  return (colon < 0 ? hostHeader : hostHeader.slice(0, colon)).toLowerCase();
}

export function isLoginHost(req: EmuRequest, ctx: EmulatorContext): boolean {
  const host = header(req, 'host');
  return host !== undefined && ctx.oauth.behaviour.loginHostnames.includes(hostname(host));
}

/** The base URL of the host the request came to (issuer of discovery documents and id_tokens). */
export function requestBaseUrl(req: EmuRequest, ctx: EmulatorContext): string {
  return isLoginHost(req, ctx) ? ctx.oauth.loginUrl : ctx.baseUrl;
}
