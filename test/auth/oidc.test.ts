import t, { type Test } from 'tap';
import { DEMO_PASSWORD } from '../../src/auth/demo.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { INJECT_CALLBACKS, signInOverHttp } from '../helpers/oidc-flow.js';
import { startProvider, type TestProvider } from '../helpers/oidc-provider.js';

// Sign-in with OpenID Connect against a real provider (oidc-provider) on loopback: a citizen through "VNeID", an
// officer through the city's single sign-on, and every spoilt answer refused with no session.
const CITIZEN = {
  name: 'Trần Thị Lan',
  birthdate: '1990-05-12',
  address: { formatted: 'Số 5 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội' },
};

async function setUp(t: Test): Promise<{ h: TestApp; provider: TestProvider }> {
  const provider = await startProvider(t);
  provider.configure(INJECT_CALLBACKS, {
    '001190012345': CITIZEN,
    'sso-hoankiem': { name: 'Nguyễn Thị Hoa', preferred_username: 'canbo.hoankiem' },
    'sso-nobody': { name: 'Người lạ', preferred_username: 'khong.co.tai.khoan' },
  });
  const client = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret };
  const h = await testApp(t, {
    start: '2026-12-02T09:00:00+07:00',
    oidc: {
      citizen: { ...client, scopes: 'openid profile', claim: 'sub' },
      staff: { ...client, scopes: 'openid profile', claim: 'preferred_username' },
    },
  });
  return { h, provider };
}

async function redeem(h: TestApp, location: string) {
  const handoff = /#handoff=([\w-]+)$/.exec(location)?.[1];
  if (!handoff) throw new Error(`no handoff in ${location}`);
  return h.app.inject({ method: 'POST', url: '/api/auth/oidc/session', payload: { handoff } });
}

t.test(
  'a citizen signs in with VNeID: the account is created once, the portal prefilled from the identity',
  async (t) => {
    const { h, provider } = await setUp(t);
    const options = (await h.app.inject({ method: 'GET', url: '/api/auth/options' })).json();
    t.same(options.identityProviders, ['citizen', 'staff'], 'the login page offers both');

    const landing = await signInOverHttp(h, provider, 'citizen', '001190012345');
    t.match(landing, /^\/dang-nhap#handoff=/, 'back on the login page with a one-time handoff');
    const session = await redeem(h, landing);
    t.equal(session.statusCode, 200, session.body);
    t.match(session.json().user, { fullName: 'Trần Thị Lan', roles: ['citizen'], unitCode: null });
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/auth/oidc/session',
      payload: { handoff: /#handoff=(.+)$/.exec(landing)![1] },
    });
    t.equal(again.statusCode, 401, 'a handoff serves once');

    const token = session.json().token;
    const identity = await h.app.inject({
      method: 'GET',
      url: '/api/portal/my-identity',
      headers: { authorization: `Bearer ${token}` },
    });
    t.same(
      identity.json(),
      {
        fullName: 'Trần Thị Lan',
        idNumber: '001190012345',
        birthDate: '1990-05-12',
        address: 'Số 5 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
      },
      'what the portal prefills',
    );

    const second = await redeem(h, await signInOverHttp(h, provider, 'citizen', '001190012345'));
    t.equal(second.json().user.id, session.json().user.id, 'the same account the next time');
    const { knex } = h.app.system.db;
    t.equal(Number((await knex('users').where('username', 'like', 'vneid.%').count({ n: '*' }))[0]!.n), 1);
  },
);

t.test('an officer signs in through the city: their existing account, never a new one', async (t) => {
  const { h, provider } = await setUp(t);
  const session = await redeem(h, await signInOverHttp(h, provider, 'staff', 'sso-hoankiem'));
  t.equal(session.statusCode, 200, session.body);
  t.match(session.json().user, { username: 'canbo.hoankiem', roles: ['officer'], unitCode: '00070' });

  const users = async () => Number((await h.app.system.db.knex('users').count({ n: '*' }))[0]!.n);
  const before = await users();
  const refused = await signInOverHttp(h, provider, 'staff', 'sso-nobody');
  t.equal(refused, '/dang-nhap#error=oidc-no-account', 'an identity naming no account is refused');
  t.equal(await users(), before, 'and creates none');
});

t.test('spoilt answers are refused with no session: tampered, expired, another nonce, an unknown state', async (t) => {
  const { h, provider } = await setUp(t);
  const handoffs = async () =>
    Number((await h.app.system.db.knex('oidc_logins').whereNotNull('handoff').count({ n: '*' }))[0]!.n);
  for (const tampering of ['signature', 'expired', 'nonce'] as const) {
    provider.tampering = tampering;
    const landing = await signInOverHttp(h, provider, 'citizen', '001190012345');
    t.equal(landing, '/dang-nhap#error=oidc-refused', `${tampering}: refused`);
  }
  provider.tampering = null;
  t.equal(await handoffs(), 0, 'no session was handed off');
  t.equal(
    Number((await h.app.system.db.knex('users').where('username', 'like', 'vneid.%').count({ n: '*' }))[0]!.n),
    0,
    'no account was created',
  );

  const forged = await h.app.inject({ method: 'GET', url: '/api/auth/oidc/citizen/callback?code=abc&state=forged' });
  t.equal(forged.headers.location, '/dang-nhap#error=oidc-state', 'a state this system never started');
  const bogus = await h.app.inject({ method: 'POST', url: '/api/auth/oidc/session', payload: { handoff: 'x' } });
  t.equal(bogus.statusCode, 401);
  t.match(bogus.json(), { detail: /Phiên đăng nhập không hợp lệ/ });
});

t.test('without a provider configured, the login page offers none and starting one is a clear 400', async (t) => {
  const h = await testApp(t);
  t.same((await h.app.inject({ method: 'GET', url: '/api/auth/options' })).json().identityProviders, []);
  const res = await h.app.inject({ method: 'GET', url: '/api/auth/oidc/citizen/start' });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'provider-not-configured', detail: /chưa cấu hình/ });
});

t.test('the administrator turns citizens’ passwords off once VNeID is there', async (t) => {
  const { h } = await setUp(t);
  const rules = (await h.request({ method: 'GET', url: '/api/settings', as: 'admin' })).json();
  await h.request({ method: 'PUT', url: '/api/settings', as: 'admin', payload: { ...rules, citizenPasswords: false } });
  const login = (username: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const citizen = await login('congdan');
  t.equal(citizen.statusCode, 401);
  t.match(citizen.json().detail, /VNeID/);
  t.equal((await login('canbo.hoankiem')).statusCode, 200, 'officers keep theirs');
  t.equal((await h.app.inject({ method: 'GET', url: '/api/auth/options' })).json().citizenPasswords, false);
});

t.test('behind a proxy, the provider sends the browser back to the public address', async (t) => {
  const provider = await startProvider(t);
  provider.configure(['https://motcua.hanoi.gov.vn/api/auth/oidc/citizen/callback'], {});
  const h = await testApp(t, {
    oidcRedirectBase: 'https://motcua.hanoi.gov.vn',
    oidc: {
      citizen: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        scopes: 'openid profile',
        claim: 'sub',
      },
    },
  });
  const start = await h.app.inject({ method: 'GET', url: '/api/auth/oidc/citizen/start' });
  t.equal(start.statusCode, 302);
  t.equal(
    new URL(String(start.headers.location)).searchParams.get('redirect_uri'),
    'https://motcua.hanoi.gov.vn/api/auth/oidc/citizen/callback',
  );
});
