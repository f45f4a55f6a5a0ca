import type { GenerateInput } from '../../src/generate';

/** A generator input with recognisable local values. */
export const INPUT: GenerateInput = {
  local: {
    url: 'http://127.0.0.1:4010',
    credentials: {
      clientId: 'local-client-id',
      clientSecret: 'local-client-secret',
      username: 'service@example.com',
      password: 'local-password',
      securityToken: 'local-token',
      redirectUri: 'http://127.0.0.1:4010/callback',
    },
  },
  apiVersion: '62.0',
};
