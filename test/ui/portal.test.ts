import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed.js';
import { browserTest } from '../helpers/browser.js';

/** A small but real PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });
/** An executable dressed as an attachment. */
const EXE = {
  name: 'giay-khai-sinh.exe',
  mimeType: 'application/x-msdownload',
  buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not a document'),
};
/** Over the 10 MB limit, with a genuine PDF header. */
const BIG_PDF = {
  name: 'ban-scan-lon.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
};

const errorOf = (page: Page, pointer: string) => page.locator(`[data-field="${pointer}"] .field-error`);

browserTest('a citizen finds a procedure, submits a dossier online with files and tracks it', async (b, h, t) => {
  const { page } = b;
  const posted: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/portal/dossiers')) posted.push(request.url());
  });

  // A visitor searches without accents.
  await page.goto(`${b.base}/thu-tuc`);
  await page.getByLabel('Tìm theo tên hoặc mã thủ tục').fill('khai sinh');
  const row = page.getByRole('row', { name: /1\.001193/ });
  await row.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  t.match(await row.textContent(), /Hộ tịch.*Cấp xã.*Toàn trình/s, 'field, level and online level are listed');
  t.notOk(
    await page.getByRole('link', { name: 'Thủ tục đăng ký kết hôn' }).isVisible(),
    'other procedures are filtered out',
  );
  await page.getByLabel('Tìm theo tên hoặc mã thủ tục').fill('DANG KY KHAI TU');
  await page.getByRole('link', { name: 'Thủ tục đăng ký khai tử' }).waitFor();
  await page.getByLabel('Tìm theo tên hoặc mã thủ tục').fill('khai sinh');
  await b.screenshot('portal-search');

  // … opens it: documents, fee, time limit, online level.
  await row.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
  await page.getByRole('heading', { name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await page.getByRole('cell', { name: /^Giấy tờ chứng minh nơi cư trú/ }).waitFor();
  t.match(
    await page.getByTestId('fee').textContent(),
    /Miễn lệ phí đối với trường hợp khai sinh đúng hạn/,
    'the fee is shown',
  );
  t.match(
    await page.locator('.facts').textContent(),
    /Ngay trong ngày tiếp nhận.*Toàn trình.*Phiên bản 1, áp dụng từ 19\/11\/2018/s,
    'time limit, online level and version in force',
  );
  await b.screenshot('portal-procedure');

  // … and is asked to log in before the online form, then comes back to it.
  await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
  await page.waitForURL(/\/dang-nhap\?next=/);
  await page.getByLabel('Tên đăng nhập').fill('congdan');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${b.base}/nop-truc-tuyen/1.001193`);

  // The form: a wrong ID number, a required field left empty, an executable, a missing document, a file too big.
  await page.locator('#f-applicant-fullName').waitFor();
  t.equal(
    await page.locator('#f-applicant-fullName').inputValue(),
    'Nguyễn Văn An',
    'the applicant is the account holder',
  );
  await page.locator('#f-applicant-idNumber').fill('12345');
  await page.getByLabel('Tìm phường, xã').fill('phuc xa');
  await page.waitForFunction("document.querySelector('#f-unitCode')?.value === '00001'");
  t.match(
    await page.locator('#f-unitCode option:checked').textContent(),
    'Phường Phúc Xá — Quận Ba Đình',
    'typing part of the name picks the commune',
  );
  await page.locator('#f-data-childFullName').fill('Nguyễn Thị Bình');
  await page.locator('#f-data-childBirthDate').fill('31/02/2018');
  await page.locator('#f-data-childGender').selectOption('Nữ');
  await page.locator('#f-data-motherFullName').fill('Trần Thị Cúc');
  await page.locator('#f-documents-0').setInputFiles(EXE);
  await page.locator('#f-extras').setInputFiles(BIG_PDF);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

  await errorOf(page, '/applicant/idNumber').waitFor();
  t.match(
    await errorOf(page, '/applicant/idNumber').textContent(),
    /Không đúng định dạng: số CCCD \(12 chữ số\), CMND \(9 chữ số\)/,
    'the wrong ID number is named next to it',
  );
  t.equal(
    await errorOf(page, '/data/birthPlace').textContent(),
    'Thông tin bắt buộc, chưa được nhập.',
    'the empty required field of the procedure’s form',
  );
  t.match(
    await errorOf(page, '/data/childBirthDate').textContent(),
    /Ngày không hợp lệ: nhập theo dạng dd\/mm\/yyyy/,
    'a day that does not exist',
  );
  t.match(
    await errorOf(page, '/documents/0').textContent(),
    /Tệp "giay-khai-sinh\.exe" không được chấp nhận: chỉ nhận PDF, JPEG, PNG/,
    'the refused file type',
  );
  t.equal(
    await errorOf(page, '/documents/1').textContent(),
    'Chưa đính kèm giấy tờ bắt buộc này.',
    'the missing required document',
  );
  t.match(
    await errorOf(page, '/extras').textContent(),
    /Tệp "ban-scan-lon\.pdf" có dung lượng 11 MB, vượt quá giới hạn 10 MB/,
    'the file over the size limit',
  );
  t.equal(await errorOf(page, '/documents/2').count(), 0, 'a document needed only by post is optional');
  t.equal(await errorOf(page, '/data/childFullName').count(), 0, 'no message next to a field filled correctly');
  t.match(await page.locator('.submit-bar').textContent(), /còn 6 mục cần sửa/, 'the count of what to fix');
  t.same(posted, [], 'nothing was submitted (the form was only checked)');
  await b.screenshot('portal-form-errors');

  // Fixed.
  await page.locator('#f-applicant-idNumber').fill('001090012345');
  await page.locator('#f-data-birthPlace').fill('Bệnh viện Phụ sản Hà Nội');
  await page.locator('#f-data-childBirthDate').fill('10/11/2018');
  await page.locator('#f-documents-0').setInputFiles(pdf('cccd-me.pdf'));
  await page.locator('#f-documents-1').setInputFiles(pdf('xac-nhan-cu-tru.pdf'));
  await page.locator('#f-extras').setInputFiles([]);

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
  t.match(code, /^H26\.00001-181119-\d+$/, 'the dossier gets its code from the commune that receives it');
  t.match(await page.locator('.submitted').textContent(), /Mới đăng ký/, 'status 1, new');
  t.equal(posted.length, 1, 'sent once');
  await b.screenshot('portal-submitted');

  // Tracking by the code and the ID number.
  await page.getByRole('link', { name: 'Tra cứu hồ sơ này' }).click();
  await page.waitForURL(`${b.base}/tra-cuu/${code}`);
  t.equal(await page.getByLabel('Mã hồ sơ').inputValue(), code, 'the code comes with the address');
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill('001090012345');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  const result = page.getByTestId('track-result');
  await result.getByText('Mới đăng ký').waitFor();
  t.match(await result.textContent(), /Phường Phúc Xá/, 'the receiving unit');
  await b.screenshot('portal-track');

  // A wrong ID number finds nothing (and says so, without telling whether the code exists).
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill('001090099999');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page
    .getByRole('alert')
    .getByText(/Không tìm thấy hồ sơ có mã và số giấy tờ này/)
    .waitFor();
  t.equal(await result.count(), 0, 'nothing of the dossier is shown');

  // The citizen's own list.
  await page.goto(`${b.base}/ho-so-cua-toi`);
  await page.getByRole('link', { name: code }).waitFor();
  t.match(
    await page.getByRole('row', { name: new RegExp(code) }).textContent(),
    /Thủ tục đăng ký khai sinh.*Mới đăng ký/,
    'listed with its procedure and status',
  );
  await b.screenshot('portal-my-dossiers');

  // Opened from the list, the citizen's own dossier is shown without asking for the ID number.
  await page.getByRole('link', { name: code }).click();
  await page.waitForURL(`${b.base}/tra-cuu/${code}`);
  await page.getByTestId('track-result').getByText('Mới đăng ký').waitFor();
  t.equal(await page.getByLabel('Số CCCD / CMND / hộ chiếu').inputValue(), '', 'no ID number typed');
});
