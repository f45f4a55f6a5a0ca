/**
 * Everything under `/services/data/vXX.X/`: bearer authentication (`Bearer` or `OAuth` scheme), API
 * usage counting, the version check and the resource routes. An Authorization header of another scheme (or the token
 * alone) is 401 INVALID_AUTH_HEADER `INVALID_HEADER_TYPE`. Every answer given to an authenticated
 * caller carries `Sforce-Limit-Info: api-usage=<used>/<max>` (wire spec §6); once the daily limit is
 * spent every call is 403 REQUEST_LIMIT_EXCEEDED `TotalRequests Limit exceeded.` and is not counted. A user whose
 * profile lacks "API Enabled" gets 403 API_DISABLED_FOR_ORG.
 */
import type { EmulatorContext } from '../context';
import { authorizationCredential, header, type EmuRequest, type Reply } from '../http';
import type { Session } from '../oauth/session';
import { findUserById } from '../org';
import { dispatch, findRoute, type Route } from '../router';
import { describeResource } from '../routes/describe';
import { describeGlobalResource } from '../routes/describe-global';
import { limitsResource } from '../routes/limits';
import { queryMoreResource, queryResource } from '../routes/query';
import { recordResource } from '../routes/record';
import { resourcesByVersion } from '../routes/resources';
import { sobjectResource } from '../routes/sobject';
import { isSupportedVersion } from '../routes/versions';
import { apiError, invalidSessionReply, methodNotAllowedReply, notFoundReply } from './errors';

export interface RestCall {
  session: Session;
  /** `58.0`, without the `v`. */
  version: string;
}

type ResourceRoute = Route<[EmuRequest, EmulatorContext, RestCall]>;

/** Paths relative to `/services/data/vXX.X`. */
const RESOURCES: readonly ResourceRoute[] = [
  { pattern: /^\/?$/, methods: ['GET'], handle: (_m, _req, ctx, call) => resourcesByVersion(ctx, call), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/query\/?$/, methods: ['GET'], handle: (_m, req, ctx, call) => queryResource(req, ctx, call), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/queryAll\/?$/, methods: ['GET'], handle: (_m, req, ctx, call) => queryResource(req, ctx, call, true), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/query(?:All)?\/([^/]+)\/?$/, methods: ['GET'], handle: (m, req, ctx, call) => queryMoreResource(m[1]!, req, ctx, call), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/limits\/?$/, methods: ['GET'], handle: (_m, _req, ctx) => limitsResource(ctx), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/sobjects\/?$/, methods: ['GET'], handle: (_m, _req, ctx, call) => describeGlobalResource(ctx, call), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/sobjects\/([^/]+)\/?$/, methods: ['GET', 'HEAD', 'POST'], handle: (m, req, ctx, call) => sobjectResource(m[1]!, req, ctx, call), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/sobjects\/([^/]+)\/describe\/?$/, methods: ['GET'], handle: (m, _req, ctx, call) => describeResource(m[1]!, ctx, call), wrongMethod: methodNotAllowedReply },
  { pattern: /^\/sobjects\/([^/]+)\/([^/]+)\/?$/, methods: ['GET', 'HEAD', 'PATCH', 'DELETE'], handle: (m, req, ctx, call) => recordResource(m[1]!, m[2]!, req, ctx, call), wrongMethod: methodNotAllowedReply },
];

const VERSIONED_PATH = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/;

export async function dataApi(req: EmuRequest, ctx: EmulatorContext): Promise<Reply> {
  const token = authorizationCredential(req, ['Bearer', 'OAuth']);
  // An Authorization header that is not `Bearer|OAuth <token>` (another scheme, or the token alone).
  if (token === undefined && header(req, 'authorization')) return apiError(401, 'INVALID_AUTH_HEADER', 'INVALID_HEADER_TYPE');
  const session = token === undefined ? undefined : ctx.sessions.use(token);
  if (!session) return invalidSessionReply();
  // A profile without "API Enabled": refused before anything is counted.
  if (findUserById(ctx.org, session.userId)?.permissions.apiEnabled === false) {
    return apiError(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.');
  }
  const spent = ctx.apiUsage.used >= ctx.apiUsage.max;
  if (!spent) ctx.apiUsage.used += 1;
  const reply = spent ? apiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.') : await route(req, ctx, session);
  reply.headers['Sforce-Limit-Info'] = `api-usage=${ctx.apiUsage.used}/${ctx.apiUsage.max}`;
  return reply;
}

async function route(req: EmuRequest, ctx: EmulatorContext, session: Session): Promise<Reply> {
  const versioned = VERSIONED_PATH.exec(req.path);
  const version = versioned?.[1];
  if (!versioned || version === undefined || !isSupportedVersion(version)) return notFoundReply();
  const found = findRoute(RESOURCES, versioned[2] ?? '');
  if (!found) return notFoundReply();
  // `POST ...?_HttpMethod=PATCH` is an accepted override for clients that cannot send PATCH.
  const override = req.method === 'POST' && req.query.get('_HttpMethod')?.toUpperCase() === 'PATCH';
  const request = override ? { ...req, method: 'PATCH' } : req;
  return dispatch(found, request.method, request, ctx, { session, version });
}
