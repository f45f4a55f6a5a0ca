/**
 * The write flow's record calls (wire spec §7.4): create one probe Account as the service account, rename it, read it
 * back, delete it. The guide gives the service user a role and profile that may "view or modify" objects, and the
 * `api` scope "read and update user data"; these prove the modify half. The probe's id travels in the collection
 * variable probe_account_id; its name starts with PROBE_NAME so a leftover is easy to find (and the delete's check
 * names it when the delete fails).
 */
import { accountRecordSchema, createResultSchema, restErrorSchema } from '../schemas';
import type { RequestSpec, SpecParam } from '../types';
import { ACCEPT_JSON, JSON_CONTENT_TYPE } from './data';

const REST = (page: string): string => `https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/${page}`;

export const WRITE_DOCS = {
  create: REST('dome_sobject_create.htm'),
  update: REST('dome_update_fields.htm'),
  retrieve: REST('dome_get_field_values.htm'),
  delete: REST('dome_delete_record.htm'),
} as const;

/** Every probe Account's name starts with this: search for it to find one a failed run left behind. */
export const PROBE_NAME = 'sfcheck write probe';
/** The name the update gives the probe (the read-back expects exactly this). */
const UPDATED_NAME = `${PROBE_NAME} {{probe_account_id}} (updated)`;

const GUIDE_STEP = 'Password grant, Step 1.3: the service user\'s role and profile "allow access to view or modify certain objects"';
const ACCOUNT_URL = '{{instance_url}}/services/data/v{{api_version}}/sobjects/Account';
const RECORD_URL = `${ACCOUNT_URL}/{{probe_account_id}}`;
const JSON_BODY: SpecParam = { key: 'Content-Type', value: 'application/json' };

export const createProbeAccount: RequestSpec = {
  id: 'create-probe-account',
  name: 'Create a probe Account',
  description:
    `Creates one Account named "${PROBE_NAME} <timestamp>" as the service account. Proves the service user may ` +
    'create records (the Create object permission). Stores its id in probe_account_id; the last request deletes it.',
  doc: WRITE_DOCS.create,
  guideStep: GUIDE_STEP,
  method: 'POST',
  url: ACCOUNT_URL,
  headers: [ACCEPT_JSON, JSON_BODY],
  auth: 'bearer',
  body: { mode: 'json', fields: [{ key: 'Name', value: `${PROBE_NAME} {{$timestamp}}` }] },
  expect: { status: 201, contentType: JSON_CONTENT_TYPE, schema: createResultSchema },
  errorSchema: restErrorSchema,
  captures: [{ variable: 'probe_account_id', from: 'id' }],
};

export const updateProbeAccount: RequestSpec = {
  id: 'update-probe-account',
  name: 'Rename the probe Account',
  description: 'Renames the probe Account. Proves the service user may edit records (the Edit object permission).',
  doc: WRITE_DOCS.update,
  guideStep: GUIDE_STEP,
  method: 'PATCH',
  url: RECORD_URL,
  headers: [ACCEPT_JSON, JSON_BODY],
  auth: 'bearer',
  body: { mode: 'json', fields: [{ key: 'Name', value: UPDATED_NAME }] },
  expect: { status: 204, empty: true },
  errorSchema: restErrorSchema,
};

export const readProbeAccount: RequestSpec = {
  id: 'read-probe-account',
  name: 'Read the probe Account back',
  description: 'Reads the probe Account\'s Id and Name. Proves the update was saved: the name is the new one.',
  doc: WRITE_DOCS.retrieve,
  guideStep: GUIDE_STEP,
  method: 'GET',
  url: RECORD_URL,
  query: [{ key: 'fields', value: 'Id,Name' }],
  headers: [ACCEPT_JSON],
  auth: 'bearer',
  expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: accountRecordSchema },
  errorSchema: restErrorSchema,
  checks: [
    {
      name: 'the probe Account has the new name',
      lines: [
        'var id = pm.collectionVariables.get("probe_account_id");',
        'pm.expect(body.Id, "Id").to.equal(id);',
        `pm.expect(body.Name, "Name").to.equal(${JSON.stringify(`${PROBE_NAME} `)} + id + " (updated)");`,
      ],
    },
  ],
};

export const deleteProbeAccount: RequestSpec = {
  id: 'delete-probe-account',
  name: 'Delete the probe Account',
  description:
    'Deletes the probe Account, so a passing run leaves no data behind. Proves the service user may delete records ' +
    '(the Delete object permission). When it fails, its check names the Account left in the org.',
  doc: WRITE_DOCS.delete,
  guideStep: GUIDE_STEP,
  method: 'DELETE',
  url: RECORD_URL,
  headers: [ACCEPT_JSON],
  auth: 'bearer',
  expect: { status: 204, empty: true },
  errorSchema: restErrorSchema,
  checks: [
    {
      name: 'no probe Account is left behind',
      noBody: true,
      lines: [
        'var id = pm.collectionVariables.get("probe_account_id");',
        `var left = id ? "the probe Account " + id + " (named ${PROBE_NAME} ...) is left in the org: delete it by hand" : "no probe Account was created";`,
        'pm.expect(pm.response.code, left).to.equal(204);',
      ],
    },
  ],
};
