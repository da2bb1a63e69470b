import { createHash } from 'node:crypto';
import t from 'tap';
import { canonicalJson, chainHash, GENESIS_HASH } from '../../src/audit/chain.js';

t.test('canonical JSON sorts keys at every depth and drops undefined', async (t) => {
  t.equal(
    canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'é' }, u: undefined }),
    '{"a":{"c":"é","d":[3,{"y":2,"z":1}]},"b":1}',
  );
  t.equal(canonicalJson(null), 'null');
  t.equal(canonicalJson('x'), '"x"');
});

t.test('each hash covers the previous hash and the record', async (t) => {
  const record = {
    seq: 1,
    type: 'dossier.received',
    actorId: 5,
    actorUnit: '00001',
    at: '2018-11-19T02:00:00.000Z',
    payload: { a: 1 },
    bpmnSha256: null,
  };
  const expected = createHash('sha256')
    .update(`${GENESIS_HASH}\n${canonicalJson(record)}`)
    .digest('hex');
  t.equal(chainHash(GENESIS_HASH, record), expected);
  t.not(chainHash(GENESIS_HASH, { ...record, payload: { a: 2 } }), expected, 'a changed payload changes the hash');
  t.not(chainHash('f'.repeat(64), record), expected, 'a changed predecessor changes the hash');
});
