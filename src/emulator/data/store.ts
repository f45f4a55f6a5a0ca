/**
 * The record store on SQLite (better-sqlite3): one table per sObject. Records keep values under the
 * schema's exact field names; every field is present (null when unset) and calculated fields are
 * derived on write. Booleans are stored as 0/1 and read back as JSON booleans. Deletes are soft
 * (`IsDeleted`), so queryAll still sees deleted rows.
 */
import { IdFactory, normalizeId } from '../ids';
import { markSeeded, openDatabase, quoteIdent, StatementCache, type Db, type SqlValue } from './db';
import type { Statement } from 'better-sqlite3';
import type { FieldDef, FieldValue, FieldValues, Schema, SObjectDef } from './schema';

export interface StoredRecord {
  /** Object API name, schema casing. */
  readonly type: string;
  readonly values: FieldValues;
}

export function toSql(field: FieldDef, value: FieldValue): SqlValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (field.type === 'boolean') return value ? 1 : 0;
  return value;
}

export function fromSql(field: FieldDef, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (field.type === 'boolean') return value === 1 || value === true;
  if (typeof value === 'bigint') return Number(value);
  return value as FieldValue;
}

export class RecordStore {
  readonly db: Db;
  readonly statements: StatementCache;
  /** False when a persisted data file already held seeded data. */
  readonly fresh: boolean;
  private readonly inserts = new Map<string, Statement>();
  private readonly exactFields = new Map<string, Map<string, FieldDef>>();

  constructor(
    readonly schema: Schema,
    private readonly ids: IdFactory,
    dataFile?: string,
  ) {
    const opened = openDatabase(schema, dataFile);
    this.db = opened.db;
    this.fresh = opened.fresh;
    this.statements = new StatementCache(this.db);
    if (!this.fresh) this.skipUsedIds();
  }

  private indexed = false;

  /** Ends the first load of a fresh database: indexes built, the seed recorded (for a data file). */
  finishSeeding(): void {
    markSeeded(this.db, this.schema);
    this.indexed = true;
  }

  /** Closes the database (a data file is complete on disk afterwards). */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one transaction (bulk seeding). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Adds a record; `values` may carry an `Id` (ids of users and orgs come from the org model). */
  insert(objectName: string, values: Record<string, FieldValue | undefined>): StoredRecord {
    const object = this.requireObject(objectName);
    const stored: FieldValues = {};
    for (const field of object.fields) stored[field.name] = null;
    const exact = this.exactFieldsOf(object);
    for (const [name, value] of Object.entries(values)) {
      const field = exact.get(name) ?? this.schema.field(object, name);
      if (!field) throw new Error(`${object.name}.${name} is not in the schema`);
      if (value !== undefined) stored[field.name] = value;
    }
    if (stored.Id === null) stored.Id = this.newId(object);
    if ('IsDeleted' in stored && stored.IsDeleted === null) stored.IsDeleted = false;
    Object.assign(stored, object.derive?.(stored));
    this.insertStatement(object).run(object.fields.map((f) => toSql(f, stored[f.name] ?? null)));
    return { type: object.name, values: stored };
  }

  /** Writes the given fields of a record (schema names), deriving calculated fields again. */
  update(record: StoredRecord, changes: FieldValues): StoredRecord {
    const object = this.requireObject(record.type);
    const values: FieldValues = { ...record.values, ...changes };
    Object.assign(values, object.derive?.(values));
    const fields = object.fields.filter((f) => f.name !== 'Id');
    const sets = fields.map((f) => `${quoteIdent(f.name)} = ?`).join(', ');
    this.statements.get(`UPDATE ${quoteIdent(object.name)} SET ${sets} WHERE "Id" = ?`).run([...fields.map((f) => toSql(f, values[f.name] ?? null)), String(values.Id)]);
    return { type: object.name, values };
  }

  /** Records of one object in insertion order (deleted ones left out). */
  all(objectName: string): readonly StoredRecord[] {
    const object = this.schema.object(objectName);
    if (!object) return [];
    const deleted = object.fields.some((f) => f.name === 'IsDeleted') ? ' WHERE "IsDeleted" = 0' : '';
    const rows = this.statements.get(`SELECT * FROM ${quoteIdent(object.name)}${deleted} ORDER BY rowid`).all() as Record<string, unknown>[];
    return rows.map((row) => this.fromRow(object, row));
  }

  count(objectName: string): number {
    const object = this.requireObject(objectName);
    const row = this.statements.get(`SELECT COUNT(*) AS n FROM ${quoteIdent(object.name)}`).get() as { n: number };
    return row.n;
  }

  /** A record by 15- or 18-char id, in any casing an 18-char id allows; deleted records included. */
  get(recordId: string): StoredRecord | undefined {
    const canonical = normalizeId(recordId);
    const object = canonical ? this.schema.objectForId(canonical) : undefined;
    if (!canonical || !object) return undefined;
    const row = this.statements.get(`SELECT * FROM ${quoteIdent(object.name)} WHERE "Id" = ?`).get(canonical) as Record<string, unknown> | undefined;
    return row ? this.fromRow(object, row) : undefined;
  }

  private fromRow(object: SObjectDef, row: Record<string, unknown>): StoredRecord {
    const values: FieldValues = {};
    for (const field of object.fields) values[field.name] = fromSql(field, row[field.name]);
    return { type: object.name, values };
  }

  private insertStatement(object: SObjectDef): Statement {
    let statement = this.inserts.get(object.name);
    if (!statement) {
      const columns = object.fields.map((f) => quoteIdent(f.name)).join(', ');
      const marks = object.fields.map(() => '?').join(', ');
      statement = this.db.prepare(`INSERT INTO ${quoteIdent(object.name)} (${columns}) VALUES (${marks})`);
      this.inserts.set(object.name, statement);
    }
    return statement;
  }

  private exactFieldsOf(object: SObjectDef): Map<string, FieldDef> {
    let map = this.exactFields.get(object.name);
    if (!map) {
      map = new Map(object.fields.map((f) => [f.name, f]));
      this.exactFields.set(object.name, map);
    }
    return map;
  }

  private newId(object: SObjectDef): string {
    // Ids of a fresh database come from the factory alone; a persisted one may hold them already.
    if (this.fresh && !this.indexed) return this.ids.next(object.keyPrefix);
    const exists = this.statements.get(`SELECT 1 FROM ${quoteIdent(object.name)} WHERE "Id" = ?`);
    let id = this.ids.next(object.keyPrefix);
    while (exists.get(id) !== undefined) id = this.ids.next(object.keyPrefix);
    return id;
  }

  /** A persisted database: move the id counters past the ids already used. */
  private skipUsedIds(): void {
    for (const object of this.schema.objects) {
      const n = this.count(object.name);
      for (let i = 0; i < n; i++) this.ids.next(object.keyPrefix);
    }
  }

  private requireObject(name: string): SObjectDef {
    const object = this.schema.object(name);
    if (!object) throw new Error(`unknown sObject ${name}`);
    return object;
  }
}
