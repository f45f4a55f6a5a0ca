/**
 * `GET /services/data/vXX.X/query?q=` and `/queryAll?q=` (wire spec §6.3), and queryMore at
 * `/query/<locator>-<offset>` (also under `/queryAll/` and any version). Results come in batches of
 * `Sforce-Query-Options: batchSize` (200–2000, default 2000); totalSize is the full count and
 * `done:false` comes with a nextRecordsUrl, which always says `/query/`. Bad SOQL is a 400 with
 * Salesforce's error codes, never a 500.
 */
import type { EmulatorContext } from '../context';
import { header, jsonReply, type EmuRequest, type Reply } from '../http';
import { callerAccess } from '../rest/access';
import type { RestCall } from '../rest/data-api';
import { pathSegment } from '../rest/path';
import { apiError } from '../rest/errors';
import { batchSizeOf } from '../soql/cursors';
import { SOQL_TEXT, SoqlError } from '../soql/errors';
import { runSoql, type QueryRun } from '../soql/execute';

function page(ctx: EmulatorContext, run: QueryRun, cursorId: string | undefined, offset: number, batchSize: number, call: RestCall): Reply {
  const { version } = call;
  const slice = run.rows.slice(offset, offset + batchSize);
  const records = slice.map((row) => run.project(row, version));
  const next = offset + batchSize < run.rows.length;
  let id = cursorId;
  if (next && id === undefined) id = ctx.cursors.open(run, batchSize, call.session.userId);
  const body = next
    ? { totalSize: run.totalSize, done: false, nextRecordsUrl: `/services/data/v${version}/query/${id ?? ''}-${offset + batchSize}`, records }
    : { totalSize: run.totalSize, done: true, records };
  return jsonReply(200, body);
}

export function queryResource(req: EmuRequest, ctx: EmulatorContext, call: RestCall, includeDeleted = false): Reply {
  const soql = req.query.get('q');
  if (soql === null || soql.trim() === '') return apiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  let run: QueryRun;
  try {
    run = runSoql(soql, {
      store: ctx.store,
      access: callerAccess(ctx, call),
      now: ctx.data.now(),
      includeDeleted,
      emptyChildResult: ctx.data.emptyChildResult,
    });
  } catch (err) {
    if (err instanceof SoqlError) return apiError(400, err.errorCode, err.message);
    // Safety net: a query the engine cannot run is the client's 400, never a 500.
    return apiError(400, 'MALFORMED_QUERY', SOQL_TEXT.notEmulated('This query'));
  }
  if (run.countOnly) return jsonReply(200, { totalSize: run.totalSize, done: true, records: [] });
  return page(ctx, run, undefined, 0, batchSizeOf(header(req, 'sforce-query-options')), call);
}

export function queryMoreResource(locator: string, req: EmuRequest, ctx: EmulatorContext, call: RestCall): Reply {
  const found = ctx.cursors.resolve(pathSegment(locator), call.session.userId);
  if (!found) return apiError(ctx.data.invalidQueryLocator.status, 'INVALID_QUERY_LOCATOR', ctx.data.invalidQueryLocator.message);
  const asked = header(req, 'sforce-query-options');
  const batchSize = asked === undefined ? found.cursor.batchSize : batchSizeOf(asked);
  return page(ctx, found.cursor.run, found.id, found.offset, batchSize, call);
}
