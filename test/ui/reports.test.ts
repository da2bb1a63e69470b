import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { browserTest } from '../helpers/browser.js';
import { complete, drive, receive } from '../helpers/drive.js';

/** Birth registration at Phường Phúc Xá (unit 00001), whose leader is lanhdao.phucxa. */
const PROCEDURE = '1.001193';
const NOVEMBER = 'from=2018-11-01&to=2018-11-30';

/** The browser's clock follows the server's test clock, so "this year to today" is the test's year. */
const syncClock = (page: Page, h: TestApp) => page.clock.setFixedTime(h.clock.now());

/** The texts of a table row's cells. */
const cells = (page: Page, selector: string) => page.locator(`${selector} > *`).allTextContents();

/** The little of a canvas the test reads (the test code is compiled without the DOM's types). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

/** Whether a chart's canvas has anything drawn on it (some pixel not transparent). */
const drawn = (page: Page, name: string) =>
  page.locator(`canvas[data-chart="${name}"][data-drawn]`).evaluate((element) => {
    const canvas = element as unknown as Canvas;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return data.some((value, i) => i % 4 === 3 && value > 0);
  });

browserTest(
  'the leader’s report shows a dossier resolved on time, the late ones, the charts and the CSV of the same filters',
  async (b, h, t) => {
    const { page } = b;
    // Three birth registrations received on Monday 19/11/2018: one resolved on time, one resolved late, one still open and late.
    const { dossier: onTime } = await drive(h, PROCEDURE, (task) => task.outcomes[0]!);
    t.equal(onTime.onTime, true, 'the first dossier is resolved on time');
    let resolvedLate = await receive(h, PROCEDURE);
    const open = await receive(h, PROCEDURE);
    h.clock.set('2018-11-23T09:00:00+07:00'); // Friday: long past both due times
    await h.app.system.scheduler.runDue();
    while (resolvedLate.tasks.length)
      resolvedLate = await complete(h, resolvedLate.tasks[0], resolvedLate.tasks[0].outcomes[0]);
    t.equal(resolvedLate.onTime, false, 'the second is resolved late');
    const api = (
      await h.request({ method: 'GET', url: `/api/reports/on-time?${NOVEMBER}&groupBy=unit`, as: 'lanhdao.phucxa' })
    ).json();
    t.match(
      api,
      [
        {
          key: '00001',
          received: 3,
          resolved: 2,
          onTime: 1,
          late: 1,
          inProgress: 1,
          onTimeRate: 0.5,
          lateAttributed: 2,
        },
      ],
      'the API counts them so (both late dossiers passed their due time at the commune)',
    );

    await syncClock(page, h);
    await b.login('lanhdao.phucxa');
    await page.getByRole('link', { name: 'Báo cáo đúng hạn' }).first().click();
    await page.getByRole('heading', { name: 'Báo cáo giải quyết hồ sơ đúng hạn' }).waitFor();
    t.match(await page.getByTestId('own-unit-note').textContent(), /số liệu của đơn vị bạn/, 'a leader: their unit');
    t.equal(
      await page.getByTestId('period').textContent(),
      'Kỳ báo cáo: hồ sơ tiếp nhận từ 01/01/2018 đến 23/11/2018',
      'by default the current year to today, Hà Nội time',
    );
    t.equal(await page.locator('#report-from').inputValue(), '01/01/2018');

    // A bookmarked report of November 2018, grouped by unit.
    await page.goto(`${b.base}/bao-cao?${NOVEMBER}`);
    const unitRow = page.locator('[data-testid="report-table"] tbody tr[data-key="00001"]');
    await unitRow.waitFor();
    t.same(
      await cells(page, '[data-testid="report-table"] tbody tr[data-key="00001"]'),
      ['00001', 'Phường Phúc Xá', '3', '3', '2', '1', String(api[0].early), '1', '1', '0', '0', '0', '50 %', '2'],
      'the unit’s row: 3 received, 3 within its competence, 2 resolved, 1 on time, 1 late, 1 in progress, 50 %, 2 late at the unit',
    );
    t.match(
      await page.getByTestId('overall').textContent(),
      'Toàn bộ: 50 % đúng hạn (1/2 hồ sơ đã giải quyết)',
      'the headline rate',
    );
    await page.getByTestId('digitisation-rate').locator('tbody tr').waitFor();
    t.same(
      await cells(page, '[data-testid="digitisation-rate"] tbody tr'),
      ['Phường Phúc Xá', '3', '0', '0 %'],
      'the digitisation rate beside: 3 received at the desk, none digitised yet',
    );
    for (const chart of ['level', 'unit', 'month']) {
      await page.locator(`canvas[data-chart="${chart}"][data-drawn]`).waitFor();
      t.ok(await drawn(page, chart), `the ${chart} chart is drawn`);
    }
    t.equal(await page.locator('canvas[data-chart="month"]').getAttribute('data-drawn'), '1', 'one month on the trend');

    // The dossiers at risk: the open one, late, in red, leading to its page.
    const atRisk = page.locator(`[data-testid="at-risk"] tr[data-code="${open.code}"]`);
    await atRisk.waitFor();
    t.equal(await atRisk.getAttribute('class'), 'is-late', 'the late dossier is red');
    t.match(await atRisk.textContent(), /Quá hạn/);
    t.equal(await atRisk.getByRole('link').getAttribute('href'), `/ho-so/${open.code}`);
    t.equal(
      await page.locator(`[data-testid="at-risk"] tr[data-code="${resolvedLate.code}"]`).count(),
      0,
      'a resolved dossier is not at risk',
    );
    await b.screenshot('reports-leader-november');

    // The CSV of the same filters, fetched with the token.
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-download').click();
    const file = await download;
    t.equal(file.suggestedFilename(), 'dung-han_2018-11-01_2018-11-30_unit.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    t.match(
      csv,
      /^\uFEFFMã,Tên,Tiếp nhận,Thuộc thẩm quyền,Đã giải quyết,Đúng hạn \(gồm trước hạn\)/,
      'Vietnamese headers',
    );
    t.match(csv, `\r\n00001,Phường Phúc Xá,3,3,2,1,${api[0].early},1,1,0,0,0,0.5,2\r\n`, 'the unit and its counts');

    // Group by month: the address and the table change; Back returns to the units.
    await page.locator('#report-group').selectOption('month');
    await page.waitForURL(/groupBy=month/);
    t.match(page.url(), `/bao-cao?${NOVEMBER}&groupBy=month`, 'the filters are in the address');
    const monthRow = '[data-testid="report-table"][data-group="month"] tbody tr[data-key="2018-11"]';
    await page.locator(monthRow).waitFor();
    t.same((await cells(page, monthRow)).slice(0, 4), ['11/2018', '3', '3', '2'], 'one row for November');
    await page.goBack();
    await unitRow.waitFor();

    // A unit picked by typing part of its name without diacritics.
    await page.locator('#report-unit').fill('phuc xa');
    await page.getByRole('option', { name: /^Phường Phúc Xá/ }).waitFor();
    await b.screenshot('reports-unit-picker');
    await page.getByRole('option', { name: /^Phường Phúc Xá/ }).click();
    await page.waitForURL(/unitCode=00001/);
    t.equal(await page.locator('#report-unit').inputValue(), 'Phường Phúc Xá');
    await page.locator('#report-level').selectOption('tinh');
    await page.waitForURL(/level=tinh/);
    await page
      .getByTestId('report-table')
      .getByText('Không có hồ sơ nào tiếp nhận trong kỳ với các điều kiện đã chọn.')
      .waitFor();
    t.notMatch(page.url(), /unitCode/, 'choosing a level clears the unit');

    // A period the wrong way round is refused before any call.
    await page.locator('#report-from').fill('01/12/2018');
    await page.locator('#report-from').press('Enter');
    await page.getByRole('alert').getByText('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.').waitFor();
    await page.locator('#report-from').fill('31/02/2018');
    await page.locator('#report-from').press('Enter');
    await page.getByText('Nhập ngày dạng dd/mm/yyyy').waitFor();

    // English by the toggle.
    await page.goto(`${b.base}/bao-cao?${NOVEMBER}&groupBy=level`);
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { name: 'On-time report' }).waitFor();
    const levelRow = '[data-testid="report-table"][data-group="level"] tbody tr[data-key="xa"]';
    await page.locator(levelRow).waitFor();
    t.same(
      await cells(page, levelRow),
      ['Commune level', '3', '3', '2', '1', String(api[0].early), '1', '1', '0', '0', '0', '50%'],
      'English labels and percentages',
    );
    await page.locator('canvas[data-chart="level"][data-drawn]').waitFor();
    await b.screenshot('reports-leader-english');
    await page.getByTestId('lang-toggle').click();
  },
);
