/**
 * Generated records beyond the sample ones: realistic accounts, contacts and opportunities from
 * @faker-js/faker with a fixed seed, so the same seed and size always give the same ids and values.
 * Faker fills pools of names, cities, titles... once; a seeded PRNG picks from them per record (about
 * ten times faster than calling faker per field, which matters at 100k accounts). Faker is loaded
 * only when records are generated. Dates are fixed relative to the seed instant.
 */
import type { Faker } from '@faker-js/faker';
import { ACCOUNT_TYPES, INDUSTRIES, OPPORTUNITY_STAGES } from './schema';
import type { RecordStore } from './store';
import { formatDateTime } from './datetime';

export interface GenerateOptions {
  /** Number of accounts to add. */
  accounts: number;
  seed: number;
  /** Owners, round robin. */
  ownerIds: readonly string[];
  createdById: string;
  /** Latest CreatedDate (epoch ms); generated records spread over the two years before it. */
  before: number;
}

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const CLOSED_PROBABILITY: Record<string, number> = { 'Closed Won': 100, 'Closed Lost': 0 };

function loadFaker(seed: number): Faker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Faker: FakerClass, en } = require('@faker-js/faker') as typeof import('@faker-js/faker');
  const faker = new FakerClass({ locale: [en] });
  faker.seed(seed);
  return faker;
}

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  companies: string[];
  cities: string[];
  countries: string[];
  firstNames: string[];
  lastNames: string[];
  titles: string[];
  domains: string[];
  products: string[];
  phones: string[];
}

function fill(n: number, make: () => string): string[] {
  return Array.from({ length: n }, make);
}

function pools(faker: Faker, accounts: number): Pools {
  const wide = Math.min(Math.max(accounts, 50), 5000);
  return {
    companies: fill(wide, () => faker.company.name()),
    cities: fill(Math.min(wide, 1500), () => faker.location.city()),
    countries: fill(60, () => faker.location.country()),
    firstNames: fill(Math.min(wide, 800), () => faker.person.firstName()),
    lastNames: fill(Math.min(wide, 1200), () => faker.person.lastName()),
    titles: fill(300, () => faker.person.jobTitle()),
    domains: fill(wide, () => faker.internet.domainName()),
    products: fill(400, () => faker.commerce.productName()),
    phones: fill(Math.min(wide, 3000), () => faker.phone.number({ style: 'national' })),
  };
}

export function generateRecords(store: RecordStore, options: GenerateOptions): void {
  if (options.accounts <= 0) return;
  const faker = loadFaker(options.seed);
  const pool = pools(faker, options.accounts);
  const random = prng(options.seed * 2654435761);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const owners = options.ownerIds;
  const by = options.createdById;
  const start = options.before - TWO_YEARS_MS;
  const audit = (at: number): Record<string, string> => {
    const text = formatDateTime(new Date(at));
    return { CreatedDate: text, CreatedById: by, LastModifiedDate: text, LastModifiedById: by, SystemModstamp: text };
  };
  store.transaction(() => {
    for (let i = 0; i < options.accounts; i++) {
      const owner = owners[i % owners.length]!;
      const created = start + Math.floor((i / options.accounts) * TWO_YEARS_MS) + int(0, 3_600_000);
      const domain = pick(pool.domains);
      const account = store.insert('Account', {
        Name: pick(pool.companies),
        Type: pick(ACCOUNT_TYPES),
        Industry: pick(INDUSTRIES),
        BillingCity: pick(pool.cities),
        BillingCountry: pick(pool.countries),
        Phone: pick(pool.phones),
        Website: `www.${domain}`,
        NumberOfEmployees: int(1, 200_000),
        AnnualRevenue: i % 5 === 0 ? null : int(10, 50_000) * 10_000,
        OwnerId: owner,
        ...audit(created),
      });
      const accountId = String(account.values.Id);
      for (let c = 0; c < i % 3; c++) {
        const first = pick(pool.firstNames);
        const last = pick(pool.lastNames);
        store.insert('Contact', {
          AccountId: accountId, FirstName: first, LastName: last, Title: pick(pool.titles),
          Email: `${first}.${last}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
          Phone: pick(pool.phones), OwnerId: owner, ...audit(created + (c + 1) * 60_000),
        });
      }
      if (i % 2 === 0) {
        const stage = pick(OPPORTUNITY_STAGES);
        const closed = stage.startsWith('Closed');
        store.insert('Opportunity', {
          AccountId: accountId, Name: `${pick(pool.products)} deal`, StageName: stage,
          Amount: int(1, 500) * 1000,
          CloseDate: formatDateTime(new Date(created + int(7, 180) * 86_400_000)).slice(0, 10),
          Probability: CLOSED_PROBABILITY[stage] ?? pick([10, 20, 40, 60, 75, 90]),
          IsClosed: closed, IsWon: stage === 'Closed Won', OwnerId: owner, ...audit(created + 3_600_000),
        });
      }
    }
  });
}
