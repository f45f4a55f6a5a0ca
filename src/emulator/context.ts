/**
 * Everything one running emulator owns: its org, data, sessions and API-usage counter. Routes receive
 * it as an argument; nothing in the emulator is module-global, so several emulators can run side by side.
 */
import type { LocalCredentials } from './config';
import { SCHEMA } from './data/schema';
import { seedStore } from './data/seed';
import { RecordStore } from './data/store';
import { IdFactory } from './ids';
import { SessionStore } from './oauth/session';
import { buildOrg, type Org } from './org';

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
}

/** Daily API request allocation reported in Sforce-Limit-Info (Developer Edition). */
export const DAILY_API_REQUESTS = 15_000;

export function createContext(credentials: LocalCredentials, baseUrl: string): EmulatorContext {
  const ids = new IdFactory();
  const org = buildOrg(ids, credentials);
  const store = new RecordStore(SCHEMA, ids);
  seedStore(store, org);
  return {
    baseUrl,
    credentials,
    org,
    store,
    sessions: new SessionStore(),
    apiUsage: { used: 0, max: DAILY_API_REQUESTS },
  };
}
