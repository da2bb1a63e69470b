import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { DEMO_PASSWORD } from '../../src/seed.js';
import { browserTest } from '../helpers/browser.js';
import { RECEIPTS } from '../helpers/fixtures.js';
import { PDF, PNG } from '../helpers/portal.js';

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });
const png = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });
const errorOf = (page: Page, pointer: string) => page.locator(`[data-field="${pointer}"] .field-error`);
const focusedId = (page: Page) => page.evaluate<string>("document.activeElement?.id ?? ''");
const focusedTestId = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.dataset.testid');
const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');

/** dd/mm/yyyy hh:mm in Hà Nội, as offices write it. */
function hanoi(date: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * Picks files as a keyboard user would: the hidden input takes the focus (Tab reaches it), and the files are set on it.
 * Space opens the browser's own chooser there; waiting for that dialog proved flaky in headless Chromium under load,
 * so the test sets the files on the focused input instead.
 */
async function chooseByKeyboard(page: Page, id: string, files: Parameters<typeof pdf>[0][]) {
  const input = page.locator(`#${id}`);
  await input.focus();
  if (!(await input.evaluate((element) => element === element.ownerDocument.activeElement)))
    throw new Error(`#${id} does not take the focus`);
  await input.setInputFiles(files.map((name) => (name.endsWith('.png') ? png(name) : pdf(name))));
}

browserTest(
  'the online form: a summary of the errors links to the fields, a corrected field loses its error, the file picker speaks Vietnamese, and the confirmation prints with its QR code',
  async (b, h, t) => {
    const { page } = b;
    await page.goto(`${b.base}/dang-nhap?next=${encodeURIComponent('/nop-truc-tuyen/1.001193')}`);
    await page.getByLabel('Tên đăng nhập').fill('congdan');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${b.base}/nop-truc-tuyen/1.001193`);
    await page.locator('#f-applicant-fullName').waitFor();

    // The file picker: the browser's own control is hidden, ours says in Vietnamese that nothing is chosen yet.
    const firstDocument = page.locator('[data-field="/documents/0"]');
    t.equal(await firstDocument.locator('.file-button').textContent(), 'Chọn tệp…', 'the button is in Vietnamese');
    t.equal(await firstDocument.getByTestId('file-chosen').textContent(), 'Chưa chọn tệp', 'nothing chosen, said so');
    const box = await page.locator('#f-documents-0').boundingBox();
    t.ok(box && box.width <= 1 && box.height <= 1, 'the native input (Choose Files / No file chosen) is not seen');
    t.equal(
      await page.locator('#f-documents-0').getAttribute('aria-describedby'),
      'f-documents-0-chosen',
      'the input is described by what was chosen',
    );

    // Submitted with a wrong ID number, no unit, an empty required field and two required documents missing.
    await page.locator('#f-applicant-idNumber').fill('12345');
    const data = RECEIPTS['1.001193']!.data;
    await page.locator('#f-data-childFullName').fill(String(data.childFullName));
    await page.locator('#f-data-childBirthDate').fill(dayMonthYear(String(data.childBirthDate)));
    await page.locator('#f-data-childGender').selectOption(String(data.childGender));
    await page.locator('#f-data-motherFullName').fill(String(data.motherFullName));
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    t.equal(
      await summary.getByRole('heading').textContent(),
      'Hồ sơ chưa gửi được: có 5 lỗi cần sửa',
      'the summary counts the errors',
    );
    t.equal(await summary.getAttribute('role'), 'alert', 'it is announced');
    t.equal(await focusedTestId(page), 'error-summary', 'the focus moves to it');
    const links = summary.getByRole('link');
    t.equal(await links.count(), 5, 'one link per error');
    const texts = await links.allTextContents();
    t.match(texts[0], /^Số CCCD \/ CMND \/ hộ chiếu: Không đúng định dạng/, 'in the order of the form, named by label');
    t.match(texts[1], /^Phường, xã nơi cư trú.*: Chọn đơn vị tiếp nhận hồ sơ\.$/, 'then the unit');
    t.match(texts[2], /^Nơi sinh: Thông tin bắt buộc, chưa được nhập\.$/, 'then the procedure’s form');
    t.match(texts[3], /Chưa đính kèm giấy tờ bắt buộc này\.$/, 'then the documents');

    await links.nth(2).click();
    t.equal(await focusedId(page), 'f-data-birthPlace', 'a link puts the cursor in its field');
    await links.nth(3).click();
    t.equal(await focusedId(page), 'f-documents-0', 'a document’s link focuses its file input');

    // Correcting a field drops its error at once, without submitting; the others stay.
    await page.locator('#f-applicant-idNumber').fill('001090012345');
    t.equal(await errorOf(page, '/applicant/idNumber').count(), 0, 'the corrected field has no message');
    t.equal(await page.locator('#f-applicant-idNumber').getAttribute('aria-invalid'), null, 'and is no longer invalid');
    t.equal(await links.count(), 4, 'nor a line in the summary');
    t.equal(
      await summary.getByRole('heading').textContent(),
      'Hồ sơ chưa gửi được: có 4 lỗi cần sửa',
      'which counts again',
    );
    t.equal(await errorOf(page, '/data/birthPlace').count(), 1, 'the other errors stay');

    // Files chosen with the keyboard; the line says which, in Vietnamese.
    await chooseByKeyboard(page, 'f-documents-0', ['cccd-me.pdf']);
    t.equal(await firstDocument.getByTestId('file-chosen').textContent(), 'Đã chọn 1 tệp: cccd-me.pdf', 'one file');
    t.equal(await errorOf(page, '/documents/0').count(), 0, 'the document’s error is gone');
    t.equal(await links.count(), 3, 'and its line');
    await chooseByKeyboard(page, 'f-documents-1', ['xac-nhan-cu-tru.pdf']);
    // … or by clicking the visible button.
    const extrasChooser = page.waitForEvent('filechooser');
    await page.locator('[data-field="/extras"]').getByText('Chọn tệp…').click();
    await (await extrasChooser).setFiles([pdf('giay-uy-quyen.pdf'), png('anh-chup.png')]);
    t.equal(
      await page.locator('[data-field="/extras"]').getByTestId('file-chosen').textContent(),
      'Đã chọn 2 tệp: giay-uy-quyen.pdf, anh-chup.png',
      'two files',
    );
    await page.locator('[data-field="/extras"]').scrollIntoViewIfNeeded();
    await b.screenshot('forms-file-picker');
    await page.evaluate('window.scrollTo(0, 0)');
    await b.screenshot('forms-error-summary');

    await page.locator('#f-data-birthPlace').fill(String(data.birthPlace));
    await page.getByLabel('Tìm phường, xã').fill('phuc xa');
    await page.waitForFunction("document.querySelector('#f-unitCode')?.value === '00001'");
    t.equal(await summary.count(), 0, 'every error corrected: no summary');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    // The confirmation.
    const receipt = page.getByTestId('submitted-receipt');
    await receipt.waitFor();
    const code = (await receipt.getByTestId('dossier-code').textContent()) ?? '';
    t.match(code, /^H26\.00001-\d{6}-\d+$/, 'the code, as text');
    t.match(await receipt.getByTestId('submitted-unit').textContent(), /Phường Phúc Xá/, 'the unit it went to');
    t.equal(
      await receipt.getByTestId('submitted-at').textContent(),
      `${hanoi(h.clock.now())} (giờ Hà Nội)`,
      'the date and time in Hà Nội',
    );
    t.match(await receipt.getByTestId('submitted-facts').textContent(), /Thủ tục đăng ký khai sinh/, 'the procedure');
    const rows = await receipt.locator('[data-testid="submitted-files"] tbody tr').allTextContents();
    t.equal(rows.length, 4, 'every file sent is listed');
    for (const name of ['cccd-me.pdf', 'xac-nhan-cu-tru.pdf', 'giay-uy-quyen.pdf', 'anh-chup.png'])
      t.ok(
        rows.some((row) => row.includes(name) && / KB$/.test(row)),
        `${name} with its size`,
      );

    // The QR code is the tracking address.
    const trackUrl = `${b.base}/tra-cuu/${code}`;
    t.match(await receipt.textContent(), trackUrl, 'the tracking address is written out');
    const qr = receipt.getByTestId('tracking-qr');
    await qr.waitFor();
    t.equal(
      await qr.evaluate((img: { decode(): Promise<void>; naturalWidth: number }) =>
        img.decode().then(() => img.naturalWidth),
      ),
      132,
      'the QR image is drawn',
    );
    const src = (await qr.getAttribute('src')) ?? '';
    const expected = await QRCode.toString(trackUrl, { type: 'svg', margin: 1, width: 132, errorCorrectionLevel: 'M' });
    t.equal(
      decodeURIComponent(src.replace('data:image/svg+xml;charset=utf-8,', '')),
      expected,
      'it encodes the address',
    );

    // Printed: the confirmation alone, without the app's frame or its buttons.
    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; }');
    await receipt.getByRole('button', { name: 'In xác nhận' }).click();
    t.equal(await page.evaluate('window.__printed'), 1, 'the button prints');
    await page.emulateMedia({ media: 'print' });
    t.notOk(await page.locator('.topbar').isVisible(), 'no top bar on paper');
    t.notOk(await receipt.getByRole('button', { name: 'In xác nhận' }).isVisible(), 'nor the buttons');
    t.ok(await receipt.getByTestId('dossier-code').isVisible(), 'the code is printed');
    t.ok(await qr.isVisible(), 'and the QR code');
    await b.screenshot('forms-confirmation-print');
    await page.emulateMedia({ media: 'screen' });
  },
);

browserTest(
  'the counter receipt: the server’s refusals in a summary at the top, each gone once its field is edited',
  async (b, h, t) => {
    const { page } = b;
    await page.clock.setFixedTime(h.clock.now());
    await b.login('canbo.phucxa');
    await page.goto(`${b.base}/tiep-nhan`);
    await page.locator('#f-procedureCode').selectOption('1.001193');
    await page.locator('#f-applicant-fullName').fill('Nguyễn Văn Bình');
    await page.locator('#f-applicant-idNumber').fill('12345');
    for (const [name, value] of Object.entries(RECEIPTS['1.001193']!.data)) {
      const input = page.locator(`#f-data-${name}`);
      if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(String(value));
      else await input.fill(/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dayMonthYear(String(value)) : String(value));
    }
    await page.getByRole('button', { name: 'Ghi nhận' }).click();

    const summary = page.getByTestId('receipt-form').getByTestId('error-summary');
    await summary.waitFor();
    t.equal(
      await summary.getByRole('heading').textContent(),
      'Hồ sơ chưa ghi nhận được: có 1 lỗi cần sửa',
      'the server’s refusal is summed up',
    );
    t.equal(await focusedTestId(page), 'error-summary', 'the focus moves to it');
    t.match(
      await summary.getByRole('link').textContent(),
      /^Số CCCD \/ CMND \/ hộ chiếu: .*CCCD \(12 chữ số\)/,
      'the ID number, by its label',
    );
    await summary.getByRole('link').click();
    t.equal(await focusedId(page), 'f-applicant-idNumber', 'the link goes to the field');
    await b.screenshot('forms-receipt-summary');

    await page.locator('#f-applicant-idNumber').fill('001090012345');
    t.equal(await summary.count(), 0, 'corrected: the summary is gone');
    t.equal(await errorOf(page, '/applicant/idNumber').count(), 0, 'and the message under the field');

    // A request for supplements without the missing items: the link reaches the text area by its field.
    await page.getByLabel('Yêu cầu bổ sung, hoàn thiện hồ sơ').check();
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await summary.waitFor();
    await summary.getByRole('link').click();
    t.equal(await focusedId(page), 'f-counter-missingItems', 'the missing items');
    await page.keyboard.type('Giấy chứng sinh');
    t.equal(await summary.count(), 0, 'typing them clears the summary');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByTestId('receipt-done').waitFor();
  },
);
