/**
 * The Connected App as the OAuth servers see it: known by its consumer key (compared exactly) and only once it has
 * propagated (a new app answers `invalid_client_id` for a few minutes, see ConnectedAppSettings.createdAt).
 */
import type { EmulatorContext } from '../context';
import { findApp, type ConnectedApp } from '../org';
import { isPropagated } from './connected-app';

export function oauthApp(ctx: EmulatorContext, clientId: string): ConnectedApp | undefined {
  const app = findApp(ctx.org, clientId);
  return app && isPropagated(app, ctx.oauth.now(), ctx.oauth.behaviour.appPropagationMs) ? app : undefined;
}
