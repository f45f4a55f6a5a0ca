/** reports/report.json: the checked result tree, redacted. */
import { diagnosisCodes } from '../check';
import { apiUsage, runProperties } from './facts';
import type { ReporterFactory } from './reporter';
import { writeReportFile } from './write';

export const REPORT_JSON_FILE = 'report.json';

export const jsonReporter: ReporterFactory = (ctx) => {
  const written: string[] = [];
  return {
    name: 'json',
    onChecked(run) {
      const doc = { sfcheckReport: 1, ...ctx.redactor.deep({ ...run, diagnoses: diagnosisCodes(run), apiUsage: apiUsage(run.requests) ?? null, properties: runProperties(run) }) };
      written.push(writeReportFile(ctx.outDir, ctx.exports?.json ?? REPORT_JSON_FILE, `${JSON.stringify(doc, null, 2)}\n`));
    },
    files: () => written,
  };
};
