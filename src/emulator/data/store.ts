/**
 * In-memory record store. Records keep values under the schema's exact field names; every field of the
 * object is present (null when unset) and calculated fields are derived on write.
 */
import { IdFactory, normalizeId } from '../ids';
import type { FieldValue, FieldValues, Schema, SObjectDef } from './schema';

export interface StoredRecord {
  /** Object API name, schema casing. */
  readonly type: string;
  readonly values: FieldValues;
}

export class RecordStore {
  private readonly byType = new Map<string, StoredRecord[]>();
  private readonly byId = new Map<string, StoredRecord>();

  constructor(
    readonly schema: Schema,
    private readonly ids: IdFactory,
  ) {}

  /** Adds a record; `values` may carry an `Id` (ids of users and orgs come from the org model). */
  insert(objectName: string, values: Record<string, FieldValue | undefined>): StoredRecord {
    const object = this.requireObject(objectName);
    const stored: FieldValues = {};
    for (const field of object.fields) stored[field.name] = null;
    for (const [name, value] of Object.entries(values)) {
      const field = this.schema.field(object, name);
      if (!field) throw new Error(`${object.name}.${name} is not in the schema`);
      if (value !== undefined) stored[field.name] = value;
    }
    if (stored.Id === null) stored.Id = this.ids.next(object.keyPrefix);
    if ('IsDeleted' in stored && stored.IsDeleted === null) stored.IsDeleted = false;
    Object.assign(stored, object.derive?.(stored));

    const record: StoredRecord = { type: object.name, values: stored };
    const list = this.byType.get(object.name) ?? [];
    list.push(record);
    this.byType.set(object.name, list);
    this.byId.set(String(stored.Id), record);
    return record;
  }

  /** Records of one object in insertion order. */
  all(objectName: string): readonly StoredRecord[] {
    const object = this.schema.object(objectName);
    return object ? (this.byType.get(object.name) ?? []) : [];
  }

  /** A record by 15- or 18-char id, in any casing an 18-char id allows. */
  get(recordId: string): StoredRecord | undefined {
    const canonical = normalizeId(recordId);
    return canonical ? this.byId.get(canonical) : undefined;
  }

  private requireObject(name: string): SObjectDef {
    const object = this.schema.object(name);
    if (!object) throw new Error(`unknown sObject ${name}`);
    return object;
  }
}
