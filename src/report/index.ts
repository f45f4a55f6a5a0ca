import { SfcheckError } from '../errors';
import { cliReporter } from './cli';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import type { ReporterFactory } from './reporter';

export { Redactor, REDACTED } from './redact';
export type { Reporter, ReporterContext, ReporterFactory } from './reporter';
export { renderJunit, JUNIT_FILE } from './junit';
export { REPORT_JSON_FILE } from './json';

export const REPORTERS: Readonly<Record<string, ReporterFactory>> = {
  cli: cliReporter,
  junit: junitReporter,
  json: jsonReporter,
};

export const DEFAULT_REPORTERS = ['cli', 'junit', 'json'] as const;

export function reporterFactory(name: string): ReporterFactory {
  const f = REPORTERS[name];
  if (!f) {
    throw new SfcheckError(
      'SFCHECK_UNKNOWN_REPORTER',
      `unknown reporter "${name}"`,
      `use a comma-separated list of: ${Object.keys(REPORTERS).join(', ')} (e.g. -r cli,junit)`,
    );
  }
  return f;
}
