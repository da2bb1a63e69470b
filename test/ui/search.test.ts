import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { browserTest } from '../helpers/browser.js';
import { APPLICANT, TODAY_WARD, todayReceiptBody } from '../helpers/fixtures.js';

/** Đăng ký khai sinh and cấp bản sao trích lục hộ tịch at Phường Hoàn Kiếm (00070); a building permit at Sở Xây dựng. */
const BIRTH = '1.001193';
const EXTRACT = '2.000908';
const PERMIT = '1.013236';
const SXD_OFFICER = 'canbo.sxd';
const LAN = { fullName: 'Trần Thị Lan', idNumber: '001190023456', phone: '0987654321' };
const KHOA = { fullName: 'Lê Minh Khoa', idNumber: '001095034567', phone: '0901234567' };

interface Summary {
  code: string;
  procedureName: string;
  deskUnitName: string;
  statusCode: number;
  late: boolean;
  lateRisk: boolean;
}

/** The browser's clock follows the server's test clock. */
const syncClock = (page: Page, h: TestApp) => page.clock.setFixedTime(h.clock.now());

const TABLE = '[data-testid="search-table"]';
const rows = (page: Page) => page.locator(`${TABLE} tbody tr`);
const rowCodes = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: { code: string } }).dataset.code));
const cells = (page: Page, code: string) =>
  page.locator(`${TABLE} tbody tr[data-code="${code}"] > td`).allTextContents();
/** Waits for the results of the filters shown to have `n` dossiers. */
const total = (page: Page, n: number) => page.locator(`[data-testid="search-total"][data-total="${n}"]`).waitFor();

async function receive(h: TestApp, as: string, body: object): Promise<string> {
  const res = await h.request({ method: 'POST', url: '/api/dossiers', as, payload: body });
  if (res.statusCode !== 201) throw new Error(`receipt: ${res.body}`);
  return res.json().code as string;
}

async function search(h: TestApp, as: string, query = ''): Promise<{ total: number; items: Summary[] }> {
  const res = await h.request({ method: 'GET', url: `/api/dossiers?${query}`, as });
  if (res.statusCode !== 200) throw new Error(`search: ${res.body}`);
  return res.json();
}

/** Types into the search box and applies it with Enter. */
async function searchFor(page: Page, text: string) {
  await page.locator('#search-q').fill(text);
  await page.locator('#search-q').press('Enter');
}

browserTest(
  'a ward officer finds the ward’s dossiers by ID number, status, procedure and period; VPUBND finds any unit’s',
  async (b, h, t) => {
    const { page } = b;
    // Wednesday 2/12/2026: three dossiers at the ward an hour apart (the third withdrawn), one at Sở Xây dựng.
    const first = await receive(h, TODAY_WARD.officer, { ...todayReceiptBody(BIRTH), applicant: APPLICANT });
    h.clock.advanceHours(1);
    const lan = await receive(h, TODAY_WARD.officer, { ...todayReceiptBody(EXTRACT), applicant: LAN });
    h.clock.advanceHours(1);
    const khoa = await receive(h, TODAY_WARD.officer, { ...todayReceiptBody(BIRTH), applicant: KHOA });
    const withdrawn = await h.request({
      method: 'POST',
      url: `/api/dossiers/${khoa}/withdraw`,
      as: TODAY_WARD.officer,
      payload: { reason: 'Người nộp rút hồ sơ' },
    });
    t.equal(withdrawn.json().statusCode, 7, 'the third is withdrawn (status 7)');
    // The building permit's applicant is the first one's: the same person at another unit.
    const sxd = await receive(h, SXD_OFFICER, { ...todayReceiptBody(PERMIT), applicant: APPLICANT });

    const ward = await search(h, TODAY_WARD.officer);
    t.equal(ward.total, 3, 'the API gives the ward’s officer the ward’s three, not the department’s');
    t.same(
      ward.items.map((d) => d.code),
      [khoa, lan, first],
      'newest first',
    );
    const byCode = (code: string) => ward.items.find((d) => d.code === code)!;
    const everyone = await search(h, 'vpubnd');
    const sxdSummary = everyone.items.find((d) => d.code === sxd)!;
    t.ok(sxdSummary, 'VPUBND sees the department’s dossier through the API');

    // The ward's officer opens the search from the menu: every dossier of the ward, whatever the period.
    await syncClock(page, h);
    await b.login(TODAY_WARD.officer);
    await page.getByRole('navigation').getByRole('link', { name: 'Tìm hồ sơ' }).click();
    await page.waitForURL(`${b.base}/tim-ho-so`);
    await page.getByRole('heading', { name: 'Tìm hồ sơ' }).waitFor();
    await total(page, 3);
    t.same(await rowCodes(page), [khoa, lan, first], 'the three ward dossiers, newest first');
    t.notOk((await rowCodes(page)).includes(sxd), 'not the department’s: the officer’s scope');
    t.equal(await page.getByTestId('search-total').textContent(), 'Tìm thấy 3 hồ sơ');
    t.equal(await page.locator('#search-from').inputValue(), '', 'no first day by default');
    t.equal(await page.locator('#search-to').inputValue(), '', 'no last day by default');
    t.same(
      await page.locator(`${TABLE} thead th`).allTextContents(),
      [
        'Mã hồ sơ',
        'Thủ tục',
        'Người nộp',
        'Tình trạng',
        'Tiếp nhận',
        'Hạn giải quyết',
        'Đơn vị giải quyết',
        'Cảnh báo',
      ],
      'the columns',
    );
    const firstCells = await cells(page, first);
    t.same(
      firstCells.slice(0, 5),
      [first, byCode(first).procedureName, APPLICANT.fullName, 'Đang xử lý', '02/12/2026 09:00'],
      'code, procedure, applicant, status in Vietnamese, received at (Hà Nội time)',
    );
    t.equal(firstCells[5], '02/12/2026 17:00', 'due the same afternoon, dd/mm/yyyy hh:mm');
    t.equal(firstCells[6], 'Phường Hoàn Kiếm', 'the unit handling it');
    t.equal(firstCells[7], '', 'no warning yet');
    t.equal((await cells(page, khoa))[3], 'Công dân yêu cầu rút hồ sơ', 'the withdrawn one’s status');
    t.notMatch((await rows(page).allTextContents()).join(' '), /\d{4}-\d{2}-\d{2}T/, 'no ISO-8601 instant is shown');
    t.equal(
      await page.locator(`${TABLE} tr[data-code="${first}"]`).getByRole('link', { name: first }).getAttribute('href'),
      `/ho-so/${first}`,
      'the code leads to the dossier’s page',
    );
    await b.screenshot('search-officer');

    // The distinct ID number finds exactly its dossier; part of an ID number finds none (it must be whole).
    await searchFor(page, LAN.idNumber);
    await page.waitForURL(`${b.base}/tim-ho-so?q=${LAN.idNumber}`);
    await total(page, 1);
    t.same(await rowCodes(page), [lan], 'Trần Thị Lan’s dossier only');
    await searchFor(page, APPLICANT.idNumber);
    await total(page, 1);
    t.same(await rowCodes(page), [first], 'the first applicant’s ward dossier, not their one at the department');
    await searchFor(page, LAN.idNumber.slice(0, 6));
    await page.getByTestId('search-empty').waitFor();
    t.equal(
      await page.getByTestId('search-empty').textContent(),
      'Không có hồ sơ nào khớp với các điều kiện tìm.',
      'the empty state',
    );
    await searchFor(page, 'minh khoa');
    await total(page, 1);
    t.same(await rowCodes(page), [khoa], 'part of a name, in any case');
    await page.getByRole('button', { name: 'Bỏ tìm' }).click();
    await total(page, 3);
    t.equal(await page.locator('#search-q').inputValue(), '', 'the box is emptied');

    // The status filter: every national status, in Vietnamese; it narrows the list and the address keeps it.
    const options = await page.locator('#search-status option').allTextContents();
    t.same(
      options,
      [
        'Mọi tình trạng',
        'Mới đăng ký',
        'Đã tiếp nhận',
        'Không tiếp nhận',
        'Đang xử lý',
        'Yêu cầu bổ sung giấy tờ',
        'Chờ thực hiện nghĩa vụ tài chính',
        'Công dân yêu cầu rút hồ sơ',
        'Dừng xử lý',
        'Đã xử lý xong',
        'Đã trả kết quả',
      ],
      'the ten national statuses',
    );
    await page.locator('#search-status').selectOption('7');
    await page.waitForURL(/[?&]status=7/);
    await total(page, 1);
    t.same(await rowCodes(page), [khoa], 'status 7: the withdrawn one');
    await page.locator('#search-status').selectOption('4');
    await page.waitForURL(/[?&]status=4/);
    await total(page, 2);
    t.same(await rowCodes(page), [lan, first], 'status 4: the two being processed');

    // The procedure, picked by typing part of its name.
    await page.locator('#search-procedure').fill(byCode(lan).procedureName.slice(0, 20));
    await page
      .getByRole('option', { name: byCode(lan).procedureName })
      .first()
      .click();
    await page.waitForURL(/[?&]procedure=2\.000908/);
    await total(page, 1);
    t.same(await rowCodes(page), [lan], 'the extract’s procedure only');
    await page.getByRole('button', { name: 'Bỏ chọn: Thủ tục' }).click();
    await total(page, 2);

    // A period that excludes them: nothing matched; one that holds them: back again, the status still applied.
    await page.locator('#search-from').fill('03/12/2026');
    await page.locator('#search-from').press('Enter');
    await page.waitForURL(/[?&]from=2026-12-03/);
    await page.getByTestId('search-empty').waitFor();
    t.equal(await rows(page).count(), 0, 'no rows received from 3/12/2026');
    await b.screenshot('search-empty');
    await page.locator('#search-to').fill('01/12/2026');
    await page.locator('#search-to').press('Enter');
    await page.waitForURL(/[?&]to=2026-12-01/);
    await page.getByRole('alert').getByText('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.').waitFor();
    await page.locator('#search-from').fill('01/12/2026');
    await page.locator('#search-from').press('Enter');
    await page.waitForURL(/[?&]from=2026-12-01/);
    await page.getByTestId('search-empty').waitFor();
    await page.locator('#search-to').fill('02/12/2026');
    await page.locator('#search-to').press('Enter');
    await page.waitForURL(/[?&]to=2026-12-02/);
    await total(page, 2);
    t.match(page.url(), /status=4/, 'the status is kept with the period');
    await page.locator('#search-from').fill('');
    await page.locator('#search-from').press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('from'));
    t.equal(new URL(page.url()).searchParams.get('to'), '2026-12-02', 'an emptied day is no bound');

    // The code leads to the dossier; Back returns to the same search.
    const searched = page.url();
    await rows(page).first().getByRole('link', { name: lan }).click();
    await page.waitForURL(`${b.base}/ho-so/${lan}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goBack();
    await page.waitForURL(searched);
    await total(page, 2);
    t.equal(await page.locator('#search-status').inputValue(), '4', 'the status is back from the address');
    await page.getByRole('button', { name: 'Bỏ mọi điều kiện' }).click();
    await page.waitForURL(`${b.base}/tim-ho-so`);
    await total(page, 3);

    // In English: the columns and statuses in English, the dates still as dd/mm/yyyy.
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('columnheader', { name: 'Dossier code' }).waitFor();
    t.equal(await page.getByTestId('search-total').textContent(), '3 dossiers found');
    const english = await cells(page, first);
    t.equal(english[3], 'Processing', 'the status in English');
    t.equal(english[4], '02/12/2026 09:00', 'dates as dd/mm/yyyy hh:mm');
    t.equal(await page.locator('#search-status option').nth(7).textContent(), 'Withdrawn by the applicant');
    await b.screenshot('search-officer-en');
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('columnheader', { name: 'Mã hồ sơ' }).waitFor();

    // At 17:30 the first is past its due time and the extract at risk: the checkbox lists them, the earliest due first.
    h.clock.set('2026-12-02T17:30:00+07:00');
    await h.app.system.scheduler.runDue();
    const atRisk = await search(h, TODAY_WARD.officer, 'atRisk=true');
    t.same(
      atRisk.items.map((d) => [d.code, d.late, d.lateRisk]),
      [
        [first, true, true],
        [lan, false, true],
      ],
      'the API: the late one, then the one at risk',
    );
    await page.getByLabel('Có nguy cơ trễ hạn hoặc đã trễ hạn').check();
    await page.waitForURL(/[?&]atRisk=true/);
    await total(page, 2);
    t.same(await rowCodes(page), [first, lan], 'the earliest due first');
    t.equal((await cells(page, first))[7], 'Trễ hạn', 'the late badge');
    t.equal((await cells(page, lan))[7], 'Nguy cơ trễ hạn', 'the at-risk badge');
    await b.screenshot('search-at-risk');

    // VPUBND finds the department's dossier by its code, and the first applicant's dossiers at both units.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await b.login('vpubnd');
    await page.getByRole('navigation').getByRole('link', { name: 'Tìm hồ sơ' }).click();
    await page.waitForURL(`${b.base}/tim-ho-so`);
    await total(page, everyone.total);
    await searchFor(page, sxd);
    await total(page, 1);
    t.same(await rowCodes(page), [sxd], 'the building permit, by its code');
    const sxdCells = await cells(page, sxd);
    t.equal(sxdCells[1], sxdSummary.procedureName);
    t.equal(sxdCells[6], sxdSummary.deskUnitName, 'handled by the department');
    await searchFor(page, APPLICANT.idNumber);
    await total(page, 2);
    t.same(await rowCodes(page), [sxd, first], 'the same ID number at both units');
    await b.screenshot('search-publisher');
  },
  { start: '2026-12-02T09:00:00+07:00' },
);
