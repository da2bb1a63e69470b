import t from 'tap';
import { testApp } from '../helpers/app.js';
import { CITIZEN, runToEnd, submitted } from '../helpers/portal.js';

t.test('the citizen rates a dossier once, after its result', async (t) => {
  const h = await testApp(t);
  const online = await submitted(h);
  const rate = (payload: object, as = 'congdan') =>
    h.request({ method: 'POST', url: `/api/portal/dossiers/${online.code}/rating`, as, payload });

  const early = await rate({ score: 5 });
  t.equal(early.statusCode, 409, 'not before the result');
  t.equal(early.json().code, 'result-not-ready');

  const accepted = (
    await h.request({ method: 'POST', url: `/api/dossiers/${online.code}/receive`, as: 'canbo.phucxa', payload: {} })
  ).json();
  t.equal((await rate({ score: 5 })).statusCode, 409, 'nor while it is processed');
  const done = await runToEnd(h, accepted);
  t.ok([9, 10].includes(done.statusCode));

  t.equal((await rate({ score: 6 })).statusCode, 400, 'a score is 1 to 5');
  await h.request({
    method: 'POST',
    url: '/api/users',
    as: 'admin',
    payload: {
      username: 'congdan2',
      password: 'motcua2018',
      fullName: 'Công dân khác',
      unitCode: null,
      roles: ['citizen'],
    },
  });
  t.equal((await rate({ score: 1 }, 'congdan2')).statusCode, 404, 'only the citizen who submitted it');
  t.equal((await rate({ score: 1 }, 'lanhdao.phucxa')).statusCode, 403);

  const rated = await rate({ score: 4, comment: '  Cán bộ hướng dẫn nhiệt tình ' });
  t.equal(rated.statusCode, 201);
  t.match(rated.json(), { score: 4, comment: 'Cán bộ hướng dẫn nhiệt tình', ratedAt: String });
  const twice = await rate({ score: 5 });
  t.equal(twice.statusCode, 409, 'once per dossier');
  t.equal(twice.json().code, 'already-rated');

  const seen = (
    await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/rating`, as: 'lanhdao.phucxa' })
  ).json();
  t.match(seen, { score: 4, comment: 'Cán bộ hướng dẫn nhiệt tình' }, 'the unit’s leader reads it');
  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/rating`, as: 'lanhdao.badinh' })).statusCode,
    404,
    'another unit does not find it',
  );
  const tracked = (
    await h.app.inject({ method: 'GET', url: `/api/portal/track/${online.code}?idNumber=${CITIZEN.idNumber}` })
  ).json();
  t.match(tracked.rating, { score: 4 });
  t.equal(
    tracked.timeline.at(-1).label,
    'Người nộp hồ sơ đánh giá mức độ hài lòng: 4/5 – “Cán bộ hướng dẫn nhiệt tình”',
  );
  t.match((await h.request({ method: 'GET', url: '/api/portal/my-dossiers', as: 'congdan' })).json(), [
    { code: online.code, rating: { score: 4 } },
  ]);
  t.same(
    (await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/audit/verify`, as: 'thanhtra' })).json(),
    { ok: true, events: done.version + 1 },
    'the rating is in the chain',
  );
  t.equal(Number((await h.app.system.db.knex('ratings').count({ n: '*' }).first())!.n), 1);
});

t.test('a dossier received at the desk is not rated through the portal', async (t) => {
  const h = await testApp(t);
  const res = await h.request({
    method: 'POST',
    url: '/api/portal/dossiers/H26.00001-181119-0001/rating',
    as: 'congdan',
    payload: { score: 3 },
  });
  t.equal(res.statusCode, 404);
  t.equal(
    (await h.request({ method: 'GET', url: '/api/dossiers/H26.00001-181119-0001/rating', as: 'lanhdao.phucxa' }))
      .statusCode,
    404,
  );
});
