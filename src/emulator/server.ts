/**
 * The node:http side: reads each request (body capped), routes it, and writes the Reply. Any exception
 * becomes Salesforce's 500 UNKNOWN_EXCEPTION; nothing a client sends can crash the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { EmulatorContext } from './context';
import { applyFault, faultReply } from './faults';
import type { EmuRequest, Reply } from './http';
import { OAUTH_ERRORS, oauthErrorReply } from './oauth/errors';
import { OAUTH_ROUTES } from './oauth/routes';
import { tokenEndpoint } from './oauth/token';
import { dataApi } from './rest/data-api';
import { apiError, methodNotAllowedReply, notFoundReply, unknownExceptionReply } from './rest/errors';
import { dispatch, findRoute, type Route } from './router';
import { userinfoEndpoint } from './routes/userinfo';
import { versionsResource } from './routes/versions';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

type TopRoute = Route<[EmuRequest, EmulatorContext]>;

const ROUTES: readonly TopRoute[] = [
  {
    pattern: /^\/services\/oauth2\/token\/?$/,
    methods: ['POST'],
    handle: (_m, req, ctx) => tokenEndpoint(req, ctx),
    wrongMethod: () => oauthErrorReply(OAUTH_ERRORS.mustUsePost),
  },
  {
    pattern: /^\/services\/oauth2\/userinfo\/?$/,
    methods: ['GET', 'POST'],
    handle: (_m, req, ctx) => userinfoEndpoint(req, ctx),
    wrongMethod: methodNotAllowedReply,
  },
  ...OAUTH_ROUTES,
  { pattern: /^\/services\/data\/?$/, methods: ['GET'], handle: () => versionsResource(), wrongMethod: methodNotAllowedReply },
  {
    // Authentication comes before method and path checks under a version; data-api routes the rest.
    pattern: /^\/services\/data\/./,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    handle: (_m, req, ctx) => dataApi(req, ctx),
    wrongMethod: methodNotAllowedReply,
  },
];

type BodyResult = { body: Buffer } | { tooLarge: true };

function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { tooLarge: true } : { body: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

function toEmuRequest(req: IncomingMessage, body: Buffer): EmuRequest {
  // Split by hand: new URL() would read a path starting with "//" as a host.
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
    headers: req.headers,
    body,
    ...(req.socket.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}),
  };
}

async function answer(req: IncomingMessage, ctx: EmulatorContext): Promise<Reply> {
  const read = await readBody(req, MAX_BODY_BYTES);
  if ('tooLarge' in read) {
    const reply = apiError(413, 'REQUEST_ENTITY_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    reply.headers.Connection = 'close';
    return reply;
  }
  const request = toEmuRequest(req, read.body);
  const found = findRoute(ROUTES, request.path);
  return found ? dispatch(found, request.method, request, ctx) : notFoundReply();
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = Buffer.from(reply.body, 'utf8');
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', payload.length);
  res.end(payload); // node:http leaves the body out of HEAD responses
}

/** Half of the body under the full Content-Length, then the connection closes: a truncated response. */
function sendTruncated(res: ServerResponse, reply: Reply): void {
  const payload = Buffer.from(reply.body, 'utf8');
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', payload.length);
  res.write(payload.subarray(0, Math.floor(payload.length / 2)));
  setImmediate(() => res.socket?.destroy());
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: EmulatorContext, server: Server): Promise<void> {
  const fault = ctx.faults?.pick((req.url ?? '/').split('?')[0] ?? '/');
  const replaced = fault && faultReply(fault);
  if (replaced) {
    req.resume(); // the body is not needed, but must be read for the connection to be reused
    send(res, replaced);
    return;
  }
  const mode = fault ? await applyFault(fault, req, res, { server, sessions: ctx.sessions }) : 'answer';
  if (mode === 'done') return;
  const reply = await answer(req, ctx).catch(() => unknownExceptionReply());
  if (res.headersSent || res.destroyed) return;
  if (mode === 'truncate') sendTruncated(res, reply);
  else send(res, reply);
}

/** The http listener, or with `tls` (PEM key and certificate) the https one: the same routes and org either way. */
export function createEmulatorServer(ctx: EmulatorContext, tls?: { key: string; cert: string }): Server {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res, ctx, server).catch(() => res.destroy());
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, onRequest) : createServer(onRequest);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
