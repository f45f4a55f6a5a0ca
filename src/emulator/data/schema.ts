/**
 * The sObject schema: objects, their fields with exact API casing and types, and the relationships
 * SOQL can walk. Describe resources can be built from this table later; the SOQL engine and the seed
 * already read it. Field order is describe order.
 */
import { KEY_PREFIX } from '../ids';

export type FieldValue = string | number | boolean | null;
export type FieldValues = Record<string, FieldValue>;

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'date'
  | 'datetime'
  | 'reference';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  nillable: boolean;
  /** Max length for text types. */
  length?: number;
  /** Computed by the platform (e.g. Contact.Name); never written by clients. */
  calculated?: boolean;
  /** Target objects of a reference field. */
  referenceTo?: string[];
  /** Name of the parent relationship a reference field opens in SOQL (`Account` for `AccountId`). */
  relationshipName?: string;
  /** Name of the child relationship on the parent (`Contacts` for `Contact.AccountId`), for subqueries. */
  childRelationshipName?: string;
  picklistValues?: string[];
}

export interface SObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: FieldDef[];
  /** Values of calculated fields, from the stored ones. */
  derive?: (values: FieldValues) => FieldValues;
}

const id = (label: string): FieldDef => ({ name: 'Id', label, type: 'id', nillable: false, length: 18 });
const text = (name: string, label: string, length: number, nillable = true): FieldDef => ({ name, label, type: 'string', nillable, length });
const typed = (name: string, label: string, type: FieldType, nillable = true): FieldDef => ({ name, label, type, nillable });
const ref = (name: string, label: string, to: string, relationshipName: string, nillable = true, childRelationshipName?: string): FieldDef => ({
  name, label, type: 'reference', nillable, length: 18, referenceTo: [to], relationshipName, ...(childRelationshipName ? { childRelationshipName } : {}),
});
const picklist = (name: string, label: string, values: string[]): FieldDef => ({ name, label, type: 'picklist', nillable: true, length: 255, picklistValues: values });

const isDeleted = (): FieldDef => typed('IsDeleted', 'Deleted', 'boolean', false);

/** Audit fields of the data objects. */
function audit(): FieldDef[] {
  return [
    typed('CreatedDate', 'Created Date', 'datetime', false),
    ref('CreatedById', 'Created By ID', 'User', 'CreatedBy', false),
    typed('LastModifiedDate', 'Last Modified Date', 'datetime', false),
    ref('LastModifiedById', 'Last Modified By ID', 'User', 'LastModifiedBy', false),
    typed('SystemModstamp', 'System Modstamp', 'datetime', false),
  ];
}

/** `First Last`, as the platform computes person names. */
function personName(values: FieldValues): FieldValues {
  const parts = [values.FirstName, values.LastName].filter((p): p is string => typeof p === 'string' && p !== '');
  return { Name: parts.join(' ') };
}

export const ACCOUNT_TYPES = [
  'Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner', 'Technology Partner', 'Other',
];
export const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education',
  'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage', 'Government', 'Healthcare',
  'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit', 'Recreation', 'Retail', 'Shipping',
  'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other',
];

export const OPPORTUNITY_STAGES = [
  'Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis',
  'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost',
];

const OBJECTS: SObjectDef[] = [
  {
    name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: KEY_PREFIX.Account,
    fields: [
      id('Account ID'),
      isDeleted(),
      text('Name', 'Account Name', 255, false),
      picklist('Type', 'Account Type', ACCOUNT_TYPES),
      picklist('Industry', 'Industry', INDUSTRIES),
      text('BillingCity', 'Billing City', 40),
      text('BillingCountry', 'Billing Country', 80),
      typed('Phone', 'Account Phone', 'phone'),
      typed('Website', 'Website', 'url'),
      typed('NumberOfEmployees', 'Employees', 'int'),
      typed('AnnualRevenue', 'Annual Revenue', 'currency'),
      ref('OwnerId', 'Owner ID', 'User', 'Owner', false),
      ...audit(),
    ],
  },
  {
    name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: KEY_PREFIX.Contact,
    derive: personName,
    fields: [
      id('Contact ID'),
      isDeleted(),
      ref('AccountId', 'Account ID', 'Account', 'Account', true, 'Contacts'),
      text('LastName', 'Last Name', 80, false),
      text('FirstName', 'First Name', 40),
      { ...text('Name', 'Full Name', 121, false), calculated: true },
      text('Title', 'Title', 128),
      typed('Email', 'Email', 'email'),
      typed('Phone', 'Business Phone', 'phone'),
      ref('OwnerId', 'Owner ID', 'User', 'Owner', false),
      ...audit(),
    ],
  },
  {
    name: 'Opportunity', label: 'Opportunity', labelPlural: 'Opportunities', keyPrefix: KEY_PREFIX.Opportunity,
    fields: [
      id('Opportunity ID'),
      isDeleted(),
      ref('AccountId', 'Account ID', 'Account', 'Account', true, 'Opportunities'),
      text('Name', 'Name', 120, false),
      { ...picklist('StageName', 'Stage', OPPORTUNITY_STAGES), nillable: false },
      typed('Amount', 'Amount', 'currency'),
      typed('CloseDate', 'Close Date', 'date', false),
      typed('Probability', 'Probability (%)', 'double'),
      typed('IsClosed', 'Closed', 'boolean', false),
      typed('IsWon', 'Won', 'boolean', false),
      ref('OwnerId', 'Owner ID', 'User', 'Owner', false),
      ...audit(),
    ],
  },
  {
    name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: KEY_PREFIX.User,
    derive: personName,
    fields: [
      id('User ID'),
      text('Username', 'Username', 80, false),
      text('LastName', 'Last Name', 80, false),
      text('FirstName', 'First Name', 40),
      { ...text('Name', 'Full Name', 121, false), calculated: true },
      typed('Email', 'Email', 'email', false),
      text('Alias', 'Alias', 8, false),
      text('CommunityNickname', 'Nickname', 40, false),
      typed('IsActive', 'Active', 'boolean', false),
      picklist('TimeZoneSidKey', 'Time Zone', ['America/Los_Angeles', 'America/New_York']),
      picklist('LocaleSidKey', 'Locale', ['en_US']),
      picklist('LanguageLocaleKey', 'Language', ['en_US']),
      picklist('UserType', 'User Type', ['Standard']),
      ref('ProfileId', 'Profile ID', 'Profile', 'Profile', false),
      ref('UserRoleId', 'Role ID', 'UserRole', 'UserRole'),
      typed('CreatedDate', 'Created Date', 'datetime', false),
      typed('LastModifiedDate', 'Last Modified Date', 'datetime', false),
      typed('SystemModstamp', 'System Modstamp', 'datetime', false),
    ],
  },
  {
    name: 'Profile', label: 'Profile', labelPlural: 'Profiles', keyPrefix: KEY_PREFIX.Profile,
    fields: [id('Profile ID'), text('Name', 'Name', 255, false)],
  },
  {
    name: 'UserRole', label: 'Role', labelPlural: 'Roles', keyPrefix: KEY_PREFIX.UserRole,
    fields: [id('Role ID'), text('Name', 'Name', 80, false), ref('ParentRoleId', 'Parent Role ID', 'UserRole', 'ParentRole')],
  },
];

/** Case-insensitive lookups over the object table, as the API resolves names. */
export class Schema {
  private readonly byName = new Map<string, SObjectDef>();
  private readonly byPrefix = new Map<string, SObjectDef>();

  constructor(readonly objects: readonly SObjectDef[]) {
    for (const o of objects) {
      this.byName.set(o.name.toLowerCase(), o);
      this.byPrefix.set(o.keyPrefix, o);
    }
  }

  object(name: string): SObjectDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  objectForId(recordId: string): SObjectDef | undefined {
    return this.byPrefix.get(recordId.slice(0, 3));
  }

  field(object: SObjectDef, name: string): FieldDef | undefined {
    const wanted = name.toLowerCase();
    return object.fields.find((f) => f.name.toLowerCase() === wanted);
  }

  /** The child object and its reference field behind a child relationship name (`Contacts` on Account). */
  childRelationship(parent: SObjectDef, relationshipName: string): { child: SObjectDef; field: FieldDef } | undefined {
    const wanted = relationshipName.toLowerCase();
    for (const child of this.objects) {
      const field = child.fields.find((f) => f.childRelationshipName?.toLowerCase() === wanted && f.referenceTo?.includes(parent.name));
      if (field) return { child, field };
    }
    return undefined;
  }

  /** Reference fields of every object that point at `parent` (describe childRelationships). */
  childReferences(parent: SObjectDef): { child: SObjectDef; field: FieldDef }[] {
    const out: { child: SObjectDef; field: FieldDef }[] = [];
    for (const child of this.objects) {
      for (const field of child.fields) if (field.referenceTo?.includes(parent.name)) out.push({ child, field });
    }
    return out;
  }

  /** The reference field behind a parent relationship name (`Account` -> `Contact.AccountId`). */
  relationship(object: SObjectDef, relationshipName: string): FieldDef | undefined {
    const wanted = relationshipName.toLowerCase();
    return object.fields.find((f) => f.type === 'reference' && f.relationshipName?.toLowerCase() === wanted);
  }
}

export const SCHEMA = new Schema(OBJECTS);
