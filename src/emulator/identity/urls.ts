/**
 * Identity URLs and the `urls` block the identity service returns (wire spec §5.1): REST URLs keep the
 * literal `{version}` placeholder unless a version is asked for; SOAP URLs end in the 15-char org id.
 */
import type { EmulatorContext } from '../context';

/** `<base>/id/<org18>/<user18>`: the token response `id` and the userinfo `sub`. */
export function identityUrl(ctx: EmulatorContext, userId: string): string {
  return `${ctx.baseUrl}/id/${ctx.org.info.id}/${userId}`;
}

export function identityServiceUrls(ctx: EmulatorContext, userId: string, version = '{version}'): Record<string, string> {
  const base = ctx.baseUrl;
  const org15 = ctx.org.info.id15;
  const rest = `${base}/services/data/v${version}`;
  return {
    enterprise: `${base}/services/Soap/c/${version}/${org15}`,
    metadata: `${base}/services/Soap/m/${version}/${org15}`,
    partner: `${base}/services/Soap/u/${version}/${org15}`,
    rest: `${rest}/`,
    sobjects: `${rest}/sobjects/`,
    search: `${rest}/search/`,
    query: `${rest}/query/`,
    recent: `${rest}/recent/`,
    tooling_soap: `${base}/services/Soap/T/${version}/${org15}`,
    tooling_rest: `${rest}/tooling/`,
    profile: `${base}/${userId}`,
    feeds: `${rest}/chatter/feeds`,
    groups: `${rest}/chatter/groups`,
    users: `${rest}/chatter/users`,
    feed_items: `${rest}/chatter/feed-items`,
    feed_elements: `${rest}/chatter/feed-elements`,
    custom_domain: base,
  };
}
