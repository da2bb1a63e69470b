import { DEMO_PASSWORD } from '../../src/seed.js';
import { browserTest } from '../helpers/browser.js';
import { PDF } from '../helpers/portal.js';

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

browserTest(
  'on today’s map a citizen names the ward of residence by typing it without accents, and that ward receives the dossier',
  async (b, h, t) => {
    const { page } = b;
    await page.goto(`${b.base}/dang-nhap?next=/nop-truc-tuyen/1.001193`);
    await page.getByLabel('Tên đăng nhập').fill('congdan');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${b.base}/nop-truc-tuyen/1.001193`);

    await page.getByLabel('Tìm phường, xã').fill('hoan kiem');
    await page.waitForFunction("document.querySelector('#f-unitCode')?.value === '00070'");
    t.equal(
      await page.locator('#f-unitCode option:checked').textContent(),
      'Phường Hoàn Kiếm',
      'the ward of today, without a district',
    );
    t.equal(
      await page.getByLabel(/Phường, xã nơi cư trú hoặc nơi có đối tượng/).count(),
      1,
      'the applicant is asked where they live, not which of the city’s units to pick',
    );
    const offered = await page.locator('#f-unitCode option').allTextContents();
    t.notOk(
      offered.some((label) => /Phúc Xá|Quận /.test(label)),
      'no ward or district abolished in 2025 is offered',
    );
    await page.getByLabel('Tìm phường, xã').fill('');
    t.equal(await page.locator('#f-unitCode option').count(), 1 + 126, 'the 126 wards and communes in force');
    await b.screenshot('portal-today-ward');

    await page.locator('#f-applicant-idNumber').fill('001090012345');
    await page.locator('#f-data-childFullName').fill('Nguyễn Thị Bình');
    await page.locator('#f-data-childBirthDate').fill('25/11/2026');
    await page.locator('#f-data-childGender').selectOption('Nữ');
    await page.locator('#f-data-birthPlace').fill('Bệnh viện Phụ sản Hà Nội');
    await page.locator('#f-data-motherFullName').fill('Trần Thị Cúc');
    await page.locator('#f-documents-0').setInputFiles(pdf('cccd-me.pdf'));
    await page.locator('#f-documents-1').setInputFiles(pdf('xac-nhan-cu-tru.pdf'));
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    t.match(code, /^H26\.00070-261202-\d+$/, 'the ward of residence receives it');
    const stored = await h.app.system.db.knex('dossiers').where({ code }).first('unit_code');
    t.equal(stored.unit_code, '00070');
  },
  { start: '2026-12-02T09:00:00+07:00' },
);
