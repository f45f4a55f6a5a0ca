/**
 * Describe results built from the schema (wire spec §7.1, §7.3): the describeGlobal entry of an
 * object, its full describe and field entries, with the key sets jsforce's types expect (keys in
 * alphabetical order, as real responses list them).
 */
import type { FieldDef, FieldType, Schema, SObjectDef } from '../data/schema';

/** Objects clients can create, update and delete here; the org objects (User, Profile, UserRole) are read-only. */
export const DATA_OBJECTS = new Set(['Account', 'Contact', 'Opportunity']);

/** Fields the platform sets: never createable or updateable. */
const SYSTEM_FIELDS = new Set(['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'IsClosed', 'IsWon']);

const SOAP_TYPE: Record<FieldType, string> = {
  id: 'tns:ID', reference: 'tns:ID', string: 'xsd:string', textarea: 'xsd:string', email: 'xsd:string', phone: 'xsd:string',
  url: 'xsd:string', picklist: 'xsd:string', boolean: 'xsd:boolean', int: 'xsd:int', double: 'xsd:double', currency: 'xsd:double',
  date: 'xsd:date', datetime: 'xsd:dateTime',
};

export function isWritable(object: SObjectDef, field: FieldDef): boolean {
  return DATA_OBJECTS.has(object.name) && !SYSTEM_FIELDS.has(field.name) && field.calculated !== true;
}

/** Set by the platform on create when the client leaves it out. */
function defaultedOnCreate(field: FieldDef): boolean {
  return SYSTEM_FIELDS.has(field.name) || field.name === 'OwnerId' || field.type === 'boolean';
}

/** Fields a create must carry (`REQUIRED_FIELD_MISSING` otherwise). */
export function requiredFields(object: SObjectDef): FieldDef[] {
  return object.fields.filter((f) => !f.nillable && isWritable(object, f) && !defaultedOnCreate(f));
}

export function describeField(object: SObjectDef, field: FieldDef): Record<string, unknown> {
  const writable = isWritable(object, field);
  const text = ['string', 'textarea', 'email', 'phone', 'url', 'picklist'].includes(field.type);
  const length = text ? (field.length ?? 255) : field.type === 'id' || field.type === 'reference' ? 18 : 0;
  return {
    aggregatable: field.type !== 'textarea', aiPredictionField: false, autoNumber: false, byteLength: length * (text ? 3 : 1),
    calculated: field.calculated === true, calculatedFormula: null, cascadeDelete: false, caseSensitive: false, compoundFieldName: null,
    controllerName: null, createable: writable, custom: false, defaultValue: field.type === 'boolean' ? false : null, defaultValueFormula: null,
    defaultedOnCreate: defaultedOnCreate(field), dependentPicklist: false, deprecatedAndHidden: false, digits: field.type === 'int' ? 9 : 0,
    displayLocationInDecimal: false, encrypted: false, externalId: false, extraTypeInfo: null, filterable: field.type !== 'textarea',
    filteredLookupInfo: null, formulaTreatNullNumberAsZero: false, groupable: !['double', 'currency', 'textarea', 'datetime'].includes(field.type),
    highScaleNumber: false, htmlFormatted: false, idLookup: field.type === 'id' || field.name === 'Username', inlineHelpText: null,
    label: field.label, length, mask: null, maskType: null, name: field.name, nameField: field.name === 'Name', namePointing: false,
    nillable: field.nillable, permissionable: field.nillable && writable,
    picklistValues: (field.picklistValues ?? []).map((value) => ({ active: true, defaultValue: false, label: value, validFor: null, value })),
    polymorphicForeignKey: false, precision: field.type === 'currency' || field.type === 'double' ? 18 : 0, queryByDistance: false,
    referenceTargetField: null, referenceTo: field.referenceTo ?? [], relationshipName: field.relationshipName ?? null, relationshipOrder: null,
    restrictedDelete: false, restrictedPicklist: false, scale: field.type === 'currency' || field.type === 'double' ? 2 : 0,
    searchPrefilterable: false, soapType: SOAP_TYPE[field.type], sortable: field.type !== 'textarea', type: field.type, unique: false,
    updateable: writable && field.type !== 'id', writeRequiresMasterRead: false,
  };
}

export function globalEntry(object: SObjectDef, version: string): Record<string, unknown> {
  const data = DATA_OBJECTS.has(object.name);
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return {
    activateable: false, associateEntityType: null, associateParentEntity: null, createable: data, custom: false, customSetting: false,
    deepCloneable: false, deletable: data, deprecatedAndHidden: false, feedEnabled: data, hasSubtypes: false, idEnabled: true,
    isInterface: false, isSubtype: false, keyPrefix: object.keyPrefix, label: object.label, labelPlural: object.labelPlural, layoutable: true,
    mergeable: object.name !== 'Opportunity' && data, mruEnabled: true, name: object.name, queryable: true, replicateable: true,
    retrieveable: true, searchable: true, triggerable: data, undeletable: data, updateable: data,
    urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
  };
}

export function describeObject(schema: Schema, object: SObjectDef, version: string, baseUrl: string): Record<string, unknown> {
  const entry = globalEntry(object, version);
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  const childRelationships = schema.childReferences(object).map(({ child, field }) => ({
    cascadeDelete: child.name === 'Opportunity' && field.name === 'AccountId', childSObject: child.name, deprecatedAndHidden: false,
    field: field.name, junctionIdListNames: [], junctionReferenceTo: [], relationshipName: field.childRelationshipName ?? null, restrictedDelete: false,
  }));
  const owned = object.fields.some((f) => f.name === 'OwnerId');
  const plural = object.labelPlural.toLowerCase();
  return {
    actionOverrides: [], ...withoutUrls(entry), childRelationships, compactLayoutable: true,
    fields: object.fields.map((f) => describeField(object, f)), listviewable: null, lookupLayoutable: null, namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [{
      active: true, available: true, defaultRecordTypeMapping: true, developerName: 'Master', master: true, name: 'Master',
      recordTypeId: '012000000000000AAA', urls: { layout: `${base}/describe/layouts/012000000000000AAA` },
    }],
    searchLayoutable: true,
    supportedScopes: owned ? [{ label: `All ${plural}`, name: 'everything' }, { label: `My ${plural}`, name: 'mine' }] : [{ label: `All ${plural}`, name: 'everything' }],
    urls: {
      uiEditTemplate: `${baseUrl}/{ID}/e`, sobject: base, uiDetailTemplate: `${baseUrl}/{ID}`, describe: `${base}/describe`,
      rowTemplate: `${base}/{ID}`, layouts: `${base}/describe/layouts`, compactLayouts: `${base}/describe/compactLayouts`,
      quickActions: `${base}/quickActions`, listviews: `${base}/listviews`, uiNewRecord: `${baseUrl}/${object.keyPrefix}/e`,
    },
  };
}

function withoutUrls(entry: Record<string, unknown>): Record<string, unknown> {
  const { urls: _urls, ...rest } = entry;
  return rest;
}
