import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, type OpenTask } from '../helpers/drive.js';
import { APPLICANT, RECEIPTS } from '../helpers/fixtures.js';
import { motcua } from '../helpers/cli.js';

// The first inter-agency group of Decree 63/2024/NĐ-CP (from 1 July 2024): birth registration at the ward, then
// permanent residence (police) and the health-insurance card (social insurance) at once, the result back at the ward.
const TODAY = '2026-12-02T09:00:00+07:00'; // Wednesday
const GROUP = 'LTDT.1';

const BODY = {
  procedureCode: GROUP,
  unitCode: '00070',
  channel: 'direct',
  applicant: APPLICANT,
  data: {
    ...RECEIPTS['1.001193']!.data,
    permanentResidence: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
    healthCareFacility: 'Trạm Y tế phường Hoàn Kiếm',
  },
};

const inboxOf = async (h: TestApp, user: string) =>
  ((await h.request({ method: 'GET', url: '/api/tasks', as: user })).json() as { activityId: string }[]).map(
    (task) => task.activityId,
  );

t.test(
  'the birth group runs across the ward, the police and the social-insurance desks, each in its inbox',
  async (t) => {
    const h = await testApp(t, { start: TODAY });
    const res = await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.hoankiem', payload: BODY });
    t.equal(res.statusCode, 201, res.body);
    let dossier = res.json();
    t.equal(dossier.dueAt, '2026-12-07T02:00:00.000Z', 'three working days: due Monday 7/12/2026 09:00');

    const step = async (task: OpenTask) => {
      h.clock.advanceHours(1);
      dossier = await complete(h, task, task.outcomes[0]);
    };
    t.match(dossier.tasks, [{ activityId: 'ThamDinhKhaiSinh', unitCode: '00070', role: 'officer' }]);
    await step(dossier.tasks[0]);
    t.match(dossier.tasks, [{ activityId: 'KyKhaiSinh', unitCode: '00070', role: 'leader' }]);
    await step(dossier.tasks[0]);

    t.match(
      [...dossier.tasks].sort((a: OpenTask, b: OpenTask) => a.activityId.localeCompare(b.activityId)),
      [
        { activityId: 'CapTheBHYT', unitCode: 'BHXHTP' },
        { activityId: 'DangKyThuongTru', unitCode: 'CATP' },
      ],
      'the police and the social insurance work at once',
    );
    t.same(await inboxOf(h, 'canbo.congan'), ['DangKyThuongTru'], 'the police desk has the residence step');
    t.same(await inboxOf(h, 'canbo.bhxh'), ['CapTheBHYT'], 'the social-insurance desk has the card');
    t.same(await inboxOf(h, 'canbo.hoankiem'), [], 'the ward waits for both');

    await step(dossier.tasks.find((task: OpenTask) => task.activityId === 'CapTheBHYT'));
    t.match(dossier.tasks, [{ activityId: 'DangKyThuongTru' }], 'one result is not enough');
    await step(dossier.tasks[0]);
    t.match(dossier.tasks, [{ activityId: 'TraKetQua', unitCode: '00070' }], 'both results: back to the ward');
    await step(dossier.tasks[0]);
    t.equal(dossier.statusCode, 10);
    t.equal(dossier.onTime, true);

    const slip = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/control-slip`, as: 'vpubnd' })
    ).json();
    t.same(
      slip.units.map((u: { unitCode: string }) => u.unitCode).sort(),
      ['00070', 'BHXHTP', 'CATP'],
      'each agency’s share of the time',
    );
    t.ok(
      slip.units.every((u: { late: boolean }) => !u.late),
      'each step within its budget on the calendar',
    );
    t.same(
      slip.units.find((u: { unitCode: string }) => u.unitCode === 'CATP').budgetHours,
      16,
      'the police have two working days',
    );
  },
);

t.test('an installation of 2018 has no such group until it takes the shipped revisions', async (t) => {
  const h = await testApp(t);
  t.equal((await h.request({ method: 'GET', url: `/api/procedures/${GROUP}`, as: 'admin' })).statusCode, 404);
  const out = await motcua(h.databaseUrl, 'publish-revisions').done;
  t.equal(out.code, 0, out.stderr);
  t.match(out.stdout, /^LTDT\.1: phiên bản 1, hiệu lực từ /m);
  const [version] = (await h.request({ method: 'GET', url: `/api/procedures/${GROUP}/versions`, as: 'admin' })).json();
  t.match(version, { number: 1, status: 'published' }, 'added with its diagram as version 1');
});
