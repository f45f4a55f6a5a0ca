/**
 * `GET /services/data/vXX.X/` (wire spec §6.2): resources by version. Lists what clients look up
 * here (`identity` is absolute; jsforce reads it); not every listed resource is emulated yet.
 */
import type { EmulatorContext } from '../context';
import { jsonReply, type Reply } from '../http';
import { identityUrl } from '../identity/urls';
import type { RestCall } from '../rest/data-api';

const RESOURCE_NAMES = ['tooling', 'metadata', 'chatter', 'tabs', 'appMenu', 'quickActions', 'queryAll', 'search', 'identity', 'composite', 'parameterizedSearch', 'theme', 'nouns', 'event', 'recent', 'connect', 'limits', 'process', 'query', 'compactLayouts', 'sobjects', 'actions', 'support'];

export function resourcesByVersion(ctx: EmulatorContext, call: RestCall): Reply {
  const body: Record<string, string> = {};
  for (const name of RESOURCE_NAMES) {
    body[name] = name === 'identity' ? identityUrl(ctx, call.session.userId) : `/services/data/v${call.version}/${name}`;
  }
  return jsonReply(200, body);
}
