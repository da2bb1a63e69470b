import t from 'tap';
import { buildApp } from '../../src/app.js';
import { ADMIN_PASSWORD, testApp } from '../helpers/app.js';

t.test('a second node on the same database sees units, rules and holidays another node changed', async (t) => {
  const h = await testApp(t);
  const other = await buildApp({ databaseUrl: h.databaseUrl, adminPassword: ADMIN_PASSWORD, clock: h.clock.now });
  t.teardown(() => other.close());
  t.same(await other.system.refreshCaches(), [], 'nothing changed yet');

  t.equal(
    (await h.request({ method: 'PATCH', url: '/api/units/00001', as: 'admin', payload: { saturdayMorning: true } }))
      .statusCode,
    200,
  );
  t.equal(
    (await h.request({ method: 'PUT', url: '/api/settings', as: 'admin', payload: { lateRiskLeadHours: 16 } }))
      .statusCode,
    200,
  );
  const holidays = { holidays: [{ date: '2019-01-01', name: 'Tết Dương lịch' }] };
  t.equal(
    (await h.request({ method: 'PUT', url: '/api/calendar/holidays/2019', as: 'admin', payload: holidays })).statusCode,
    200,
  );

  t.same((await other.system.refreshCaches()).sort(), ['holidays', 'rules', 'units']);
  t.match((await other.inject({ method: 'GET', url: '/api/units/00001' })).json(), { saturdayMorning: true });
  t.equal(other.system.settings.rules.lateRiskLeadHours, 16);
  t.match((await other.inject({ method: 'GET', url: '/api/calendar/holidays/2019' })).json(), {
    entered: true,
    holidays: [{ date: '2019-01-01' }],
  });
  t.same(await other.system.refreshCaches(), [], 'and reloads only once');
});
