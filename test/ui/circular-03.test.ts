import { browserTest } from '../helpers/browser.js';
import { APPLICANT, RECEIPTS } from '../helpers/fixtures.js';
import { PDF } from '../helpers/portal.js';

// The desk and the dossier page under the rules of Decree 118/2025 and Circular 03/2025.
const PERMIT = '1.013236';
const TODAY = '2026-12-02T09:00:00+07:00';

browserTest(
  'the desk ticks what it received and the receipt lists it; a stop notice ends the handling on the dossier page',
  async (b, h, t) => {
    const { page } = b;
    await page.clock.setFixedTime(h.clock.now());
    await b.login('canbo.sxd');
    await page.goto(`${b.base}/tiep-nhan`);
    await page.locator('#f-procedureCode').selectOption(PERMIT);
    const checklist = page.getByTestId('received-documents');
    await checklist.waitFor();
    const documents: string[] = (await h.request({ method: 'GET', url: `/api/procedures/${PERMIT}` }))
      .json()
      .documents.map((d: { name: string }) => d.name);
    await checklist.getByLabel(`Bản sao – 2. ${documents[1]}`).fill('2');
    await page.locator('#f-applicant-fullName').fill(APPLICANT.fullName);
    await page.locator('#f-applicant-idNumber').fill(APPLICANT.idNumber);
    for (const [name, value] of Object.entries(RECEIPTS[PERMIT]!.data)) {
      const input = page.locator(`#f-data-${name}`);
      if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(String(value));
      else await input.fill(String(value));
    }
    await b.screenshot('circular-03-checklist');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    const done = page.getByTestId('receipt-done');
    await done.waitFor();
    const code = (await done.getAttribute('data-code'))!;
    const received = (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'canbo.sxd' })).json();
    t.match(received.receivedDocuments[1], { name: documents[1], copies: 2 }, 'the copies counted at the desk');

    // The dossier's page: the stop notice asks for its ground and ends the handling.
    await done.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.locator('.dossier-page[data-status="4"]').waitFor();
    // Digitisation: the first document's scan is attached under its name and confirmed.
    const digitisation = page.getByTestId('digitisation');
    const firstDocument = digitisation.locator('li[data-document="0"]');
    await firstDocument.getByText('Chưa số hóa').waitFor();
    await firstDocument
      .locator('input[type="file"]')
      .setInputFiles({ name: 'scan-don.pdf', mimeType: 'application/pdf', buffer: PDF });
    const confirm = firstDocument.getByRole('button', { name: 'Xác nhận đã số hóa' });
    await confirm.and(page.locator(':enabled')).waitFor();
    await confirm.click();
    await firstDocument.getByText(/^Đã số hóa \d{2}\/\d{2}\/\d{4}/).waitFor();
    t.match(await digitisation.textContent(), /Đã số hóa 1\/\d+ giấy tờ/, 'one of them so far');
    await b.screenshot('circular-03-digitisation');

    const actions = page.getByTestId('dossier-actions');
    await actions.getByRole('button', { name: 'Dừng giải quyết' }).click();
    await actions.getByLabel('Lý do').fill('Chủ đầu tư đề nghị dừng để điều chỉnh thiết kế');
    t.ok(await actions.getByRole('button', { name: 'Dừng giải quyết' }).last().isDisabled(), 'not without its ground');
    await actions.getByLabel('Căn cứ pháp lý dừng giải quyết').fill('đơn đề nghị của chủ đầu tư ngày 02/12/2026');
    await actions.getByText(/không được tiếp tục giải quyết/).waitFor();
    await actions.getByRole('button', { name: 'Dừng giải quyết' }).last().click();
    await page.locator('.dossier-page[data-status="8"]').waitFor();
    await actions.getByText('Không có thao tác nào thực hiện được lúc này.').waitFor();
    t.match(
      await page.getByTestId('closed-actions').textContent(),
      /Tiếp tục xử lý: Hồ sơ đã dừng giải quyết theo Thông báo dừng giải quyết hồ sơ/,
      'why it is not resumed',
    );
    await page.getByTestId('forms').getByText('Mẫu số 05: Thông báo dừng giải quyết hồ sơ').waitFor();
    await page.getByText(/Dừng giải quyết hồ sơ, không tiếp tục giải quyết; căn cứ: đơn đề nghị/).waitFor();
    await b.screenshot('circular-03-stopped');
    const stopped = (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'canbo.sxd' })).json();
    t.match(stopped, { statusCode: 8, tasks: [] }, 'stopped, no open step');
  },
  { start: TODAY },
);
