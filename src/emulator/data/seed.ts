/**
 * Deterministic seed data: the org's users, profiles and roles as records, plus the sample accounts and
 * contacts a new Developer Edition org ships with (e-mail domains moved to example.com), and a few more
 * contacts. No randomness: the same IdFactory gives the same ids and values in every run.
 */
import type { Org, OrgUser } from '../org';
import { formatDateTime } from './datetime';
import { generateRecords } from './generate';
import type { RecordStore } from './store';

export interface SeedOptions {
  /** Accounts in the org: the 12 sample accounts first, then generated ones. Default 12. */
  records?: number;
  /** Faker seed of the generated records. Default 1. */
  seed?: number;
}

/** How many accounts the sample data holds. */
export const SAMPLE_ACCOUNTS = 12;

const SEEDED_AT = Date.parse('2024-01-15T09:30:00.000Z');

type Owner = 'integration' | 'rep';

interface AccountSeed {
  name: string;
  type: string;
  industry: string;
  city: string;
  country: string;
  phone: string;
  website: string | null;
  employees: number;
  revenue: number | null;
  owner: Owner;
}

const ACCOUNTS: AccountSeed[] = [
  { name: 'Edge Communications', type: 'Customer - Direct', industry: 'Electronics', city: 'Austin', country: 'USA', phone: '(512) 757-6000', website: 'http://edgecomm.example.com', employees: 1000, revenue: 139000000, owner: 'integration' },
  { name: 'Burlington Textiles Corp of America', type: 'Customer - Direct', industry: 'Apparel', city: 'Burlington', country: 'USA', phone: '(336) 222-7000', website: 'www.burlington.example.com', employees: 9000, revenue: 350000000, owner: 'integration' },
  { name: 'Pyramid Construction Inc.', type: 'Customer - Channel', industry: 'Construction', city: 'Paris', country: 'France', phone: '(014) 427-4427', website: 'www.pyramid.example.com', employees: 2680, revenue: 950000000, owner: 'rep' },
  { name: 'Dickenson plc', type: 'Customer - Channel', industry: 'Consulting', city: 'Lawrence', country: 'USA', phone: '(785) 241-6200', website: 'dickenson-consulting.example.com', employees: 120, revenue: 50000000, owner: 'rep' },
  { name: 'Grand Hotels & Resorts Ltd', type: 'Customer - Direct', industry: 'Hospitality', city: 'Chicago', country: 'USA', phone: '(312) 596-1000', website: 'www.grandhotels.example.com', employees: 5600, revenue: 500000000, owner: 'integration' },
  { name: 'United Oil & Gas Corp.', type: 'Customer - Direct', industry: 'Energy', city: 'New York', country: 'USA', phone: '(212) 842-5500', website: 'http://www.uos.example.com', employees: 145000, revenue: 5600000000, owner: 'integration' },
  { name: 'Express Logistics and Transport', type: 'Customer - Channel', industry: 'Transportation', city: 'Portland', country: 'USA', phone: '(503) 421-7800', website: 'www.expressl-t.example.com', employees: 12300, revenue: 950000000, owner: 'rep' },
  { name: 'University of Arizona', type: 'Customer - Direct', industry: 'Education', city: 'Tucson', country: 'USA', phone: '(520) 773-9050', website: 'www.universityofarizona.example.com', employees: 39000, revenue: null, owner: 'integration' },
  { name: 'United Oil & Gas, UK', type: 'Customer - Direct', industry: 'Energy', city: 'London', country: 'United Kingdom', phone: '+44 191 4956203', website: 'http://www.uos.example.com', employees: 24000, revenue: null, owner: 'integration' },
  { name: 'United Oil & Gas, Singapore', type: 'Customer - Direct', industry: 'Energy', city: 'Singapore', country: 'Singapore', phone: '(650) 450-8810', website: 'http://www.uos.example.com', employees: 3000, revenue: null, owner: 'rep' },
  { name: 'GenePoint', type: 'Customer - Channel', industry: 'Biotechnology', city: 'Mountain View', country: 'USA', phone: '(650) 867-3450', website: 'www.genepoint.example.com', employees: 265, revenue: 30000000, owner: 'integration' },
  { name: 'sForce', type: 'Prospect', industry: 'Technology', city: 'San Francisco', country: 'USA', phone: '(415) 901-7000', website: null, employees: 3000, revenue: null, owner: 'integration' },
];

/** [FirstName, LastName, Title, index into ACCOUNTS, e-mail, owner] */
type ContactSeed = [string, string, string, number, string, Owner];

const CONTACTS: ContactSeed[] = [
  ['Rose', 'Gonzalez', 'SVP, Procurement', 0, 'rose@edge.example.com', 'integration'],
  ['Sean', 'Forbes', 'CFO', 0, 'sean@edge.example.com', 'integration'],
  ['Jack', 'Rogers', 'VP, Facilities', 1, 'jrogers@burlington.example.com', 'integration'],
  ['Pat', 'Stumuller', 'SVP, Administration and Finance', 2, 'pat@pyramid.example.com', 'rep'],
  ['Andy', 'Young', 'SVP, Operations', 3, 'a_young@dickenson.example.com', 'rep'],
  ['Tim', 'Barr', 'SVP, Administration and Finance', 4, 'barr_tim@grandhotels.example.com', 'integration'],
  ['John', 'Bond', 'VP, Facilities', 4, 'bond_john@grandhotels.example.com', 'integration'],
  ['Stella', 'Pavlova', 'SVP, Production', 5, 'spavlova@uog.example.com', 'integration'],
  ['Lauren', 'Boyle', 'SVP, Technology', 5, 'lboyle@uog.example.com', 'integration'],
  ['Babara', 'Levy', 'SVP, Operations', 6, 'b.levy@expressl-t.example.com', 'rep'],
  ['Josh', 'Davis', 'Director, Warehouse Mgmt', 6, 'j.davis@expressl-t.example.com', 'rep'],
  ['Jane', 'Grey', 'Dean of Administration', 7, 'jane_gray@uoa.example.com', 'integration'],
  ['Arthur', 'Song', 'CEO', 5, 'asong@uog.example.com', 'integration'],
  ['Ashley', 'James', 'VP, Finance', 8, 'ajames@uog.example.com', 'integration'],
  ['Tom', 'Ripley', 'Regional General Manager', 9, 'tripley@uog.example.com', 'rep'],
  ["Liz", "D'Cruz", 'VP, Production', 9, 'ldcruz@uog.example.com', 'rep'],
  ['Edna', 'Frank', 'VP, Technology', 10, 'efrank@genepoint.example.com', 'integration'],
  ['Avi', 'Green', 'CFO', 5, 'agreen@uog.example.com', 'integration'],
  ['Siddartha', 'Nedaerk', 'Account Executive', 11, 'snedaerk@sforce.example.com', 'integration'],
  ['Jake', 'Llorrac', 'Sales Engineer', 11, 'jllorrac@sforce.example.com', 'integration'],
  ['Maria', 'Chen', 'Director, IT', 1, 'mchen@burlington.example.com', 'integration'],
  ['Omar', 'Haddad', 'Procurement Manager', 2, 'ohaddad@pyramid.example.com', 'rep'],
  ['Grace', 'Okafor', 'Head of Partnerships', 10, 'gokafor@genepoint.example.com', 'integration'],
  ['Lukas', 'Schmidt', 'Operations Analyst', 6, 'lschmidt@expressl-t.example.com', 'rep'],
  ['Priya', 'Raman', 'CIO', 7, 'praman@uoa.example.com', 'integration'],
];

/** Audit field values for the n-th seeded record: one minute apart, created by the integration user. */
function audit(n: number, by: string): Record<string, string> {
  const at = formatDateTime(new Date(SEEDED_AT + n * 60_000));
  return { CreatedDate: at, CreatedById: by, LastModifiedDate: at, LastModifiedById: by, SystemModstamp: at };
}

function seedUsers(store: RecordStore, org: Org): void {
  const seen = new Set<string>();
  const insertOnce = (objectName: 'Profile' | 'UserRole', record: { id: string; name: string; parentRoleId?: string }): void => {
    if (seen.has(record.id)) return;
    seen.add(record.id);
    const parent = objectName === 'UserRole' ? { ParentRoleId: record.parentRoleId ?? null } : {};
    store.insert(objectName, { Id: record.id, Name: record.name, ...parent });
  };
  for (const user of org.users) {
    insertOnce('Profile', user.profile);
    if (user.role) insertOnce('UserRole', user.role);
  }
  for (const user of org.users) store.insert('User', userValues(user));
}

function userValues(user: OrgUser): Record<string, string | boolean | null> {
  const changed = formatDateTime(new Date(user.lastModified));
  return {
    Id: user.id, Username: user.username, FirstName: user.firstName, LastName: user.lastName, Email: user.email,
    Alias: user.alias, CommunityNickname: user.nickname, IsActive: user.active, TimeZoneSidKey: user.timeZone,
    LocaleSidKey: user.locale, LanguageLocaleKey: user.language, UserType: 'Standard', ProfileId: user.profile.id,
    UserRoleId: user.role?.id ?? null, CreatedDate: changed, LastModifiedDate: changed, SystemModstamp: changed,
  };
}

export function seedStore(store: RecordStore, org: Org, options: SeedOptions = {}): void {
  const records = Math.max(0, Math.floor(options.records ?? SAMPLE_ACCOUNTS));
  store.transaction(() => seedSamples(store, org, Math.min(records, SAMPLE_ACCOUNTS)));
  const integration = org.users[0]!;
  generateRecords(store, {
    accounts: records - SAMPLE_ACCOUNTS,
    seed: options.seed ?? 1,
    ownerIds: org.users.map((u) => u.id),
    createdById: integration.id,
    before: SEEDED_AT,
  });
}

function seedSamples(store: RecordStore, org: Org, accounts: number): void {
  const [integration, rep] = org.users;
  if (!integration || !rep) throw new Error('the org model needs an integration user and a sales rep');
  const ownerId = (owner: Owner): string => (owner === 'integration' ? integration.id : rep.id);
  seedUsers(store, org);

  let n = 0;
  const accountIds = ACCOUNTS.slice(0, accounts).map((a) => {
    const record = store.insert('Account', {
      Name: a.name, Type: a.type, Industry: a.industry, BillingCity: a.city, BillingCountry: a.country, Phone: a.phone,
      Website: a.website, NumberOfEmployees: a.employees, AnnualRevenue: a.revenue, OwnerId: ownerId(a.owner),
      ...audit(n++, integration.id),
    });
    return String(record.values.Id);
  });
  for (const [first, last, title, account, email, owner] of CONTACTS) {
    if (account >= accounts) continue;
    store.insert('Contact', {
      FirstName: first, LastName: last, Title: title, AccountId: accountIds[account] ?? null, Email: email,
      OwnerId: ownerId(owner), ...audit(n++, integration.id),
    });
  }
}
