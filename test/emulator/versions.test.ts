import assert from 'node:assert/strict';
import { call, useEmulator } from './helpers';

interface Version {
  label: string;
  url: string;
  version: string;
}

describe('emulator GET /services/data/ (versions)', () => {
  const emu = useEmulator();

  it('lists versions without authentication and without Sforce-Limit-Info', async () => {
    const res = await call(emu(), '/services/data/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    assert.equal(res.headers.get('sforce-limit-info'), null);
    const versions = JSON.parse(res.text) as Version[];
    assert.deepEqual(Object.keys(versions[0]!), ['label', 'url', 'version']);
    assert.deepEqual(versions[0], { label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
  });

  it('answers without the trailing slash too', async () => {
    const res = await call(emu(), '/services/data');
    assert.equal(res.status, 200);
    assert.equal((JSON.parse(res.text) as Version[])[0]!.version, '31.0');
  });

  it('lists every major version from 31.0 through at least 66.0 with the right release labels', async () => {
    const versions = JSON.parse((await call(emu(), '/services/data/')).text) as Version[];
    versions.forEach((v, i) => {
      assert.equal(v.version, `${31 + i}.0`);
      assert.equal(v.url, `/services/data/v${31 + i}.0`);
    });
    const label = new Map(versions.map((v) => [v.version, v.label]));
    const expected: Record<string, string> = {
      '32.0': "Winter '15", '33.0': "Spring '15", '34.0': "Summer '15", '40.0': "Summer '17",
      '58.0': "Summer '23", '59.0': "Winter '24", '60.0': "Spring '24", '61.0': "Summer '24", '62.0': "Winter '25",
      '63.0': "Spring '25", '64.0': "Summer '25", '65.0': "Winter '26", '66.0': "Spring '26",
    };
    for (const [version, text] of Object.entries(expected)) assert.equal(label.get(version), text, version);
  });
});
