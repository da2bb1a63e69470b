import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { connect } from '../../src/db/connect.js';
import type { TestApp } from '../helpers/app.js';
import { browserTest } from '../helpers/browser.js';
import { complete, drive, receive } from '../helpers/drive.js';

const PROCEDURE = '2.000908';

interface Step {
  seq: number;
  activityId: string | null;
  activityName: string | null;
  path: string[];
  tokens: string[];
  onTime: boolean | null;
}

const get = async (h: TestApp, url: string) => (await h.request({ method: 'GET', url, as: 'thanhtra' })).json();

/** Elements of the diagram shown carrying a marker (canvas.addMarker puts it on the element's SVG group). */
const marked = (page: Page, marker: string) => page.locator(`[data-testid="replay-diagram"] .djs-element.${marker}`);
/**
 * The diagram's markers follow the step counter in an effect after the render: wait until `n` elements carry the
 * marker (the assertion that follows reports a mismatch if they never do).
 */
const markedCount = async (page: Page, marker: string, n: number): Promise<number> => {
  const selector = `[data-testid="replay-diagram"] .djs-element.${marker}`;
  await page
    .waitForFunction(`document.querySelectorAll(${JSON.stringify(selector)}).length === ${n}`, undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  return marked(page, marker).count();
};

browserTest(
  'an auditor replays a finished dossier to its last step, sees the chain verified, then the heatmap',
  async (b, h, t) => {
    const { page } = b;
    // Three dossiers of one procedure: the one replayed (an hour a step, on a Monday morning), one a day late at its first
    // step, one not found in the register.
    const { dossier } = await drive(h, PROCEDURE, () => 'found');
    let late = await receive(h, PROCEDURE);
    h.clock.advanceHours(30);
    late = await complete(h, late.tasks[0], 'found');
    while (late.tasks.length) late = await complete(h, late.tasks[0]);
    await drive(h, PROCEDURE, () => 'not_found');
    const replay: { steps: Step[] } = await get(h, `/api/dossiers/${dossier.code}/replay`);
    const history: { seq: number; actor: { name: string; unitName: string } }[] = await get(
      h,
      `/api/dossiers/${dossier.code}/history`,
    );
    const last = replay.steps.at(-1)!;
    const lastActor = history.find((e) => e.seq === last.seq)!.actor;
    const taken = new Set(replay.steps.flatMap((s) => s.path));

    await b.login('thanhtra');
    await page
      .locator('.cards')
      .getByRole('link', { name: /Kiểm tra hồ sơ/ })
      .click();
    await page.getByTestId('dossier-count').getByText('3 hồ sơ').waitFor();
    await page.getByTestId('dossier-search').fill(dossier.code);
    await page.getByTestId('dossier-search').press('Enter');
    await page.getByTestId('dossier-count').getByText('1 hồ sơ').waitFor();
    await b.screenshot('replay-dossiers');
    await page.getByRole('link', { name: dossier.code }).click();
    await page.waitForURL(`${b.base}/kiem-tra/${encodeURIComponent(dossier.code)}`);

    const badge = page.getByTestId('verify-badge');
    await badge.getByText(`Chuỗi nhật ký nguyên vẹn (${dossier.version} sự kiện)`).waitFor();
    t.match(await badge.getAttribute('class'), /\bok\b/, 'the verification badge is green');
    await page.getByTestId('replay-result').getByText('Phát lại khớp với nhật ký').waitFor();

    // The first step: received, the token waits at the first task, only the way there is coloured.
    const count = page.getByTestId('step-count');
    await count.getByText(`Bước 1/${replay.steps.length}`).waitFor();
    await marked(page, 'replay-path').first().waitFor();
    t.equal(
      await marked(page, 'replay-path').count(),
      replay.steps[0]!.path.length,
      'the path of the first step is marked',
    );
    t.equal(
      await page.locator('.replay-token-dot').count(),
      replay.steps[0]!.tokens.length,
      'a token on each waiting activity',
    );
    t.equal(await marked(page, 'replay-waiting').getAttribute('data-element-id'), replay.steps[0]!.tokens[0]);

    // Play to the end.
    await page.getByTestId('play').click();
    await count.getByText(`Bước ${replay.steps.length}/${replay.steps.length}`).waitFor();
    await page.getByTestId('play').getByText('Phát').waitFor();
    const panel = page.getByTestId('step-panel');
    t.equal(await panel.getByTestId('step-activity').textContent(), last.activityName, 'the last step’s activity');
    t.equal(
      await panel.getByTestId('step-actor').textContent(),
      `${lastActor.name} — ${lastActor.unitName}`,
      'its actor, by name and unit',
    );
    t.equal(await panel.getByTestId('step-on-time').textContent(), 'Đúng hạn', 'on time');
    t.equal(await panel.getByTestId('step-time-spent').textContent(), '1 giờ', 'time spent in working time');
    t.match(
      await panel.getByTestId('step-at').textContent(),
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
      'time as dd/mm/yyyy HH:mm',
    );
    t.equal(
      await markedCount(page, 'replay-path', taken.size),
      taken.size,
      'every node and flow of the path taken is marked',
    );
    t.equal(
      await marked(page, 'replay-path').and(page.locator('[data-element-id="TraLoiKhongCo"]')).count(),
      0,
      'the branch not taken is not',
    );
    t.equal(await page.locator('.replay-token-dot').count(), 0, 'no token left at the end');
    await b.screenshot('replay-last-step');

    // The slider goes back to any step and forward again.
    const slider = page.getByTestId('step-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await count.getByText(`Bước 1/${replay.steps.length}`).waitFor();
    await page.keyboard.press('ArrowRight');
    await count.getByText(`Bước 2/${replay.steps.length}`).waitFor();
    t.equal(await panel.getByTestId('step-activity').textContent(), replay.steps[1]!.activityName);
    const pathSoFar = new Set([...replay.steps[0]!.path, ...replay.steps[1]!.path]).size;
    t.equal(await markedCount(page, 'replay-path', pathSoFar), pathSoFar, 'the path so far');
    t.equal(await page.locator('.replay-token-dot').count(), replay.steps[1]!.tokens.length, 'the token moved on');
    await b.screenshot('replay-step-2');
    await page.keyboard.press('End');
    await count.getByText(`Bước ${replay.steps.length}/${replay.steps.length}`).waitFor();

    // In English too.
    await page.getByTestId('lang-toggle').click();
    await badge.getByText(`Log chain intact (${dossier.version} events)`).waitFor();
    t.equal(await panel.getByTestId('step-on-time').textContent(), 'On time');
    t.equal(await count.textContent(), `Step ${replay.steps.length} of ${replay.steps.length}`);
    await page.getByTestId('lang-toggle').click();
    await badge.getByText('Chuỗi nhật ký nguyên vẹn').waitFor();

    // The audit bundle, fetched with the auditor's token and saved as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bundle-download').click()]);
    t.equal(download.suggestedFilename(), `${dossier.code}-audit.json`);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
    t.match(
      bundle,
      { dossier: { code: dossier.code, version: dossier.version }, verification: { ok: true } },
      'the bundle is the dossier’s',
    );
    t.equal(bundle.events.length, dossier.version);

    // The heatmap of the version the dossier ran on, drawn on its diagram.
    const heatmap: { activityId: string; passed: number; late: number }[] = await get(
      h,
      `/api/procedures/${PROCEDURE}/versions/${dossier.procedureVersion}/heatmap`,
    );
    await page.getByRole('link', { name: 'Bản đồ nhiệt của phiên bản này' }).click();
    await page.waitForURL(`${b.base}/kiem-tra?tab=heatmap&procedure=${PROCEDURE}&version=${dossier.procedureVersion}`);
    const view = page.getByTestId('heatmap-view');
    await view.locator('.djs-overlay-heatmap').first().waitFor();
    t.equal(await view.locator('.djs-overlay-heatmap').count(), heatmap.length, 'a label on every activity');
    const first = heatmap.find((e) => e.activityId === 'TraCuuSoGoc')!;
    t.same([first.passed, first.late], [3, 1], 'the API counts three dossiers at the first task, one late');
    const label = view.locator('.heat-label[data-activity="TraCuuSoGoc"]');
    t.match(await label.textContent(), /3 hồ sơ.*1 trễ/, 'its label: dossiers passed, median time, late');
    const shape = view.locator('.djs-element[data-element-id="TraCuuSoGoc"]');
    t.match(await shape.getAttribute('class'), /\bheat-1\b/, 'coloured by median time against its budget: well within');
    await view.getByLabel('Tỉ lệ trễ hạn').check();
    await view.locator('.djs-element.heat-3[data-element-id="TraCuuSoGoc"]').waitFor();
    t.pass('coloured by lateness: one in three late');
    t.equal(
      await view.getByTestId('heatmap-table').locator('tbody tr').count(),
      heatmap.length,
      'the figures as a table',
    );
    await b.screenshot('replay-heatmap');

    // Another procedure from the picker: its version in force, no dossier yet.
    await page.getByTestId('heatmap-procedure').selectOption('1.001193');
    await page.getByText('Chưa có hồ sơ nào chạy trên phiên bản này.').waitFor();
    await page.waitForURL(/procedure=1\.001193/);
  },
);

browserTest(
  'a log and a diagram changed in the database file: the badge names the first bad event, replay the step',
  async (b, h, t) => {
    const { page } = b;
    const { dossier } = await drive(h, PROCEDURE, () => 'found');
    const replay: { steps: Step[] } = await get(h, `/api/dossiers/${dossier.code}/replay`);
    const bad = replay.steps[2]!.seq;

    // The attacker opens the database on their own and drops the append-only triggers first.
    const { knex: db, dialect } = await connect(h.databaseUrl);
    t.teardown(() => db.destroy());
    if (dialect === 'postgres') {
      await db.raw('DROP TRIGGER dossier_events_append_only ON dossier_events');
      await db.raw('DROP TRIGGER procedure_versions_immutable ON procedure_versions');
    } else {
      await db.raw('DROP TRIGGER dossier_events_no_update');
      await db.raw('DROP TRIGGER dossier_events_no_delete');
      await db.raw('DROP TRIGGER procedure_versions_immutable');
    }
    const { id } = await db('dossiers').where({ code: dossier.code }).first('id');
    await db('dossier_events').where({ dossier_id: id, seq: bad }).update({ at: '2018-11-19T01:00:00.000Z' });
    // …and swaps the two answers of the register check in the version the dossier ran on.
    const version = { procedure_code: PROCEDURE, number: dossier.procedureVersion };
    const { bpmn_xml: xml } = await db('procedure_versions').where(version).first('bpmn_xml');
    const rerouted = xml
      .replace('sourceRef="KetQuaTraCuu" targetRef="KyBanSao"', 'sourceRef="KetQuaTraCuu" targetRef="@"')
      .replace('sourceRef="KetQuaTraCuu" targetRef="TraLoiKhongCo"', 'sourceRef="KetQuaTraCuu" targetRef="KyBanSao"')
      .replace('targetRef="@"', 'targetRef="TraLoiKhongCo"');
    t.not(rerouted, xml);
    await db('procedure_versions').where(version).update({ bpmn_xml: rerouted });

    await b.login('thanhtra');
    await page.goto(`${b.base}/kiem-tra`);
    await page.getByTestId('code-box').fill(dossier.code);
    await page.getByRole('button', { name: 'Mở' }).click();
    const badge = page.getByTestId('verify-badge');
    await badge.getByText(`Chuỗi bị phá vỡ tại sự kiện ${bad}`).waitFor();
    t.match(await badge.getAttribute('class'), /\bbad\b/, 'the badge is red');
    t.match(
      await page.getByTestId('verify-reason').textContent(),
      new RegExp(`Sự kiện số ${bad}`),
      'with the reason, in Vietnamese',
    );

    const result = page.getByTestId('replay-result');
    await result.getByText(/Phát lại khác nhật ký tại sự kiện \d+/).waitFor();
    t.match(
      await page.getByTestId('divergence').textContent(),
      /Nhật ký ghi: .*«Lãnh đạo ký, đóng dấu bản sao».*Phát lại cho: .*«Soạn văn bản trả lời/,
      'recorded against replayed',
    );
    await result.getByText('Sơ đồ lưu hiện nay khác sơ đồ lúc ghi nhật ký').waitFor();
    t.equal(await marked(page, 'replay-divergence').count(), 2, 'both elements marked on the diagram');
    await b.screenshot('replay-broken-chain');
  },
);
