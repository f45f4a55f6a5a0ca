/** `GET /services/data/vXX.X/sobjects` (wire spec §7.1): describeGlobal. */
import type { EmulatorContext } from '../context';
import { jsonReply, type Reply } from '../http';
import type { RestCall } from '../rest/data-api';
import { globalEntry } from '../rest/describe';

export function describeGlobalResource(ctx: EmulatorContext, call: RestCall): Reply {
  const sobjects = [...ctx.store.schema.objects].sort((a, b) => a.name.localeCompare(b.name)).map((o) => globalEntry(o, call.version));
  return jsonReply(200, { encoding: 'UTF-8', maxBatchSize: 200, sobjects });
}
