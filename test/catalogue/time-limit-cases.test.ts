import t from 'tap';
import { shortestLimitHours, limitHoursOf } from '../../src/catalogue/time-limit.js';
import { testApp } from '../helpers/app.js';
import { APPLICANT, RECEIPTS } from '../helpers/fixtures.js';

const PERMIT = RECEIPTS['1.013225']!;

t.test(
  'a construction permit is due after the limit of its case: 15 working days for a house, 20 for other works',
  async (t) => {
    const h = await testApp(t); // Monday 19/11/2018 09:00
    const receive = async (constructionType: string) => {
      const res = await h.request({
        method: 'POST',
        url: '/api/dossiers',
        as: PERMIT.officer,
        payload: {
          procedureCode: '1.013225',
          unitCode: PERMIT.unitCode,
          channel: 'direct',
          applicant: APPLICANT,
          data: { ...PERMIT.data, constructionType },
        },
      });
      t.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const house = await receive('Nhà ở riêng lẻ');
    t.equal(
      house.dueAt,
      '2018-12-10T02:00:00.000Z',
      'a separate house: 15 working days from Monday 09:00, Monday 10/12',
    );
    const works = await receive('Công trình không theo tuyến');
    t.equal(works.dueAt, '2018-12-17T02:00:00.000Z', 'other works of grade III or IV: 20 working days, Monday 17/12');

    const procedure = (await h.request({ method: 'GET', url: '/api/procedures/1.013225' })).json();
    t.match(procedure, {
      timeLimitHours: 160,
      timeLimitCases: [{ field: 'constructionType', equals: 'Nhà ở riêng lẻ', hours: 120 }],
    });
  },
);

t.test('VPUBND sets the cases; a case the form cannot answer is refused and changes nothing', async (t) => {
  const h = await testApp(t);
  const patch = (timeLimitCases: object[]) =>
    h.request({ method: 'PATCH', url: '/api/procedures/1.013225', as: 'vpubnd', payload: { timeLimitCases } });
  const unknownField = await patch([{ field: 'soTang', equals: '3', hours: 80, text: '10 ngày' }]);
  t.match(unknownField.json(), {
    status: 422,
    code: 'time-limit-case-invalid',
    errors: [{ field: '/timeLimitCases/0/field', message: 'Tờ khai không có trường "soTang".' }],
  });
  const unknownAnswer = await patch([{ field: 'constructionType', equals: 'Nhà xưởng', hours: 80, text: '10 ngày' }]);
  t.match(unknownAnswer.json(), {
    status: 422,
    errors: [
      { field: '/timeLimitCases/0/equals', message: 'Trường "constructionType" không có lựa chọn "Nhà xưởng".' },
    ],
  });
  t.match((await h.request({ method: 'GET', url: '/api/procedures/1.013225' })).json(), {
    timeLimitCases: [{ equals: 'Nhà ở riêng lẻ', hours: 120 }],
  });
  const changed = await patch([
    { field: 'constructionType', equals: 'Tượng đài, tranh hoành tráng', hours: 80, text: '10 ngày làm việc' },
  ]);
  t.equal(changed.statusCode, 200, changed.body);
  t.match(changed.json().timeLimitCases, [{ equals: 'Tượng đài, tranh hoành tráng', hours: 80 }]);
});

t.test('the limit of a case, and the shortest a diagram must fit', async (t) => {
  const procedure = {
    timeLimitHours: 160,
    timeLimitCases: [
      { field: 'kind', equals: 'house', hours: 120, text: '15 ngày' },
      { field: 'kind', equals: 'monument', hours: 200, text: '25 ngày' },
    ],
  };
  t.equal(limitHoursOf(procedure, { kind: 'house' }), 120);
  t.equal(limitHoursOf(procedure, { kind: 'monument' }), 200);
  t.equal(limitHoursOf(procedure, { kind: 'other' }), 160, 'no case: the procedure’s limit');
  t.equal(limitHoursOf(procedure, {}), 160);
  t.equal(shortestLimitHours(procedure), 120);
  t.equal(shortestLimitHours({ timeLimitHours: null, timeLimitCases: [] }), null, 'no limit set by the law');
});
