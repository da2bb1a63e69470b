import type { Locator } from 'playwright-core';
import { browserTest } from '../helpers/browser.js';
import { receive } from '../helpers/drive.js';
import { EXE, PDF, PNG, submitted } from '../helpers/portal.js';

/** Attaches files as one document through the form; waits until the upload is over. */
async function attach(form: Locator, document: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await form.getByLabel('Tên tài liệu').fill(document);
  await form.getByLabel(/^Tệp/).setInputFiles(files);
  await form.getByRole('button', { name: 'Đính kèm' }).click();
  await form.getByRole('button', { name: 'Đính kèm' }).waitFor();
}

browserTest(
  'an officer attaches documents on the dossier page: a program is refused by its field, a PDF is listed and in the history',
  async (b, h, t) => {
    const { page } = b;
    const { code } = await receive(h, '1.001193');
    await b.login('canbo.phucxa');
    await page.goto(`${b.base}/ho-so/${encodeURIComponent(code)}`);
    const panel = page.getByTestId('attachments');
    const form = panel.getByTestId('attach-form');

    await attach(form, 'Biên bản thẩm định', [{ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: EXE }]);
    const error = form.locator('[data-field="/files"] .field-error');
    await error.waitFor();
    t.match(
      await error.textContent(),
      /Tệp “bien-ban\.pdf” không được chấp nhận/,
      'the server’s message under the file field',
    );

    await attach(form, 'Biên bản thẩm định', [{ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await panel.getByRole('button', { name: 'bien-ban.pdf' }).waitFor();
    t.match(await panel.locator('li').textContent(), /bien-ban\.pdf.*Biên bản thẩm định/s, 'listed with its document');
    t.equal(await error.count(), 0, 'the refusal is gone');
    t.equal(await form.getByLabel('Tên tài liệu').inputValue(), '', 'the form is ready for the next document');
    await page.getByTestId('timeline').getByText('Đính kèm tài liệu “Biên bản thẩm định”: bien-ban.pdf').waitFor();
    await b.screenshot('attachments-dossier-page');

    await b.login('thanhtra');
    await page.goto(`${b.base}/ho-so/${encodeURIComponent(code)}`);
    await page.getByTestId('attachments').getByRole('button', { name: 'bien-ban.pdf' }).waitFor();
    t.equal(await page.getByTestId('attach-form').count(), 0, 'an auditor reads the files but attaches none');
  },
);

browserTest('the desk accepts an online dossier and attaches the scanned originals on the receipt', async (b, h, t) => {
  const { page } = b;
  const online = await submitted(h);
  await b.login('canbo.phucxa');
  await page.goto(`${b.base}/tiep-nhan`);
  const item = page.getByTestId('online-submissions').locator(`li[data-dossier="${online.code}"]`);
  await item.getByRole('button', { name: 'Tiếp nhận…' }).click();
  await item.getByLabel('Tiếp nhận, hẹn trả kết quả').check();
  await item.getByRole('button', { name: 'Ghi nhận' }).click();
  const done = page.getByTestId('receipt-done');
  await done.getByRole('button', { name: 'giay-chung-sinh.png' }).waitFor();
  t.match(
    await done.getByTestId('attachments').textContent(),
    /to-khai\.pdf.*giay-chung-sinh\.png/s,
    'the citizen’s files first',
  );

  await attach(done.getByTestId('attach-form'), 'Bản chụp giấy tờ gốc', [
    { name: 'ban-goc-1.png', mimeType: 'image/png', buffer: PNG },
    { name: 'ban-goc-2.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await done.getByRole('button', { name: 'ban-goc-2.pdf' }).waitFor();
  t.equal(
    await done.getByTestId('attachments').locator('li').count(),
    5,
    'both scans are listed after the citizen’s three files',
  );
  await b.screenshot('attachments-receipt');
});
