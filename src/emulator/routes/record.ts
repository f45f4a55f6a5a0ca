/**
 * `/services/data/vXX.X/sobjects/<Type>/<id>` (wire spec §7.4): GET (all fields, or `?fields=`),
 * PATCH (204), DELETE (204, soft: queryAll still sees it; children of an account go with it).
 * A malformed id is 404 "Provided external ID field does not exist or is not accessible", an id with
 * a bad checksum 400 MALFORMED_ID, a deleted record 404 ENTITY_IS_DELETED, a record of another user
 * on a Private object 404 NOT_FOUND (configurable: 403 INSUFFICIENT_ACCESS) on GET and 403
 * INSUFFICIENT_ACCESS_OR_READONLY on writes, as is a write on an object the profile may only read.
 */
import type { EmulatorContext } from '../context';
import { formatDateTime } from '../data/datetime';
import type { FieldDef, SObjectDef } from '../data/schema';
import { canEdit, canModifyObject, canRead } from '../data/sharing';
import type { StoredRecord } from '../data/store';
import { jsonReply, type EmuRequest, type Reply } from '../http';
import { normalizeId } from '../ids';
import { callerAccess } from '../rest/access';
import type { RestCall } from '../rest/data-api';
import { pathSegment } from '../rest/path';
import { DATA_OBJECTS } from '../rest/describe';
import { apiError, apiErrorReply, notFoundReply } from '../rest/errors';
import { parseRecordBody } from '../rest/record-body';
import { recordUrl } from '../soql/compile';
import { SOQL_TEXT } from '../soql/errors';

const NO_ACCESS = 'insufficient access rights on object id';

function noContent(): Reply {
  return { status: 204, headers: {}, body: '' };
}

type Found = { record: StoredRecord; object: SObjectDef } | { reply: Reply };

function find(type: string, rawId: string, ctx: EmulatorContext): Found {
  const object = ctx.store.schema.object(pathSegment(type));
  if (!object) return { reply: notFoundReply() };
  const value = pathSegment(rawId);
  const id = normalizeId(value);
  if (!id) {
    if (/^[0-9A-Za-z]{18}$/.test(value)) {
      return { reply: apiErrorReply(400, [{ message: `${object.label} ID: id value of incorrect type: ${value}`, errorCode: 'MALFORMED_ID', fields: ['Id'] }]) };
    }
    return { reply: apiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${value}`) };
  }
  const record = id.startsWith(object.keyPrefix) ? ctx.store.get(id) : undefined;
  if (!record) return { reply: notFoundReply() };
  if (record.values.IsDeleted === true) return { reply: jsonReply(404, [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]) };
  return { record, object };
}

export function recordResource(type: string, rawId: string, req: EmuRequest, ctx: EmulatorContext, call: RestCall): Reply {
  const found = find(type, rawId, ctx);
  if ('reply' in found) return found.reply;
  const { record, object } = found;
  const access = callerAccess(ctx, call);
  if (!canRead(record, access)) {
    if (req.method === 'GET' || req.method === 'HEAD') {
      return ctx.data.hiddenRecord === 'NOT_FOUND' ? notFoundReply() : apiError(403, 'INSUFFICIENT_ACCESS', NO_ACCESS);
    }
    return apiError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS);
  }
  if (req.method === 'GET' || req.method === 'HEAD') return retrieve(record, object, req, call);
  const writable = DATA_OBJECTS.has(object.name) && canModifyObject(object.name, access) && canEdit(record, access, ctx.data);
  if (!writable) return apiError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS);
  const at = formatDateTime(ctx.data.now());
  const stamp = { LastModifiedDate: at, LastModifiedById: call.session.userId, SystemModstamp: at };
  if (req.method === 'DELETE') {
    ctx.store.update(record, { IsDeleted: true, ...stamp });
    for (const { child, field } of ctx.store.schema.childReferences(object)) {
      if (!DATA_OBJECTS.has(child.name) || !field.childRelationshipName) continue;
      ctx.store.db.prepare(`UPDATE "${child.name}" SET "IsDeleted" = 1 WHERE "${field.name}" = ?`).run(String(record.values.Id));
    }
    return noContent();
  }
  const parsed = parseRecordBody(req.body, ctx.store.schema, object, false);
  if ('errors' in parsed) return apiErrorReply(parsed.status, parsed.errors);
  ctx.store.update(record, { ...parsed.values, ...stamp });
  return noContent();
}

function retrieve(record: StoredRecord, object: SObjectDef, req: EmuRequest, call: RestCall): Reply {
  let fields: FieldDef[] = object.fields;
  const asked = req.query.get('fields');
  if (asked !== null) {
    fields = [];
    for (const name of asked.split(',').map((n) => n.trim()).filter((n) => n !== '')) {
      const field = object.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
      if (!field) return apiError(400, 'INVALID_FIELD', SOQL_TEXT.noSuchColumn(name, object.name));
      if (!fields.includes(field)) fields.push(field);
    }
    const idField = object.fields.find((f) => f.name === 'Id');
    if (idField && !fields.includes(idField)) fields.push(idField);
  }
  const id = String(record.values.Id);
  const body: Record<string, unknown> = { attributes: { type: object.name, url: recordUrl(call.version, object.name, id) } };
  for (const field of fields) body[field.name] = record.values[field.name] ?? null;
  return jsonReply(200, body);
}
