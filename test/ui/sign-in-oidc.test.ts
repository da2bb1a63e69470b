import { browserTest } from '../helpers/browser.js';
import { startProvider, type TestProvider } from '../helpers/oidc-provider.js';

// "Đăng nhập bằng VNeID" in a real browser against a real OpenID provider on loopback: the citizen lands back on the
// portal's submission form prefilled from the identity; an officer signs in through the city's provider to the inbox.
let provider: TestProvider;

browserTest(
  'a citizen signs in with VNeID and the submission form is prefilled; an officer signs in through the city',
  async (b, h, t) => {
    const { page } = b;
    // The provider's development pages ask for a web font from the Internet, which a test machine has not.
    await page.route(/^https:\/\/fonts\.googleapis\.com\//, (r) => r.fulfill({ contentType: 'text/css', body: '' }));
    provider.configure(
      ['citizen', 'staff'].map((p) => `${b.base}/api/auth/oidc/${p}/callback`),
      {
        '001190012345': {
          name: 'Trần Thị Lan',
          birthdate: '1990-05-12',
          address: { formatted: 'Số 5 phố Hàng Bạc, Hoàn Kiếm, Hà Nội' },
        },
        'sso-hoankiem': { name: 'Nguyễn Thị Hoa', preferred_username: 'canbo.hoankiem' },
      },
    );
    await page.goto(`${b.base}/dang-nhap?next=${encodeURIComponent('/nop-truc-tuyen/1.001193')}`);
    await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
    // The provider's own pages (oidc-provider's development login and consent).
    await page.locator('input[name="login"]').fill('001190012345');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/nop-truc-tuyen\/1\.001193$/);
    await page.getByTestId('identity-prefill').waitFor(); // set with the applicant, once the identity is read
    t.equal(await page.locator('input[name="fullName"]').inputValue(), 'Trần Thị Lan', 'name from the identity');
    t.equal(await page.locator('input[name="idNumber"]').inputValue(), '001190012345', 'ID number from it');
    t.match(await page.getByTestId('identity-prefill').textContent(), /12\/05\/1990.*Hàng Bạc/);
    t.notOk(page.url().includes('handoff'), 'the handoff is gone from the address');
    await b.screenshot('sign-in-vneid-prefilled');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap/);
    // In life the city's provider is another server: here one provider plays both, so its session cookie goes.
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản công vụ' }).click();
    await page.locator('input[name="login"]').fill('sso-hoankiem');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/hop-viec$/);
    await page.getByText('Nguyễn Thị Hoa').first().waitFor();

    // A refused sign-in says why, and signs nobody in.
    await page.goto(`${b.base}/dang-nhap#error=oidc-no-account`);
    await page
      .getByTestId('sign-in-refused')
      .getByText(/chưa được cấp trên hệ thống/)
      .waitFor();
  },
  async (t) => {
    provider = await startProvider(t);
    const client = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret };
    return {
      start: '2026-12-02T09:00:00+07:00',
      oidc: {
        citizen: { ...client, scopes: 'openid profile', claim: 'sub' },
        staff: { ...client, scopes: 'openid profile', claim: 'preferred_username' },
      },
    };
  },
);
