import t from 'tap';
import { testApp } from '../helpers/app.js';
import { browserTest } from '../helpers/browser.js';

browserTest('each role logs in and sees what it can do, in Vietnamese or English', async (b, _h, t) => {
  const { page } = b;

  await page.goto(`${b.base}/cong-bo`);
  await page.getByText('Trang này cần đăng nhập.').waitFor();

  await page.goto(`${b.base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('vpubnd');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();

  await b.login('vpubnd');
  const cards = page.locator('.cards .card h3');
  t.same(
    await cards.allTextContents(),
    ['Sơ đồ quy trình', 'Bàn công bố', 'Báo cáo đúng hạn', 'Sổ theo dõi hồ sơ', 'Tìm hồ sơ', 'Tài liệu API'],
    'the publisher’s home offers the editor and the desk',
  );
  await b.screenshot('home-publisher-vi');

  await page.getByTestId('lang-toggle').click();
  t.same(
    await cards.allTextContents(),
    [
      'Process diagrams',
      'Publishing desk',
      'On-time report',
      'Dossier register',
      'Find a dossier',
      'API documentation',
    ],
    'English by the toggle',
  );
  await page.reload();
  await page.getByRole('heading', { name: /Hello/ }).waitFor();
  await page.getByTestId('lang-toggle').click();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await b.login('thanhtra');
  t.same(
    await cards.allTextContents(),
    ['Kiểm tra hồ sơ', 'Báo cáo đúng hạn', 'Sổ theo dõi hồ sơ', 'Tìm hồ sơ', 'Tài liệu API'],
    'the auditor’s home offers the audit pages only',
  );
  await page.goto(`${b.base}/cong-bo`);
  await page.getByText('Tài khoản của bạn không có quyền dùng trang này.').waitFor();
});

t.test('paths outside /api and /docs open the app; unknown API paths stay 404 problems', async (t) => {
  const h = await testApp(t);
  const page = await h.request({ method: 'GET', url: '/tra-cuu/00001-181119-0001' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /text\/html/);
  const api = await h.request({ method: 'GET', url: '/api/khong-co' });
  t.equal(api.statusCode, 404);
  t.match(api.headers['content-type'], /problem\+json/);
});
