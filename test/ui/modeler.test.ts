import { readFile } from 'node:fs/promises';
import { fromRoot } from '../../src/project.js';
import { browserTest } from '../helpers/browser.js';

browserTest(
  'a modeler sees only their unit’s procedures, edits a time budget with live linting, saves and submits',
  async (b, h, t) => {
    const { page } = b;
    await b.login('modeler.stp');

    // Given the procedures of Sở Tư pháp (STP) and no others
    await page.goto(`${b.base}/so-do`);
    const table = page.getByTestId('procedure-table');
    await table.locator('tr[data-code="1.001193"]').waitFor();
    const codes = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    const scope = (await h.request({ method: 'GET', url: '/api/modelling/procedures', as: 'modeler.stp' })).json() as {
      code: string;
      ownerCode: string | null;
      departmentCode: string | null;
    }[];
    t.same(codes.sort(), scope.map((p) => p.code).sort(), 'the list is what the server allows the modeler');
    t.ok(
      scope.every((p) => p.ownerCode === 'STP' || p.departmentCode === 'STP'),
      'all of them handled or owned by STP',
    );
    t.notOk(codes.includes('1.000270'), 'not the upper-secondary school transfer of Sở GD&ĐT');
    t.notOk(codes.includes('1.001612'), 'not the household business registration owned by Sở Tài chính');

    await page.getByTestId('procedure-search').fill('khai sinh');
    const found = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    t.ok(
      found.includes('1.001193') && !found.includes('1.000894'),
      'the search box filters by name, without diacritics',
    );
    await b.screenshot('modeler-procedures');

    // When they open birth registration: the published version opens read-only
    await table.locator('tr[data-code="1.001193"] a').click();
    await page.waitForURL(`${b.base}/so-do/1.001193`);
    await page
      .getByTestId('readonly-note')
      .getByText('Phiên bản 1 (đã công bố) chỉ để xem.', { exact: false })
      .waitFor();
    t.equal(
      await page.getByRole('button', { name: 'Lưu bản nháp' }).isDisabled(),
      true,
      'a published version cannot be saved',
    );

    // and create a draft from it
    await page.getByRole('button', { name: 'Tạo bản nháp từ bản đang áp dụng' }).click();
    await page.getByTestId('editor-notice').getByText('Đã tạo bản nháp phiên bản 2.').waitFor();
    const canvas = page.getByTestId('modeler-canvas');
    const shape = (id: string) => canvas.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);
    await shape('ThamDinh').click();
    const group = page.locator('[data-group-id="group-motcua"]');
    await group.getByText('Thuộc tính Một Cửa').waitFor();
    const budget = group.locator('[data-entry-id="mc-budget"] input');
    t.equal(await budget.inputValue(), 'PT3H', 'the properties panel shows the task’s budget');
    t.equal(await group.locator('[data-entry-id="mc-role"] select').inputValue(), 'officer');
    t.equal(await group.locator('[data-entry-id="mc-unitLevel"] select').inputValue(), 'xa');

    // An invalid budget: the panel says so and the live check lists it against the task
    const live = page.getByTestId('findings-live');
    await budget.fill('3 giờ');
    await group.getByText('Thời hạn không hợp lệ', { exact: false }).waitFor();
    const invalid = live.locator('.finding-error[data-element-id="ThamDinh"]', {
      hasText: 'có thời hạn “3 giờ” không hợp lệ',
    });
    await invalid.waitFor();

    // A click on the finding selects the task it is about
    await shape('KyDuyet').click();
    await invalid.click();
    await canvas.locator('.djs-element.selected[data-element-id="ThamDinh"]').waitFor();

    // A budget too long for the procedure's legal limit (same day: 8 working hours; 8 + 3 + 2 > 8)
    await budget.fill('P1D');
    const tooLong = live.getByText('vượt thời hạn giải quyết theo quy định (8 giờ)', { exact: false });
    await tooLong.waitFor();
    await invalid.waitFor({ state: 'detached' });
    await b.screenshot('modeler-lint-error');

    // Fixed: the error disappears
    await budget.fill('PT2H');
    await tooLong.waitFor({ state: 'detached' });
    t.equal(await live.locator('.finding-error').count(), 0, 'no errors left in the live check');

    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByTestId('editor-notice').getByText('Đã lưu bản nháp phiên bản 2.').waitFor();
    t.equal(
      await page.getByTestId('findings-server').locator('.finding-error').count(),
      0,
      'the server finds no errors either',
    );

    // The diff with the version in force shows the changed task
    await page.getByRole('tab', { name: 'So sánh phiên bản' }).click();
    await page.getByTestId('diff-changes').getByText('budget: PT3H → PT2H').waitFor();
    await b.screenshot('modeler-diff');
    await page.getByRole('tab', { name: 'Soạn sơ đồ' }).click();

    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByTestId('editor-notice').getByText('Đã gửi duyệt phiên bản 2.', { exact: false }).waitFor();
    await page.getByTestId('readonly-note').waitFor();
    await b.screenshot('modeler-submitted');

    // Then the server holds version 2, submitted, with the new budget
    const versions = (
      await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions', as: 'modeler.stp' })
    ).json() as { number: number; status: string }[];
    t.equal(versions.find((v) => v.number === 2)?.status, 'submitted', 'version 2 is submitted');
    const xml = (await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/2/bpmn', as: 'modeler.stp' }))
      .body;
    t.match(xml, /<bpmn:userTask id="ThamDinh"[^>]*mc:budget="PT2H"/, 'its BPMN has the new budget');

    t.match(xml, /<bpmn:userTask id="KyDuyet"[^>]*mc:budget="PT3H"/, 'the other tasks are unchanged');
  },
);

browserTest(
  'a modeler uploads a .bpmn file, sees the server’s findings, cannot submit it, downloads it; labels follow the language',
  async (b, h, t) => {
    const { page } = b;
    await b.login('modeler.stp');
    await page.goto(`${b.base}/so-do/1.001193`);
    await page.getByTestId('readonly-note').waitFor();

    // Given a file whose last task has no time budget
    const shipped = await readFile(fromRoot('processes', '1.001193.bpmn'), 'utf8');
    const broken = shipped.replace(/(<bpmn:userTask id="TraKetQua"[^>]*?) mc:budget="PT2H"/, '$1');
    t.not(broken, shipped);
    await page
      .getByTestId('upload-input')
      .setInputFiles({ name: 'khai-sinh.bpmn', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await page.getByTestId('editor-notice').getByText('Đã tạo bản nháp phiên bản 2.').waitFor();

    // The server's finding is listed as the server's and marked on the task; the live check agrees
    const server = page.getByTestId('findings-server').locator('.finding-error[data-element-id="TraKetQua"]');
    await server.getByText('chưa có thời hạn xử lý', { exact: false }).waitFor();
    t.equal(await server.locator('.badge', { hasText: 'máy chủ' }).count(), 1, 'labelled as the server’s');
    await page.getByTestId('findings-live').locator('.finding-error[data-element-id="TraKetQua"]').waitFor();
    await page.locator('.djs-overlay-server-finding .server-finding-error').first().waitFor();

    // Submitting is refused with the findings
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('alert').getByText('Sơ đồ còn lỗi, chưa thể gửi duyệt hoặc công bố.').waitFor();
    await b.screenshot('modeler-refused');
    const stored = (
      await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/2', as: 'modeler.stp' })
    ).json() as { status: string };
    t.equal(stored.status, 'draft', 'the version stays a draft');

    // Download gives the diagram as a .bpmn file
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải xuống' }).click(),
    ]);
    t.equal(download.suggestedFilename(), '1.001193-v2.bpmn');
    const downloaded = await readFile((await download.path())!, 'utf8');
    t.match(downloaded, /<bpmn:userTask id="TraKetQua"/, 'the downloaded file is the diagram');
    t.notMatch(downloaded, /id="TraKetQua"[^>]*mc:budget/, 'as uploaded, without the budget');

    // Palette, context pad and properties panel speak the app's language
    const palette = page.locator('.djs-palette');
    await palette.getByRole('button', { name: 'Thêm bước xử lý' }).waitFor();
    await page.getByTestId('lang-toggle').click();
    await palette.getByRole('button', { name: 'Create task' }).waitFor();
    await page.getByTestId('modeler-canvas').locator('.djs-shape[data-element-id="TraKetQua"]').click();
    await page.locator('[data-group-id="group-motcua"]').getByText('Một Cửa attributes').waitFor();
    t.equal(await page.locator('[data-entry-id="mc-role"] select option:checked').textContent(), 'officer');
    await b.screenshot('modeler-english');
    await page.getByTestId('lang-toggle').click();
    await palette.getByRole('button', { name: 'Thêm bước xử lý' }).waitFor();
  },
);
