import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { todayReceiptBody } from '../helpers/fixtures.js';
import { attachFiles, PDF, submitted } from '../helpers/portal.js';

// Digitisation at receipt: each document the desk received is digitised once its scan is attached and checked by the
// officer; a dossier whose documents all are is digitised; the rate per unit and period counts it.
const TODAY = '2026-12-02T09:00:00+07:00';

async function digitise(h: TestApp, code: string, index: number) {
  return h.request({
    method: 'POST',
    url: `/api/dossiers/${code}/documents/${index}/digitised`,
    as: 'canbo.sxd',
    payload: {},
  });
}

t.test(
  'the desk digitises each document received; the dossier is digitised when all are; the rate counts it',
  async (t) => {
    const h = await testApp(t, { start: TODAY });
    const receive = async () =>
      (
        await h.request({
          method: 'POST',
          url: '/api/dossiers',
          as: 'canbo.sxd',
          payload: todayReceiptBody('1.013236'),
        })
      ).json();
    const dossier = await receive();
    const other = await receive();
    const documents = dossier.receivedDocuments as { name: string }[];
    const [first] = documents;
    t.ok(documents.length > 1, 'the required documents, recorded at receipt');
    t.equal(dossier.digitisedAt, null);

    const unscanned = await digitise(h, dossier.code, 0);
    t.equal(unscanned.statusCode, 409);
    t.match(unscanned.json(), { code: 'scan-required', detail: /Chưa đính kèm bản scan/ });
    const version = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.sxd' })).json()
      .version;

    const scan = [{ name: 'scan.pdf', content: PDF, type: 'application/pdf' }];
    t.equal((await attachFiles(h, dossier.code, first!.name, scan, 'canbo.sxd')).statusCode, 201);
    const one = await digitise(h, dossier.code, 0);
    t.equal(one.statusCode, 200, one.body);
    t.equal(one.json().version, version + 2, 'the attachment and the check, one step each');
    t.match(one.json().receivedDocuments[0], { files: 1, digitisedAt: '2026-12-02T02:00:00.000Z' });
    t.equal(one.json().digitisedAt, null, 'not yet: the second document has no scan');
    t.equal((await digitise(h, dossier.code, 0)).statusCode, 409, 'once');
    t.equal((await digitise(h, dossier.code, 7)).statusCode, 404, 'a document not received');

    let all = one.json();
    for (const [i, document] of documents.entries()) {
      if (i === 0) continue;
      await attachFiles(h, dossier.code, document.name, scan, 'canbo.sxd');
      all = (await digitise(h, dossier.code, i)).json();
    }
    t.equal(all.digitisedAt, '2026-12-02T02:00:00.000Z', 'every document digitised: the dossier is');
    const history = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.sxd' })
    ).json();
    t.ok(history.some((e: { label: string }) => e.label === 'Hồ sơ đã được số hóa đầy đủ thành phần đã nhận'));
    t.equal((await digitise(h, dossier.code, 0)).statusCode, 409);
    t.equal(
      (
        await h.request({
          method: 'POST',
          url: `/api/dossiers/${other.code}/documents/0/digitised`,
          as: 'canbo.hoankiem',
          payload: {},
        })
      ).statusCode,
      404,
      'another unit does not even see it',
    );

    const rate = await h.request({
      method: 'GET',
      url: '/api/reports/digitisation?from=2026-12-01&to=2026-12-31',
      as: 'vpubnd',
    });
    t.same(rate.json(), [{ unitCode: 'SXD', unitName: 'Sở Xây dựng', received: 2, digitised: 1, rate: 0.5 }]);
    const leader = await h.request({
      method: 'GET',
      url: '/api/reports/digitisation?from=2026-12-01&to=2026-12-31&unitCode=SXD',
      as: 'lanhdao.hoankiem',
    });
    t.equal(leader.statusCode, 403, 'a ward leader sees their own ward only');
  },
);

t.test('a dossier submitted online is digitised by construction', async (t) => {
  const h = await testApp(t);
  const online = await submitted(h);
  const dossier = (await h.request({ method: 'GET', url: `/api/dossiers/${online.code}`, as: 'canbo.phucxa' })).json();
  t.ok(dossier.digitisedAt, 'at submission');
  t.ok(
    dossier.receivedDocuments.every((d: { digitisedAt: string }) => d.digitisedAt),
    'each of its files',
  );
});
