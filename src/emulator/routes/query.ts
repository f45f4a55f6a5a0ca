/**
 * `GET /services/data/vXX.X/query?q=` and `/queryAll?q=` (wire spec §6.3). Bad SOQL is a 400 with
 * Salesforce's error codes; the store holds no deleted rows yet, so queryAll answers like query.
 */
import type { EmulatorContext } from '../context';
import { jsonReply, type EmuRequest, type Reply } from '../http';
import type { RestCall } from '../rest/data-api';
import { apiError } from '../rest/errors';
import { SoqlError } from '../soql/errors';
import { executeSoql } from '../soql/execute';

export function queryResource(req: EmuRequest, ctx: EmulatorContext, call: RestCall): Reply {
  const soql = req.query.get('q');
  if (soql === null || soql.trim() === '') return apiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  try {
    return jsonReply(200, executeSoql(soql, { store: ctx.store, userId: call.session.userId, version: call.version }));
  } catch (err) {
    if (err instanceof SoqlError) return apiError(400, err.errorCode, err.message);
    throw err;
  }
}
