import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { browserTest } from '../helpers/browser.js';
import { APPLICANT, TODAY_WARD, todayReceiptBody } from '../helpers/fixtures.js';

/** Đăng ký khai sinh and cấp bản sao trích lục hộ tịch, received at Phường Hoàn Kiếm (00070) on today's map. */
const BIRTH = '1.001193';
const EXTRACT = '2.000908';
const BRANCH = { unitCode: 'TTPVHCC-CN01', officer: 'canbo.chinhanh1' };
const LAN = { fullName: 'Trần Thị Lan', idNumber: '001190023456', phone: '0987654321' };
const KHOA = { fullName: 'Lê Minh Khoa', idNumber: '001095034567', phone: '0901234567' };
/** The current month to today, the page's default period. */
const PERIOD = 'from=2026-12-01&to=2026-12-02';
const REGISTER = `/api/units/${TODAY_WARD.unitCode}/register`;

/** The browser's clock follows the server's test clock, so "this month" is the test's month. */
const syncClock = (page: Page, h: TestApp) => page.clock.setFixedTime(h.clock.now());

const rows = (page: Page) => page.locator('[data-testid="register-table"] tbody tr');
const rowCodes = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: { code: string } }).dataset.code));
const cells = (page: Page, code: string) =>
  page.locator(`[data-testid="register-table"] tbody tr[data-code="${code}"] > td`).allTextContents();

async function receive(h: TestApp, as: string, body: object): Promise<string> {
  const res = await h.request({ method: 'POST', url: '/api/dossiers', as, payload: body });
  if (res.statusCode !== 201) throw new Error(`receipt: ${res.body}`);
  return res.json().code as string;
}

/** The cell texts of a worksheet's rows (exceljs counts rows and cells from 1). */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

browserTest(
  'a ward officer reads the register of the ward’s dossiers (Mẫu 07), searches it and downloads it as Excel',
  async (b, h, t) => {
    const { page } = b;
    // Three dossiers on Wednesday 2/12/2026: two at the ward's desk, one received for the ward at a branch.
    const birth = await receive(h, TODAY_WARD.officer, { ...todayReceiptBody(BIRTH), applicant: APPLICANT });
    h.clock.advanceHours(1);
    const extract = await receive(h, TODAY_WARD.officer, { ...todayReceiptBody(EXTRACT), applicant: LAN });
    h.clock.advanceHours(1);
    const branch = await receive(h, BRANCH.officer, {
      ...todayReceiptBody(BIRTH),
      unitCode: BRANCH.unitCode,
      competentUnitCode: TODAY_WARD.unitCode,
      applicant: KHOA,
    });

    const api = (await h.request({ method: 'GET', url: `${REGISTER}?${PERIOD}`, as: TODAY_WARD.officer })).json();
    t.equal(api.total, 3, 'the API lists the three, the branch’s one too');
    t.same(
      api.items.map((e: { code: string }) => e.code),
      [birth, extract, branch],
      'in the order received',
    );
    const procedureName = (code: string) => api.items.find((e: { code: string }) => e.code === code).procedureName;
    const other = await h.request({ method: 'GET', url: `${REGISTER}?${PERIOD}`, as: 'canbo.thanhtri' });
    t.equal(other.statusCode, 403, 'an officer of another unit may not read the ward’s register');

    // The ward's officer opens the register from the menu: their own unit, this month to today.
    await syncClock(page, h);
    await b.login(TODAY_WARD.officer);
    await page.getByRole('navigation').getByRole('link', { name: 'Sổ theo dõi hồ sơ' }).click();
    await page.waitForURL(`${b.base}/so-theo-doi`);
    await page.getByRole('heading', { name: 'Sổ theo dõi hồ sơ' }).waitFor();
    t.equal(await page.getByTestId('register-unit').textContent(), 'Sổ của đơn vị: Phường Hoàn Kiếm', 'their unit');
    t.equal(await page.locator('#register-unit').count(), 0, 'an officer has no unit picker');
    t.equal(await page.locator('#register-from').inputValue(), '01/12/2026', 'from the first of the month');
    t.equal(await page.locator('#register-to').inputValue(), '02/12/2026', 'to today');
    await rows(page).nth(2).waitFor();
    t.same(await rowCodes(page), [birth, extract, branch], 'three rows, in the order received');
    t.equal(await page.getByTestId('register-total').textContent(), 'Tổng số: 3 hồ sơ');
    const header = await page.locator('[data-testid="register-table"] thead th').allTextContents();
    t.same(
      header,
      [
        'STT',
        'Mã hồ sơ',
        'Tên thủ tục hành chính',
        'Tên cá nhân, tổ chức',
        'Số điện thoại',
        'Cơ quan chủ trì giải quyết',
        'Nhận hồ sơ',
        'Hẹn trả kết quả',
        'Chuyển hồ sơ',
        'Trả kết quả',
        'Tình trạng',
        'Ghi chú',
      ],
      'the columns of the register',
    );
    const first = await cells(page, birth);
    t.same(
      first.slice(0, 7),
      ['1', birth, procedureName(birth), APPLICANT.fullName, APPLICANT.phone, 'Phường Hoàn Kiếm', '02/12/2026 09:00'],
      'the first line: number, code, procedure, applicant, phone, lead agency, received at (Hà Nội time)',
    );
    t.match(first[7], /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, 'the appointment as dd/mm/yyyy hh:mm');
    t.notMatch(first.join(' '), /\d{4}-\d{2}-\d{2}T/, 'no ISO-8601 instant is shown');
    t.equal(first[10], api.items[0].statusLabel, 'the status, in Vietnamese');
    t.same(
      (await cells(page, extract)).slice(0, 4),
      ['2', extract, procedureName(extract), LAN.fullName],
      'the second line',
    );
    const third = await cells(page, branch);
    t.equal(third[6], '02/12/2026 11:00', 'received two hours later');
    t.match(third[11], /^Tiếp nhận tại Chi nhánh số 1/, 'the note says the branch received it');
    t.equal(
      await rows(page).first().getByRole('link', { name: birth }).getAttribute('href'),
      `/ho-so/${birth}`,
      'the code leads to the dossier’s page',
    );
    await b.screenshot('register-officer');

    // Search by part of the applicant's name narrows the register to one, and the address keeps it.
    await page.locator('#register-q').fill('Thị Lan');
    await page.locator('#register-q').press('Enter');
    await page.waitForURL(/[?&]q=Th/);
    await page.locator('[data-testid="register-total"][data-total="1"]').waitFor();
    t.same(await rowCodes(page), [extract], 'only Trần Thị Lan’s dossier');
    t.equal(await rows(page).first().locator('td').first().textContent(), '1', 'numbered from 1');

    // The .xlsx of the same filters, fetched with the token and downloaded.
    const xlsxButton = page.getByRole('button', { name: 'Tải Excel (.xlsx)' });
    t.equal(await xlsxButton.count(), 1, 'the Excel button');
    t.equal(await page.getByRole('button', { name: 'In PDF' }).count(), 1, 'the PDF button');
    const download = page.waitForEvent('download');
    await xlsxButton.click();
    const file = await download;
    t.equal(file.suggestedFilename(), 'so-theo-doi-00070-2026-12-01-2026-12-02.xlsx', 'the server’s file name');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const sheet = sheetRows(book.worksheets[0]!);
    const headerRow = sheet.findIndex((row) => row.includes('Mã hồ sơ'));
    t.ok(headerRow >= 0, 'the workbook has the register’s header row');
    const [codeColumn, nameColumn] = ['Mã hồ sơ', 'Tên cá nhân, tổ chức'].map((title) =>
      sheet[headerRow]!.indexOf(title),
    );
    const data = sheet.slice(headerRow + 1).filter((row) => row.length > 1);
    t.same(
      data.map((row) => row[codeColumn!]),
      [extract],
      'its data rows are the page’s: the searched dossier only',
    );
    t.equal(data[0]![nameColumn!], LAN.fullName, 'with the applicant');

    // The PDF of the same filters, fetched with the token and opened to print.
    const pdf = page.waitForResponse((r) => r.url().includes(`/register.pdf?`));
    await page.getByRole('button', { name: 'In PDF' }).click();
    const pdfResponse = await pdf;
    t.equal(pdfResponse.status(), 200, 'the PDF is fetched with the token');
    t.match(pdfResponse.url(), /[?&]q=Th/, 'for the same search');
    t.match(pdfResponse.headers()['content-type'], /application\/pdf/);
    await page.getByRole('button', { name: 'In PDF' }).waitFor({ state: 'visible' });

    // Clearing the search brings the three back; a period longer than 366 days is the server's 422, shown.
    await page.getByRole('button', { name: 'Bỏ tìm' }).click();
    await page.locator('[data-testid="register-total"][data-total="3"]').waitFor();
    await page.locator('#register-from').fill('01/11/2025');
    await page.locator('#register-from').press('Enter');
    await page.waitForURL(/from=2025-11-01/);
    const refusal = page.locator('.register-rows').getByRole('alert');
    await refusal.waitFor();
    t.match(await refusal.textContent(), /Khoảng thời gian phải từ 1 đến 366 ngày/, 'the server’s sentence');
    t.equal(await rows(page).count(), 0, 'no rows under the refusal');
    await b.screenshot('register-period-too-long');
    await page.getByRole('button', { name: 'Tháng này' }).click();
    await page.locator('[data-testid="register-total"][data-total="3"]').waitFor();

    // In English: the columns and the notes in English, dates still as dd/mm/yyyy.
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('columnheader', { name: 'Dossier code' }).waitFor();
    t.equal(await page.getByTestId('register-total').textContent(), 'Total: 3 dossiers');
    t.match((await cells(page, branch))[11], /^Received at Chi nhánh số 1/, 'the note in English');
    t.equal((await cells(page, birth))[6], '02/12/2026 09:00', 'dates as dd/mm/yyyy hh:mm');
    await b.screenshot('register-officer-en');
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('columnheader', { name: 'Mã hồ sơ' }).waitFor();
  },
  { start: '2026-12-02T09:00:00+07:00' },
);

browserTest(
  'VPUBND picks the ward by typing its name without accents and reads its register',
  async (b, h, t) => {
    const { page } = b;
    const code = await receive(h, TODAY_WARD.officer, { ...todayReceiptBody(BIRTH), applicant: LAN });
    await syncClock(page, h);
    await b.login('vpubnd');
    await page.goto(`${b.base}/so-theo-doi`);
    await page.getByTestId('register-pick-unit').waitFor();
    t.equal(await page.getByTestId('register-unit').count(), 0, 'no own unit: a picker');
    await page.locator('#register-unit').fill('phuong hoan kiem');
    await page
      .getByRole('option', { name: /^Phường Hoàn Kiếm/ })
      .first()
      .click();
    await page.waitForURL(/[?&]unit=00070/);
    await page.locator(`[data-testid="register-table"] tbody tr[data-code="${code}"]`).waitFor();
    t.equal(await page.locator('#register-unit').inputValue(), 'Phường Hoàn Kiếm', 'the chosen unit');
    t.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), 'Phường Hoàn Kiếm');
    t.same(await rowCodes(page), [code], 'its one dossier');
    await b.screenshot('register-publisher');
  },
  { start: '2026-12-02T09:00:00+07:00' },
);
