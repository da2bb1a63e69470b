import type { Page } from 'playwright-core';
import { browserTest } from '../helpers/browser.js';
import { APPLICANT, TODAY_WARD } from '../helpers/fixtures.js';

/** Đăng ký khai sinh: received regardless of administrative boundary in Hà Nội since 18/11/2025. */
const BIRTH = '1.001193';
const BRANCH = {
  officer: 'canbo.chinhanh1',
  name: 'Chi nhánh số 1 - Trung tâm Phục vụ hành chính công thành phố Hà Nội',
};
const competentUnit = (page: Page) => page.locator('#f-competentUnitCode');

async function fillBirthRegistration(page: Page) {
  await page.locator('#f-applicant-fullName').fill(APPLICANT.fullName);
  await page.locator('#f-applicant-idNumber').fill(APPLICANT.idNumber);
  await page.locator('#f-applicant-phone').fill(APPLICANT.phone);
  await page.locator('#f-data-childFullName').fill('Nguyễn Thị Bình');
  await page.locator('#f-data-childBirthDate').fill('25/11/2026');
  await page.locator('#f-data-childGender').selectOption('Nữ');
  await page.locator('#f-data-birthPlace').fill('Bệnh viện Phụ sản Hà Nội');
  await page.locator('#f-data-motherFullName').fill('Trần Thị Cúc');
}

async function switchUser(b: { page: Page; login(username: string): Promise<void> }, username: string) {
  await b.page.getByRole('button', { name: 'Đăng xuất' }).click();
  await b.page.waitForURL(/\/dang-nhap/);
  await b.login(username);
}

browserTest(
  'a branch of the service centre receives a birth registration for the ward the officer types without accents; the ward handles it from its inbox',
  async (b, h, t) => {
    const { page } = b;
    await page.clock.setFixedTime(h.clock.now());
    await b.login(BRANCH.officer);
    await page.goto(`${b.base}/tiep-nhan`);
    await page.locator('#f-procedureCode').selectOption(BIRTH);

    const fields = page.getByTestId('competence-fields');
    await fields.waitFor();
    t.match(
      await fields.textContent(),
      'Tiếp nhận không phụ thuộc địa giới hành chính từ 18/11/2025',
      'the hint says why the branch names a competent unit',
    );
    t.equal(await competentUnit(page).inputValue(), '', 'a branch has no competent unit of its own');
    t.ok(await page.getByLabel('Tại nơi tiếp nhận').isChecked(), 'the result is returned at the branch unless chosen');

    await fillBirthRegistration(page);
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    const missing = page.locator('[data-field="/competentUnitCode"] .field-error');
    await missing.waitFor();
    t.match(await missing.textContent(), 'Chọn đơn vị có thẩm quyền giải quyết', 'required at a branch');

    await fields.getByLabel('Tìm phường, xã').fill('hoan kiem');
    await page
      .locator(`#f-competentUnitCode option[value="${TODAY_WARD.unitCode}"]:checked`)
      .waitFor({ state: 'attached' });
    t.equal(await missing.count(), 0, 'the message goes once the ward is chosen');
    await b.screenshot('boundary-free-branch-form');

    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    const done = page.getByTestId('receipt-done');
    await done.waitFor();
    const code = (await done.getAttribute('data-code'))!;
    t.match(
      await done.getByTestId('dossier-units').textContent(),
      new RegExp(
        `Nơi tiếp nhận: ${BRANCH.name}.*Đơn vị giải quyết: Phường Hoàn Kiếm.*` +
          `Nơi trả kết quả: Tại nơi tiếp nhận \\(${BRANCH.name}\\)`,
        's',
      ),
      'the done view shows both units and where the result is returned',
    );
    await b.screenshot('boundary-free-branch-done');
    const stored = (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: TODAY_WARD.officer })).json();
    t.match(
      stored,
      { deskUnitCode: TODAY_WARD.unitCode, resultReturn: 'desk', resultUnitCode: 'TTPVHCC-CN01' },
      'the ward handles it; the branch returns the result',
    );

    // The ward's officer finds the task in the inbox and the units on the dossier's page.
    await switchUser(b, TODAY_WARD.officer);
    await page.getByRole('link', { name: 'Hộp việc' }).first().click();
    const row = page.locator(`tr.task-row[data-dossier="${code}"]`);
    await row.waitFor();
    t.match(await row.getByTestId('received-at').textContent(), /^Nơi tiếp nhận: Chi nhánh số 1/, 'the row says where');
    await b.screenshot('boundary-free-ward-inbox');
    await row.getByRole('link', { name: code }).click();
    await page.waitForURL(new RegExp(`/ho-so/${code.replace(/\./g, '\\.')}$`));
    t.match(
      await page.locator('.dossier-header').getByTestId('dossier-units').textContent(),
      /Nơi tiếp nhận: Chi nhánh số 1.*Đơn vị giải quyết: Phường Hoàn Kiếm/s,
      'the dossier page shows both units',
    );

    // The applicant following the dossier sees where it was received, who handles it, where to collect the result.
    await page.goto(`${b.base}/tra-cuu/${code}`);
    await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill(APPLICANT.idNumber);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const tracked = page.getByTestId('track-result');
    await tracked.getByTestId('result-place').waitFor();
    t.match(
      await tracked.textContent(),
      /Đơn vị tiếp nhậnChi nhánh số 1.*Đơn vị giải quyếtPhường Hoàn Kiếm.*Nơi nhận kết quảChi nhánh số 1/s,
      'the tracking page names the three',
    );

    // At the ward's own desk the competent unit is the ward, until another is chosen.
    await page.goto(`${b.base}/tiep-nhan`);
    await page.locator('#f-procedureCode').selectOption(BIRTH);
    await page.getByTestId('competence-fields').waitFor();
    await page
      .locator(`#f-competentUnitCode option[value="${TODAY_WARD.unitCode}"]:checked`)
      .waitFor({ state: 'attached' });
    t.pass('a ward names itself by default');
  },
  { start: '2026-12-02T09:00:00+07:00' },
);
