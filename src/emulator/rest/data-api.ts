/**
 * Everything under `/services/data/vXX.X/`: bearer authentication (`Bearer` or `OAuth` scheme), API
 * usage counting, the version check and the resource routes. Every answer given to an authenticated
 * caller carries `Sforce-Limit-Info: api-usage=<used>/<max>` (wire spec §6).
 */
import type { EmulatorContext } from '../context';
import { authorizationCredential, type EmuRequest, type Reply } from '../http';
import type { Session } from '../oauth/session';
import { dispatch, findRoute, type Route } from '../router';
import { queryResource } from '../routes/query';
import { resourcesByVersion } from '../routes/resources';
import { isSupportedVersion } from '../routes/versions';
import { invalidSessionReply, methodNotAllowedReply, notFoundReply } from './errors';

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
  { pattern: /^\/queryAll\/?$/, methods: ['GET'], handle: (_m, req, ctx, call) => queryResource(req, ctx, call), wrongMethod: methodNotAllowedReply },
];

const VERSIONED_PATH = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/;

export async function dataApi(req: EmuRequest, ctx: EmulatorContext): Promise<Reply> {
  const token = authorizationCredential(req, ['Bearer', 'OAuth']);
  const session = token === undefined ? undefined : ctx.sessions.use(token);
  if (!session) return invalidSessionReply();
  ctx.apiUsage.used += 1;
  const reply = await route(req, ctx, session);
  reply.headers['Sforce-Limit-Info'] = `api-usage=${ctx.apiUsage.used}/${ctx.apiUsage.max}`;
  return reply;
}

async function route(req: EmuRequest, ctx: EmulatorContext, session: Session): Promise<Reply> {
  const versioned = VERSIONED_PATH.exec(req.path);
  const version = versioned?.[1];
  if (!versioned || version === undefined || !isSupportedVersion(version)) return notFoundReply();
  const found = findRoute(RESOURCES, versioned[2] ?? '');
  if (!found) return notFoundReply();
  return dispatch(found, req.method, req, ctx, { session, version });
}
