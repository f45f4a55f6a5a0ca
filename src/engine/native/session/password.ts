/** OAuth 2.0 username-password grant: client id and secret, username, password with the security token appended. */
import type { GrantHandler } from './types';

export const passwordGrant: GrantHandler = {
  grant: 'password',
  needs: ['clientId', 'username', 'password'],
  async form(c) {
    return {
      grant_type: 'password',
      client_id: c.clientId,
      ...(c.clientSecret !== undefined ? { client_secret: c.clientSecret } : {}),
      username: c.username ?? '',
      password: c.password ?? '',
    };
  },
};
