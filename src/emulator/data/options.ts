/**
 * Options of the emulated data: size, seed, persistence, sharing, API limits, clock, and the
 * behaviours the wire spec leaves UNVERIFIED. `resolveDataSettings` fills in the defaults.
 */

/** Org-wide default of an object: Private, Public Read Only or Public Read/Write. */
export type SharingModel = 'Private' | 'Read' | 'ReadWrite';

export interface DataOptions {
  /** Accounts in the org (the 12 sample accounts first, then faker-generated ones with contacts and opportunities). Default 12. */
  records?: number;
  /** Seed of the generated records: the same seed and size give the same ids and values. Default 1. */
  seed?: number;
  /** SQLite file keeping the data between runs (seeded on first use). Default: in memory. */
  dataFile?: string;
  /** Daily API request limit (Sforce-Limit-Info, /limits). Once spent: 403 REQUEST_LIMIT_EXCEEDED. Default 15000. */
  dailyApiLimit?: number;
  /** Org-wide defaults per object. Default Private for Account, Contact and Opportunity. */
  sharing?: Partial<Record<string, SharingModel>>;
  /** Whether users see records owned by users in roles below theirs. Default true. */
  roleHierarchy?: boolean;
  /** A child subquery without rows: `null` (default) or `{"totalSize":0,"done":true,"records":[]}`. [UNVERIFIED] */
  emptyChildResult?: 'null' | 'empty';
  /** Status and message of an unknown query locator. Default 400 `invalid query locator`. [UNVERIFIED] */
  invalidQueryLocator?: { status?: number; message?: string };
  /** GET of a record the user may not see: 404 NOT_FOUND (default) or 403 INSUFFICIENT_ACCESS. [UNVERIFIED] */
  hiddenRecord?: 'NOT_FOUND' | 'INSUFFICIENT_ACCESS';
  /**
   * POST /sobjects/<Type> when the profile lacks Create on the object. Default 403 INSUFFICIENT_ACCESS_OR_READONLY
   * `insufficient access rights on object id`, as for an edit or delete without the permission. [UNVERIFIED]
   */
  createWithoutPermission?: Partial<RefusedWrite>;
}

/** An error answer of the data API: status and the one element of its error array. */
export interface RefusedWrite {
  status: number;
  errorCode: string;
  message: string;
}

export interface DataSettings {
  records: number;
  seed: number;
  dataFile?: string;
  dailyApiLimit: number;
  sharing: Record<string, SharingModel>;
  roleHierarchy: boolean;
  now: () => Date;
  emptyChildResult: 'null' | 'empty';
  invalidQueryLocator: { status: number; message: string };
  hiddenRecord: 'NOT_FOUND' | 'INSUFFICIENT_ACCESS';
  createWithoutPermission: RefusedWrite;
}

/** Daily API request allocation (Developer Edition). */
export const DEFAULT_DAILY_API_LIMIT = 15_000;

/** `now` is the emulator's clock in epoch ms (EmulatorOptions.now): date literals, CreatedDate of new records, cursor expiry. */
export function resolveDataSettings(options: DataOptions & { now?: () => number } = {}): DataSettings {
  const clock = options.now;
  return {
    records: typeof options.records === 'number' && Number.isFinite(options.records) ? Math.max(0, Math.floor(options.records)) : 12,
    seed: typeof options.seed === 'number' && Number.isFinite(options.seed) ? options.seed : 1,
    dataFile: options.dataFile,
    dailyApiLimit: options.dailyApiLimit ?? DEFAULT_DAILY_API_LIMIT,
    sharing: { Account: 'Private', Contact: 'Private', Opportunity: 'Private', ...(options.sharing as Record<string, SharingModel> | undefined) },
    roleHierarchy: options.roleHierarchy ?? true,
    now: clock ? () => new Date(clock()) : () => new Date(),
    emptyChildResult: options.emptyChildResult ?? 'null',
    invalidQueryLocator: { status: options.invalidQueryLocator?.status ?? 400, message: options.invalidQueryLocator?.message ?? 'invalid query locator' },
    hiddenRecord: options.hiddenRecord ?? 'NOT_FOUND',
    createWithoutPermission: {
      status: options.createWithoutPermission?.status ?? 403,
      errorCode: options.createWithoutPermission?.errorCode ?? 'INSUFFICIENT_ACCESS_OR_READONLY',
      message: options.createWithoutPermission?.message ?? 'insufficient access rights on object id',
    },
  };
}
