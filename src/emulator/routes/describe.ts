/** `GET /services/data/vXX.X/sobjects/<Type>/describe` (wire spec §7.3); unknown type: 404 NOT_FOUND. */
import type { EmulatorContext } from '../context';
import { jsonReply, type Reply } from '../http';
import type { RestCall } from '../rest/data-api';
import { pathSegment } from '../rest/path';
import { describeObject } from '../rest/describe';
import { notFoundReply } from '../rest/errors';

export function describeResource(type: string, ctx: EmulatorContext, call: RestCall): Reply {
  const object = ctx.store.schema.object(pathSegment(type));
  if (!object) return notFoundReply();
  return jsonReply(200, describeObject(ctx.store.schema, object, call.version, ctx.baseUrl));
}
