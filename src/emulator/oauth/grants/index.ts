/** Supported grant types. Add a grant by adding its file and one entry here. */
import { authorizationCodeGrant } from './authorization-code';
import { clientCredentialsGrant } from './client-credentials';
import type { Grant } from './grant';
import { JWT_BEARER, jwtBearerGrant } from './jwt-bearer';
import { passwordGrant } from './password';
import { refreshTokenGrant } from './refresh-token';

export const GRANTS: ReadonlyMap<string, Grant> = new Map([
  ['password', passwordGrant],
  ['authorization_code', authorizationCodeGrant],
  ['refresh_token', refreshTokenGrant],
  ['client_credentials', clientCredentialsGrant],
  [JWT_BEARER, jwtBearerGrant],
]);
