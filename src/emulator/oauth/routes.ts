/**
 * Top-level routes of the OAuth server and the identity service, spread into ROUTES in server.ts:
 * authorize, revoke, introspect, discovery, JWKS and the identity URL. (token and userinfo stay in server.ts.)
 */
import { authorizeEndpoint } from '../authorize/endpoint';
import type { EmulatorContext } from '../context';
import type { EmuRequest } from '../http';
import { identityEndpoint } from '../identity/id-endpoint';
import { methodNotAllowedReply } from '../rest/errors';
import type { Route } from '../router';
import { jwksEndpoint, openidConfiguration } from './discovery';
import { OAUTH_ERRORS, oauthErrorReply } from './errors';
import { introspectEndpoint } from './introspect';
import { revokeEndpoint } from './revoke';

export const OAUTH_ROUTES: readonly Route<[EmuRequest, EmulatorContext]>[] = [
  {
    pattern: /^\/services\/oauth2\/authorize\/?$/,
    methods: ['GET', 'POST'],
    handle: (_m, req, ctx) => authorizeEndpoint(req, ctx),
    wrongMethod: methodNotAllowedReply,
  },
  {
    pattern: /^\/services\/oauth2\/revoke\/?$/,
    methods: ['GET', 'POST'],
    handle: (_m, req, ctx) => revokeEndpoint(req, ctx),
    wrongMethod: methodNotAllowedReply,
  },
  {
    pattern: /^\/services\/oauth2\/introspect\/?$/,
    methods: ['POST'],
    handle: (_m, req, ctx) => introspectEndpoint(req, ctx),
    wrongMethod: () => oauthErrorReply(OAUTH_ERRORS.mustUsePost),
  },
  {
    pattern: /^\/\.well-known\/openid-configuration\/?$/,
    methods: ['GET'],
    handle: (_m, req, ctx) => openidConfiguration(req, ctx),
    wrongMethod: methodNotAllowedReply,
  },
  { pattern: /^\/id\/keys\/?$/, methods: ['GET'], handle: (_m, _req, ctx) => jwksEndpoint(ctx), wrongMethod: methodNotAllowedReply },
  {
    pattern: /^\/id\/([^/]+)\/([^/]+)\/?$/,
    methods: ['GET', 'POST'],
    handle: (m, req, ctx) => identityEndpoint(m, req, ctx),
    wrongMethod: methodNotAllowedReply,
  },
];
