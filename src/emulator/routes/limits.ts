/**
 * `GET /services/data/vXX.X/limits` (wire spec §8): limit name -> {Max, Remaining}. DailyApiRequests
 * counts the same real requests as Sforce-Limit-Info (this request included), so used = Max - Remaining.
 */
import type { EmulatorContext } from '../context';
import { jsonReply, type Reply } from '../http';

const STATIC_LIMITS: Record<string, number> = {
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentSyncReportRuns: 20,
  DailyAsyncApexExecutions: 250000,
  DailyBulkApiBatches: 15000,
  DailyBulkV2QueryFileStorageMB: 976562,
  DailyBulkV2QueryJobs: 10000,
  DailyDurableGenericStreamingApiEvents: 10000,
  DailyDurableStreamingApiEvents: 10000,
  DailyGenericStreamingApiEvents: 10000,
  DailyStandardVolumePlatformEvents: 10000,
  DailyStreamingApiEvents: 10000,
  DailyWorkflowEmails: 390,
  DataStorageMB: 5,
  FileStorageMB: 20,
  HourlyODataCallout: 10000,
  MassEmail: 10,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20,
};

export function limitsResource(ctx: EmulatorContext): Reply {
  const body: Record<string, { Max: number; Remaining: number }> = {};
  const all: [string, number, number][] = [
    ...Object.entries(STATIC_LIMITS).map(([name, max]): [string, number, number] => [name, max, max]),
    ['DailyApiRequests', ctx.apiUsage.max, Math.max(0, ctx.apiUsage.max - ctx.apiUsage.used)],
  ];
  all.sort((a, b) => a[0].localeCompare(b[0]));
  for (const [name, max, remaining] of all) body[name] = { Max: max, Remaining: remaining };
  return jsonReply(200, body);
}
