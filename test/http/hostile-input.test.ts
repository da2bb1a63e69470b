import { connect as connectSocket } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import t from 'tap';
import { openSystem } from '../../src/system.js';
import { fromRoot } from '../../src/project.js';
import { ADMIN_PASSWORD, testApp } from '../helpers/app.js';
import { freshDatabase } from '../helpers/database.js';
import { receiptBody } from '../helpers/fixtures.js';
import { counts, onlineDossier, PDF, postForm, submitOnline } from '../helpers/portal.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

/** The same hostile requests on SQLite and on PostgreSQL (TEST_DATABASE_URL): each a clear 4xx, none a 5xx. */
t.test('text with NUL, numbers beyond the columns, deep JSON: 400 with problem+json, nothing stored', async (t) => {
  const h = await testApp(t);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const before = await counts(h);
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const cases: {
    label: string;
    as?: string;
    method: 'GET' | 'POST' | 'PATCH';
    url: string;
    payload?: unknown;
    status: number;
    code?: string;
  }[] = [
    {
      label: 'NUL in a login, anonymous',
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'canbo\u0000phucxa', password: 'x' },
      status: 400,
      code: 'nul-character',
    },
    {
      label: 'NUL in a tracking look-up',
      method: 'GET',
      url: `/api/portal/track/${dossier.code}?idNumber=0010%00`,
      status: 400,
      code: 'nul-character',
    },
    {
      label: 'NUL in a procedure code',
      method: 'GET',
      url: '/api/procedures/1.00%001193',
      status: 400,
      code: 'nul-character',
    },
    {
      label: 'NUL in a receipt',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...receiptBody('1.001193'), applicant: { fullName: 'Nguyễn\u0000Văn', idNumber: '001090012345' } },
      status: 400,
      code: 'nul-character',
    },
    {
      label: 'NUL in a key of the form data',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/dossiers',
      payload: { ...receiptBody('1.001193'), data: { 'x\u0000': 1 } },
      status: 400,
      code: 'nul-character',
    },
    {
      label: 'an announcement id beyond an integer',
      method: 'GET',
      url: '/api/announcements/99999999999',
      status: 400,
    },
    {
      label: 'an attachment id beyond an integer',
      as: 'canbo.phucxa',
      method: 'GET',
      url: `/api/dossiers/${dossier.code}/attachments/99999999999`,
      status: 400,
    },
    {
      label: 'an alert id beyond an integer',
      as: 'canbo.phucxa',
      method: 'POST',
      url: '/api/alerts/99999999999/acknowledge',
      status: 400,
    },
    {
      label: 'an incident id beyond an integer',
      as: 'vpubnd',
      method: 'POST',
      url: '/api/incidents/99999999999/resolve',
      status: 400,
    },
    {
      label: 'a diff of versions beyond the range',
      as: 'vpubnd',
      method: 'GET',
      url: '/api/procedures/1.001193/versions/1/diff/99999999999',
      status: 400,
    },
    {
      label: 'an abolition of a change beyond an integer',
      as: 'vpubnd',
      method: 'POST',
      url: '/api/announcements/1/changes/99999999999/abolish',
      status: 400,
    },
    { label: 'an offset of 1e20', as: 'canbo.phucxa', method: 'GET', url: '/api/dossiers?offset=1e20', status: 400 },
    { label: 'an inbox offset of 1e20', as: 'canbo.phucxa', method: 'GET', url: '/api/tasks?offset=1e20', status: 400 },
    {
      label: 'task data nested 5000 deep',
      as: 'canbo.phucxa',
      method: 'POST',
      url: `/api/tasks/${dossier.tasks[0].id}/complete`,
      payload: `{"data":${deep}}`,
      status: 400,
      code: 'too-deep',
    },
    {
      label: 'a user nested 5000 deep',
      as: 'admin',
      method: 'POST',
      url: '/api/users',
      payload: `{"username":"x","fullName":${deep}}`,
      status: 400,
      code: 'too-deep',
    },
    {
      label: 'a procedure’s department that does not exist',
      as: 'admin',
      method: 'PATCH',
      url: '/api/procedures/1.001193',
      payload: { departmentCode: 'KHONG-CO' },
      status: 422,
      code: 'unknown-unit',
    },
  ];
  for (const c of cases) {
    const headers = typeof c.payload === 'string' ? { 'content-type': 'application/json' } : {};
    const res = await h.request({ method: c.method, url: c.url, as: c.as, payload: c.payload as never, headers });
    t.equal(res.statusCode, c.status, `${c.label} → ${c.status} (${res.json().code})`);
    t.equal(res.headers['content-type'], PROBLEM, `${c.label}: problem+json`);
    if (c.code) t.equal(res.json().code, c.code, `${c.label}: ${c.code}`);
    t.match(res.json().detail, /\p{L}/u, `${c.label}: says why`);
  }
  const settings = await h.request({
    method: 'PUT',
    url: '/api/settings',
    as: 'admin',
    payload: { lateRiskLeadHours: 4, madeUp: true },
  });
  t.equal(settings.statusCode, 400, 'settings refuse a key they do not have');
  t.match(settings.json().errors, [{ field: '/madeUp' }]);
  t.notOk(
    'madeUp' in (await h.request({ method: 'GET', url: '/api/settings', as: 'admin' })).json(),
    'and store nothing',
  );
  t.same(await counts(h), before, 'nothing changed');
});

t.test('a multipart body cut short or without its boundary, on every upload route: 400', async (t) => {
  const h = await testApp(t);
  const dossier = (
    await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })
  ).json();
  const routes: [string, 'POST' | 'PUT', string][] = [
    ['congdan', 'POST', '/api/portal/dossiers'],
    ['canbo.phucxa', 'POST', `/api/dossiers/${dossier.code}/attachments`],
    ['modeler.stp', 'POST', '/api/procedures/1.001193/versions'],
    ['modeler.stp', 'POST', '/api/procedures/1.001193/validate'],
    ['modeler.stp', 'PUT', '/api/procedures/1.001193/versions/1'],
  ];
  const cutShort =
    '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing';
  for (const [as, method, url] of routes) {
    for (const [what, type, payload] of [
      ['no boundary', 'multipart/form-data', 'abc'],
      ['cut short', 'multipart/form-data; boundary=XX', cutShort],
    ] as const) {
      const res = await h.request({ method, url, as, headers: { 'content-type': type }, payload });
      t.ok(
        res.statusCode >= 400 && res.statusCode < 500,
        `${method} ${url}, ${what}: ${res.statusCode} ${res.json().code}`,
      );
      t.equal(res.headers['content-type'], PROBLEM);
    }
  }
});

t.test('what one account may upload: per request in total and per day', async (t) => {
  const h = await testApp(t, { uploads: { maxFileBytes: 4096, maxFiles: 4, maxTotalBytes: 6000, dailyBytes: 8000 } });
  const file = (name: string, field: string) => ({
    field,
    name,
    content: Buffer.concat([PDF, Buffer.alloc(2500 - PDF.length, 0x20)]),
    type: 'application/pdf',
  });
  const three = [file('a.pdf', '0'), file('b.pdf', '1'), file('c.pdf', '1')];
  const before = await counts(h);
  const tooMuch = await submitOnline(h, onlineDossier(), three);
  t.equal(tooMuch.statusCode, 413, 'three files of 2,500 bytes are more than one submission may carry');
  t.equal(tooMuch.json().code, 'upload-total-too-large');
  t.same(await counts(h), before, 'nothing stored');
  t.equal((await submitOnline(h, onlineDossier(), three.slice(0, 2))).statusCode, 201, 'two fit');
  const again = await submitOnline(h, onlineDossier(), three.slice(0, 2));
  t.equal(again.statusCode, 413, 'but not twice in a day');
  t.equal(again.json().code, 'upload-quota-exceeded');
  h.clock.advanceHours(24);
  t.equal((await submitOnline(h, onlineDossier(), three.slice(0, 2))).statusCode, 201, 'the next day the quota is new');
  const officer = await postForm(
    h,
    `/api/dossiers/${(await h.request({ method: 'POST', url: '/api/dossiers', as: 'canbo.phucxa', payload: receiptBody('1.001193') })).json().code}/attachments`,
    { document: 'Bản quét' },
    three.map((f) => ({ ...f, field: 'files' })),
    'canbo.phucxa',
  );
  t.equal(officer.statusCode, 413, 'officers’ attachments have the same limits');
});

t.test('security headers, no caching of personal data, no source maps', async (t) => {
  const h = await testApp(t, { uiRoot: fromRoot('dist', 'ui') });
  const page = await h.app.inject({ method: 'GET', url: '/tra-cuu' });
  const csp = String(page.headers['content-security-policy']);
  t.match(csp, /default-src 'self'/);
  t.match(csp, /script-src 'self'(;|$)/, 'scripts only from this origin, none inline');
  t.match(csp, /frame-ancestors 'none'/);
  t.equal(page.headers['x-content-type-options'], 'nosniff');
  t.equal(page.headers['referrer-policy'], 'no-referrer');
  const api = await h.request({ method: 'GET', url: '/api/users/me', as: 'canbo.phucxa' });
  t.equal(api.headers['cache-control'], 'no-store', 'answers of the API are not cached');
  t.match(String(api.headers['content-security-policy']), /frame-ancestors 'none'/);
  const assets = existsSync(fromRoot('dist', 'ui', 'assets')) ? readdirSync(fromRoot('dist', 'ui', 'assets')) : [];
  t.same(
    assets.filter((f) => f.endsWith('.map')),
    [],
    'the build has no source maps',
  );
  const script = assets.find((a) => a.endsWith('.js'));
  if (script)
    t.notOk(
      String((await h.app.inject({ method: 'GET', url: `/assets/${script}.map` })).headers['content-type']).includes(
        'json',
      ),
      'nor serves one',
    );
});

t.test('what the transport refuses is problem+json too', async (t) => {
  const h = await testApp(t);
  const base = new URL(await h.app.listen({ port: 0, host: '127.0.0.1' }));
  const raw = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connectSocket(Number(base.port), base.hostname, () => socket.end(request));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  const huge = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  t.match(huge, /^HTTP\/1\.1 431/);
  t.match(huge, /content-type: application\/problem\+json/i);
  t.match(huge, /"code":"headers-too-large"/);
  const broken = await raw('NOT A REQUEST\r\n\r\n');
  t.match(broken, /^HTTP\/1\.1 400/);
  t.match(broken, /"code":"malformed-request"/);
  const long = await fetch(`${base.origin}/api/dossiers/${'x'.repeat(600)}`);
  t.ok([404, 414].includes(long.status), `an address too long for the router: ${long.status}`);
  t.equal(long.headers.get('content-type'), PROBLEM);
});

t.test(
  'a database for real work: no demo accounts, published passwords refused, and it says which it is',
  async (t) => {
    const database = freshDatabase();
    t.teardown(() => database.drop());
    await t.rejects(
      openSystem({ databaseUrl: database.url, adminPassword: 'motcua-admin', demoAccounts: false }),
      /ADMIN_PASSWORD must be set/,
      'not with the published admin password',
    );
    const h = await testApp(t, { demoAccounts: false });
    t.same((await h.app.inject({ method: 'GET', url: '/api/auth/options' })).json(), {
      localPasswords: true,
      citizenPasswords: true,
      identityProviders: [],
      demo: false,
    });
    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'canbo.phucxa', password: 'motcua2018' },
        })
      ).statusCode,
      401,
      'no demo account',
    );
    const created = await h.request({
      method: 'POST',
      url: '/api/users',
      as: 'admin',
      payload: {
        username: 'canbo.moi',
        password: 'motcua2018',
        fullName: 'Cán bộ mới',
        unitCode: '00001',
        roles: ['officer'],
      },
    });
    t.equal(created.statusCode, 400, 'a published password is refused for a new account');
    t.equal(created.json().code, 'password-published');
    const demo = await testApp(t);
    t.same(
      (await demo.app.inject({ method: 'GET', url: '/api/auth/options' })).json(),
      { localPasswords: true, citizenPasswords: true, identityProviders: [], demo: true },
      'a demo database says so, for the login page',
    );
    t.equal(ADMIN_PASSWORD.length > 0, true);
  },
);

t.test('one password tried across many accounts from one address is stopped', async (t) => {
  const h = await testApp(t);
  const attempt = (username: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  for (let i = 0; i < 20; i++) t.equal((await attempt(`tai-khoan-${i}`, 'motcua2018')).statusCode, 401);
  const blocked = await attempt('lanhdao.phucxa', 'motcua2018');
  t.equal(blocked.statusCode, 429, 'the address is stopped, whatever account it tries next');
  t.match(blocked.json().detail, /đăng nhập sai quá nhiều lần/);
});

t.test('whoever submitted a version may not publish it too (a setting, on by default)', async (t) => {
  const h = await testApp(t);
  const draft = (
    await h.request({
      method: 'POST',
      url: '/api/procedures/1.001193/versions',
      as: 'vpubnd',
      payload: (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193/versions/1/bpmn' })).body,
      headers: { 'content-type': 'application/xml' },
    })
  ).json();
  t.equal(
    (await h.request({ method: 'POST', url: `/api/procedures/1.001193/versions/${draft.number}/submit`, as: 'vpubnd' }))
      .statusCode,
    200,
  );
  const own = await h.request({
    method: 'POST',
    url: `/api/procedures/1.001193/versions/${draft.number}/publish`,
    as: 'vpubnd',
    payload: {},
  });
  t.equal(own.statusCode, 403);
  t.equal(own.json().code, 'publisher-is-submitter');
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: `/api/procedures/1.001193/versions/${draft.number}/publish`,
        as: 'admin',
        payload: {},
      })
    ).statusCode,
    200,
    'another person publishes it',
  );
  await h.request({ method: 'PUT', url: '/api/settings', as: 'admin', payload: { publisherNotSubmitter: false } });
  const next = (
    await h.request({
      method: 'POST',
      url: '/api/procedures/1.001193/versions',
      as: 'vpubnd',
      payload: (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193/versions/1/bpmn' })).body,
      headers: { 'content-type': 'application/xml' },
    })
  ).json();
  await h.request({ method: 'POST', url: `/api/procedures/1.001193/versions/${next.number}/submit`, as: 'vpubnd' });
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: `/api/procedures/1.001193/versions/${next.number}/publish`,
        as: 'vpubnd',
        payload: {},
      })
    ).statusCode,
    200,
    'unless the administrator turns the rule off',
  );
});
