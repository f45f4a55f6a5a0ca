/**
 * Wires the OAuth side of a new context: the injectable clock, the keys, the app-setting overrides
 * (EmulatorOptions.app) and the behaviour overrides (EmulatorOptions.oauth).
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Org } from '../org';
import { applyAppSettings, type ConnectedAppSettings } from './connected-app';
import { emulatorKeysFrom, type EmulatorKeys } from './keys';
import { SessionStore } from './session';
import { createOAuthState, type OAuthBehaviour, type OAuthState } from './state';

export interface OAuthSetup {
  keys?: EmulatorKeys;
  now?: () => number;
  app?: Partial<ConnectedAppSettings>;
  behaviour?: Partial<OAuthBehaviour>;
}

/** Synchronous fallback (about 0.2 s per key) for callers that did not generate keys up front. */
function keysNow(): EmulatorKeys {
  const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
  return emulatorKeysFrom(rsa(), rsa());
}

export function setUpOAuth(org: Org, setup: OAuthSetup = {}): { oauth: OAuthState; sessions: SessionStore } {
  const now = setup.now ?? Date.now;
  const keys = setup.keys ?? keysNow();
  const app = org.apps[0];
  if (app) {
    app.certificate = keys.appCertificate;
    applyAppSettings(app, setup.app);
  }
  const oauth = createOAuthState(keys, now, setup.behaviour);
  return { oauth, sessions: new SessionStore(oauth.behaviour.sessionTimeoutMs, now) };
}
