/**
 * `/services/data/vXX.X/sobjects/<Type>` (wire spec §7.2, §7.4): GET gives the basic info
 * (`objectDescribe` and the user's most recently changed records as `recentItems`); POST creates a
 * record: 201 `{id, success, errors: []}`, or the error array of the first problem found (a profile without Create
 * on the object: `createWithoutPermission`, 403 INSUFFICIENT_ACCESS_OR_READONLY by default).
 */
import type { EmulatorContext } from '../context';
import { formatDateTime } from '../data/datetime';
import { jsonReply, type EmuRequest, type Reply } from '../http';
import { canModifyObject } from '../data/sharing';
import { callerAccess } from '../rest/access';
import type { RestCall } from '../rest/data-api';
import { pathSegment } from '../rest/path';
import { DATA_OBJECTS, globalEntry, requiredFields } from '../rest/describe';
import { apiError, apiErrorReply, notFoundReply } from '../rest/errors';
import { parseRecordBody } from '../rest/record-body';
import { runSoql } from '../soql/execute';

export function sobjectResource(type: string, req: EmuRequest, ctx: EmulatorContext, call: RestCall): Reply {
  const object = ctx.store.schema.object(pathSegment(type));
  if (!object) return notFoundReply();
  if (req.method !== 'POST') {
    const dated = object.fields.some((f) => f.name === 'LastModifiedDate');
    const run = runSoql(`SELECT Id, Name FROM ${object.name}${dated ? ' ORDER BY LastModifiedDate DESC' : ''} LIMIT 5`, {
      store: ctx.store, access: callerAccess(ctx, call), now: ctx.data.now(),
    });
    return jsonReply(200, { objectDescribe: globalEntry(object, call.version), recentItems: run.rows.map((r) => run.project(r, call.version)) });
  }
  if (!DATA_OBJECTS.has(object.name)) return apiError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  if (!canModifyObject(object.name, callerAccess(ctx, call))) {
    const refused = ctx.data.createWithoutPermission; // [UNVERIFIED] what Salesforce answers without Create
    return apiError(refused.status, refused.errorCode, refused.message);
  }
  const parsed = parseRecordBody(req.body, ctx.store.schema, object, true);
  if ('errors' in parsed) return apiErrorReply(parsed.status, parsed.errors);
  const missing = requiredFields(object).filter((f) => parsed.values[f.name] === undefined || parsed.values[f.name] === null || parsed.values[f.name] === '');
  if (missing.length > 0) {
    const names = missing.map((f) => f.name);
    return apiErrorReply(400, [{ message: `Required fields are missing: [${names.join(', ')}]`, errorCode: 'REQUIRED_FIELD_MISSING', fields: names }]);
  }
  const at = formatDateTime(ctx.data.now());
  const userId = call.session.userId;
  const owned = object.fields.some((f) => f.name === 'OwnerId') ? { OwnerId: userId } : {};
  const record = ctx.store.insert(object.name, {
    ...owned, ...parsed.values,
    CreatedDate: at, CreatedById: userId, LastModifiedDate: at, LastModifiedById: userId, SystemModstamp: at,
  });
  return jsonReply(201, { id: String(record.values.Id), success: true, errors: [] });
}
