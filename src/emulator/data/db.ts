/**
 * The SQLite side of the record store: one table per sObject with typed columns (text types collate
 * case-insensitively, as SOQL compares them), indexes on Id, OwnerId, AccountId and Name, and a small
 * per-database cache of prepared statements keyed by SQL text (one entry per query shape).
 */
import Database from 'better-sqlite3';
import type { FieldDef, Schema, SObjectDef } from './schema';

export type Db = Database.Database;
export type SqlValue = string | number | bigint | null;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Column affinity and collation of a field. Ids compare exactly; other text compares case-insensitively. */
export function columnType(field: FieldDef): string {
  switch (field.type) {
    case 'id':
    case 'reference':
      return 'TEXT';
    case 'boolean':
    case 'int':
      return 'INTEGER';
    case 'double':
    case 'currency':
      return 'REAL';
    case 'date':
    case 'datetime':
      return 'TEXT';
    default:
      return 'TEXT COLLATE NOCASE';
  }
}

const INDEXED = ['OwnerId', 'AccountId', 'Name', 'CreatedDate', 'Industry', 'LastName'];

function createTable(db: Db, object: SObjectDef): void {
  const columns = object.fields.map((f) => `${quoteIdent(f.name)} ${columnType(f)}${f.name === 'Id' ? ' NOT NULL' : ''}`);
  db.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(object.name)} (${columns.join(', ')})`);
}

/** Indexes are built after a bulk load: one sort per index instead of a b-tree insert per row. */
export function createIndexes(db: Db, schema: Schema): void {
  for (const object of schema.objects) createObjectIndexes(db, object);
}

function createObjectIndexes(db: Db, object: SObjectDef): void {
  db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdent(`${object.name}_Id`)} ON ${quoteIdent(object.name)} ("Id")`);
  for (const name of INDEXED) {
    if (object.fields.some((f) => f.name === name)) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${object.name}_${name}`)} ON ${quoteIdent(object.name)} (${quoteIdent(name)})`);
    }
  }
}

export interface OpenedDb {
  db: Db;
  /** False when a persisted file already held seeded data. */
  fresh: boolean;
}

/** In memory by default; a file keeps the data between runs (seeded once, on first use). */
export function openDatabase(schema: Schema, file?: string): OpenedDb {
  const db = new Database(file ?? ':memory:');
  if (file) db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS "_sfcheck_meta" (key TEXT PRIMARY KEY, value TEXT)');
  const seeded = db.prepare('SELECT value FROM "_sfcheck_meta" WHERE key = ?').get('seeded') !== undefined;
  for (const object of schema.objects) createTable(db, object);
  if (seeded) createIndexes(db, schema);
  return { db, fresh: !seeded };
}

export function markSeeded(db: Db, schema: Schema): void {
  createIndexes(db, schema);
  db.prepare('INSERT OR REPLACE INTO "_sfcheck_meta" (key, value) VALUES (?, ?)').run('seeded', new Date(0).toISOString());
}

/** Prepared statements by SQL text, least recently used dropped past `capacity`. */
export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly capacity = 500,
  ) {}

  get(sql: string): Database.Statement {
    const hit = this.cache.get(sql);
    if (hit) {
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const statement = this.db.prepare(sql);
    this.cache.set(sql, statement);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    return statement;
  }

  get size(): number {
    return this.cache.size;
  }
}
