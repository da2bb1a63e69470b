import type { Page } from 'playwright-core';
import { browserTest } from '../helpers/browser.js';
import type { TestApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { RECEIPTS } from '../helpers/fixtures.js';
import { submitted } from '../helpers/portal.js';

/** Birth registration and health-insurance card: the commune receives, the district issues the card, the commune returns. */
const LIEN_THONG = '2.001023';
const APPLICANT = { fullName: 'Nguyễn Văn Bình', idNumber: '001090012345', phone: '0912345678' };

const errorOf = (page: Page, pointer: string) => page.locator(`[data-field="${pointer}"] .field-error`);
const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');

/** The browser's clock follows the server's test clock, so due times are coloured as the server counts them. */
const syncClock = (page: Page, h: TestApp) => page.clock.setFixedTime(h.clock.now());

/** A screenshot of the page from its top. */
async function screenshotTop(b: { page: Page; screenshot(name: string): Promise<void> }, name: string) {
  await b.page.evaluate('window.scrollTo(0, 0)');
  await b.screenshot(name);
}

/** Fills the procedure's form from the fixtures: selects for enumerations, dd/mm/yyyy for dates. */
async function fillForm(page: Page, data: Record<string, unknown>) {
  for (const [name, value] of Object.entries(data)) {
    const input = page.locator(`#f-data-${name}`);
    if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(String(value));
    else await input.fill(/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dayMonthYear(String(value)) : String(value));
  }
}

browserTest(
  'a desk officer receives a liên thông dossier at the counter; officers advance it from their inboxes to the result',
  async (b, h, t) => {
    const { page } = b;
    const childName = String(RECEIPTS[LIEN_THONG]!.data.childFullName);
    await syncClock(page, h);
    await b.login('canbo.phucxa');

    // Receipt at the counter: a wrong ID number is refused next to its field.
    await page.goto(`${b.base}/tiep-nhan`);
    await page.locator('#f-procedureCode').selectOption(LIEN_THONG);
    await page.locator('#f-applicant-fullName').fill(APPLICANT.fullName);
    await page.locator('#f-applicant-idNumber').fill('12345');
    await page.locator('#f-applicant-phone').fill(APPLICANT.phone);
    await fillForm(page, RECEIPTS[LIEN_THONG]!.data);
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await errorOf(page, '/applicant/idNumber').waitFor();
    t.match(
      await errorOf(page, '/applicant/idNumber').textContent(),
      /CCCD \(12 chữ số\)/,
      'the server’s message sits under the ID number',
    );
    t.equal(
      await page.locator('#f-applicant-idNumber').getAttribute('aria-invalid'),
      'true',
      'the field is marked invalid',
    );
    await b.screenshot('officers-receipt-error');

    await page.locator('#f-applicant-idNumber').fill(APPLICANT.idNumber);
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    const done = page.getByTestId('receipt-done');
    await done.waitFor();
    const code = (await done.getAttribute('data-code'))!;
    t.match(code, /^H26\.00001-181119-\d{4}$/, 'the dossier got its code');
    t.match(
      await done.textContent(),
      /Đã tiếp nhận hồ sơ.*Đang xử lý.*Hẹn trả kết quả: 10\/12\/2018 09:00/s,
      'accepted, with the appointment',
    );

    const receiptPdf = page.waitForResponse((r) => r.url().endsWith(`/forms/receipt.pdf`));
    await done.getByRole('button', { name: 'In giấy tiếp nhận và hẹn trả kết quả' }).click();
    const pdf = await receiptPdf;
    t.equal(pdf.status(), 200, 'the receipt PDF is fetched with the token');
    t.match(pdf.headers()['content-type'], /application\/pdf/, 'as PDF');
    await done.getByRole('button', { name: 'In giấy tiếp nhận và hẹn trả kết quả' }).waitFor({ state: 'visible' });
    await b.screenshot('officers-receipt-done');

    // Each officer completes their step from the inbox, logging in in turn: commune, commune leader, district, district leader.
    let current = 'canbo.phucxa';
    const fromInbox = async (
      username: string,
      activityId: string,
      options: { outcome?: string; claim?: boolean; screenshot?: string } = {},
    ) => {
      h.clock.advanceHours(1);
      await syncClock(page, h);
      if (username !== current) {
        await page.getByRole('button', { name: 'Đăng xuất' }).click();
        await page.waitForURL(/\/dang-nhap/);
        await b.login(username);
        current = username;
      }
      await page.getByRole('link', { name: 'Hộp việc' }).first().click();
      const row = page.locator(`tr.task-row[data-dossier="${code}"][data-activity="${activityId}"]`);
      await row.waitFor();
      if (options.claim) {
        await row.getByRole('button', { name: 'Nhận việc' }).click();
        await row.getByText('Bạn đã nhận').waitFor();
      }
      const taskId = await row.getAttribute('data-task');
      await row.getByRole('button', { name: 'Xử lý' }).click();
      // Beside the completion form, what the applicant declared: no step is decided blind.
      await page.locator('.completion-beside').getByTestId('declaration').getByText(childName).waitFor();
      const completion = page.getByTestId(`complete-${taskId}`);
      await completion.getByLabel('Ý kiến xử lý').fill(`Đã xử lý bước ${activityId}.`);
      if (options.screenshot) await b.screenshot(options.screenshot);
      if (options.outcome) await completion.locator(`button[data-outcome="${options.outcome}"]`).click();
      else await completion.getByRole('button', { name: 'Hoàn thành bước' }).click();
      await page.getByRole('status').filter({ hasText: `Đã hoàn thành bước` }).waitFor();
      await row.waitFor({ state: 'detached' });
    };

    await page.getByRole('link', { name: 'Hộp việc' }).first().click();
    const first = page.locator(`tr.task-row[data-dossier="${code}"]`);
    await first.waitFor();
    t.match(
      await first.getAttribute('class'),
      /urgency-soon/,
      'a step due this afternoon is amber (within one working day)',
    );
    t.match(
      await first.textContent(),
      /Nguyễn Văn Bình.*Công chức tư pháp – hộ tịch thẩm định/s,
      'the inbox shows the applicant and the step',
    );
    await b.screenshot('officers-inbox');

    await fromInbox('canbo.phucxa', 'ThamDinhKhaiSinh', { claim: true });
    await fromInbox('lanhdao.phucxa', 'KyKhaiSinh');
    await fromInbox('canbo.badinh', 'CapTheBHYT', {
      outcome: 'issued',
      screenshot: 'officers-inbox-district-outcomes',
    });
    await fromInbox('lanhdao.badinh', 'KyTheBHYT');

    // The desk opens the dossier: processed (9), waiting at the return step, which is marked on the diagram.
    h.clock.advanceHours(1);
    await syncClock(page, h);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await b.login('canbo.phucxa');
    await page.goto(`${b.base}/ho-so/${encodeURIComponent(code)}`);
    await page.locator('.dossier-page[data-status="9"]').waitFor();
    await page.getByTestId('declaration').getByText('Họ, chữ đệm và tên của trẻ').waitFor();
    t.match(
      await page.getByTestId('declaration').textContent(),
      new RegExp(
        `Họ, chữ đệm và tên của trẻ${childName}.*Ngày, tháng, năm sinh${dayMonthYear(String(RECEIPTS[LIEN_THONG]!.data.childBirthDate))}`,
      ),
      'the dossier page shows the declaration with the form’s titles, dates as dd/mm/yyyy',
    );
    await page.locator('[data-element-id="TraKetQua"].dossier-current').waitFor();
    await b.screenshot('officers-dossier-processed');
    // The history is read again after the dossier whenever it changes: wait for it before reading it.
    await page
      .getByTestId('timeline')
      .getByText(/Tiếp nhận hồ sơ trực tiếp tại Phường Phúc Xá/)
      .waitFor();
    t.match(
      await page.getByTestId('timeline').textContent(),
      /Quận Ba Đình.*Tiếp nhận hồ sơ trực tiếp tại Phường Phúc Xá/s,
      'the timeline tells the way, the latest first',
    );
    t.match(
      await page.getByTestId('transfers').textContent(),
      /Phường Phúc Xá.*Quận Ba Đình.*Phường Phúc Xá/s,
      'the handovers cross the units',
    );
    t.same(
      await page
        .getByTestId('forms')
        .locator('button')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-form'))),
      ['receipt', 'control-slip'],
      'the forms issued so far',
    );
    const slipPdf = page.waitForResponse((r) => r.url().endsWith('/forms/control-slip.pdf'));
    await page.getByTestId('forms').getByRole('button', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' }).click();
    t.equal((await slipPdf).status(), 200, 'the control slip opens as PDF');

    // … and returns the result.
    const returnStep = page.getByTestId('open-tasks').locator('[data-activity="TraKetQua"]');
    await returnStep.getByRole('button', { name: 'Hoàn thành bước' }).click();
    await page.locator('.dossier-page[data-status="10"]').waitFor();
    await page.getByTestId('on-time').getByText('Đúng hạn').waitFor();
    await screenshotTop(b, 'officers-dossier-returned');

    const final = await h.request({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}`, as: 'thanhtra' });
    t.equal(final.json().statusCode, 10, 'the result was returned');
    t.equal(final.json().onTime, true, 'on time');
    t.same(final.json().tasks, [], 'nothing left to do');

    // An auditor reads the same page without any action.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await b.login('thanhtra');
    await page.goto(`${b.base}/ho-so/${encodeURIComponent(code)}`);
    await page.locator('.dossier-page[data-status="10"]').waitFor();
    t.equal(await page.getByTestId('dossier-actions').count(), 0, 'no actions for an auditor');
  },
);

browserTest(
  'the desk asks for every missing item of an online dossier, then accepts it and apologises with a new appointment',
  async (b, h, t) => {
    const { page } = b;
    const online = await submitted(h);
    t.equal(online.statusCode, 1, 'submitted online, waiting for the desk');
    await syncClock(page, h);
    await b.login('canbo.phucxa');
    await page.goto(`${b.base}/tiep-nhan`);
    const item = page.getByTestId('online-submissions').locator(`li[data-dossier="${online.code}"]`);
    await item.getByRole('button', { name: 'Tiếp nhận…' }).click();
    // The officer reads the dossier first: its declaration and files, and no outcome is chosen for them.
    await item.getByTestId('declaration').getByText('Họ, chữ đệm và tên của trẻ').waitFor();
    await item.getByText('giay-chung-sinh.png').waitFor();
    t.ok(await item.getByRole('button', { name: 'Ghi nhận' }).isDisabled(), 'nothing to record before a choice');
    t.equal(await item.locator('input[type="radio"]:checked').count(), 0, 'no outcome preselected');
    await item.getByLabel('Yêu cầu bổ sung, hoàn thiện hồ sơ').check();
    await item.getByRole('button', { name: 'Ghi nhận' }).click();
    await item
      .locator('[data-field="/missingItems"] .field-error')
      .getByText(/phải liệt kê đầy đủ/)
      .waitFor();
    await b.screenshot('officers-online-decision');
    await item
      .getByLabel(/Giấy tờ, nội dung còn thiếu/)
      .fill('Bản sao giấy chứng nhận kết hôn của cha mẹ\nGiấy tờ chứng minh nơi cư trú');
    await item.getByRole('button', { name: 'Ghi nhận' }).click();
    const done = page.getByTestId('receipt-done');
    await done.getByText(`Đã yêu cầu bổ sung hồ sơ ${online.code}.`).waitFor();
    const request = page.waitForResponse((r) => r.url().endsWith('/forms/supplement-request.pdf'));
    await done.getByRole('button', { name: 'In phiếu yêu cầu bổ sung' }).click();
    t.equal((await request).status(), 200, 'the supplementation request prints');
    await b.screenshot('officers-online-supplement');

    // The applicant brings the items: the desk resumes (accepts) the dossier on its page, then apologises for a delay.
    h.clock.advanceHours(2);
    await syncClock(page, h);
    await done.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.locator('.dossier-page[data-status="5"]').waitFor();
    t.match(
      await page.getByTestId('clock').textContent(),
      /Giấy tờ còn thiếu.*Bản sao giấy chứng nhận kết hôn/s,
      'the missing items are listed',
    );
    const actions = page.getByTestId('dossier-actions');
    await actions.getByRole('button', { name: 'Tiếp tục xử lý' }).click();
    await actions.getByRole('button', { name: 'Tiếp tục xử lý' }).last().click();
    await page.locator('.dossier-page[data-status="4"]').waitFor();

    // A same-day procedure: the administrator lets an extension come as late as two working hours before the due
    // time (the rule's default is one working day); the unit's leader signs it.
    const rules: object = (await h.request({ method: 'GET', url: '/api/settings', as: 'admin' })).json();
    await h.request({ method: 'PUT', url: '/api/settings', as: 'admin', payload: { ...rules, apologyLeadHours: 2 } });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap/);
    await b.login('lanhdao.phucxa');
    await page.goto(`${b.base}/ho-so/${encodeURIComponent(online.code)}`);
    await page.locator('.dossier-page[data-status="4"]').waitFor();
    await actions.getByRole('button', { name: 'Xin lỗi, đề nghị gia hạn' }).click();
    await actions.getByLabel('Lý do').fill('Cần xác minh thêm thông tin nơi cư trú.');
    await actions.getByLabel(/Ngày hẹn mới/).fill('31/02/2018');
    await actions.getByRole('button', { name: 'Xin lỗi, đề nghị gia hạn' }).last().click();
    await actions.getByText('Ngày giờ không đúng định dạng dd/mm/yyyy HH:mm.').waitFor();
    await actions.getByLabel(/Ngày hẹn mới/).fill('22/11/2018');
    await actions.getByRole('button', { name: 'Xin lỗi, đề nghị gia hạn' }).last().click();
    await page.getByTestId('forms').locator('button[data-form="apology"]').waitFor();
    t.match(await page.getByTestId('clock').textContent(), /Hẹn trả kết quả22\/11\/2018 16:00/, 'the new appointment');
    await screenshotTop(b, 'officers-dossier-apology');

    // The same page in English by the toggle.
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { name: `Dossier ${online.code}` }).waitFor();
    t.match(
      await page.getByTestId('clock').textContent(),
      /Legal due time.*Appointment22\/11\/2018 16:00/s,
      'English labels, Vietnamese dates',
    );
    await screenshotTop(b, 'officers-dossier-english');
    await page.getByTestId('lang-toggle').click();

    const after = (
      await h.request({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(online.code)}`, as: 'thanhtra' })
    ).json();
    t.equal(after.statusCode, 4, 'accepted and in processing');
    t.equal(after.appointmentAt, '2018-11-22T09:00:00.000Z', 'the new appointment is 16:00 Hà Nội time');

    // The next morning its step is overdue: red, and above a dossier received then.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap/);
    await b.login('canbo.phucxa');
    h.clock.set('2018-11-20T09:00:00+07:00');
    const fresh = await receive(h, '2.000908');
    await syncClock(page, h);
    await page.getByRole('link', { name: 'Hộp việc' }).first().click();
    const rows = page.locator('tr.task-row');
    await rows.nth(1).waitFor();
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-dossier'), tr.className]));
    t.same(
      listed.map(([code]) => code),
      [online.code, fresh.code],
      'the overdue step first',
    );
    t.match(listed[0]![1], /urgency-overdue/, 'in red');
    t.notMatch(listed[1]![1], /urgency-overdue/, 'the new one is not overdue');
    await b.screenshot('officers-inbox-overdue');
  },
);
