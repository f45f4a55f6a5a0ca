/**
 * A fixture server for the large-body case: one query batch of 2000 Accounts (Salesforce's batch maximum) whose long
 * Description fields bring the body to about 30 MB, built once. Prints its URL, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const TARGET_BYTES = 30 * 1024 * 1024;

function body(): Buffer {
  const records: string[] = [];
  const BATCH = 2000;
  const description = 'Lorem ipsum dolor sit amet. '.repeat(Math.ceil(TARGET_BYTES / BATCH / 28)).slice(0, Math.floor(TARGET_BYTES / BATCH) - 300);
  for (let i = 0; i < BATCH; i++) {
    const id = `001${String(i).padStart(12, '0')}AAA`;
    const rec = JSON.stringify({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` },
      Id: id,
      Name: `Account ${i}`,
      Industry: i % 3 === 0 ? null : 'Technology',
      Type: 'Customer - Direct',
      Description: description,
    });
    records.push(rec);
  }
  return Buffer.from(`{"totalSize":${records.length},"done":true,"records":[${records.join(',')}]}`);
}

const payload = body();
const server = createServer((req, res) => {
  if (req.url?.startsWith('/services/oauth2/token')) {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify({ access_token: 'bench', instance_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': payload.length });
  res.end(payload);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port} (${payload.length} bytes)\n`);
});
