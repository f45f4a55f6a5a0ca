/**
 * One error type for everything sfcheck reports to a user: a stable code (for docs, tests and CI greps),
 * a message that names what is wrong, a hint that says how to fix it, and the exit code the CLI should use.
 * Shared by every layer except the sealed emulator.
 */
export const EXIT = {
  OK: 0,
  CHECK_FAILED: 1,
  USAGE: 2,
  RUNTIME: 3,
  /** Stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal number, as shells report it. */
  SIGINT: 130,
  SIGTERM: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type ErrorCode =
  | 'SFCHECK_USAGE'
  | 'SFCHECK_MISSING_VARIABLES'
  | 'SFCHECK_BAD_VARIABLE'
  | 'SFCHECK_UNKNOWN_ENV'
  | 'SFCHECK_FILE_UNREADABLE'
  | 'SFCHECK_BAD_JSON'
  | 'SFCHECK_BAD_COLLECTION'
  | 'SFCHECK_BAD_ENVIRONMENT'
  | 'SFCHECK_BAD_DATA_FILE'
  | 'SFCHECK_BAD_CA_CERTS'
  | 'SFCHECK_UNKNOWN_REPORTER'
  | 'SFCHECK_OUT_NOT_WRITABLE'
  | 'SFCHECK_GENERATED_STALE'
  | 'SFCHECK_ENGINE_CRASH'
  | 'SFCHECK_EMULATOR_START'
  | 'SFCHECK_REPORT_TEMPLATE'
  | 'SFCHECK_NO_REPORTS'
  | 'SFCHECK_JWT_KEY'
  | 'SFCHECK_LOGIN_DENIED'
  | 'SFCHECK_LOGIN_STATE'
  | 'SFCHECK_LOGIN_TIMEOUT'
  | 'SFCHECK_LOGIN_PORT_BUSY'
  | 'SFCHECK_LOGIN_FAILED'
  | 'SFCHECK_NO_REFRESH_TOKEN';

const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  SFCHECK_USAGE: EXIT.USAGE,
  SFCHECK_MISSING_VARIABLES: EXIT.USAGE,
  SFCHECK_BAD_VARIABLE: EXIT.USAGE,
  SFCHECK_UNKNOWN_ENV: EXIT.USAGE,
  SFCHECK_FILE_UNREADABLE: EXIT.USAGE,
  SFCHECK_BAD_JSON: EXIT.USAGE,
  SFCHECK_BAD_COLLECTION: EXIT.USAGE,
  SFCHECK_BAD_ENVIRONMENT: EXIT.USAGE,
  SFCHECK_BAD_DATA_FILE: EXIT.USAGE,
  SFCHECK_BAD_CA_CERTS: EXIT.USAGE,
  SFCHECK_UNKNOWN_REPORTER: EXIT.USAGE,
  SFCHECK_OUT_NOT_WRITABLE: EXIT.USAGE,
  SFCHECK_GENERATED_STALE: EXIT.CHECK_FAILED,
  SFCHECK_ENGINE_CRASH: EXIT.RUNTIME,
  SFCHECK_EMULATOR_START: EXIT.RUNTIME,
  SFCHECK_REPORT_TEMPLATE: EXIT.RUNTIME,
  SFCHECK_NO_REPORTS: EXIT.USAGE,
  SFCHECK_JWT_KEY: EXIT.USAGE,
  // The user (or the org) refused access, or the answer did not belong to our request: the login did not prove access.
  SFCHECK_LOGIN_DENIED: EXIT.CHECK_FAILED,
  SFCHECK_LOGIN_STATE: EXIT.CHECK_FAILED,
  SFCHECK_LOGIN_FAILED: EXIT.CHECK_FAILED,
  SFCHECK_LOGIN_TIMEOUT: EXIT.RUNTIME,
  SFCHECK_LOGIN_PORT_BUSY: EXIT.USAGE,
  SFCHECK_NO_REFRESH_TOKEN: EXIT.USAGE,
};

export class SfcheckError extends Error {
  override readonly name = 'SfcheckError';
  readonly code: ErrorCode;
  readonly hint: string;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.hint = hint;
    this.exitCode = EXIT_BY_CODE[code];
  }
}

export function isSfcheckError(e: unknown): e is SfcheckError {
  return e instanceof SfcheckError;
}
