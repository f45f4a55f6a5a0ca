import { SfcheckError } from '../errors';
import { cliReporter } from './cli';
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import type { ReporterFactory } from './reporter';

export { Redactor, REDACTED } from './redact';
export type { Reporter, ReporterContext, ReporterFactory, ReportExports } from './reporter';
export { renderJunit, JUNIT_FILE, xmlEscape } from './junit';
export { renderHtml, HTML_FILE, templatePath } from './html';
export { REPORT_JSON_FILE } from './json';
export { apiUsage, apiUsageText, INSECURE_NOTE, runProperties, type ApiUsage } from './facts';
export { ttyProgress, colorWanted, progressWanted } from './tty';
export { mergeJunit, findJunitFiles, labelsFor } from './merge';
export { writeReportFile } from './write';

export const REPORTERS: Readonly<Record<string, ReporterFactory>> = {
  cli: cliReporter,
  junit: junitReporter,
  json: jsonReporter,
  html: htmlReporter,
};

export const DEFAULT_REPORTERS = ['cli', 'junit', 'json', 'html'] as const;

export function reporterFactory(name: string): ReporterFactory {
  const f = REPORTERS[name];
  if (!f) {
    throw new SfcheckError(
      'SFCHECK_UNKNOWN_REPORTER',
      `unknown reporter "${name}"`,
      `use a comma-separated list of: ${Object.keys(REPORTERS).join(', ')} (e.g. -r cli,junit,html)`,
    );
  }
  return f;
}
