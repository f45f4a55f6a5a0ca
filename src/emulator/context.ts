/**
 * Everything one running emulator owns: its org, data, sessions and API-usage counter. Routes receive
 * it as an argument; nothing in the emulator is module-global, so several emulators can run side by side.
 */
import type { LocalCredentials } from './config';
import { SCHEMA } from './data/schema';
import { resolveDataSettings, type DataOptions, type DataSettings } from './data/options';
import { seedStore } from './data/seed';
import { RecordStore } from './data/store';
import type { FaultInjector } from './faults';
import { IdFactory } from './ids';
import type { SessionStore } from './oauth/session';
import { setUpOAuth, type OAuthSetup } from './oauth/setup';
import type { OAuthState } from './oauth/state';
import { buildOrg, type Org } from './org';
import { CursorStore } from './soql/cursors';

export interface ApiUsage {
  used: number;
  max: number;
}

export interface EmulatorContext {
  /** `http://127.0.0.1:PORT`, no trailing slash: instance_url, identity host and REST base. */
  baseUrl: string;
  credentials: LocalCredentials;
  org: Org;
  store: RecordStore;
  sessions: SessionStore;
  apiUsage: ApiUsage;
  /** OAuth server state: clock, keys, codes, refresh tokens, authorize-page sessions (src/emulator/oauth/state.ts). */
  oauth: OAuthState;
  /** Data options with defaults: sharing, limits, clock, UNVERIFIED choices (data/options.ts). */
  data: DataSettings;
  /** queryMore cursors. */
  cursors: CursorStore;
  /** Faults injected on demand (EmulatorOptions.faults / `sfcheck emulator --fault`). */
  faults?: FaultInjector;
}

/** Daily API request allocation reported in Sforce-Limit-Info (Developer Edition). */
export const DAILY_API_REQUESTS = 15_000;

export function createContext(
  credentials: LocalCredentials,
  baseUrl: string,
  oauthSetup?: OAuthSetup,
  dataOptions: DataOptions & { now?: () => number } = {},
): EmulatorContext {
  const data = resolveDataSettings(dataOptions);
  const ids = new IdFactory();
  const org = buildOrg(ids, credentials);
  const store = new RecordStore(SCHEMA, ids, data.dataFile);
  if (store.fresh) {
    seedStore(store, org, { records: data.records, seed: data.seed });
    store.finishSeeding();
  }
  const { oauth, sessions } = setUpOAuth(org, oauthSetup);
  return {
    baseUrl,
    credentials,
    org,
    store,
    sessions,
    apiUsage: { used: 0, max: data.dailyApiLimit },
    oauth,
    data,
    cursors: new CursorStore(() => data.now().getTime()),
  };
}
