/**
 * REST API error bodies (wire spec §6.4): always a JSON array. Key order follows the captured
 * responses: `message` first in most, `errorCode` first in NOT_FOUND and UNKNOWN_EXCEPTION.
 */
import { randomInt } from 'node:crypto';
import { jsonReply, type Reply } from '../http';

export interface ApiError {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** Headers a real 401 carries besides the content type. */
const NO_CACHE = 'no-cache,must-revalidate,max-age=0,no-store,private';

export function apiErrorReply(status: number, errors: ApiError[]): Reply {
  return jsonReply(status, errors);
}

export function apiError(status: number, errorCode: string, message: string): Reply {
  return apiErrorReply(status, [{ message, errorCode }]);
}

export function notFoundReply(): Reply {
  return jsonReply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
}

export function invalidSessionReply(): Reply {
  return jsonReply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { 'Cache-Control': NO_CACHE });
}

export function methodNotAllowedReply(method: string, allowed: readonly string[]): Reply {
  return apiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);
}

/** 500 with an ErrorId shaped like Salesforce's (`<n>-<n> (<-n>)`). */
export function unknownExceptionReply(): Reply {
  const errorId = `${randomInt(1e9, 2e9)}-${randomInt(1e4, 1e5)} (${-randomInt(1e8, 2e9)})`;
  return jsonReply(500, [
    { errorCode: 'UNKNOWN_EXCEPTION', message: `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}` },
  ]);
}
