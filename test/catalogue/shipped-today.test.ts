import t from 'tap';
import { shippedProcedures, shippedRevisions } from '../../src/catalogue/shipped.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { APPLICANT, RECEIPTS, STAFF } from '../helpers/fixtures.js';

// A new installation on Wednesday 2 December 2026 (two-level local government).
const TODAY = '2026-12-02T09:00:00+07:00';

const get = async (h: TestApp, url: string) => (await h.request({ method: 'GET', url, as: 'admin' })).json();

t.test('every shipped procedure is received at a unit of today’s map and runs to its end there', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const inForce = new Set((await get(h, '/api/units?inForceOn=2026-12-02')).map((u: { code: string }) => u.code));
  for (const { manifest } of shippedProcedures()) {
    const procedure = await get(h, `/api/procedures/${manifest.code}`);
    t.notOk(procedure.levels.includes('huyen'), `${manifest.code} is not received at the abolished district level`);
    const unitCode = procedure.departmentCode ?? '00070';
    const received = await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: STAFF[`officer@${unitCode}`],
      payload: {
        procedureCode: manifest.code,
        unitCode,
        channel: 'direct',
        applicant: APPLICANT,
        data: RECEIPTS[manifest.code]!.data,
      },
    });
    t.equal(received.statusCode, 201, `${manifest.code} received at ${unitCode}: ${received.body}`);
    let dossier = received.json();
    for (let steps = 0; dossier.tasks?.length && steps < 20; steps++) {
      const [task] = dossier.tasks;
      t.ok(
        inForce.has(task.unitCode),
        `${manifest.code} ${task.activityId} is held by ${task.unitCode}, in force today`,
      );
      h.clock.advanceHours(1);
      const res = await h.request({
        method: 'POST',
        url: `/api/tasks/${task.id}/complete`,
        as: STAFF[`${task.role}@${task.unitCode}`],
        payload: task.outcomes.length ? { outcome: task.outcomes[0] } : {},
      });
      t.equal(res.statusCode, 200, `${manifest.code} ${task.activityId}: ${res.body}`);
      dossier = res.json().dossier;
    }
    t.equal(dossier.statusCode, 10, `${manifest.code}: result returned`);
  }
});

t.test('a procedure revised on 1 July 2025 keeps its earlier version for the dossiers received before', async (t) => {
  const h = await testApp(t, { start: TODAY });
  const revised = shippedRevisions()
    .filter((r) => r.validFrom === '2025-07-01')
    .map((r) => r.manifest.code);
  t.same(revised.sort(), ['1.004831', '2.000528', '2.001023']);
  for (const code of revised) {
    const versions = await get(h, `/api/procedures/${code}/versions`);
    t.match(
      versions.map((v: { number: number; status: string; validFrom: string | null; validTo: string | null }) => [
        v.number,
        v.status,
        v.validFrom,
        v.validTo,
      ]),
      [
        [1, 'retired', null, '2025-06-30T17:00:00.000Z'],
        [2, 'published', '2025-06-30T17:00:00.000Z', null],
      ],
      `${code}: the 2018 version until 1/7/2025, today's from then`,
    );
  }
  t.match(await get(h, '/api/procedures/2.000528'), { levels: ['xa'] });

  // An installation that starts in 2018 has only the 2018 versions.
  const training = await testApp(t);
  t.match(await get(training, '/api/procedures/2.000528'), { levels: ['huyen'] });
  t.equal((await get(training, '/api/procedures/2.000528/versions')).length, 1);
});
