/** The sharing view of the caller of a REST request. */
import type { EmulatorContext } from '../context';
import { accessFor } from '../data/sharing';
import type { QueryAccess } from '../soql/env';
import type { RestCall } from './data-api';

export function callerAccess(ctx: EmulatorContext, call: RestCall): QueryAccess {
  return accessFor(ctx.org, ctx.data, call.session.userId);
}
