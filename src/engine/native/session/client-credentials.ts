/** OAuth 2.0 client credentials grant (Salesforce: on the My Domain host, as the app's run-as user). */
import type { GrantHandler } from './types';

export const clientCredentialsGrant: GrantHandler = {
  grant: 'client_credentials',
  needs: ['clientId', 'clientSecret'],
  async form(c) {
    return { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret ?? '' };
  },
};
