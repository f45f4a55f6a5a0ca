/**
 * Field paths in SOQL (`Name`, `Account.Name`, `Account.Owner.Name`): resolution against the schema,
 * with Salesforce's INVALID_FIELD texts.
 */
import type { FieldDef, Schema, SObjectDef } from '../data/schema';
import { SOQL_TEXT } from './errors';

export interface ResolvedPath {
  /** The path as the query spelled it (after an alias prefix is dropped). */
  text: string;
  /** Reference fields walked, root first (`AccountId` for `Account.Name` on Contact). */
  hops: FieldDef[];
  /** Objects reached by each hop (`Account` for `Account.Name` on Contact). */
  objects: SObjectDef[];
  field: FieldDef;
}

export type PathResult = { path: ResolvedPath } | { error: string };

export function resolvePath(schema: Schema, root: SObjectDef, rawPath: string, alias?: string): PathResult {
  let segments = rawPath.split('.');
  const first = segments[0]!.toLowerCase();
  // `SELECT a.Name FROM Account a` and `SELECT Account.Name FROM Account` name the root itself.
  if (segments.length > 1 && (first === alias?.toLowerCase() || (first === root.name.toLowerCase() && !schema.relationship(root, first)))) {
    segments = segments.slice(1);
  }
  const hops: FieldDef[] = [];
  const objects: SObjectDef[] = [];
  let current = root;
  for (const relationship of segments.slice(0, -1)) {
    const hop = schema.relationship(current, relationship);
    const target = hop?.referenceTo?.[0] === undefined ? undefined : schema.object(hop.referenceTo[0]);
    if (!hop || !target) return { error: SOQL_TEXT.badRelationship(relationship) };
    hops.push(hop);
    objects.push(target);
    current = target;
  }
  const name = segments[segments.length - 1]!;
  const field = schema.field(current, name);
  if (!field) return { error: SOQL_TEXT.noSuchColumn(name, current.name) };
  return { path: { text: segments.join('.'), hops, objects, field } };
}
