/**
 * The differential suite (issue #5): every corpus collection runs through newman (the oracle) and the native engine
 * against one emulator and one echo server; any difference that is neither allow-listed (deliberate) nor pending (a
 * feature another branch is building) fails. DIFFERENTIAL_STRICT=1 fails on pending ones too. Entries of either list
 * that match nothing fail, so both lists stay true. `node dist/test/differential/report.js` prints the same comparison.
 */
import { strict as assert } from 'node:assert';
import { ALLOW_LIST } from './allow-list';
import { agreement, classify, entryMatches, type CaseComparison, type Classified, type Difference } from './compare';
import { CORPUS } from './corpus';
import { caseTable } from './format';
import { compareCase, runCase, startInfra, stopInfra, type Infra } from './harness';
import { PENDING } from './pending';

const STRICT = process.env['DIFFERENTIAL_STRICT'] === '1';

function all(c: CaseComparison): Classified[] {
  return [...c.run, ...c.requests.flatMap((r) => r.differences)];
}

describe('differential', function () {
  this.timeout(120_000);
  let infra: Infra | undefined;
  const done: CaseComparison[] = [];

  before(async () => {
    infra = await startInfra();
  });
  after(async () => {
    await stopInfra(infra);
  });

  describe('native engine vs newman on the corpus', function () {
    for (const c of CORPUS) {
      it(`${c.group} / ${c.name}: no difference outside the allow-list${STRICT ? '' : ' and the pending list'}`, async () => {
        if (!infra) throw new Error('infrastructure not started');
        const comparison = compareCase(c, await runCase(c, infra));
        done.push(comparison);
        assert.ok(comparison.requests.length > 0, `${c.name}: no request ran on either engine`);
        const failing = all(comparison).filter((d) => d.status === 'failing' || (STRICT && d.status === 'pending'));
        assert.equal(failing.length, 0, `\n${caseTable(comparison, { only: STRICT ? ['failing', 'pending'] : ['failing'] })}`);
      });
    }

    it('every allow-list and pending entry still matches a difference (delete the ones that do not)', function () {
      if (done.length !== CORPUS.length) this.skip(); // only meaningful after the whole corpus ran (not under --grep)
      const differences = done.flatMap(all);
      const stale = [
        ...ALLOW_LIST.filter((e) => !differences.some((d) => entryMatches(e, d))).map((e) => `allow-list: ${e.collection} / ${e.request} / ${e.field}`),
        ...PENDING.filter((e) => !e.optional && !differences.some((d) => entryMatches(e, d))).map((e) => `pending (${e.branch}): ${e.collection} / ${e.request} / ${e.field} — ${e.feature}`),
      ];
      assert.deepEqual(stale, []);
    });
  });

  describe('the harness', function () {

    it('a run compared with an altered copy of itself reports each altered field, and the echo server saw both requests', async () => {
      if (!infra) throw new Error('infrastructure not started');
      const base = CORPUS.find((c) => c.name === 'urls-headers');
      assert.ok(base);
      const runs = await runCase(base, infra);
      assert.ok(runs.newman.wire.length >= runs.newman.result.requests.length, 'every newman request reached the echo server');
      assert.equal(runs.newman.wire[0]?.label, '0', 'wire records carry the request ordinal');
      // The same newman run on both sides agrees completely...
      const same = compareCase(base, { newman: runs.newman, native: runs.newman });
      assert.deepEqual(all(same), []);
      // ...and a changed header, status, test verdict and variable are each reported.
      const altered = structuredClone(runs.newman.result);
      const first = altered.requests[0];
      assert.ok(first?.response);
      first.request.headers.push({ key: 'X-Injected', value: '1' });
      first.response.code = 599;
      first.tests.push({ name: 'injected', passed: false, skipped: false });
      altered.variables.environment.push({ key: 'injected', value: 'v', type: 'default' });
      const wire = runs.newman.wire.map((w, i) => (i === 0 ? { ...w, body: Buffer.from('changed on the wire') } : w));
      const diff = compareCase(base, { newman: runs.newman, native: { result: altered, wire } });
      const fields = all(diff).map((d) => `${d.request} ${d.field}`).sort();
      assert.deepEqual(fields, ['(run) variables.environment', 'params headers', 'params status', 'params tests', 'params wire.body'].sort());
    });

    it('sorts differences into allowed, pending and failing; "*" matches any run of characters', () => {
      const d: Difference = { collection: 'bodies', request: 'formdata', field: 'wire[1].system headers', newman: 'a', native: 'b' };
      const allow = [{ collection: 'bodies', request: 'formdata', field: 'body', reason: 'r' }];
      const pending = [{ collection: '*', request: 'form*', field: 'wire*system headers', feature: 'f', branch: 'wire' as const }];
      assert.equal(classify(d, allow, pending).status, 'pending');
      assert.equal(classify({ ...d, field: 'body' }, allow, pending).status, 'allowed');
      assert.equal(classify({ ...d, request: 'raw json' }, allow, pending).status, 'failing');
      assert.equal(entryMatches({ collection: 'salesforce-*', request: '*', field: 'url' }, { ...d, collection: 'salesforce-rest', field: 'url' }), true);
      assert.equal(entryMatches({ collection: 'a.b', request: '*', field: '*' }, { ...d, collection: 'axb' }), false, 'dots are literal');
      const c: CaseComparison = {
        collection: 'x',
        group: 'features',
        requests: [
          { label: 'ok', differences: [] },
          { label: 'allowed', differences: [classify({ ...d, field: 'body' }, allow, pending)] },
          { label: 'pending', differences: [classify(d, allow, pending)] },
        ],
        run: [],
      };
      assert.deepEqual(agreement(c, 'strict'), { agree: 1, total: 3 });
      assert.deepEqual(agreement(c, 'allowing'), { agree: 2, total: 3 });
    });
  });
});
