import { createSigner } from 'fast-jwt';
import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';

const ROLE_USERS = {
  citizen: 'congdan',
  officer: 'canbo.phucxa',
  leader: 'lanhdao.phucxa',
  modeler: 'modeler.stp',
  publisher: 'vpubnd',
  auditor: 'thanhtra',
  admin: 'admin',
} as const;
type Role = keyof typeof ROLE_USERS;
const ROLES = Object.keys(ROLE_USERS) as Role[];

/** Who may use each route, written out here independently of the policy module. */
/** `hidden`: roles that may use the route but not on this dossier, which they cannot see: 404, as for a missing one. */
const MATRIX: { method: string; url: string; allowed: 'public' | 'authenticated' | Role[]; hidden?: Role[] }[] = [
  { method: 'GET', url: '/api/health', allowed: 'public' },
  { method: 'POST', url: '/api/auth/login', allowed: 'public' },
  { method: 'GET', url: '/api/auth/options', allowed: 'public' },
  { method: 'GET', url: '/api/incidents', allowed: ['officer', 'leader', 'modeler', 'publisher', 'auditor', 'admin'] },
  { method: 'POST', url: '/api/incidents/:id/resolve', allowed: ['publisher', 'admin'] },
  { method: 'POST', url: '/api/users', allowed: ['admin'] },
  { method: 'GET', url: '/api/users/me', allowed: 'authenticated' },
  { method: 'GET', url: '/api/units', allowed: 'public' },
  { method: 'GET', url: '/api/units/:code', allowed: 'public' },
  { method: 'GET', url: '/api/units/:code/receivable', allowed: 'public' },
  { method: 'GET', url: '/api/procedures', allowed: 'public' },
  { method: 'GET', url: '/api/procedures/:code', allowed: 'public' },
  { method: 'POST', url: '/api/dossiers', allowed: ['officer'] },
  { method: 'GET', url: '/api/dossiers', allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'] },
  { method: 'GET', url: '/api/dossiers/:code', allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'] },
  { method: 'GET', url: '/api/tasks', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/tasks/:id/claim', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/tasks/:id/complete', allowed: ['officer', 'leader'] },
  { method: 'GET', url: '/api/tasks/:id/assignees', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/tasks/:id/assign', allowed: ['officer', 'leader'] },
  {
    method: 'GET',
    url: '/api/dossiers/:code/history',
    allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
  },
  { method: 'GET', url: '/api/dossiers/:code/audit/verify', allowed: ['auditor', 'admin'] },
  { method: 'GET', url: '/api/dossiers/:code/replay', allowed: ['auditor', 'admin'] },
  { method: 'GET', url: '/api/dossiers/:code/audit/bundle', allowed: ['auditor', 'admin'] },
  { method: 'GET', url: '/api/procedures/:code/versions/:v/heatmap', allowed: ['auditor', 'publisher', 'admin'] },
  { method: 'PATCH', url: '/api/units/:code', allowed: ['admin'] },
  { method: 'POST', url: '/api/reorganisations', allowed: ['admin'] },
  { method: 'GET', url: '/api/reorganisations', allowed: ['admin'] },
  { method: 'GET', url: '/api/calendar/holidays/:year', allowed: 'public' },
  { method: 'PUT', url: '/api/calendar/holidays/:year', allowed: ['admin'] },
  { method: 'GET', url: '/api/settings', allowed: ['officer', 'leader', 'modeler', 'publisher', 'auditor', 'admin'] },
  { method: 'PUT', url: '/api/settings', allowed: ['admin'] },
  { method: 'GET', url: '/api/notification-templates', allowed: ['admin'] },
  { method: 'PUT', url: '/api/notification-templates/:kind', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/notification-templates/:kind', allowed: ['admin'] },
  { method: 'POST', url: '/api/dossiers/:code/pause', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/dossiers/:code/resume', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/dossiers/:code/withdraw', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/dossiers/:code/return', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/dossiers/:code/apology', allowed: ['leader'] },
  { method: 'GET', url: '/api/alerts', allowed: ['officer', 'leader'] },
  {
    method: 'GET',
    url: '/api/dossiers/:code/forms/:kind.pdf',
    allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
  },
  { method: 'GET', url: '/api/dossiers/:code/forms', allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'] },
  ...['', '.pdf', '.xlsx'].map((ext) => ({
    method: 'GET',
    url: `/api/units/:code/register${ext}`,
    allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'] as Role[],
  })),
  {
    method: 'GET',
    url: '/api/dossiers/:code/control-slip',
    allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
  },
  { method: 'GET', url: '/api/reports/on-time', allowed: ['leader', 'publisher', 'auditor', 'admin'] },
  { method: 'GET', url: '/api/reports/digitisation', allowed: ['leader', 'publisher', 'auditor', 'admin'] },
  { method: 'POST', url: '/api/dossiers/:code/documents/:index/digitised', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/procedures', allowed: ['publisher', 'admin'] },
  { method: 'PATCH', url: '/api/procedures/:code', allowed: ['publisher', 'admin'] },
  { method: 'GET', url: '/api/procedures/:code/versions', allowed: ['modeler', 'publisher', 'auditor', 'admin'] },
  { method: 'POST', url: '/api/procedures/:code/versions', allowed: ['modeler', 'publisher', 'admin'] },
  { method: 'GET', url: '/api/procedures/:code/versions/:n', allowed: 'public' },
  { method: 'GET', url: '/api/procedures/:code/versions/:n/bpmn', allowed: 'public' },
  { method: 'PUT', url: '/api/procedures/:code/versions/:n', allowed: ['modeler', 'publisher', 'admin'] },
  { method: 'POST', url: '/api/procedures/:code/versions/:n/submit', allowed: ['modeler', 'publisher', 'admin'] },
  { method: 'POST', url: '/api/procedures/:code/versions/:n/reject', allowed: ['publisher', 'admin'] },
  { method: 'POST', url: '/api/procedures/:code/versions/:n/publish', allowed: ['publisher', 'admin'] },
  {
    method: 'GET',
    url: '/api/procedures/:code/versions/:n/diff/:m',
    allowed: ['modeler', 'publisher', 'auditor', 'admin'],
  },
  { method: 'POST', url: '/api/procedures/:code/validate', allowed: ['modeler', 'publisher', 'admin'] },
  { method: 'POST', url: '/api/procedures/:code/migrations', allowed: ['publisher', 'admin'] },
  { method: 'GET', url: '/api/modelling/procedures', allowed: ['modeler', 'publisher', 'auditor', 'admin'] },
  { method: 'GET', url: '/api/versions', allowed: ['modeler', 'publisher', 'auditor', 'admin'] },
  { method: 'GET', url: '/api/announcements', allowed: 'public' },
  { method: 'GET', url: '/api/announcements/:id', allowed: 'public' },
  { method: 'POST', url: '/api/announcements', allowed: ['publisher', 'admin'] },
  { method: 'POST', url: '/api/announcements/:id/changes/:changeId/abolish', allowed: ['publisher', 'admin'] },
  { method: 'POST', url: '/api/alerts/:id/acknowledge', allowed: ['officer', 'leader'] },
  { method: 'POST', url: '/api/imports/legacy', allowed: ['admin'] },
  { method: 'POST', url: '/api/portal/dossiers', allowed: ['citizen'] },
  { method: 'POST', url: '/api/portal/dossiers/check', allowed: ['citizen'] },
  { method: 'GET', url: '/api/portal/track/:code', allowed: 'public' },
  { method: 'GET', url: '/api/portal/my-dossiers', allowed: ['citizen'] },
  { method: 'GET', url: '/api/portal/my-dossiers/:code', allowed: ['citizen'] },
  { method: 'GET', url: '/api/portal/my-identity', allowed: ['citizen'] },
  { method: 'GET', url: '/api/auth/oidc/:provider/start', allowed: 'public' },
  { method: 'GET', url: '/api/auth/oidc/:provider/callback', allowed: 'public' },
  { method: 'POST', url: '/api/auth/oidc/session', allowed: 'public' },
  { method: 'POST', url: '/api/portal/dossiers/:code/rating', allowed: ['citizen'] },
  { method: 'POST', url: '/api/dossiers/:code/receive', allowed: ['officer'] },
  // A citizen reaches the files of the dossiers they submitted online only (this one was received at the desk).
  { method: 'POST', url: '/api/dossiers/:code/attachments', allowed: ['officer', 'leader'] },
  {
    method: 'GET',
    url: '/api/dossiers/:code/attachments',
    allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
    hidden: ['citizen'],
  },
  {
    method: 'GET',
    url: '/api/dossiers/:code/attachments/:id',
    allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
    hidden: ['citizen'],
  },
  { method: 'GET', url: '/api/dossiers/:code/rating', allowed: ['officer', 'leader', 'auditor', 'publisher', 'admin'] },
];

t.test('every route refuses the roles that may not use it', async (t) => {
  const h = await testApp(t);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  // A second dossier moved on to the leader's signature, so each task role has a task of its own to try.
  const second = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const signing = (
    await h.request({
      method: 'POST',
      url: `/api/tasks/${second.tasks[0].id}/complete`,
      as: 'canbo.phucxa',
      payload: {},
    })
  ).json();
  const taskOf = (role: Role | null) => String(role === 'leader' ? signing.dossier.tasks[0].id : dossier.tasks[0].id);
  const urlFor = (template: string, role: Role | null) =>
    (template.includes('/register')
      ? `${template.replace(':code', '00001')}?from=2018-11-01&to=2018-11-30` // the register of the officer's unit
      : template
    )
      .replace(
        ':code',
        template.startsWith('/api/procedures')
          ? '1.001193'
          : template.startsWith('/api/units')
            ? '00004'
            : dossier.code,
      )
      .replace(':provider', 'citizen')
      .replace(':index', '0')
      .replace(':id', taskOf(role))
      .replace(':v', '1')
      .replace(':year', '2019')
      .replace(':kind', 'receipt')
      .replace(':n', '1')
      .replace(':m', '1')
      .replace(':changeId', '1')
      .replace(':id', '1');

  const documented = Object.entries(
    (await h.app.inject({ method: 'GET', url: '/docs/json' })).json().paths as Record<string, object>,
  ).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
  t.same(documented.sort(), MATRIX.map((r) => `${r.method} ${r.url}`).sort(), 'the matrix covers every API route');

  for (const route of MATRIX) {
    const anonymous = await h.app.inject({
      method: route.method as 'GET',
      url: urlFor(route.url, null),
      payload: route.method === 'GET' ? undefined : {},
    });
    if (route.allowed === 'public') t.not(anonymous.statusCode, 401, `${route.method} ${route.url} is public`);
    else t.equal(anonymous.statusCode, 401, `${route.method} ${route.url} needs a login`);

    for (const role of ROLES) {
      const res = await h.request({
        method: route.method as 'GET',
        url: urlFor(route.url, role),
        as: ROLE_USERS[role],
        payload: route.method === 'GET' ? undefined : {},
      });
      const mayUse = route.allowed === 'public' || route.allowed === 'authenticated' || route.allowed.includes(role);
      if (mayUse)
        t.notOk(
          [401, 403].includes(res.statusCode),
          `${role} may use ${route.method} ${route.url} (${res.statusCode})`,
        );
      else if (route.hidden?.includes(role))
        t.equal(res.statusCode, 404, `${role} cannot see this dossier through ${route.method} ${route.url}: 404`);
      else {
        t.equal(res.statusCode, 403, `${role} may not use ${route.method} ${route.url}`);
        t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      }
    }
  }
});

t.test('resource rules: unit and role of a task, the receiving unit, who sees a dossier', async (t) => {
  const h = await testApp(t);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const officerTask = dossier.tasks[0].id;

  const otherUnit = await h.request({
    method: 'POST',
    url: `/api/tasks/${officerTask}/complete`,
    as: 'canbo.badinh',
    payload: {},
  });
  t.equal(otherUnit.statusCode, 403, 'an officer of another unit cannot complete it');
  t.match(otherUnit.json().detail, /vai trò hoặc đơn vị khác/);
  t.equal(
    (await h.request({ method: 'POST', url: `/api/tasks/${officerTask}/claim`, as: 'canbo.badinh' })).statusCode,
    403,
    'nor claim it',
  );
  t.equal(
    (await h.request({ method: 'POST', url: `/api/tasks/${officerTask}/complete`, as: 'lanhdao.phucxa', payload: {} }))
      .statusCode,
    403,
    'a leader cannot do an officer’s task',
  );

  const elsewhere = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.badinh',
    payload: receiptBody('1.001193'),
  });
  t.equal(elsewhere.statusCode, 403, 'an officer receives only at their own unit');

  const hidden = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.badinh' });
  const missing = await h.request({ method: 'GET', url: '/api/dossiers/H26.00001-181119-9999', as: 'canbo.badinh' });
  t.equal(hidden.statusCode, 404, 'staff of an uninvolved unit cannot read it: it is not found for them');
  t.same(
    { ...hidden.json(), detail: null },
    { ...missing.json(), detail: null },
    'exactly as a code that does not exist (nothing to enumerate)',
  );
  t.match(hidden.json().detail, /Không tìm thấy hồ sơ mã/);
  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'lanhdao.phucxa' })).statusCode,
    200,
    'staff of its unit can',
  );
  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'thanhtra' })).statusCode,
    200,
    'an auditor can read any',
  );

  t.same(
    (await h.request({ method: 'GET', url: '/api/tasks', as: 'canbo.badinh' })).json(),
    [],
    'other units’ inboxes stay empty',
  );

  const events = await h.app.system.db.knex('dossier_events').count({ n: '*' }).first();
  t.equal(Number(events!.n), dossier.version, 'refusals changed nothing');
});

t.test('bad tokens are refused with 401', async (t) => {
  const h = await testApp(t);
  const me = (token: string) =>
    h.app.inject({ method: 'GET', url: '/api/users/me', headers: { authorization: token } });
  const good = await h.login('canbo.phucxa');
  t.equal((await me(`Bearer ${good}`)).statusCode, 200);
  const { value: secret } = await h.app.system.db.knex('settings').where({ key: 'jwt_secret' }).first('value');
  t.equal(
    (await me(`Bearer ${createSigner({ key: secret })({ sub: '1' })}`)).statusCode,
    200,
    'a token signed with the kept key is accepted',
  );
  for (const [label, header] of [
    ['malformed token', 'Bearer not-a-token'],
    ['tampered token', `Bearer ${good.slice(0, -2)}xx`],
    ['wrong scheme', `Basic ${good}`],
    ['signed with another key', `Bearer ${createSigner({ key: 'another-secret-key-0123456789' })({ sub: '1' })}`],
    [
      'expired',
      `Bearer ${createSigner({ key: secret, expiresIn: 60_000, clockTimestamp: Date.now() - 3_600_000 })({ sub: '1' })}`,
    ],
    ['unknown user', `Bearer ${h.app.jwt.sign({ sub: '999999' })}`],
  ]) {
    const res = await me(header!);
    t.equal(res.statusCode, 401, `${label} → 401`);
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
  const wrong = await h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'canbo.phucxa', password: 'sai-mat-khau' },
  });
  t.equal(wrong.statusCode, 401);
  t.equal(wrong.json().detail, 'Tên đăng nhập hoặc mật khẩu không đúng.');
  const nobody = await h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'khong-ton-tai', password: 'x' },
  });
  t.equal(nobody.json().detail, 'Tên đăng nhập hoặc mật khẩu không đúng.', 'an unknown user reads the same');
});

t.test('guessing a password is slowed down', async (t) => {
  const h = await testApp(t);
  const attempt = (username: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  for (let i = 0; i < 10; i++) t.equal((await attempt('canbo.phucxa', `doan-${i}`)).statusCode, 401);
  const blocked = await attempt('canbo.phucxa', 'motcua2018');
  t.equal(blocked.statusCode, 429, 'the eleventh attempt within five minutes is refused, even with the right password');
  t.equal(blocked.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(blocked.json().detail, /Thử quá nhiều lần/);
  t.equal((await attempt('lanhdao.phucxa', 'motcua2018')).statusCode, 200, 'other accounts are not affected');
});
