/** reports/report.json: the checked result tree, redacted. */
import type { ReporterFactory } from './reporter';
import { writeReportFile } from './write';

export const REPORT_JSON_FILE = 'report.json';

export const jsonReporter: ReporterFactory = (ctx) => {
  const written: string[] = [];
  return {
    name: 'json',
    onChecked(run) {
      const doc = { sfcheckReport: 1, ...ctx.redactor.deep(run) };
      written.push(writeReportFile(ctx.outDir, REPORT_JSON_FILE, `${JSON.stringify(doc, null, 2)}\n`));
    },
    files: () => written,
  };
};
