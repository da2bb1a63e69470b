import type { Page } from 'playwright-core';
import { BIRTH_V2 } from '../helpers/bpmn-corpus.js';
import type { TestApp } from '../helpers/app.js';
import { browserTest } from '../helpers/browser.js';

/** A department's modeler uploads a diagram of birth registration and submits it to VPUBND; its number. */
async function submitBirthDiagram(h: TestApp, xml: string): Promise<number> {
  const draft = await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions',
    as: 'modeler.stp',
    payload: xml,
    headers: { 'content-type': 'application/xml' },
  });
  if (draft.statusCode !== 201) throw new Error(`upload: ${draft.body}`);
  const { number } = draft.json() as { number: number };
  const submitted = await h.request({
    method: 'POST',
    url: `/api/procedures/1.001193/versions/${number}/submit`,
    as: 'modeler.stp',
    payload: {},
  });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.body}`);
  return number;
}

async function fillAnnouncement(
  page: Page,
  fields: { number: string; title: string; signedOn: string; announcedOn: string },
) {
  const form = page.getByTestId('announcement-form');
  await form.getByLabel('Số quyết định').fill(fields.number);
  await form.getByLabel('Trích yếu').fill(fields.title);
  await form.getByLabel('Ngày ký').fill(fields.signedOn);
  await form.getByLabel('Ngày công bố').fill(fields.announcedOn);
}

/** The browser's own, for functions evaluated in the page (the tests are compiled without the DOM library). */
declare const getComputedStyle: (element: unknown) => { color: string };

const getJson = async (h: TestApp, url: string) => (await h.request({ method: 'GET', url, as: 'vpubnd' })).json();

browserTest(
  'VPUBND records an announcement, watches its countdown, reviews a submitted version and publishes or rejects it',
  async (b, h, t) => {
    const { page } = b;
    // The review gets 2 hours instead of 3 (BIRTH_V2); version 1 is the shipped diagram, in force.
    t.equal(await submitBirthDiagram(h, BIRTH_V2), 2, 'version 2 of birth registration awaits VPUBND');

    await b.login('vpubnd');
    await page.getByRole('navigation').getByRole('link', { name: 'Bàn công bố' }).click();
    await page.waitForURL(`${b.base}/cong-bo`);
    const submitted = page.getByTestId('submitted-versions');
    await submitted.getByText('1.001193 · phiên bản 2').waitFor();

    // The server checks the announcement: announced before it was signed is refused, its message shown.
    const form = page.getByTestId('announcement-form');
    await fillAnnouncement(page, {
      number: '1234/QĐ-UBND',
      title: 'Công bố thủ tục hành chính sửa đổi lĩnh vực Hộ tịch',
      signedOn: '19/11/2018',
      announcedOn: '16/11/2018',
    });
    await form.getByTestId('change-fields').getByLabel('Mã thủ tục').fill('1.001193');
    t.equal(
      await form.getByTestId('change-fields').getByLabel('Loại').inputValue(),
      'amend',
      'a change amends by default',
    );
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.getByRole('alert').getByText('Ngày công bố không được trước ngày ký.').waitFor();
    await form.getByLabel('Ngày ký').fill('31/02/2018');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.getByRole('alert').getByText('Nội dung yêu cầu không hợp lệ.').waitFor();
    t.match(
      await form.getByRole('alert').locator('li').allTextContents(),
      [/signedOn|ngày/i],
      'the wrong field is named',
    );
    await b.screenshot('publishing-desk-invalid');
    await form.getByLabel('Ngày ký').fill('19/11/2018');

    await form.getByLabel('Ngày công bố').fill('19/11/2018');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.getByText('Đã ghi nhận quyết định 1234/QĐ-UBND.').waitFor();
    const card = page.getByTestId('announcement-1234/QĐ-UBND');
    await card.waitFor();
    t.match(
      await card.locator('.meta').textContent(),
      /Ngày công bố: 19\/11\/2018.*Hạn thực hiện: 21\/11\/2018 17:00/,
      'dates as offices write them; the deadline is the end of the 2nd working day after',
    );
    const countdown = card.getByTestId('countdown');
    t.equal(
      await countdown.textContent(),
      'còn 2 ngày 7 giờ',
      'Monday 09:00: the rest of Monday and two working days left',
    );
    t.match(
      await card.locator('tr.change').textContent(),
      /1\.001193.*sửa đổi, bổ sung.*chờ thực hiện/,
      'the change in Vietnamese',
    );
    await b.screenshot('publishing-desk');

    // The change leads to the submitted version of its procedure.
    await card.getByRole('link', { name: 'Duyệt phiên bản 2' }).click();
    await page.waitForURL(`${b.base}/cong-bo/1.001193/2`);
    await page.getByText('Đang có hiệu lực: phiên bản 1').waitFor();
    const diff = page.getByTestId('diff-view');
    await diff.locator('.djs-element.diff-changed').first().waitFor();
    t.equal(
      await diff.locator('.djs-element.diff-changed[data-element-id="ThamDinh"]').count(),
      2,
      'the changed task is coloured on both diagrams',
    );
    const changedRow = page.getByTestId('diff-changes').locator('tr', { hasText: 'Thẩm định hồ sơ' });
    t.match(
      await changedRow.textContent(),
      /thay đổi.*budget: PT3H → PT2H/,
      'and listed with its old and new time budget',
    );
    const publish = page.getByTestId('publish-form');
    t.match(
      await publish.getByLabel('Thực hiện nội dung của quyết định').locator('option:checked').textContent(),
      /1234\/QĐ-UBND — sửa đổi, bổ sung \(còn 2 ngày 7 giờ\)/,
      'the pending change of the announcement is proposed',
    );
    await b.screenshot('publishing-review');
    await publish.getByRole('button', { name: 'Công bố phiên bản 2' }).click();

    await page.waitForURL(`${b.base}/cong-bo`);
    await page.getByText('Đã công bố phiên bản 2 của thủ tục 1.001193.').waitFor();
    await card.locator('tr.change-on-time').waitFor();
    t.match(
      await card.locator('tr.change').textContent(),
      /đúng hạn.*xong lúc 19\/11\/2018 09:00.*phiên bản 2/,
      'the change is done on time, by version 2',
    );
    const [announcement] = await getJson(h, '/api/announcements');
    t.match(
      announcement.changes,
      [{ procedureCode: '1.001193', kind: 'amend', state: 'on-time', versionNumber: 2 }],
      'the API: the change was carried out on time',
    );
    t.match(
      await getJson(h, '/api/procedures/1.001193/versions/2'),
      { status: 'published', inForce: true, changeId: announcement.changes[0].id },
      'version 2 is published for that change',
    );
    t.equal((await getJson(h, '/api/procedures/1.001193')).version.number, 2, 'and in force');
    t.equal(
      await submitted.getByText('Không có phiên bản nào chờ duyệt.').count(),
      1,
      'nothing awaits review any more',
    );
    await page.goto(`${b.base}/cong-bo/1.001193/2`);
    await page.getByText('Phiên bản này không ở trạng thái chờ duyệt (đã công bố).').waitFor();
    await page.getByTestId('single-diagram').locator('.djs-element[data-element-id="ThamDinh"]').waitFor();
    t.equal(
      await page.getByTestId('publish-form').count(),
      0,
      'a published version is shown alone, with nothing left to decide',
    );
    await page.goto(`${b.base}/cong-bo`);

    // A second submission is sent back with a reason.
    const third = await submitBirthDiagram(
      h,
      BIRTH_V2.replace(
        'mc:role="leader" mc:unitLevel="xa" mc:budget="PT3H"',
        'mc:role="leader" mc:unitLevel="xa" mc:budget="PT1H"',
      ),
    );
    await page.reload();
    await submitted.getByRole('link', { name: 'Xem và duyệt' }).click();
    await page.waitForURL(`${b.base}/cong-bo/1.001193/${third}`);
    await page.getByText('Đang có hiệu lực: phiên bản 2').waitFor();
    await page.getByTestId('diff-changes').getByText('Chủ tịch UBND cấp xã ký Giấy khai sinh').waitFor();
    await page.getByText('Không có quyết định nào đang chờ công bố quy trình của thủ tục này.').waitFor();
    const reason = 'Thời gian ký duyệt 1 giờ không phù hợp thực tế, đề nghị giữ 3 giờ.';
    const reject = page.getByTestId('reject-form');
    await reject.getByLabel('Lý do trả lại').fill(reason);
    await reject.getByRole('button', { name: 'Trả lại' }).click();
    await page.waitForURL(`${b.base}/cong-bo`);
    await page.getByText(`Đã trả lại phiên bản ${third} của thủ tục 1.001193.`).waitFor();
    t.match(
      await getJson(h, `/api/procedures/1.001193/versions/${third}`),
      { status: 'draft', rejectedReason: reason },
      'the API: back to draft with the reason',
    );
    t.equal((await getJson(h, '/api/procedures/1.001193')).version.number, 2, 'version 2 stays in force');

    // An announcement of two changes: an abolition carried out at once, an amendment left to run late.
    await fillAnnouncement(page, {
      number: '1300/QĐ-UBND',
      title: 'Công bố thủ tục hành chính được sửa đổi, bãi bỏ',
      signedOn: '19/11/2018',
      announcedOn: '19/11/2018',
    });
    await form.getByRole('button', { name: '+ Thêm thủ tục' }).click();
    const lines = form.getByTestId('change-fields');
    await lines.nth(0).getByLabel('Mã thủ tục').fill('2.000908');
    await lines.nth(1).getByLabel('Mã thủ tục').fill('1.004873');
    await lines.nth(1).getByLabel('Loại').selectOption('abolish');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    const second = page.getByTestId('announcement-1300/QĐ-UBND');
    const abolition = second.locator('tr.change', { hasText: '1.004873' });
    await abolition.getByRole('button', { name: 'Thực hiện bãi bỏ' }).click();
    await abolition.getByRole('button', { name: 'Xác nhận bãi bỏ' }).click();
    await abolition.getByText('đúng hạn').waitFor();
    t.match(
      await abolition.textContent(),
      /bãi bỏ.*đúng hạn.*xong lúc 19\/11\/2018 09:00.*đã bãi bỏ/,
      'the abolition is done on time',
    );
    t.equal(
      (await getJson(h, '/api/procedures/1.004873')).status,
      'abolished',
      'the API: the abolished procedure takes no new dossier',
    );

    h.clock.set('2018-11-22T09:00:00+07:00');
    await page.reload();
    const amendment = second.locator('tr.change', { hasText: '2.000908' });
    await amendment.waitFor();
    t.equal(
      await amendment.getAttribute('class'),
      'change change-late',
      'Thursday 09:00: the amendment not carried out is late',
    );
    t.equal(await amendment.getByTestId('countdown').textContent(), 'quá hạn 1 giờ', 'by one working hour');
    t.equal(
      await amendment.getByTestId('countdown').evaluate((element) => getComputedStyle(element).color),
      'rgb(192, 38, 45)',
      'in red',
    );
    t.match(await card.locator('tr.change').textContent(), /đúng hạn/, 'the change done in time stays on time');
    const late = (await getJson(h, '/api/announcements')).find((a: { number: string }) => a.number === '1300/QĐ-UBND');
    t.match(
      late.changes,
      [
        { procedureCode: '2.000908', state: 'late', timeLeftMinutes: -60 },
        { procedureCode: '1.004873', state: 'on-time' },
      ],
      'the API agrees',
    );
    await b.screenshot('publishing-desk-late');

    await page.getByTestId('lang-toggle').click();
    t.match(await amendment.textContent(), /amended.*late.*1 h overdue/, 'in English by the toggle');
    await page.getByTestId('lang-toggle').click();
  },
);
