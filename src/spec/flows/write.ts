/**
 * The write check (opt-in: it changes data): the service account of the password grant creates, updates, reads back
 * and deletes one probe Account. The guide's service user "view[s] or modif[ies]" objects and the `api` scope
 * "read[s] and update[s] user data"; the read-only flows prove the first half, this one the second.
 */
import { createProbeAccount, deleteProbeAccount, readProbeAccount, updateProbeAccount } from '../requests/write';
import { tokenPassword } from '../requests/tokens';
import type { FlowSpec } from '../types';

export const writeFlow: FlowSpec = {
  id: 'write',
  name: 'Salesforce — write access (service account, changes data)',
  description:
    'Proves the service account may modify data, as the set-up guide expects of its role and profile: get a token ' +
    'with the password grant, then create one probe Account, rename it, read it back and delete it. It changes data: ' +
    'run it on purpose (`sfcheck verify --flow write`). A passing run leaves nothing behind; when the delete fails, ' +
    'its check names the Account left in the org (its name starts with "sfcheck write probe").',
  requests: [tokenPassword, createProbeAccount, updateProbeAccount, readProbeAccount, deleteProbeAccount],
  howTo: [
    '2. Choose the environment and fill in client_id, client_secret, username, password and security_token (the ' +
      'service account of the password grant).',
    '3. Run the collection in order: the token request stores access_token and instance_url, the create stores ' +
      'probe_account_id, and the last request deletes the probe Account again.',
  ],
};
