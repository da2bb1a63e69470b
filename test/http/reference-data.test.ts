import t from 'tap';
import { testApp } from '../helpers/app.js';
import { shippedProcedures } from '../../src/catalogue/shipped.js';

t.test('health, docs and reference data on a new installation', async (t) => {
  const h = await testApp(t);

  const health = await h.app.inject({ method: 'GET', url: '/api/health' });
  t.same(health.json(), {
    status: 'ok',
    db: process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite',
    engine: 'ok',
  });

  const docs = await h.app.inject({ method: 'GET', url: '/docs/json' });
  t.equal(docs.statusCode, 200);
  t.equal(docs.json().openapi, '3.1.0');
  t.same(
    docs.json().paths['/api/tasks/{id}/complete'].post.security,
    [{ bearer: [] }],
    'protected routes document the bearer scheme',
  );
  t.notOk(docs.json().paths['/api/procedures'].get.security, 'public routes need no token');
  t.equal((await h.app.inject({ method: 'GET', url: '/docs' })).statusCode < 400, true, 'the API explorer is served');

  const units = (await h.app.inject({ method: 'GET', url: '/api/units' })).json();
  const byLevel = (level: string) => units.filter((u: { level: string }) => u.level === level);
  t.equal(byLevel('huyen').length, 30, '30 districts');
  t.equal(byLevel('xa').length, 584, '584 communes');
  t.equal(byLevel('tinh').filter((u: { kind: string }) => u.kind === 'thanh_pho').length, 1, 'one city');
  t.equal(
    byLevel('tinh').length,
    1 + 29 + 12,
    'the city, its 29 departments and agencies, the service centre’s 12 branches',
  );

  const baDinh = (await h.app.inject({ method: 'GET', url: '/api/units?parentCode=001' })).json();
  t.equal(baDinh.length, 14, 'Quận Ba Đình has 14 wards');
  t.ok(baDinh.every((u: { kind: string }) => u.kind === 'phuong'));
  t.same((await h.app.inject({ method: 'GET', url: '/api/units/00001' })).json(), {
    code: '00001',
    name: 'Phường Phúc Xá',
    kind: 'phuong',
    level: 'xa',
    parentCode: '001',
    agencyId: 'H26.00001',
    validFrom: null,
    validTo: null,
    saturdayMorning: false,
  });
  t.match(
    (await h.app.inject({ method: 'GET', url: '/api/units/SLDTBXH' })).json(),
    { validTo: '2025-03-01' },
    'departments merged in 2025 carry their end date',
  );

  const procedures = (await h.app.inject({ method: 'GET', url: '/api/procedures' })).json();
  const shipped = shippedProcedures().map((p) => p.manifest.code);
  t.same(
    procedures.map((p: { code: string }) => p.code),
    shipped,
    'every shipped procedure is published, in code order',
  );
  t.ok(shipped.length >= 15, `${shipped.length} procedures ship with the system`);
  const birth = (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json();
  t.match(birth, {
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    levels: ['xa'],
    timeLimitHours: 8,
    sameDay: true,
    cutoffTime: '15:00',
    status: 'active',
    version: { number: 1, processId: 'DangKyKhaiSinh' },
  });
  t.match(birth.version.sha256, /^[0-9a-f]{64}$/);
  t.ok(birth.formSchema.required.includes('childFullName'), 'the form schema is published for the portal');
  t.ok(birth.documents.length > 0, 'with its documents');
});

t.test('the admin creates staff who can then log in', async (t) => {
  const h = await testApp(t);
  const created = await h.request({
    method: 'POST',
    url: '/api/users',
    as: 'admin',
    payload: {
      username: 'Canbo.TrucBach',
      password: 'mat-khau-2018',
      fullName: 'Đặng Thị Hằng',
      unitCode: '00004',
      roles: ['officer', 'leader'],
    },
  });
  t.equal(created.statusCode, 201);
  t.match(created.json(), {
    username: 'canbo.trucbach',
    fullName: 'Đặng Thị Hằng',
    unitCode: '00004',
    roles: ['officer', 'leader'],
  });
  t.notOk('password' in created.json() || 'passwordHash' in created.json(), 'no secret leaves the server');
  const me = await h.app.inject({
    method: 'GET',
    url: '/api/users/me',
    headers: { authorization: `Bearer ${await h.login('canbo.trucbach', 'mat-khau-2018')}` },
  });
  t.match(me.json(), { username: 'canbo.trucbach', unitCode: '00004' });
  const stored = await h.app.system.db.knex('users').where({ username: 'canbo.trucbach' }).first('password_hash');
  t.match(stored.password_hash, /^scrypt\$32768\$8\$1\$/, 'stored as a scrypt hash');
});
