import assert from 'node:assert/strict';
import { checksum, IdFactory, isId, normalizeId, to15, to18 } from '../../src/emulator/ids';

describe('emulator ids', () => {
  it('computes the case-safe checksum of the wire spec examples (§7.5)', () => {
    assert.equal(to18('001D000000IRFma'), '001D000000IRFmaIAH');
    assert.equal(to18('00DB0000000TfcR'), '00DB0000000TfcRMAS');
    assert.equal(to18('0055e000003E8oo'), '0055e000003E8ooAAC');
    assert.equal(to18('00D5e000001N20Q'), '00D5e000001N20QEAS');
    assert.equal(to18('00Dx0000000BV7z'), '00Dx0000000BV7zEAG');
    assert.equal(to18('005x00000012Q9P'), '005x00000012Q9PAAU');
  });

  it('maps all-lowercase and all-uppercase blocks to the ends of the alphabet', () => {
    assert.equal(checksum('aaaaabbbbbccccc'), 'AAA');
    assert.equal(checksum('AAAAABBBBBCCCCC'), '555');
    assert.equal(checksum('Aaaaa0000000000'), 'BAA');
  });

  it('rejects what is not a 15-character id', () => {
    assert.throws(() => checksum('001D000000IRFm'));
    assert.throws(() => checksum('001D000000IRF-a'));
  });

  it('normalizes 15-char ids and any casing of 18-char ids, and refuses bad checksums', () => {
    assert.equal(normalizeId('001D000000IRFma'), '001D000000IRFmaIAH');
    assert.equal(normalizeId('001d000000irfmaiah'), '001D000000IRFmaIAH');
    assert.equal(normalizeId('001D000000IRFmaIAH'), '001D000000IRFmaIAH');
    // The suffix decides the casing: AAA names the all-lowercase id, a different record.
    assert.equal(normalizeId('001D000000IRFmaAAA'), '001d000000irfmaAAA');
    // A suffix that marks digits as upper-case letters is no id at all.
    assert.equal(normalizeId('001D000000IRFma555'), undefined);
    assert.equal(normalizeId('me'), undefined);
    assert.equal(normalizeId("001D000000IRFma'"), undefined);
    assert.equal(isId('0055e000003E8ooAAC'), true);
    assert.equal(isId('0055e000003E8ooAAD'), false);
    assert.equal(to15('0055e000003E8ooAAC'), '0055e000003E8oo');
  });

  it('generates deterministic, valid ids with the requested key prefix', () => {
    const a = new IdFactory();
    const b = new IdFactory();
    const fromA = ['00D', '005', '005', '001', '003'].map((p) => a.next(p));
    const fromB = ['00D', '005', '005', '001', '003'].map((p) => b.next(p));
    assert.deepEqual(fromA, fromB);
    assert.equal(new Set(fromA).size, fromA.length);
    for (const [i, prefix] of ['00D', '005', '005', '001', '003'].entries()) {
      const id = fromA[i]!;
      assert.match(id, /^[0-9A-Za-z]{18}$/);
      assert.equal(id.slice(0, 3), prefix);
      assert.equal(to18(to15(id)), id);
    }
  });
});
