import { expect } from 'chai';
import { diffGenerated, generateAll, type GeneratedFile } from '../../src/generate';
import { INPUT } from './input';

describe('generate: generateAll and diffGenerated', () => {
  it('writes a collection per flow and the three environments at posix paths', () => {
    expect(generateAll(INPUT).map((f) => f.path).filter((p) => p.endsWith('.json'))).to.deep.equal([
      'collections/salesforce-password.postman_collection.json',
      'collections/salesforce-client-credentials.postman_collection.json',
      'collections/salesforce-jwt-bearer.postman_collection.json',
      'collections/salesforce-user-consent.postman_collection.json',
      'collections/salesforce-user-access.postman_collection.json',
      'collections/salesforce-write.postman_collection.json',
      'environments/local.postman_environment.json',
      'environments/sandbox.postman_environment.json',
      'environments/production.postman_environment.json',
    ]);
  });

  it('writes every collection and environment in format v3 too', () => {
    const paths = generateAll(INPUT).map((f) => f.path);
    for (const p of paths.filter((x) => x.endsWith('.postman_collection.json'))) {
      const dir = p.replace(/^collections\/(.+)\.postman_collection\.json$/, 'collections/v3/$1/');
      expect(paths, p).to.include(`${dir}.resources/definition.yaml`);
    }
    for (const p of paths.filter((x) => x.endsWith('.postman_environment.json'))) {
      expect(paths, p).to.include(p.replace(/^environments\/(.+)\.postman_environment\.json$/, 'environments/v3/$1.environment.yaml'));
    }
  });

  it('is byte-identical on a second generation', () => {
    expect(generateAll(INPUT)).to.deep.equal(generateAll(INPUT));
  });

  it('writes pretty JSON with 2 spaces and a trailing newline', () => {
    for (const f of generateAll(INPUT).filter((x) => x.path.endsWith('.json'))) {
      expect(f.content.endsWith('}\n'), f.path).to.equal(true);
      expect(f.content, f.path).to.equal(`${JSON.stringify(JSON.parse(f.content), null, 2)}\n`);
    }
  });

  it('contains no timestamps', () => {
    for (const f of generateAll(INPUT)) expect(f.content, f.path).not.to.match(/exported_at|\b20\d\d-\d\d-\d\dT/);
  });

  it('the local environment follows input.local.url and apiVersion', () => {
    const files = generateAll({ ...INPUT, local: { ...INPUT.local, url: 'http://127.0.0.1:9999' }, apiVersion: '63.0' });
    const local = JSON.parse(files.find((f) => f.path.includes('local'))!.content) as { values: Array<{ key: string; value: string }> };
    const values = Object.fromEntries(local.values.map((v) => [v.key, v.value]));
    expect([values['login_url'], values['instance_url'], values['api_version']]).to.deep.equal(['http://127.0.0.1:9999', 'http://127.0.0.1:9999', '63.0']);
  });

  describe('diffGenerated', () => {
    const files: GeneratedFile[] = [
      { path: 'a.json', content: '{}\n' },
      { path: 'b.json', content: '[]\n' },
    ];
    it('reports nothing when every file is identical', () => {
      const disk: Record<string, string> = { 'a.json': '{}\n', 'b.json': '[]\n' };
      expect(diffGenerated(files, (p) => disk[p])).to.deep.equal([]);
    });
    it('reports a changed file and a missing file', () => {
      const disk: Record<string, string> = { 'a.json': '{}' };
      expect(diffGenerated(files, (p) => disk[p])).to.deep.equal(['a.json', 'b.json']);
    });
    it('finds the real files stale after a spec-visible change', () => {
      const generated = generateAll(INPUT);
      const disk = new Map(generated.map((f) => [f.path, f.content]));
      disk.set(generated[0]!.path, generated[0]!.content.replace('status is 200', 'status is 201'));
      expect(diffGenerated(generated, (p) => disk.get(p))).to.deep.equal([generated[0]!.path]);
    });
  });
});
